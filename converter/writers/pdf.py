"""Document -> large-print tagged PDF: the HTML page's body with a large-print stylesheet, via WeasyPrint."""
from __future__ import annotations

import io
import logging
import re

from ..errors import OutputError
from ..model import Document, word_count
from ..profiles import LargePrintProfile
from ..provenance import generator_string, settings_string
from ..result import Message, Result, WARNING
from .clean_text import without_unwritable_characters
from .html import render_page, template_environment
from .html_nodes import HtmlOptions
from .numbering import keep_page_markers
from .titles import display_title


FALLBACK_FONTS = ('"Liberation Sans"', "Arial", '"DejaVu Sans"', "sans-serif")


def font_stack(family: str) -> str:
    """The profile's font first (quoted, stripped of anything but name characters), then fallbacks."""
    name = re.sub(r"[^A-Za-z0-9 -]", "", family).strip()
    stack = [f'"{name}"'] if name else []
    return ", ".join(stack + [f for f in FALLBACK_FONTS if f.strip('"') != name])


def large_print_css(profile: LargePrintProfile) -> str:
    return template_environment().get_template("large_print.css.j2").render(
        size=profile.font_size, margin=profile.margin_cm, margin_bottom=profile.margin_cm + 0.5,
        family=font_stack(profile.font_family), line_spacing=profile.line_spacing,
        headings=[(level, profile.heading_size(level)) for level in range(1, 7)],
    )


def data_uri_fetcher():
    """A WeasyPrint URL fetcher for data: URIs only; the network and local files are refused."""
    from weasyprint.urls import URLFetcher

    class DataUriOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.lower().startswith("data:"):
                raise ValueError(f"altformats does not fetch external resources: {url[:80]}")
            return super().fetch(url, headers)

    return DataUriOnlyFetcher(allowed_protocols=("data",), allow_redirects=False, fail_on_errors=False)


class RefusedFetches(logging.Handler):
    """Collects WeasyPrint's warnings about resources it could not load (our refusals)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(record.getMessage())


def render_pdf(html: str, title: str, language: str, profile) -> tuple[bytes, list[str]]:
    from weasyprint import HTML

    handler = RefusedFetches()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        document = HTML(string=html, url_fetcher=data_uri_fetcher(), base_url=None).render(
            pdf_tags=True, pdf_variant="pdf/ua-1")
        document.metadata.title = title
        document.metadata.lang = language
        document.metadata.generator = generator_string()
        document.metadata.keywords = [f"altformats-settings:{settings_string(profile)}"]
        out = io.BytesIO()
        document.write_pdf(out, pdf_tags=True, pdf_variant="pdf/ua-1")
    finally:
        logger.removeHandler(handler)
    return out.getvalue(), handler.texts


def write_large_print(doc: Document, profile: LargePrintProfile | None = None, *, progress=None) -> Result[bytes]:
    """A tagged (PDF/UA-1) A4 large-print PDF at profile.font_size, nothing smaller."""
    doc = without_unwritable_characters(doc)
    profile = profile or LargePrintProfile()
    options = HtmlOptions(reflow_wide_tables=True, page_marker_label="[Original page {}]", decorative_images=False,
                          page_markers=keep_page_markers(word_count(doc), profile.page_markers))
    page = render_page(doc, profile, large_print_css(profile), options)
    if progress:
        progress(0.2, "laying out pages")
    language = doc.meta.language or profile.language
    try:
        data, problems = render_pdf(page.value, display_title(doc), language, profile)
    except Exception as exc:  # WeasyPrint failing on a document is one failed output, not a crash
        raise OutputError(f"The large print PDF could not be laid out ({type(exc).__name__}: {exc}).",
                          hint="Try the large print Word document instead, and report this document.") from exc
    refused = tuple(Message(WARNING, f"Not fetched: {text}") for text in problems if "fetch" in text.lower())
    if progress:
        progress(1.0, "large print PDF written")
    return Result(data, page.messages + refused)
