"""Accessible HTML page: structure, escaping, notes, and a real axe-core run in Chromium."""
from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from writer_documents import (Heading, Image, Link, Note, NoteRef, PageMarker, Sidebar, Text, doc, para, png,
                              rich_document, wide_table)

from converter.profiles import StandardPrintProfile
from converter.provenance import generator_string
from converter.writers.html import write

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from accessibility import axe_violations  # noqa: E402


def html_of(document) -> str:
    return write(document, StandardPrintProfile()).value.decode("utf-8")


def soup_of(document) -> BeautifulSoup:
    return BeautifulSoup(html_of(document), "html.parser")


def normalised(html: str) -> str:
    """Golden form: image bytes as a short hash, the version as VERSION."""
    def image(match: re.Match) -> str:
        data = base64.b64decode(match.group(2))
        return f"data:{match.group(1)};base64,<{len(data)} bytes sha1 {hashlib.sha1(data).hexdigest()[:12]}>"
    html = re.sub(r"data:([\w/+.-]+);base64,([A-Za-z0-9+/=]+)", image, html)
    return html.replace(generator_string(), "altformats VERSION")


def test_page_has_language_title_one_h1_and_headings_in_order():
    soup = soup_of(rich_document())
    assert soup.html["lang"] == "en-GB"
    assert soup.title.string == "Domestic abuse strategy 2025 to 2028"
    assert [h.get_text() for h in soup.find_all("h1")] == ["Domestic abuse strategy 2025 to 2028"]
    levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels


def test_skipped_heading_levels_are_closed_up():
    soup = soup_of(doc(Heading(1, (Text("A"),)), Heading(4, (Text("B"),)), Heading(2, (Text("C"),))))
    assert [h.name for h in soup.find_all(re.compile(r"^h[1-6]$"))] == ["h1", "h2", "h2", "h3", "h3"]


def test_skip_link_and_contents_point_at_real_ids():
    soup = soup_of(rich_document())
    assert soup.find("a", class_="skip-link")["href"] == "#main" and soup.find(id="main").name == "main"
    for link in soup.select("nav.contents a"):
        assert soup.find(id=link["href"][1:]) is not None


def test_table_header_cells_have_scope_and_tables_have_captions():
    soup = soup_of(rich_document())
    assert all(th.get("scope") in ("col", "colgroup", "row") for th in soup.find_all("th"))
    assert soup.find("table").caption.get_text() == "Referrals in 2024"


def test_every_image_has_alt_and_decorative_images_have_empty_alt():
    soup = soup_of(rich_document())
    alts = [img.get("alt") for img in soup.find_all("img")]
    assert alts == ["Map of the borough showing the three refuges", ""]
    assert all(img["src"].startswith("data:image/png;base64,") for img in soup.find_all("img"))


def test_footnotes_are_a_list_with_links_both_ways():
    soup = soup_of(doc(para("Fact", NoteRef("n")), notes=(Note("n", "footnote", (para("Source."),)),)))
    ref = soup.find("a", class_="note-ref")
    note = soup.find(id=ref["href"][1:])
    assert note.name == "li" and "Source." in note.get_text()
    assert note.find("a", class_="note-back")["href"] == "#" + ref["id"]


def test_page_markers_are_present_as_subtle_labelled_paragraphs():
    marker = soup_of(doc(PageMarker("xii"), para("Text"))).find(class_="page-marker")
    assert marker["id"] == "page-12" and marker.get_text() == "Page 12"


def test_text_is_escaped_and_unsafe_links_are_not_links():
    result = write(doc(para("<script>alert(1)</script>", Link((Text("click"),), "javascript:alert(1)")),
                       title="<b>T</b>"))
    html = result.value.decode()
    assert "<script>" not in html and "&lt;script&gt;" in html and "javascript:" not in html
    assert "<title>&lt;b&gt;T&lt;/b&gt;</title>" in html
    assert any("plain text" in m.text for m in result.warnings)


def test_generator_and_settings_are_recorded_in_meta_tags():
    soup = soup_of(doc(para("x")))
    assert soup.find("meta", attrs={"name": "generator"})["content"] == generator_string()
    assert '"font_size":12.0' in soup.find("meta", attrs={"name": "altformats-settings"})["content"]


def test_an_unknown_node_type_is_kept_as_text_with_a_warning():
    result = write(doc(Sidebar((Text("Call us today"),))))
    assert "Call us today" in result.value.decode()
    assert any("Sidebar" in m.text for m in result.warnings)


def test_rich_page_passes_axe_core_wcag_checks_in_chromium():
    assert axe_violations(html_of(rich_document())) == []


def test_page_without_headings_or_images_passes_axe_core_too():
    document = doc(para("Just one paragraph."), Image("", None), wide_table(), title="Bare")
    assert axe_violations(html_of(document)) == []


def test_rich_page_matches_its_golden(golden):
    golden.compare("writers/html/rich.html", normalised(html_of(rich_document())))


def test_contents_lists_sections_with_their_subsections_nested():
    soup = soup_of(rich_document())
    top = soup.select("nav.contents > ul > li")
    assert [li.a.get_text() for li in top] == ["1 Our priorities", "2 Figures"]
    assert [a.get_text() for a in top[1].select(":scope ul a")] == ["Where to get help"]


def test_a_file_name_used_as_title_is_shown_as_words():
    from writer_documents import Document, Metadata
    untitled = Document(Metadata(source_name="council_tax-guide_2025.docx"), (para("Text"),))
    assert soup_of(untitled).title.string == "Council tax guide 2025"


def test_links_inside_the_document_point_at_our_heading_ids_or_become_text():
    document = doc(para(Link((Text("see costs"),), "#_Toc42"), " and ", Link((Text("gone"),), "#_Toc99")),
                   Heading(2, (Text("Costs"),), anchor="_Toc42"))
    soup = soup_of(document)
    link = soup.find("a", string="see costs")
    assert soup.find(id=link["href"][1:]).get_text() == "Costs"
    assert soup.find("a", string="gone") is None and "gone" in soup.main.get_text()


def test_the_source_contents_list_gives_way_to_the_page_s_own_linked_contents():
    from writer_documents import Paragraph
    document = doc(Paragraph((Text("Costs 5"),), role="contents"), Heading(2, (Text("Costs"),)),
                   Heading(2, (Text("Help"),)))
    result = write(document, StandardPrintProfile())
    soup = BeautifulSoup(result.value.decode(), "html.parser")
    assert "Costs 5" not in soup.get_text()
    assert [a.get_text() for a in soup.select("nav.contents a")] == ["Costs", "Help"]
    assert any("table of contents" in m.text for m in result.messages)
