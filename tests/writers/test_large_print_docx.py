"""Large-print Word document: every run at least the chosen size, real styles, no italics or underline."""
from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree
from docx_inspection import canonical, effective_runs, paragraph_alignments
from writer_documents import (Emphasis, Heading, Image, Link, ListBlock, ListItem, PageMarker, Sidebar, Table, Text, bullets, doc, para, png,
                              rich_document, row, wide_table)

from converter.errors import SettingsError
from converter.profiles import LargePrintProfile
from converter.provenance import generator_string
from converter.writers.docx import write_large_print


def docx_of(document, **settings) -> bytes:
    return write_large_print(document, LargePrintProfile(**settings)).value


def opened(data: bytes):
    return docx.Document(io.BytesIO(data))


@pytest.mark.parametrize("size", [16, 18, 28])
def test_every_run_of_text_is_at_least_the_chosen_size(size):
    runs = effective_runs(docx_of(rich_document(), font_size=size, page_markers=True))
    assert {r["part"] for r in runs} >= {"word/document.xml", "word/footer1.xml"}
    assert [r for r in runs if r["size"] < size] == []


@pytest.mark.parametrize("size", [15, 30])
def test_sizes_outside_16_to_28_are_refused(size):
    with pytest.raises(SettingsError):
        LargePrintProfile(font_size=size)


def test_no_italic_underline_capitals_or_justified_text_anywhere():
    data = docx_of(rich_document())
    runs = effective_runs(data)
    assert not [r["text"] for r in runs if r["italic"] or r["underline"] or r["caps"]]
    assert set(paragraph_alignments(data)) == {"left"}
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert "<w:i/>" not in styles and '<w:jc w:val="both"/>' not in styles


def test_emphasis_becomes_bold_and_links_stay_links_in_bold_without_underline():
    data = docx_of(doc(para("An ", Emphasis((Text("important"),)), " point ",
                            Link((Text("online"),), "https://example.gov.uk"))))
    body = opened(data).element.body
    runs = {"".join(t.text for t in r.iter(qn("w:t"))): r for r in body.iter(qn("w:r"))}
    assert runs["important"].find(qn("w:rPr")).find(qn("w:b")) is not None
    link = next(body.iter(qn("w:hyperlink")))
    assert "online" in "".join(t.text for t in link.iter(qn("w:t")))
    assert link.find(qn("w:r")).find(qn("w:rPr")).find(qn("w:b")) is not None


def test_headings_use_the_built_in_heading_styles_larger_and_bold():
    word = opened(docx_of(rich_document()))
    styled = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert styled[:3] == [("Heading 1", "Domestic abuse strategy 2025 to 2028"), ("Heading 2", "1 Our priorities"),
                          ("Heading 2", "2 Figures")]
    assert word.styles["Heading 2"].font.size.pt > 18 and word.styles["Heading 2"].font.bold


def test_title_language_subject_and_provenance_are_in_the_properties():
    data = docx_of(rich_document(), font_size=20.0)
    props = opened(data).core_properties
    assert props.title == "Domestic abuse strategy 2025 to 2028" and props.language == "en-GB"
    assert props.comments.startswith(generator_string()) and '"font_size":20.0' in props.comments
    assert props.subject
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert re.search(r'<w:rPrDefault>.*<w:lang w:val="en-GB"', styles, re.S)


def test_no_style_a_paragraph_or_table_cell_can_take_sets_line_spacing_outside_1_2_to_1_5():
    data = docx_of(doc(para("x"), Table((row("Name", "Phone", header=True), row("Housing", "0123")))))
    styles = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml"))
    lines = {(style.get(qn("w:styleId")) if style.tag == qn("w:style") else "defaults"): int(spacing.get(qn("w:line")))
             for style in [*styles.iter(qn("w:style")), *styles.iter(qn("w:docDefaults"))]
             for spacing in style.iter(qn("w:spacing"))
             if spacing.getparent().tag == qn("w:pPr") and spacing.get(qn("w:line"))}
    assert "TableGrid" in lines and "defaults" in lines  # the table style cells take in Word, and the defaults
    assert {name: line for name, line in lines.items() if not 1.2 * 240 <= line <= 1.5 * 240} == {}


def test_pages_are_a4_portrait_with_margins_of_at_least_2cm_and_page_numbers():
    word = opened(docx_of(doc(para("x")), margin_cm=2.0))
    section = word.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert min(section.left_margin, section.right_margin, section.top_margin, section.bottom_margin) >= Cm(2) - 1
    assert " PAGE " in section.footer._element.xml


