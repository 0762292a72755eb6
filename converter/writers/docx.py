"""Document -> large-print Word document (python-docx): 18pt Arial by default, real headings and lists."""
from __future__ import annotations

import io

from ..model import Document, word_count
from ..profiles import LargePrintProfile
from ..provenance import generator_string, settings_string
from ..result import MessageLog, Result
from .clean_text import without_unwritable_characters
from .docx_blocks import DocxBody
from .docx_notes import add_note_styles
from .docx_styles import format_run, restyle, set_properties, set_up_pages
from .numbering import keep_page_markers
from .source_contents import without_source_contents
from .titles import display_title


def write_large_print(doc: Document, profile: LargePrintProfile | None = None, *, progress=None) -> Result[bytes]:
    """A4 large-print DOCX: nothing smaller than profile.font_size, no italics or underline, left aligned."""
    import docx

    doc = without_unwritable_characters(doc)
    profile = profile or LargePrintProfile()
    log = MessageLog()
    word = docx.Document()
    add_note_styles(word)
    restyle(word, profile)
    set_up_pages(word, profile)
    title = display_title(doc)
    page_markers = keep_page_markers(word_count(doc), profile.page_markers)
    if not page_markers:
        doc = without_source_contents(doc, log, "its page numbers refer to the original pages, which are not marked")
    body = DocxBody(word, doc, profile, page_markers, log)
    if body.title_heading is None:
        paragraph = word.add_paragraph(style=word.styles["Title"])
        format_run(paragraph.add_run(title), profile, size=profile.heading_size(1) * 1.1, bold=True)
    total = max(len(doc.blocks), 1)
    for index, block in enumerate(doc.blocks):
        body.block(block)
        if progress and index % 50 == 0:
            progress(index / total * 0.9, "writing blocks")
    provenance = f"{generator_string()}; settings {settings_string(profile)}"
    set_properties(word, title, profile, doc.meta, provenance)
    out = io.BytesIO()
    word.save(out)
    if progress:
        progress(1.0, "large print Word document written")
    return log.result(out.getvalue())
