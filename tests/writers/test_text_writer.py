"""Plain text writer: what a screen reader user gets, line by line."""
from __future__ import annotations

from writer_documents import (BlockQuote, Heading, Image, LineBreak, Link, ListBlock, ListItem, Note, NoteRef,
                              PageMarker, Sidebar, Table, TableCell, TableRow, Text, bullets, cell, doc, para,
                              png, rich_document, row)

from converter.profiles import TextProfile
from converter.writers.text import write


def text_of(document, **settings) -> str:
    return write(document, TextProfile(**settings)).value.decode("utf-8")


def body_of(document, **settings) -> str:
    """The text after the title block."""
    return text_of(document, **settings).split("\n\n", 1)[1]


def test_output_is_utf8_with_lf_line_endings_and_one_final_newline():
    data = write(doc(para("Café\r\nau lait"), title="Menu")).value
    assert b"\r" not in data
    assert data.decode("utf-8").endswith("lait\n") and not data.endswith(b"\n\n")


def test_first_block_gives_the_title_underlined():
    assert text_of(doc(para("Hello"), title="Parking permits")).startswith("Parking permits\n===============\n\nHello")


def test_a_first_level_one_heading_equal_to_the_title_is_not_repeated():
    text = text_of(doc(Heading(1, (Text("Parking permits"),)), para("Hello"), title="Parking permits"))
    assert text == "Parking permits\n===============\n\nHello\n"


def test_headings_are_underlined_by_level_and_numbered():
    body = body_of(doc(Heading(1, (Text("Scope"),), number="1"), Heading(2, (Text("Who"),), number="1.1"),
                       Heading(3, (Text("Exceptions"),))))
    assert body == "1 Scope\n=======\n\n1.1 Who\n-------\n\nExceptions\n"


def test_roman_numerals_in_heading_numbers_become_digits():
    body = body_of(doc(Heading(2, (Text("Costs"),), number="IV.ii")))
    assert body.startswith("4.2 Costs\n")


def test_bullet_and_numbered_lists_have_one_item_per_line_nested_by_two_spaces():
    nested = ListBlock(False, (ListItem((para("Fruit"), bullets("Apples", "Pears", ordered=True, start=3))),
                               ListItem((para("Bread"),))))
    assert body_of(doc(nested)) == "- Fruit\n  3. Apples\n  4. Pears\n- Bread\n"


def test_table_rows_are_written_with_their_column_headings():
    table = Table((row("Name", "Phone", header=True), row("Housing", "01234 567890"), row("Parking", "")))
    assert body_of(doc(table)) == "Row 1: Name: Housing; Phone: 01234 567890\nRow 2: Name: Parking\n"


def test_merged_header_cells_name_every_column_they_cover():
    table = Table((TableRow((TableCell((para("Calls"),), colspan=2, header=True),), header=True),
                   row("In", "Out", header=True), row("5", "7")))
    assert body_of(doc(table)) == "Row 1: Calls - In: 5; Calls - Out: 7\n"


def test_a_table_without_header_row_lists_values_only():
    assert body_of(doc(Table((row("a", "b"), row("c", "d"))))) == "Row 1: a; b\nRow 2: c; d\n"


def test_images_become_their_alt_text_and_decorative_images_vanish():
    body = body_of(doc(Image("A bin lorry", png(), "image/png"), Image("", png(), "image/png", decorative=True),
                       para("After")))
    assert body == "[Image: A bin lorry]\n\nAfter\n"


def test_an_image_without_alt_text_is_announced_and_warned_about():
    result = write(doc(Image("", png(), "image/png")))
    assert "[Image: no description]" in result.value.decode()
    assert any("alt text" in m.text for m in result.warnings)


def test_links_show_their_address_once():
    body = body_of(doc(para(Link((Text("our site"),), "https://example.gov.uk"), " and ",
                            Link((Text("https://example.gov.uk"),), "https://example.gov.uk"), " and ",
                            Link((Text("help@example.gov.uk"),), "mailto:help@example.gov.uk"))))
    assert body == "our site (https://example.gov.uk) and https://example.gov.uk and help@example.gov.uk\n"


def test_footnotes_become_numbered_marks_and_a_notes_section_at_the_end():
    document = doc(para("Fact", NoteRef("x7")), para("More", NoteRef("a1")),
                   notes=(Note("a1", "footnote", (para("Second."),)), Note("x7", "endnote", (para("First."),))))
    assert body_of(document) == "Fact[1]\n\nMore[2]\n\nNotes\n=====\n\n[1] First.\n\n[2] Second.\n"


def test_page_markers_are_kept_only_for_long_documents_or_when_asked():
    short = doc(PageMarker("12"), para("Short"))
    assert "[Page 12]" not in text_of(short)
    assert "[Page 12]\n" in text_of(short, page_markers=True)
    long = doc(PageMarker("xii"), para("word " * 5001))
    assert "\n[Page 12]\n" in text_of(long)


def test_line_breaks_and_quotes_keep_their_text_without_markup_characters():
    body = body_of(doc(para("One", LineBreak(), "Two"), BlockQuote((para("Said"),))))
    assert body == "One\nTwo\n\nQuote:\nSaid\nEnd of quote.\n"
    assert not set("*_#>|<") & set(text_of(rich_document()))


def test_an_unknown_node_type_is_kept_as_text_with_a_warning():
    result = write(doc(Sidebar((Text("Call us today"),))))
    assert "Call us today" in result.value.decode()
    assert any("Sidebar" in m.text for m in result.warnings)


def test_headings_are_not_underlined_when_the_setting_is_off():
    assert text_of(doc(Heading(2, (Text("Scope"),))), underline_headings=False) == "Test document\n\nScope\n"


def test_rich_document_matches_its_golden(golden):
    golden.compare("writers/text/rich.txt", text_of(rich_document(), page_markers=True))


def test_the_source_contents_list_is_kept_only_with_the_page_markers_it_refers_to():
    from writer_documents import Paragraph
    contents = Paragraph((Text("Introduction 5"),), role="contents")
    document = doc(contents, PageMarker("5"), Heading(1, (Text("Introduction"),)))
    result = write(document, TextProfile())
    assert "Introduction 5" not in result.value.decode()
    assert any("table of contents" in m.text for m in result.messages)
    assert "Introduction 5\n\n[Page 5]" in text_of(document, page_markers=True)
