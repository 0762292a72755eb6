"""DOCX reader: pictures, links, formatting, notes, text boxes, content controls,
tracked changes, fields, metadata and page markers."""
from __future__ import annotations

from converter.model import (Emphasis, Image, LineBreak, Link, NoteRef, PageMarker, Paragraph, Strong, Text,
                             inline_text)

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from converter.readers import ReadOptions
from converter.readers.docx import read
from docx_helpers import blocks_of, doc_of, read_fixture


def paragraph_texts(doc) -> list[str]:
    return [inline_text(p.inlines) for p in blocks_of(doc, Paragraph)]


def test_inline_picture_keeps_bytes_mime_and_alt_text():
    image = blocks_of(doc_of("images"), Image)[0]
    assert image.alt == "The new library on the High Street"
    assert image.mime == "image/png" and image.data.startswith(b"\x89PNG")
    assert (image.width_px, image.height_px) == (100, 100)


def test_anchored_picture_without_description_uses_its_title_as_alt():
    image = blocks_of(doc_of("images"), Image)[1]
    assert image.alt == "Map of the ward" and image.data


def test_picture_marked_decorative_is_flagged_and_not_warned_about():
    result = read_fixture("images")
    decorative = blocks_of(result.value, Image)[2]
    assert decorative.decorative and decorative.alt == ""
    assert [m.where for m in result.warnings][0] == "picture 5"


def test_vml_picture_is_read_with_its_alt_text():
    image = blocks_of(doc_of("images"), Image)[3]
    assert image.alt == "Council logo" and image.data.startswith(b"\x89PNG")


def test_picture_without_alt_text_is_kept_with_a_warning():
    result = read_fixture("images")
    assert blocks_of(result.value, Image)[4].alt == ""
    assert "no alt text" in result.warnings[0].text


def test_chart_keeps_its_alt_text_with_a_warning_that_its_data_is_not_read():
    result = read_fixture("images")
    chart = blocks_of(result.value, Image)[5]
    assert chart.alt == "Pie chart: 60% of spending goes on social care." and chart.data is None
    assert any("chart" in m.text and m.where == "picture 6" for m in result.warnings)


def test_external_and_internal_hyperlinks_become_links():
    first = blocks_of(doc_of("links_and_formatting"), Paragraph)[0]
    links = [n for n in first.inlines if isinstance(n, Link)]
    assert [(inline_text(l.children), l.url) for l in links] == [
        ("bin collections", "https://www.example.gov.uk/bins"), ("how to contact us", "#_Contact")]


def test_adjacent_bold_runs_merge_into_one_strong():
    second = blocks_of(doc_of("links_and_formatting"), Paragraph)[1]
    assert second.inlines[:3] == (Text("You "), Strong((Text("must apply"),)), Text(" by "))
    assert Emphasis((Text("Friday"),)) in second.inlines
    assert Strong((Emphasis((Text("at noon"),)),)) in second.inlines


def test_spaces_at_the_edge_of_bold_text_stay_outside_it():
    second = blocks_of(doc_of("links_and_formatting"), Paragraph)[1]
    assert second.inlines[3:6] == (Emphasis((Text("Friday"),)), Text(" "), Strong((Emphasis((Text("at noon"),)),)))


def test_line_breaks_are_kept_and_tabs_become_spaces():
    third = blocks_of(doc_of("links_and_formatting"), Paragraph)[2]
    assert third.inlines == (Text("Town Hall"), LineBreak(), Text("High Street AB1 2CD"))


def test_hyperlink_field_becomes_a_link_with_its_displayed_text():
    fourth = blocks_of(doc_of("links_and_formatting"), Paragraph)[3]
    assert fourth.inlines[-1] == Link((Text("council tax"),), "https://www.example.gov.uk/council-tax")


def test_bold_from_a_character_style_is_strong():
    fifth = blocks_of(doc_of("links_and_formatting"), Paragraph)[4]
    assert fifth.inlines == (Strong((Text("Bold from a character style"),)),)


def test_hidden_text_is_not_read():
    assert blocks_of(doc_of("links_and_formatting"), Paragraph)[5].inlines == (Text("Shown text."),)


def test_simple_hyperlink_field_becomes_a_link():
    sixth = blocks_of(doc_of("links_and_formatting"), Paragraph)[6]
    assert sixth.inlines[-1] == Link((Text("parking"),), "https://www.example.gov.uk/parking")


def test_footnote_and_endnote_references_point_at_document_notes():
    doc = doc_of("notes")
    refs = [n.note_id for p in blocks_of(doc, Paragraph) for n in p.inlines if isinstance(n, NoteRef)]
    assert refs == ["1", "2", "i"]
    assert [(n.note_id, n.kind, inline_text(n.blocks[0].inlines)) for n in doc.notes] == [
        ("1", "footnote", "Figures from the 2021 census."), ("2", "footnote", "Unaudited."),
        ("i", "endnote", "See the annual report.")]


def test_separator_notes_are_not_notes():
    assert len(doc_of("notes").notes) == 3


def test_text_box_is_read_once_not_again_from_its_fallback():
    texts = paragraph_texts(doc_of("text_boxes"))
    assert texts.count("Call 0300 123 4567 for help.") == 1
    assert texts == ["Before the box.", "Call 0300 123 4567 for help.", "An old VML text box.", "After the boxes."]


