"""The PDF reader on small fixture PDFs made by tests/fixtures/pdf/make_fixtures.py."""
from __future__ import annotations

from pathlib import Path

import pytest

from converter.dump import dump
from converter.errors import NoTextError, PasswordRequiredError
from converter.model import (Heading, Image, Link, ListBlock, NoteRef, PageMarker, Paragraph, Table, block_text,
                             inline_text)
from converter.readers import ReadOptions
from converter.readers.pdf import read

FIXTURES = Path(__file__).parent.parent / "fixtures" / "pdf"


def read_fixture(name: str, password: str | None = None):
    return read((FIXTURES / name).read_bytes(), ReadOptions(source_name=name, password=password))


@pytest.mark.parametrize("name", ["headings_untagged", "headings_tagged", "lists", "columns",
                                  "hyphenation", "running_furniture", "headings_role_mapped",
                                  "outline_headings", "page_labels", "tables_tagged", "figures_tagged",
                                  "links_untagged", "notes_tagged", "contents"])
def test_fixture_reads_to_its_golden_model(name, golden):
    golden.compare(f"readers/pdf/{name}.txt", dump(read_fixture(f"{name}.pdf").value))


def test_contents_entries_are_one_paragraph_each_without_their_dot_leaders():
    entries = [inline_text(b.inlines) for b in read_fixture("contents.pdf").value.blocks
               if isinstance(b, Paragraph) and b.role == "contents"]
    assert entries == ["Foreword 2", "1 Introduction 2", "1.1 Why we need a plan for waste and recycling across "
                       "every ward of the borough and its villages 3", "1.2 What the plan aims to do 3"]


def test_untagged_headings_take_levels_from_type_size_and_bold():
    doc = read_fixture("headings_untagged.pdf").value
    levels = [(b.level, block_text(b)) for b in doc.blocks if isinstance(b, Heading)]
    assert levels == [(1, "Waste and recycling"), (2, "Missed bins"), (2, "Bigger bins"), (3, "Bulky waste")]


def test_tagged_headings_come_from_the_structure_tree():
    doc = read_fixture("headings_tagged.pdf").value
    levels = [(b.level, block_text(b)) for b in doc.blocks if isinstance(b, Heading)]
    assert levels == [(1, "Council tax"), (2, "Discounts"), (3, "Single person discount")]


def test_custom_tags_role_mapped_to_headings_are_headings():
    doc = read_fixture("headings_role_mapped.pdf").value
    levels = [(b.level, block_text(b)) for b in doc.blocks if isinstance(b, Heading)]
    assert levels == [(1, "Parking permits"), (1, "Who can apply"), (1, "How much it costs")]


def test_bookmarks_make_headings_of_text_set_like_the_body():
    doc = read_fixture("outline_headings.pdf").value
    levels = [(b.level, block_text(b)) for b in doc.blocks if isinstance(b, Heading)]
    assert levels == [(1, "Street lighting"), (2, "Reporting a fault")]


def test_page_markers_use_the_printed_page_labels():
    doc = read_fixture("page_labels.pdf").value
    assert [b.number for b in doc.blocks if isinstance(b, PageMarker)] == ["i", "ii", "1", "2"]


def test_bullets_and_numbers_become_nested_lists():
    doc = read_fixture("lists.pdf").value
    bullets, numbers = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert not bullets.ordered and numbers.ordered
    assert [block_text(item.blocks[0]) for item in bullets.items] == [
        "paper and card", "glass bottles and jars", "food tins"]
    nested = bullets.items[1].blocks[1]
    assert isinstance(nested, ListBlock) and block_text(nested) == "rinsed first\nlids removed"
    assert block_text(numbers) == "Go to our website.\nChoose a date.\nPay the charge."


def test_two_column_page_is_read_column_by_column():
    doc = read_fixture("columns.pdf").value
    paragraphs = [block_text(b) for b in doc.blocks if isinstance(b, Paragraph)]
    assert paragraphs[0].startswith("Left column sentence 1 ") and "Right" not in paragraphs[0]
    assert paragraphs[0].rstrip().endswith("sentence 12 talks about parks and open spaces.")
    assert paragraphs[1].startswith("Right column sentence 1 ")


def test_words_split_at_line_ends_are_rejoined_but_compounds_keep_their_hyphen():
    text = block_text(read_fixture("hyphenation.pdf").value.blocks[1])
    assert "customer services team" in text and "information" in text and "community" in text
    assert "well-being" in text


def test_running_headers_and_page_numbers_become_page_markers_not_text():
    doc = read_fixture("running_furniture.pdf").value
    text = "\n".join(block_text(b) for b in doc.blocks)
    assert "Annual report - " not in text and "Anytown Council" not in text
    assert [b.number for b in doc.blocks if isinstance(b, PageMarker)] == ["1", "2", "3", "4"]
    assert not any(block_text(b).strip().isdigit() for b in doc.blocks)


def test_metadata_comes_from_the_document_information():
    meta = read_fixture("headings_untagged.pdf").value.meta
    assert meta.title == "Waste and recycling" and meta.authors == ("Anytown Council",)
    assert meta.page_count == 1 and meta.source_format == "pdf"


