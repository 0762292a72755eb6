"""Real documents from the shared corpus, read by the real readers, through all four writers."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from docx_inspection import effective_runs, paragraph_alignments
from pdf_inspection import catalog, text_spans

from converter.pipeline import read_path
from converter.profiles import LargePrintProfile, StandardPrintProfile, TextProfile
from converter.writers import docx as docx_writer
from converter.writers import html as html_writer
from converter.writers import pdf as pdf_writer
from converter.writers import text as text_writer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from accessibility import axe_violations  # noqa: E402

DOCUMENTS = [
    "docx/uk_green_party_soc_rulings_report.docx",
    "pdf/uk_green_party_housing_retrofit_policy_5pp_tagged.pdf",
    "pdf/us_senate_expenditures_table_1p.pdf",
]


@pytest.fixture(scope="module", params=DOCUMENTS)
def document(request, corpus):
    return read_path(corpus / "documents" / request.param).value


@pytest.mark.slow
def test_plain_text_of_a_real_document_is_clean_utf8(document):
    text = text_writer.write(document, TextProfile()).value.decode("utf-8")
    assert "\r" not in text and len(text.split()) > 50


@pytest.mark.slow
def test_html_of_a_real_document_passes_axe_core(document):
    assert axe_violations(html_writer.write(document, StandardPrintProfile()).value.decode()) == []


@pytest.mark.slow
def test_large_print_word_of_a_real_document_has_nothing_under_18pt(document):
    data = docx_writer.write_large_print(document, LargePrintProfile()).value
    runs = effective_runs(data)
    assert runs and [r["text"] for r in runs if r["size"] < 18 or r["italic"] or r["underline"]] == []
    assert set(paragraph_alignments(data)) == {"left"}


@pytest.mark.slow
def test_large_print_pdf_of_a_real_document_has_nothing_under_18pt_and_is_tagged(document):
    data = pdf_writer.write_large_print(document, LargePrintProfile()).value
    spans = text_spans(data)
    assert spans and [s for s in spans if s[1] < 17.9] == []
    root, info, _ = catalog(data)
    assert bool(root["/MarkInfo"]["/Marked"]) and root["/Lang"] == "en-GB" and info.title
