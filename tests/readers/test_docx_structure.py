"""DOCX reader: headings, lists and tables become the right model blocks."""
from __future__ import annotations

from converter.model import Heading, ListBlock, Paragraph, Table, block_text, inline_text

from docx_helpers import blocks_of, doc_of


def headings(name):
    return [(h.level, h.number, inline_text(h.inlines)) for h in blocks_of(doc_of(name), Heading)]


def test_heading_styles_give_heading_levels():
    found = headings("headings")
    assert (1, None, "Our aims") in found
    assert (2, None, "Repairs") in found


def test_custom_style_based_on_heading_2_is_a_level_2_heading():
    assert (2, None, "Custom style based on Heading 2") in headings("headings")


def test_outline_level_on_the_paragraph_makes_a_heading():
    assert (3, None, "Outline level three set on the paragraph") in headings("headings")


def test_outline_level_nine_means_body_text_even_in_a_heading_style():
    doc = doc_of("headings")
    texts = [inline_text(p.inlines) for p in blocks_of(doc, Paragraph)]
    assert "Heading style switched off by outline level nine" in texts


def test_localised_heading_style_names_are_headings():
    found = headings("headings")
    assert (1, None, "German heading one") in found
    assert (1, None, "French heading one") in found


def test_title_style_is_a_level_1_heading_and_the_document_title():
    doc = doc_of("headings")
    assert blocks_of(doc, Heading)[0] == Heading(1, blocks_of(doc, Heading)[0].inlines)
    assert inline_text(doc.blocks[0].inlines) == "Housing Strategy 2026"
    assert doc.meta.title == "Housing Strategy 2026"


def test_typed_heading_number_stays_in_the_text():
    assert (2, None, "4.2 A number typed into the heading") in headings("headings")


def test_empty_heading_paragraphs_are_dropped():
    assert all(text.strip() for _, _, text in headings("headings"))


def test_heading_anchor_is_the_bookmark_that_links_point_at():
    anchors = {inline_text(h.inlines): h.anchor for h in blocks_of(doc_of("headings"), Heading)}
    assert anchors["Linked heading"] == "_Toc111"
    assert anchors["Bookmarked heading"] == "contact_us"
    assert anchors["Our aims"] is None


def test_auto_numbered_headings_carry_their_printed_number():
    assert headings("heading_numbers") == [
        (1, "1", "Introduction"), (1, "2", "Background"), (2, "2.1", "Funding"),
        (2, "2.2", "Grants"), (3, "2.2.1", "Small grants"), (1, "3", "Next steps")]


def top_lists(name):
    return [b for b in doc_of(name).blocks if isinstance(b, ListBlock)]


def test_consecutive_items_of_one_list_merge_into_one_list_block():
    bullets = top_lists("lists")[0]
    assert not bullets.ordered
    assert [block_text(item.blocks[0]) for item in bullets.items] == ["phone", "email", "letter"]


def test_deeper_levels_become_a_nested_list_inside_the_item():
    email = top_lists("lists")[0].items[1]
    nested = email.blocks[1]
    assert isinstance(nested, ListBlock) and nested.ordered
    assert [block_text(i.blocks[0]) for i in nested.items] == ["write your name", "write your question"]


def test_list_continue_paragraph_stays_inside_the_last_item():
    letter = top_lists("lists")[0].items[2]
    assert [block_text(b) for b in letter.blocks] == ["letter", "Letters take five working days."]


def test_numbered_list_keeps_its_start_value():
    numbered = top_lists("lists")[1]
    assert numbered.ordered and numbered.start == 5
    assert len(numbered.items) == 2


def test_num_id_zero_means_not_a_list():
    doc = doc_of("lists")
    top_level_paragraphs = [inline_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph)]
    assert "Numbering switched off with numId 0" in top_level_paragraphs


def test_list_numbering_inherited_from_the_paragraph_style():
    by_style = top_lists("lists")[2]
    assert not by_style.ordered
    assert [block_text(i.blocks[0]) for i in by_style.items] == [
        "Bullet from the List Bullet style", "Second bullet from the style"]
    nested = by_style.items[1].blocks[1]
    assert isinstance(nested, ListBlock) and block_text(nested) == "Nested by the List Bullet 2 style"


def first_table():
    return next(b for b in doc_of("tables").blocks if isinstance(b, Table))


def test_repeat_header_row_becomes_a_header_row():
    table = first_table()
    assert table.rows[0].header and all(c.header for c in table.rows[0].cells)
    assert not any(r.header for r in table.body_rows)


def test_horizontally_merged_cell_is_one_cell_with_colspan():
    header = first_table().rows[0]
    assert [(block_text(c.blocks[0]), c.colspan) for c in header.cells] == [("Service", 1), ("Cost", 2)]


def test_vertically_merged_cell_is_emitted_once_with_rowspan():
    table = first_table()
    assert [block_text(c.blocks[0]) for c in table.rows[1].cells] == ["Bins", "Weekly", "Free"]
    assert table.rows[1].cells[0].rowspan == 2
    assert [block_text(c.blocks[0]) for c in table.rows[2].cells] == ["Garden", "\u00a340"]


def test_cells_keep_paragraphs_lists_and_nested_tables():
    parking = first_table().rows[3]
    permits = parking.cells[1].blocks
    assert isinstance(permits[0], Paragraph) and isinstance(permits[1], ListBlock)
    assert block_text(permits[1]) == "residents\nvisitors"
    inner = parking.cells[2].blocks[0]
    assert isinstance(inner, Table) and block_text(inner) == "Inner A\nInner B"


def test_first_row_in_bold_is_read_as_a_header_row():
    second = [b for b in doc_of("tables").blocks if isinstance(b, Table)][1]
    assert second.rows[0].header and not second.rows[1].header


def test_table_title_from_word_alt_text_becomes_the_caption():
    assert inline_text(first_table().caption) == "Council services and costs"


def test_caption_paragraph_above_a_table_becomes_its_caption():
    tables = [b for b in doc_of("tables").blocks if isinstance(b, Table)]
    assert inline_text(tables[1].caption) == "Table 2: Opening hours"
    captions = [b for b in doc_of("tables").blocks if isinstance(b, Paragraph) and b.role == "caption"]
    assert [inline_text(c.inlines) for c in captions] == ["Figure 3: A caption for a picture, not the table"]