def test_pages_without_text_are_named_in_a_warning():
    result = read_fixture("scanned_mixed.pdf")
    assert any("2" in m.text and "no text layer" in m.text for m in result.warnings)


def test_a_pdf_with_no_text_at_all_asks_for_ocr_or_the_word_file():
    with pytest.raises(NoTextError) as caught:
        read_fixture("image_only.pdf")
    assert "scanned" in caught.value.message and "Word" in caught.value.hint


def test_password_protected_pdf_names_the_file_and_what_to_do():
    with pytest.raises(PasswordRequiredError) as caught:
        read_fixture("encrypted_user_password.pdf")
    assert caught.value.path == "encrypted_user_password.pdf"
    assert "unprotected copy" in caught.value.hint and "--password" in caught.value.hint


def test_the_right_password_opens_an_encrypted_pdf():
    doc = read_fixture("encrypted_user_password.pdf", password="letmein").value
    assert doc.title == "Waste and recycling"


def test_a_wrong_password_is_a_clear_error():
    with pytest.raises(PasswordRequiredError) as caught:
        read_fixture("encrypted_user_password.pdf", password="guess")
    assert "does not open" in caught.value.message


def test_owner_password_only_pdf_reads_normally():
    doc = read_fixture("encrypted_owner_only.pdf").value
    assert any(isinstance(b, Heading) for b in doc.blocks)


def test_tagged_table_becomes_a_table_with_header_row_and_spans_in_its_place():
    doc = read_fixture("tables_tagged.pdf").value
    kinds = [type(b).__name__ for b in doc.blocks if not isinstance(b, PageMarker)]
    assert kinds == ["Paragraph", "Table", "Paragraph"]
    table = doc.blocks[2]
    assert inline_text(table.caption) == "Library opening hours"
    head, first, second, third = table.rows
    assert head.header and [(c.colspan, c.header) for c in head.cells] == [(1, True), (2, True)]
    assert not first.header and first.cells[0].rowspan == 2 and block_text(first.cells[0].blocks[0]) == "Central"
    assert [block_text(b) for b in second.cells[1].blocks] == ["9am to 1pm", "Closed for lunch"]
    link = third.cells[2].blocks[0].inlines[1]
    assert isinstance(link, Link) and link.url == "https://www.example.org/northgate"


def test_table_cell_text_is_not_also_read_as_paragraphs():
    doc = read_fixture("tables_tagged.pdf").value
    paragraphs = " ".join(block_text(b) for b in doc.blocks if isinstance(b, Paragraph))
    assert "Central" not in paragraphs and "Monday" not in paragraphs and "Hours" not in paragraphs


def test_tagged_figures_become_images_with_alt_text_and_picture_in_reading_order():
    result = read_fixture("figures_tagged.pdf")
    blocks = [b for b in result.value.blocks if not isinstance(b, PageMarker)]
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Image", "Paragraph", "Image", "Paragraph"]
    described, undescribed = blocks[1], blocks[3]
    assert described.alt == "A red rectangle" and described.mime == "image/png"
    from PIL import Image as PILImage
    import io
    assert PILImage.open(io.BytesIO(described.data)).getpixel((5, 5))[:3] == (200, 30, 30)
    assert undescribed.alt == "" and undescribed.data  # no invented description
    assert any("no alt text" in m.text for m in result.warnings)


def test_link_annotations_become_links_on_the_words_they_cover_in_untagged_pdfs():
    doc = read_fixture("links_untagged.pdf").value
    links = [(inline_text(n.children), n.url) for b in doc.blocks if isinstance(b, Paragraph)
             for n in b.inlines if isinstance(n, Link)]
    assert links == [("our website", "https://www.example.org/bins"),
                     ("waste@example.org", "mailto:waste@example.org"),
                     ("household waste and recycling collection policy page", "https://www.example.org/policy")]
    assert block_text(doc.blocks[1]) == "Report a missed bin on our website within two days."


def test_tagged_notes_become_footnotes_and_endnotes_referenced_from_the_text():
    doc = read_fixture("notes_tagged.pdf").value
    refs = [n.note_id for b in doc.blocks if isinstance(b, Paragraph) for n in b.inlines if isinstance(n, NoteRef)]
    assert refs == ["1", "2", "i"]
    assert [(n.note_id, n.kind, block_text(n.blocks[0])) for n in doc.notes] == [
        ("1", "footnote", "Figures from the 2021 census."), ("2", "footnote", "Unaudited."),
        ("i", "endnote", "See the annual report.")]
    body = " ".join(block_text(b) for b in doc.blocks)
    assert "census" not in body and "annual report" not in body


def test_sample_strategy_pdf_has_its_tables_chart_and_footnotes():
    path = FIXTURES.parent.parent.parent / "samples" / "kent-and-medway-domestic-abuse-strategy.pdf"
    doc = read(path.read_bytes(), ReadOptions(source_name=path.name)).value
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    images = [b for b in doc.blocks if isinstance(b, Image)]
    assert len(tables) == 4 and all(t.rows[0].header for t in tables)
    assert len(images) == 2 and images[0].alt.startswith("Bar chart.") and images[0].data
    assert len(doc.notes) == 6 and doc.notes[0].kind == "footnote"