def test_lists_use_list_styles_with_levels_and_numbering_restarts():
    word = opened(docx_of(doc(bullets("a", "b"), ListBlock(False, (
        ListItem((para("top"), bullets("inner"))),)),
        bullets("one", "two", ordered=True), bullets("five", ordered=True, start=5))))
    styles = [(p.style.name, p.text) for p in word.paragraphs if p.text]
    assert ("List Bullet", "a") in styles and ("List Bullet 2", "inner") in styles
    assert ("List Number", "one") in styles
    num_ids = [p._p.pPr.numPr.numId.val for p in word.paragraphs if p.text in ("one", "five")]
    assert num_ids[0] != num_ids[1]
    numbering = word.part.numbering_part.element.xml
    assert f'<w:num w:numId="{num_ids[1]}">' in numbering and '<w:startOverride w:val="5"/>' in numbering


def test_wide_tables_are_reflowed_and_narrow_tables_keep_a_repeated_header_row():
    word = opened(docx_of(doc(wide_table(), Table((row("Name", "Phone", header=True), row("Housing", "0123"))))))
    texts = [p.text for p in word.paragraphs]
    assert "Ward: North" in texts and "Lead officer: A. Patel" in texts
    assert len(word.tables) == 1
    first_row = word.tables[0].rows[0]._tr
    assert first_row.trPr is not None and first_row.trPr.find(qn("w:tblHeader")) is not None


def test_images_fill_the_text_width_inline_with_their_alt_text():
    data = docx_of(doc(Image("Bin collection map", png(40, 20), "image/png"), Image("", png(), "image/png",
                                                                                   decorative=True)))
    word = opened(data)
    shapes = word.inline_shapes
    assert len(shapes) == 1
    assert abs(shapes[0].width.cm - (21.0 - 2 * 2.5)) < 0.05
    assert shapes[0]._inline.docPr.get("descr") == "Bin collection map"
    assert b"wp:anchor" not in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def test_svg_images_are_drawn_and_broken_images_keep_their_alt_text():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    result = write_large_print(doc(Image("Square", svg, "image/svg+xml"), Image("Broken", b"nope", "image/png")),
                               LargePrintProfile())
    word = opened(result.value)
    assert len(word.inline_shapes) == 1
    assert "[Image: Broken]" in [p.text for p in word.paragraphs]
    assert any("could not be read" in m.text for m in result.warnings)


def test_notes_become_real_word_footnotes_with_bracketed_marks_at_body_size():
    data = docx_of(rich_document())
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert "footnotes.xml" in archive.read("[Content_Types].xml").decode()
    assert "footnotes.xml" in archive.read("word/_rels/document.xml.rels").decode()
    footnotes = archive.read("word/footnotes.xml").decode()
    assert '<w:footnote w:id="1">' in footnotes and "Home Office definition, 2021." in footnotes
    body = archive.read("word/document.xml").decode()
    assert re.search(r"<w:t>\[</w:t>.*<w:footnoteReference w:id=\"1\"/>.*<w:t>\]</w:t>", body, re.S)
    assert "vertAlign" not in archive.read("word/styles.xml").decode()
    assert [r for r in effective_runs(data) if r["part"] == "word/footnotes.xml" and r["size"] < 18] == []
    assert any(r["part"] == "word/footnotes.xml" for r in effective_runs(data))


def test_pandoc_reads_the_footnotes_back_as_notes(tmp_path):
    import subprocess
    path = tmp_path / "notes.docx"
    path.write_bytes(docx_of(rich_document()))
    markdown = subprocess.run(["pandoc", str(path), "-t", "markdown"], capture_output=True, text=True,
                              check=True).stdout
    assert "[^1]: Home Office definition, 2021." in markdown


def test_original_page_markers_appear_as_bold_lines_for_long_documents():
    long = opened(docx_of(doc(PageMarker("12"), para("word " * 5001))))
    marker = [p for p in long.paragraphs if p.text == "[Original page 12]"]
    assert marker and marker[0].runs[0].bold
    short = opened(docx_of(doc(PageMarker("12"), para("short"))))
    assert "[Original page 12]" not in [p.text for p in short.paragraphs]


def test_a_document_without_a_title_heading_gets_a_title_paragraph():
    word = opened(docx_of(doc(Heading(2, (Text("Scope"),)), title="Parking policy")))
    assert (word.paragraphs[0].style.name, word.paragraphs[0].text) == ("Title", "Parking policy")


def test_an_unknown_node_type_is_kept_as_text_with_a_warning():
    result = write_large_print(doc(Sidebar((Text("Call us today"),))), LargePrintProfile())
    assert "Call us today" in [p.text for p in opened(result.value).paragraphs]
    assert any("Sidebar" in m.text for m in result.warnings)


def test_rich_document_matches_its_golden(golden):
    text = canonical(docx_of(rich_document(), page_markers=True))
    golden.compare("writers/large-print-docx/rich.xml", text.replace(generator_string(), "altformats VERSION"))


def test_run_and_paragraph_properties_are_in_schema_order_so_word_opens_the_file():
    from converter.writers.docx_styles import CHILD_ORDER
    from docx_inspection import children_out_of_schema_order
    assert children_out_of_schema_order(docx_of(rich_document(), page_markers=True), CHILD_ORDER) == []
