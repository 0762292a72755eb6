"""HTML -> tagged PDF/UA-1 bytes via WeasyPrint, fetching data: URIs only; shared by the PDF writers."""
from __future__ import annotations

import io
import logging
from collections.abc import Sequence

from ..errors import OutputError
from ..provenance import generator_string, settings_string
from ..result import WARNING, Message, Result


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


def render_pdf(html: str, title: str, language: str, profile,
               keywords: Sequence[str] = ()) -> tuple[bytes, list[str]]:
    """Tagged PDF/UA-1 from the page, with title, language, generator, keywords and settings in its
    metadata; also the texts of WeasyPrint's warnings (resources refused)."""
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
        document.metadata.keywords = [*keywords, f"altformats-settings:{settings_string(profile)}"]
        out = io.BytesIO()
        document.write_pdf(out, pdf_tags=True, pdf_variant="pdf/ua-1")
    finally:
        logger.removeHandler(handler)
    return out.getvalue(), handler.texts


def pdf_result(page: Result[str], title: str, language: str, profile, *, name: str, instead: str,
               keywords: Sequence[str] = (), progress=None) -> Result[bytes]:
    """The page laid out as a tagged PDF, with the page's messages and a warning per refused resource.
    A layout failure is an OutputError naming the output (`name`) and what to make `instead`."""
    if progress:
        progress(0.2, "laying out pages")
    try:
        data, problems = render_pdf(page.value, title, language, profile, keywords)
    except Exception as exc:  # WeasyPrint failing on a document is one failed output, not a crash
        raise OutputError(f"The {name} PDF could not be laid out ({type(exc).__name__}: {exc}).",
                          hint=f"Make the {instead} instead, and report this document.") from exc
    refused = tuple(Message(WARNING, f"Not fetched: {text}") for text in problems if "fetch" in text.lower())
    if progress:
        progress(1.0, f"{name} PDF written")
    return Result(data, page.messages + refused)
