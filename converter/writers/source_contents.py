"""The source's own table of contents -> left out where its page numbers would point nowhere.

A Word or PDF contents list gives the original page numbers. The HTML page and
the large-print PDF make their own linked contents list from the headings, so
the source's list is left out there; the plain text and the large-print Word
document keep it only when they keep the original page markers it refers to.
Either way an info message says what happened (never silent).
"""
from __future__ import annotations

from ..model import Document, Paragraph
from ..result import MessageLog


def is_source_contents(block) -> bool:
    return isinstance(block, Paragraph) and block.role == "contents"


def without_source_contents(doc: Document, log: MessageLog, reason: str) -> Document:
    """`doc` without its top-level contents-list paragraphs; an info message when any were removed."""
    kept = tuple(b for b in doc.blocks if not is_source_contents(b))
    removed = len(doc.blocks) - len(kept)
    if not removed:
        return doc
    log.info(f"The source's table of contents ({removed} lines) was left out: {reason}.")
    return doc.with_blocks(kept)
