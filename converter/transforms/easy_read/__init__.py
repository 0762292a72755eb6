"""A full document -> an easy-read Document: chosen passages, plain short lines, a picture beside each.

The steps, one module each: select (what matters to a resident), rewrite (the
rules: asides, acronyms, plain words, digits, short lines), hard_words, protect
(contacts, figures and names are never altered), pictures (OpenMoji by keyword),
compose (the templates in templates/easyread/ lay out the draft text). The draft
text is then read back by converter.readers.easy_read_draft, so a document made
straight from the source and one rendered from an edited draft are built alike.
"""
from __future__ import annotations

from ...model import Document
from ...result import Result
from .compose import draft_text


def to_easy_read(doc: Document, profile) -> Result[Document]:
    """Transform contract: the full Document -> Result[easy-read Document] (see docs/easy-read.md)."""
    from ...readers.easy_read_draft import parse_draft
    text = draft_text(doc, profile)
    return parse_draft(text, source_name=doc.meta.source_name)


__all__ = ["to_easy_read", "draft_text"]
