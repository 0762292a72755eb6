"""Document -> large-print tagged PDF: the HTML page's body with a large-print stylesheet, via WeasyPrint."""
from __future__ import annotations

import re

from ..model import Document, word_count
from ..profiles import LargePrintProfile
from ..result import Result
from .clean_text import without_unwritable_characters
from .html import render_page, template_environment
from .html_nodes import HtmlOptions
from .numbering import keep_page_markers
from .tagged_pdf import data_uri_fetcher, pdf_result  # noqa: F401 (data_uri_fetcher: bench/writers.py)
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


def write_large_print(doc: Document, profile: LargePrintProfile | None = None, *, progress=None) -> Result[bytes]:
    """A tagged (PDF/UA-1) A4 large-print PDF at profile.font_size, nothing smaller."""
    doc = without_unwritable_characters(doc)
    profile = profile or LargePrintProfile()
    options = HtmlOptions(reflow_wide_tables=True, page_marker_label="[Original page {}]", decorative_images=False,
                          page_markers=keep_page_markers(word_count(doc), profile.page_markers))
    page = render_page(doc, profile, large_print_css(profile), options)
    language = doc.meta.language or profile.language
    return pdf_result(page, display_title(doc), language, profile, name="large print",
                      instead="large print Word document", progress=progress)
