"""footnotes.xml and endnotes.xml -> Document.notes, numbered in the order the text refers to them.

Footnotes are numbered 1, 2, 3...; endnotes i, ii, iii... (Word's defaults).
Separator and continuation notes are skipped; a note referred to twice keeps one entry.
Not supported: custom reference marks (w:customMarkFollows) are renumbered.
"""
from __future__ import annotations

from ...model import Note
from .context import FieldStack
from .ns import attr, qn
from .numbering import _roman

SKIPPED_TYPES = {"separator", "continuationSeparator", "continuationNotice"}


class NoteCollector:
    def __init__(self, footnotes_root=None, footnotes_part=None, endnotes_root=None, endnotes_part=None):
        self.sources = {
            "footnote": (_index(footnotes_root, "w:footnote"), footnotes_part),
            "endnote": (_index(endnotes_root, "w:endnote"), endnotes_part),
        }
        self.labels: dict[tuple[str, str], str] = {}
        self.order: list[tuple[str, str]] = []

    def reference(self, kind: str, raw_id: str | None) -> str | None:
        """The note id for a reference mark, or None if that note does not exist."""
        key = (kind, raw_id or "")
        if key in self.labels:
            return self.labels[key]
        if key[1] not in self.sources[kind][0]:
            return None
        count = sum(1 for k, _ in self.order if k == kind) + 1
        label = str(count) if kind == "footnote" else _roman(count)
        self.labels[key] = label
        self.order.append(key)
        return label

    def read_notes(self, ctx) -> tuple[Note, ...]:
        notes = []
        saved = (ctx.part, ctx.fields, ctx.paragraph_role)
        ctx.pages.suspended += 1
        try:
            i = 0
            while i < len(self.order):  # a note may refer to another one
                kind, raw_id = self.order[i]
                index, part = self.sources[kind]
                ctx.part, ctx.fields, ctx.paragraph_role = part or saved[0], FieldStack(), None
                blocks = ctx.read_blocks(list(index[raw_id]))
                notes.append(Note(self.labels[(kind, raw_id)], kind, tuple(blocks)))
                i += 1
        finally:
            ctx.part, ctx.fields, ctx.paragraph_role = saved
            ctx.pages.suspended -= 1
        return tuple(notes)


def _index(root, tag: str) -> dict:
    if root is None:
        return {}
    return {attr(el, "w:id") or "": el for el in root.iter(qn(tag)) if attr(el, "w:type") not in SKIPPED_TYPES}
