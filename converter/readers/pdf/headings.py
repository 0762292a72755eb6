"""Paragraph drafts -> heading levels, from tags, bookmarks or type size.

In order of trust: the structure tree of a tagged PDF (H1..H6); the outline
(bookmarks) matched to a paragraph's text; then type size: the body size is the most
common size by character count, a short paragraph set 15% larger is a heading, and
levels follow the rank of its size among heading sizes (largest = level 1). A short
bold paragraph at body size is a heading one level below the smallest larger size.
"""
from __future__ import annotations

import re
from collections import Counter

MAX_HEADING_WORDS = 20
LARGER = 1.15


def normalise(text: str) -> str:
    """Text reduced to lower-case words, for matching bookmark titles."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def outline_titles(reader) -> dict[str, tuple[int, int | None]]:
    """{normalised bookmark title: (heading level, page index it points to)} from the outline."""
    found: dict[str, tuple[int, int | None]] = {}

    def visit(items, depth: int) -> None:
        for item in items:
            if len(found) > 5000 or depth > 6:
                return
            if isinstance(item, list):
                visit(item, depth + 1)
            else:
                title = normalise(str(getattr(item, "title", "") or ""))
                if title and title not in found:
                    found[title] = (min(depth, 6), _target_page(reader, item))

    try:
        visit(reader.outline, 1)
    except Exception:  # a broken outline is no reason to lose the text
        return {}
    return found


def _target_page(reader, item) -> int | None:
    try:
        return reader.get_destination_page_number(item)
    except Exception:
        return None


def body_size(drafts) -> float:
    counts: Counter[float] = Counter()
    for draft in drafts:
        for line in draft.lines:
            counts[round(line.size * 2) / 2] += len(line.text)
    return counts.most_common(1)[0][0] if counts else 12.0


def _looks_like_heading(draft, text: str) -> bool:
    words = len(text.split())
    if not 0 < words <= MAX_HEADING_WORDS or len(draft.lines) > 3:
        return False
    if not re.search(r"[A-Za-z]{2}", text) or text.endswith((",", ";")) or "...." in text:
        return False
    return True


def size_levels(drafts, texts: list[str], body: float) -> list[int | None]:
    """Heading level per draft from type size and weight (None for body text)."""
    big = sorted({round(d.size * 2) / 2 for d, t in zip(drafts, texts)
                  if d.size >= body * LARGER and _looks_like_heading(d, t)}, reverse=True)
    rank = {size: min(i + 1, 6) for i, size in enumerate(big)}
    bold_level = min(len(big) + 1, 6)
    levels: list[int | None] = []
    for draft, text in zip(drafts, texts):
        level = None
        if _looks_like_heading(draft, text):
            if draft.size >= body * LARGER:
                level = rank.get(round(draft.size * 2) / 2)
            elif draft.bold and draft.size >= body * 0.95 and len(text.split()) <= 15 \
                    and not text.endswith((".", ":")):
                level = bold_level
        levels.append(level)
    return levels


def heading_levels(drafts, texts: list[str], tagged: dict, outline: dict) -> list[int | None]:
    body = body_size(drafts)
    levels = size_levels(drafts, texts, body)
    for i, (draft, text) in enumerate(zip(drafts, texts)):
        tag_level = next((tagged[key] for key in draft.mark_keys if key in tagged), None)
        if tag_level:
            levels[i] = tag_level
        elif normalise(text) in outline and _looks_like_heading(draft, text):
            level, page = outline[normalise(text)]
            if page is None or page == draft.lines[0].page:  # not the contents page's copy
                levels[i] = level
    return close_level_gaps(levels)


def close_level_gaps(levels: list[int | None]) -> list[int | None]:
    """Renumber the levels used so none is skipped (1, 2, 5 -> 1, 2, 3), keeping their order."""
    used = sorted({level for level in levels if level})
    renumber = {level: rank for rank, level in enumerate(used, 1)}
    return [renumber[level] if level else None for level in levels]
