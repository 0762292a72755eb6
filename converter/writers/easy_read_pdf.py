"""Easy-read Document -> tagged A4 PDF (PDF/UA-1) from the same HTML templates, via WeasyPrint; nothing remote."""
from __future__ import annotations

from ..result import Result
from .easy_read_html import render_html
from .tagged_pdf import pdf_result


def write(doc, profile, *, progress=None) -> Result[bytes]:
    """Writer contract: easy-read Document -> Result[PDF bytes]; says DRAFT on every page until approved."""
    page = render_html(doc, profile, for_print=True)
    title = doc.title + ("" if profile.approved else " – easy read draft") if doc.title else "Easy read"
    return pdf_result(page, title, doc.meta.language or profile.language, profile, name="easy read",
                      instead="easy read Word document", keywords=["easy read"], progress=progress)
