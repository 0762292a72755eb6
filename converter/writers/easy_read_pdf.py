"""Easy-read Document -> tagged A4 PDF (PDF/UA-1) from the same HTML templates, via WeasyPrint; nothing remote."""
from __future__ import annotations

import io
import logging

from ..errors import OutputError
from ..provenance import generator_string, settings_string
from ..result import WARNING, Message, Result
from .easy_read_html import render_html


class _Refusals(logging.Handler):
    """Collects WeasyPrint's warnings about resources it did not load."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(record.getMessage())


def _data_only_fetcher():
    """Fetches data: URIs only; the network and local files are refused."""
    from weasyprint.urls import URLFetcher

    class DataOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.lower().startswith("data:"):
                raise ValueError(f"altformats does not fetch external resources: {url[:80]}")
            return super().fetch(url, headers)

    return DataOnly(allowed_protocols=("data",), allow_redirects=False, fail_on_errors=False)


def render_pdf(html: str, title: str, language: str, profile) -> tuple[bytes, list[str]]:
    """Tagged PDF/UA-1 from the page, with title, language, generator and settings in its metadata."""
    from weasyprint import HTML
    handler = _Refusals()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        document = HTML(string=html, url_fetcher=_data_only_fetcher(), base_url=None).render(
            pdf_tags=True, pdf_variant="pdf/ua-1")
        document.metadata.title = title
        document.metadata.lang = language
        document.metadata.generator = generator_string()
        document.metadata.keywords = ["easy read", f"altformats-settings:{settings_string(profile)}"]
        out = io.BytesIO()
        document.write_pdf(out, pdf_tags=True, pdf_variant="pdf/ua-1")
    finally:
        logger.removeHandler(handler)
    return out.getvalue(), handler.texts


def write(doc, profile, *, progress=None) -> Result[bytes]:
    """Writer contract: easy-read Document -> Result[PDF bytes]; says DRAFT on every page until approved."""
    page = render_html(doc, profile, for_print=True)
    if progress:
        progress(0.2, "laying out pages")
    title = doc.title + ("" if profile.approved else " – easy read draft") if doc.title else "Easy read"
    try:
        data, problems = render_pdf(page.value, title, doc.meta.language or profile.language, profile)
    except Exception as exc:  # one output failing must not crash the others
        raise OutputError(f"The easy read PDF could not be laid out ({type(exc).__name__}: {exc}).",
                          hint="Make the easy read Word document instead, and report this draft.") from exc
    refused = tuple(Message(WARNING, f"Not fetched: {text}") for text in problems if "fetch" in text.lower())
    if progress:
        progress(1.0, "easy read PDF written")
    return Result(data, page.messages + refused)
