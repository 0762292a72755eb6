"""Text, Markdown and HTML readers: what each kind of source becomes in the model."""
from __future__ import annotations

import pytest

from converter.dump import dump
from converter.errors import BadInputError
from converter.pipeline import read_bytes
from converter.readers import ReadOptions
from converter.readers import html as html_reader
from converter.readers import markdown as markdown_reader
from converter.readers import text as text_reader


def body(reader, source: str | bytes) -> str:
    data = source.encode("utf-8") if isinstance(source, str) else source
    return dump(reader.read(data, ReadOptions()).value, meta=False)


def test_text_underlined_lines_become_headings_and_dash_lines_become_nested_lists():
    source = "Council tax\n===========\n\nHow to pay\n----------\n- Online\n- By phone\n  - call 01622 000000\n"
    assert body(text_reader, source) == (
        "H1 Council tax\nH2 How to pay\nLIST bullet\n  - ITEM\n    P Online\n  - ITEM\n    P By phone\n"
        "    LIST bullet\n      - ITEM\n        P call 01622 000000\n")


def test_text_hard_wrapped_prose_is_joined_but_short_label_lines_stay_separate():
    source = ("You can pay your council tax online, by direct debit or at the\noffice in person.\n\n"
              "Opening times\nMonday to Friday\n")
    assert body(text_reader, source) == (
        "P You can pay your council tax online, by direct debit or at the office in person.\n"
        "P Opening times\nP Monday to Friday\n")


def test_text_numbered_lines_become_an_ordered_list_with_its_start_number():
    assert body(text_reader, "3. Fill in the form\n4. Send it back\n") == (
        "LIST ordered start=3\n  - ITEM\n    P Fill in the form\n  - ITEM\n    P Send it back\n")


def test_text_with_byte_order_mark_and_crlf_reads_cleanly():
    assert body(text_reader, b"\xef\xbb\xbfFirst line.\r\n\r\nSecond line.\r\n") == "P First line.\nP Second line.\n"


def test_text_in_windows_1252_is_read_with_a_warning_naming_the_encoding():
    data = "Caf\u00e9 opening hours are 9am to 5pm, Monday to Friday \u2013 closed on bank holidays.".encode("cp1252")
    result = text_reader.read(data, ReadOptions())
    assert "Café" in dump(result.value)
    assert any("not UTF-8" in m.text for m in result.warnings)


def test_empty_text_file_is_a_clear_error():
    with pytest.raises(BadInputError) as err:
        text_reader.read(b"  \n\n ", ReadOptions(source_name="blank.txt"))
    assert err.value.path == "blank.txt" and err.value.hint


def test_markdown_headings_lists_tables_links_and_images_map_to_the_model():
    source = ("# Bins\n\nWe collect **every** week. See [our page](https://example.gov.uk/bins).\n\n"
              "![A green bin](bin.png)\n\n- Garden\n  1. Grass\n- Food\n\n| Day | Bin |\n|---|---|\n| Mon | Green |\n")
    assert body(markdown_reader, source) == (
        "H1 Bins\nP We collect **every** week. See [our page](https://example.gov.uk/bins).\n"
        "IMAGE alt='A green bin' mime=None bytes=no\n"
        "LIST bullet\n  - ITEM\n    P Garden\n    LIST ordered start=1\n      - ITEM\n        P Grass\n"
        "  - ITEM\n    P Food\n"
        "TABLE\n  ROW header\n    CELL header\n      P Day\n    CELL header\n      P Bin\n"
        "  ROW\n    CELL\n      P Mon\n    CELL\n      P Green\n")


def test_markdown_code_blocks_become_plain_paragraphs_and_html_comments_are_dropped():
    source = "<!-- note to self -->\n\n```\nline one\nline two\n```\n"
    assert body(markdown_reader, source) == "P line one\nP line two\n"


def test_html_reads_main_content_only_skipping_nav_scripts_and_hidden_parts():
    source = ("<html lang='en-GB'><head><title>Bins</title></head><body><nav>Menu</nav><main>"
              "<h1>Bin <em>day</em></h1><p>We collect <b>every</b> week.</p><script>x()</script>"
              "<p hidden>secret</p><div aria-hidden='true'>icon</div></main><footer>Footer</footer></body></html>")
    result = html_reader.read(source.encode(), ReadOptions())
    assert dump(result.value, meta=False) == "H1 Bin _day_\nP We collect **every** week.\n"
    assert result.value.meta.title == "Bins" and result.value.meta.language == "en-GB"


