"""Document headings -> the page outline: one h1 (the title), levels that never skip, unique ids."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document, Heading, PageMarker, inline_text
from .numbering import digits_for_number


@dataclass(frozen=True)
class OutlineEntry:
    heading: Heading
    level: int  # the HTML level, 2..6 (the page title is the only h1)
    anchor: str
    text: str


def title_heading(doc: Document) -> Heading | None:
    """The first block when it is a heading that repeats the title (shown once, as the h1)."""
    first = next((b for b in doc.blocks if not isinstance(b, PageMarker)), None)
    if isinstance(first, Heading) and " ".join(inline_text(first.inlines).split()) == " ".join(doc.title.split()):
        return first
    return None


def slug(text: str) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return words[:48].rstrip("-") or "section"


def outline(doc: Document) -> list[OutlineEntry]:
    """Top-level headings in document order (headings inside lists or tables are not in the outline)."""
    skip = title_heading(doc)
    headings = [b for b in doc.blocks if isinstance(b, Heading) and b is not skip]
    if not headings:
        return []
    top = min(h.level for h in headings)
    entries, used, previous = [], {"main", "contents", "notes", "contents-heading", "notes-heading"}, 1
    for heading in headings:
        level = min(2 + heading.level - top, previous + 1, 6)
        previous = level
        text = " ".join(inline_text(heading.inlines).split())
        base = slug(heading.anchor or text)
        number = digits_for_number(heading.number)
        text = f"{number} {text}" if number else text
        anchor, n = base, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        entries.append(OutlineEntry(heading, level, anchor, text))
    return entries
