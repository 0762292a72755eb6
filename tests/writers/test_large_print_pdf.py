"""Large-print tagged PDF: every span at least the chosen size, tagged, titled, en-GB, fetches nothing."""
from __future__ import annotations

import base64
import http.server
import threading

import pytest
from pdf_inspection import (catalog, figure_alt_texts, font_names, image_count, laid_out_text_styles,
                            struct_tags, text_spans)
from writer_documents import (Heading, Image, PageMarker, Sidebar, Text, doc, para, png, rich_document,
                              wide_table)

from converter.errors import SettingsError
from converter.profiles import LargePrintProfile
from converter.provenance import generator_string
from converter.writers.pdf import write_large_print


def pdf_of(document, **settings) -> bytes:
    return write_large_print(document, LargePrintProfile(**settings)).value


@pytest.mark.parametrize("size", [16, 18, 28])
def test_every_text_span_is_at_least_the_chosen_size(size):
    spans = text_spans(pdf_of(rich_document(), font_size=size, page_markers=True))
    assert len(spans) > 40
    too_small = [(page, pt, text) for page, pt, text in spans if pt < size - 0.1]
    assert too_small == []


def test_page_numbers_and_headings_are_present_and_headings_are_larger():
    spans = text_spans(pdf_of(rich_document()))
    assert any(text.startswith("Page 1 of") and pt == pytest.approx(18, abs=0.1) for _, pt, text in spans)
    title = [pt for _, pt, text in spans if text.startswith("Domestic abuse strategy")]
    assert title and min(title) > 18


def test_pdf_is_tagged_with_headings_tables_and_figures():
    data = pdf_of(rich_document())
    root, _, _ = catalog(data)
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    tags = struct_tags(data)
    assert {"H1", "H2", "H3", "Table", "TH", "Figure", "L", "LI"} <= set(tags)
    assert tags.count("H1") == 1


def test_pdf_has_language_title_and_provenance():
    root, info, _ = catalog(pdf_of(rich_document(), font_size=20.0))
    assert root["/Lang"] == "en-GB"
    assert info.title == "Domestic abuse strategy 2025 to 2028"
    assert info.creator.startswith("altformats ")
    assert '"font_size":20.0' in info["/Keywords"]


def test_wide_tables_are_reflowed_into_one_block_per_row():
    spans = [text for _, _, text in text_spans(pdf_of(doc(wide_table())))]
    assert "Ward: North" in spans and "Lead officer:" in " ".join(spans)
    assert "Table" not in struct_tags(pdf_of(doc(wide_table())))


def test_original_page_markers_appear_for_long_documents():
    long = doc(PageMarker("12"), para("word " * 5001))
    assert any(text == "[Original page 12]" for _, _, text in text_spans(pdf_of(long)))
    assert not any("Original page" in text for _, _, text in text_spans(pdf_of(doc(PageMarker("3"), para("x")))))


@pytest.mark.parametrize("size", [15, 30])
def test_sizes_outside_16_to_28_are_refused(size):
    with pytest.raises(SettingsError, match="16 and 28"):
        LargePrintProfile(font_size=size)


class CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server naming)
        CountingHandler.hits.append(self.path)
        body = png()
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def svg_pointing_at(href: str) -> bytes:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'width="40" height="20"><image xlink:href="{href}" href="{href}" width="40" height="20"/></svg>'
            ).encode()


def test_images_pointing_at_the_network_or_local_files_are_not_fetched(tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(png(30, 30, (200, 0, 0)))
    server = http.server.HTTPServer(("127.0.0.1", 0), CountingHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        hostile = doc(Image("Remote", svg_pointing_at(f"http://127.0.0.1:{server.server_port}/x.png"),
                            "image/svg+xml"),
                      Image("Local", svg_pointing_at(secret.as_uri()), "image/svg+xml"),
                      Image("Passwords", svg_pointing_at("file:///etc/passwd"), "image/svg+xml"))
        result = write_large_print(hostile, LargePrintProfile())
    finally:
        server.shutdown()
    assert CountingHandler.hits == []
    assert image_count(result.value) == 0
    assert sum("Not fetched" in m.text for m in result.warnings) == 3
    inline = "data:image/png;base64," + base64.b64encode(png()).decode()
    control = pdf_of(doc(Image("Inline", svg_pointing_at(inline), "image/svg+xml")))
    assert image_count(control) >= 1  # the same SVG with a data: URI does render its picture


def test_an_unknown_node_type_is_kept_as_text_with_a_warning():
    result = write_large_print(doc(Sidebar((Text("Call us today"),))), LargePrintProfile())
    assert any("Call us today" in text for _, _, text in text_spans(result.value))
    assert any("Sidebar" in m.text for m in result.warnings)


def test_rich_document_text_with_sizes_matches_its_golden(golden):
    spans = text_spans(pdf_of(rich_document(), page_markers=True))
    text = "".join(f"p{p} {pt:5.1f} {t}\n" for p, pt, t in spans).replace(generator_string(), "altformats VERSION")
    golden.compare("writers/large-print-pdf/rich.txt", text)


def test_headings_inside_the_document_keep_their_order_and_numbers():
    spans = [t for _, _, t in text_spans(pdf_of(doc(Heading(1, (Text("Scope"),), number="iii"))))]
    assert ["3", "Scope"] == spans[spans.index("3"):spans.index("3") + 2]


def test_the_large_print_page_behind_the_pdf_passes_axe_core_too():
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from accessibility import axe_violations

    from converter.writers.html import render_page
    from converter.writers.html_nodes import HtmlOptions
    from converter.writers.pdf import large_print_css
    profile = LargePrintProfile()
    page = render_page(rich_document(), profile, large_print_css(profile),
                       HtmlOptions(reflow_wide_tables=True, page_marker_label="[Original page {}]",
                                   decorative_images=False)).value
    assert 'class="reflowed-table"' in page
    assert axe_violations(page) == []


def large_print_page(document, profile=LargePrintProfile()) -> str:
    from converter.writers.html import render_page
    from converter.writers.html_nodes import HtmlOptions
    from converter.writers.pdf import large_print_css
    return render_page(document, profile, large_print_css(profile),
                       HtmlOptions(reflow_wide_tables=True, page_marker_label="[Original page {}]",
                                   decorative_images=False)).value


def test_no_text_is_laid_out_italic_underlined_or_justified_and_line_height_is_1_2_to_1_5():
    styles = laid_out_text_styles(large_print_page(rich_document()))
    assert len(styles) > 40
    assert [s["text"] for s in styles if s["font_style"] != "normal" or s["decoration"] != "none"
            or s["align"] != "left" or not 1.2 <= (s["line_height"] or 0) <= 1.5] == []


def test_no_italic_or_oblique_font_is_embedded():
    names = font_names(pdf_of(rich_document()))
    assert names and not [n for n in names if "italic" in n.lower() or "oblique" in n.lower()]


def test_every_figure_in_the_tag_tree_carries_its_alt_text():
    document = doc(Image("Map of the borough", png(), "image/png"), Image("", png(), "image/png"),
                   Image("", png(), "image/png", decorative=True))
    assert figure_alt_texts(pdf_of(document)) == ["Map of the borough", "Image without a description"]