def test_cover_page_text_survives_and_is_marked_cover():
    doc = doc_of("content_controls")
    assert inline_text(doc.blocks[0].inlines) == "Annual Report"
    assert doc.blocks[1] == Paragraph((Text("Prepared by the Policy Team"),), role="cover")


def test_table_of_contents_control_becomes_contents_paragraphs():
    contents = [p for p in blocks_of(doc_of("content_controls"), Paragraph) if p.role == "contents"]
    assert [inline_text(p.inlines) for p in contents] == ["Contents", "Summary 2", "Finance 3"]


def test_other_content_controls_are_read_through():
    texts = paragraph_texts(doc_of("content_controls"))
    assert "Published in March." in texts and "Contact: Jo Bloggs" in texts


def test_content_controls_still_showing_their_prompt_are_not_read():
    texts = paragraph_texts(doc_of("content_controls"))
    assert "Click or tap here to enter text." not in texts
    assert "Phone:" in texts


def test_insertions_kept_and_deletions_dropped():
    texts = paragraph_texts(doc_of("tracked_changes"))
    assert texts[0] == "The meeting is on Tuesday."
    assert "A paragraph inside an insertion." in texts


def test_a_deleted_line_break_goes_with_its_deletion(tmp_path):
    word = docx.Document()
    word.element.body.insert(0, parse_xml(
        f'<w:p {nsdecls("w")}><w:r><w:t xml:space="preserve">Call us </w:t></w:r>'
        '<w:del w:id="1" w:author="A"><w:r><w:br/><w:delText>on Monday or </w:delText></w:r></w:del>'
        '<w:r><w:t>today.</w:t></w:r></w:p>'))
    word.save(tmp_path / "deleted_break.docx")
    read_back = read((tmp_path / "deleted_break.docx").read_bytes(), ReadOptions(source_name="deleted_break.docx"))
    first = blocks_of(read_back.value, Paragraph)[0]
    assert inline_text(first.inlines) == "Call us today."
    assert not [i for i in first.inlines if isinstance(i, LineBreak)]


def test_tracked_changes_are_reported_as_read_accepted():
    messages = read_fixture("tracked_changes").messages
    assert any(m.level == "info" and "tracked changes" in m.text for m in messages)
    assert not any("tracked changes" in m.text for m in read_fixture("lists").messages)


def test_moved_text_appears_only_where_it_was_moved_to():
    texts = paragraph_texts(doc_of("tracked_changes"))
    assert texts.count("Moved sentence.") == 0
    assert "Kept text. Moved sentence." in texts


def test_fields_show_their_result_not_their_instruction():
    assert paragraph_texts(doc_of("fields"))[:2] == ["Page 7 of the plan, dated 1 April 2026.", "See section 3.2."]


def test_a_field_left_unfinished_does_not_swallow_the_rest_of_the_document():
    assert paragraph_texts(doc_of("fields"))[2:] == ["A broken field:", "The text after a broken field is still read."]


def test_core_and_app_properties_become_metadata():
    meta = doc_of("metadata").meta
    assert (meta.title, meta.authors, meta.subject) == ("Parks Plan", ("Parks Team",), "Green spaces")
    assert meta.keywords == ("parks", "trees", "play areas")
    assert (meta.date, meta.organisation, meta.page_count) == ("2026-03-14", "Example Borough Council", 1)
    assert meta.language == "cy-GB" and meta.source_format == "docx" and meta.source_name == "metadata.docx"


def test_page_breaks_section_breaks_and_page_break_before_give_page_markers():
    doc = doc_of("page_breaks")
    sequence = [b.number if isinstance(b, PageMarker) else inline_text(b.inlines) for b in doc.blocks]
    assert sequence == ["1", "Chapter one", "Page one text.", "2", "Page two text.", "3",
                        "Page three starts with this paragraph.", "Section one ends here.", "4",
                        "Page four, after a section break.", "5", "Chapter two"]


def test_a_page_break_before_the_first_content_starts_no_extra_page():
    first_blocks = doc_of("page_breaks").blocks[:2]
    assert first_blocks[0] == PageMarker("1") and inline_text(first_blocks[1].inlines) == "Chapter one"


def test_rendered_page_breaks_are_used_when_word_saved_them():
    markers = [b.number for b in doc_of("rendered_page_breaks").blocks if isinstance(b, PageMarker)]
    assert markers == ["1", "2", "3"]


def test_page_numbers_counted_from_breaks_alone_are_reported_as_estimates():
    estimated = [m.text for m in read_fixture("page_breaks").messages if "page numbers are estimates" in m.text]
    assert len(estimated) == 1 and "5 pages" in estimated[0]
    assert not [m for m in read_fixture("rendered_page_breaks").messages if "estimates" in m.text]


def test_document_without_breaks_has_no_page_markers():
    assert not blocks_of(doc_of("lists"), PageMarker)


def test_language_of_the_normal_style_wins_over_the_document_defaults():
    from lxml import etree

    from converter.readers.docx.meta import document_language
    from converter.readers.docx.styles import StyleSheet

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    styles = etree.fromstring(
        f'<w:styles xmlns:w="{w}"><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US"/></w:rPr>'
        '</w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        '<w:name w:val="Normal"/><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:style></w:styles>')
    assert document_language(StyleSheet(styles), None) == "en-GB"
    assert document_language(StyleSheet(None), None) == "en-GB"
