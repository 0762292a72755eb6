"""The easy-read Word document, web page and PDF: layout, sizes, pictures, labels and accessibility."""
from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pypdf
import pytest
from bs4 import BeautifulSoup
from docx import Document as open_docx
from docx.shared import Pt
from easy_read_documents import strategy_document

from converter.errors import SettingsError
from converter.profiles import EasyReadProfile
from converter.readers.easy_read_draft import parse_draft
from converter.transforms.easy_read import to_easy_read
from converter.writers import easy_read_docx, easy_read_html, easy_read_pdf

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from accessibility import axe_violations  # noqa: E402

DRAFT = EasyReadProfile()
APPROVED = EasyReadProfile(approved=True)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def easy():
    return to_easy_read(strategy_document(), DRAFT).value


@pytest.fixture(scope="module")
def word(easy):
    return open_docx(io.BytesIO(easy_read_docx.write(easy, DRAFT).value))


@pytest.fixture(scope="module")
def page(easy) -> str:
    return easy_read_html.write(easy, DRAFT).value.decode("utf-8")


def test_docx_lines_are_two_column_tables_with_the_picture_in_the_left_cell(word):
    assert len(word.tables) >= 8
    for table in word.tables:
        assert len(table.columns) == 2
        for row in table.rows:
            left, right = row.cells
            assert left._tc.findall(f".//{W}drawing"), "every line has a picture on the left"
            assert not right._tc.findall(f".//{W}drawing") and right.text.strip()
            assert table.columns[0].width < table.columns[1].width


def test_docx_pictures_have_alt_text(word):
    described = word.element.body.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
    assert described and all(d.get("descr") for d in described)


def test_docx_text_is_16pt_and_up_and_headings_larger(word):
    assert word.styles["Normal"].font.size == Pt(16)
    assert word.styles["Heading 2"].font.size > Pt(16) and word.styles["Heading 1"].font.size > Pt(20)
    sizes = [run.font.size for table in word.tables for row in table.rows for cell in row.cells
             for p in cell.paragraphs for run in p.runs]
    assert all(size is None or size >= Pt(16) for size in sizes)
    assert not any(run.font.italic for p in word.paragraphs for run in p.runs)


def test_docx_key_words_are_bold_runs(word):
    bold = [run.text for table in word.tables for row in table.rows for p in row.cells[1].paragraphs
            for run in p.runs if run.bold]
    assert "Safeguarding" in bold or "safeguarding" in bold


def test_docx_says_draft_until_approved_and_records_how_it_was_made(easy, word):
    assert "DRAFT" in word.sections[0].header.paragraphs[0].text
    assert word.core_properties.language == "en-GB" and "draft" in word.core_properties.title
    assert "altformats" in word.core_properties.comments and '"approved":false' in word.core_properties.comments
    approved = open_docx(io.BytesIO(easy_read_docx.write(easy, APPROVED).value))
    assert "DRAFT" not in approved.sections[0].header.paragraphs[0].text
    assert all("DRAFT" not in p.text for p in approved.paragraphs)


def test_docx_credits_openmoji(word):
    assert "OpenMoji" in word.paragraphs[-1].text and "CC BY-SA 4.0" in word.paragraphs[-1].text


def _golden_form(html: str) -> str:
    """Pictures as their names, so the golden stays readable and small."""
    return re.sub(r'src="data:image/svg\+xml;base64,[^"]+"', 'src="(svg)"', html)


def test_html_matches_golden(easy, golden):
    golden.compare("easy_read/strategy-easy-read.html", _golden_form(easy_read_html.write(easy, DRAFT).value.decode()))


def test_html_has_language_title_headings_and_alt_on_every_picture(page):
    soup = BeautifulSoup(page, "html.parser")
    assert soup.html["lang"] == "en-GB" and "easy read" in soup.title.text
    assert len(soup.find_all("h1")) == 1 and len(soup.find_all("h2")) >= 8
    assert all(img.get("alt") for img in soup.find_all("img"))
    assert "OpenMoji" in soup.footer.text and "DRAFT" in soup.header.text


def test_html_passes_automated_wcag_checks_in_chromium(page):
    assert axe_violations(page) == []


def test_pdf_is_tagged_within_24_pages_and_says_draft_on_every_page(easy):
    reader = pypdf.PdfReader(io.BytesIO(easy_read_pdf.write(easy, DRAFT).value))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert 1 < len(reader.pages) <= 24
    assert all("DRAFT" in p.extract_text() for p in reader.pages)
    assert "OpenMoji" in reader.pages[-1].extract_text()


def test_approved_pdf_has_no_draft_label(easy):
    reader = pypdf.PdfReader(io.BytesIO(easy_read_pdf.write(easy, APPROVED).value))
    assert not any("DRAFT" in p.extract_text() for p in reader.pages)


def test_missing_openmoji_pictures_is_a_clear_error_saying_what_to_run(monkeypatch, tmp_path):
    monkeypatch.setenv("ALTFORMATS_ASSETS", str(tmp_path))
    with pytest.raises(SettingsError) as caught:
        parse_draft("# T {#cover}\n\n[book] Hello.\n")
    assert "OpenMoji" in caught.value.message and "npm install" in caught.value.hint