def test_html_tables_keep_caption_header_cells_and_spans():
    source = ("<table><caption>Days</caption><thead><tr><th>Day</th><th>Bin</th></tr></thead>"
              "<tr><td colspan='2'>Closed</td></tr><tr><td rowspan='nonsense'>Mon</td><td>Green</td></tr></table>")
    assert body(html_reader, source) == (
        "TABLE caption='Days'\n  ROW header\n    CELL header\n      P Day\n    CELL header\n      P Bin\n"
        "  ROW\n    CELL colspan=2\n      P Closed\n  ROW\n    CELL\n      P Mon\n    CELL\n      P Green\n")


def test_html_loose_text_in_divs_becomes_paragraphs_and_images_keep_alt_or_are_decorative():
    source = "<body><div>Loose text<p>A paragraph</p></div><img src=a alt='A lorry'><img src=b alt=''></body>"
    assert body(html_reader, source) == (
        "P Loose text\nP A paragraph\nIMAGE alt='A lorry' mime=None bytes=no\n"
        "IMAGE alt='' mime=None bytes=no decorative\n")


def test_html_nested_lists_keep_their_nesting_and_start_number():
    source = "<ol start='4'><li>Fill in<ul><li>name</li></ul></li><li><p>Send</p></li></ol>"
    assert body(html_reader, source) == (
        "LIST ordered start=4\n  - ITEM\n    P Fill in\n    LIST bullet\n      - ITEM\n        P name\n"
        "  - ITEM\n    P Send\n")


def test_html_nested_ten_thousand_deep_reads_without_crashing():
    source = b"<div>" * 10000 + b"deep text" + b"</div>" * 10000
    assert "deep text" in body(html_reader, source)


@pytest.mark.parametrize("name,data,expected", [
    ("notes.txt", b"Plain words here.", "P Plain words here.\n"),
    ("notes.md", b"# Title", "H1 Title\n"),
    ("page.html", b"<p>Hello there.</p>", "P Hello there.\n"),
])
def test_pipeline_sends_each_text_kind_to_its_reader(name, data, expected):
    assert dump(read_bytes(data, name).value, meta=False) == expected


def test_markdown_front_matter_fills_the_metadata_and_is_not_read_as_text():
    source = ("---\ntitle: Bin strategy\nauthor: Kent County Council\nkeywords: bins; waste\ncompany: KCC\n---\n\n"
              "::: cover\nOur plan for bins\n:::\n\n# Bins\n")
    doc = markdown_reader.read(source.encode(), ReadOptions()).value
    assert (doc.meta.title, doc.meta.authors, doc.meta.keywords, doc.meta.organisation) == (
        "Bin strategy", ("Kent County Council",), ("bins", "waste"), "KCC")
    assert dump(doc, meta=False) == "P Our plan for bins\nH1 Bins\n"


def test_text_lines_that_are_bullets_without_markers_are_not_joined_into_one_sentence():
    source = ("If you're with someone having a seizure:\n\n"
              "only move them if they're in danger, such as near a busy road or hot cooker\n"
              "cushion their head if they're on the ground\n"
              "loosen any tight clothing around their neck, such as a collar or tie, to aid breathing\n"
              "stay with them and talk to them calmly until they recover\n")
    paragraphs = body(text_reader, source).splitlines()
    assert len(paragraphs) == 5


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

MARKUP = st.text(alphabet=st.sampled_from(list("<>/=\"' abpulitdhr123#*-_|[]()!\n`:;&")), max_size=300)


@settings(max_examples=150, deadline=None)
@given(MARKUP)
def test_any_markup_reads_as_html_or_markdown_without_crashing(source):
    for reader in (html_reader, markdown_reader):
        result = reader.read(source.encode("utf-8"), ReadOptions())
        dump(result.value)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_read_as_text_or_give_a_clear_error(data):
    try:
        dump(text_reader.read(data, ReadOptions(source_name="x.txt")).value)
    except BadInputError as err:
        assert err.hint
