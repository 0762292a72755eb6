"""Lines in reading order, page by page -> paragraph drafts and page markers.

A line continues the paragraph above it when it has the same type size and weight,
sits one line-space below (the document's usual line spacing, measured), and does not
start with a list marker. Vertical gaps larger than usual end a paragraph. At a page
or column change the paragraph continues only when the text flows: the previous line
has no closing punctuation and the next starts in lower case. List items continue over
lines indented past their marker. A contents entry ends at its page number. Placed tables and figures (place.py) end the paragraph
before them and pass through as items of their own.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ...model import PageMarker
from .contents import is_contents_entry
from .headings import normalise
from .layout import Line
from .lists import Marker, list_marker

CLOSING = (".", "!", "?", ":", ";")


@dataclass
class Draft:
    lines: list[Line] = field(default_factory=list)
    marker: Marker | None = None
    mark_keys: set = field(default_factory=set)  # (page object number, MCID) of its text

    @property
    def size(self) -> float:
        return max(line.size for line in self.lines)

    @property
    def bold(self) -> bool:
        return all(line.bold for line in self.lines)

    @property
    def x(self) -> float:
        return self.lines[0].x0


def line_spacing(pages: list[list[Line]]) -> float:
    """The usual distance between baselines, as a multiple of the type size."""
    ratios: Counter[float] = Counter()
    for lines in pages:
        lines = [line for line in lines if isinstance(line, Line)]
        for above, below in zip(lines, lines[1:]):
            dy = above.y - below.y
            if abs(above.size - below.size) < 0.5 and 0.8 * above.size < dy < 3 * above.size:
                ratios[round(dy / above.size, 1)] += 1
    if not ratios:
        return 1.2
    # lines inside a paragraph are the closest spacing that recurs; paragraph gaps are wider
    floor = max(3, sum(ratios.values()) // 10)
    frequent = [ratio for ratio, count in ratios.items() if count >= floor]
    spacing = min(frequent) if frequent else ratios.most_common(1)[0][0]
    return min(spacing, 1.6)  # a document of one-line paragraphs has no line spacing to see


def _flows(prev: Line, line: Line) -> bool:
    return not prev.text.rstrip().endswith(CLOSING) and line.text[:1].islower()


def _dash_mid_sentence(prev: Line, line: Line) -> bool:
    """'... most people back a ban' / '– this is now seen as ...': a dash, not a bullet."""
    text = line.text.lstrip()
    return (text[:1] in "-\u2013\u2014" and not prev.text.rstrip().endswith(CLOSING)
            and text[1:].lstrip()[:1].islower())


def _footnote_start(draft: Draft, line: Line) -> bool:
    """'3 An airplane's ...' measured at its raised number's size, then the note runs on."""
    first = draft.lines[0]
    return (len(draft.lines) == 1 and first.size < line.size and first.text[:1].isdigit()
            and 0.8 * line.size < first.y - line.y < 2.0 * line.size)


def continues(draft: Draft, line: Line, spacing: float, titles: frozenset = frozenset()) -> bool:
    """Does `line` carry on the paragraph `draft`? (titles: bookmark titles, which stand alone)"""
    prev = draft.lines[-1]
    if titles and (normalise(line.text) in titles or normalise(prev.text) in titles):
        return False
    if list_marker(line.text) and not _dash_mid_sentence(prev, line):
        return False
    if draft.marker and len(draft.lines) == 1 and len(prev.text.strip()) <= draft.marker.length:
        return True  # a bullet alone on its line: its text follows
    size = max(prev.size, line.size)
    dy = prev.y - line.y
    if line.page == prev.page and abs(dy) <= 0.3 * size and line.x0 > prev.x1 - size:
        return True  # more of the same line: a far word, a table cell, a contents page number
    if is_contents_entry(" ".join(l.text for l in draft.lines if l.page == prev.page and abs(l.y - prev.y) <= 0.3 * size)):
        return False  # a contents entry ends at its page number
    if abs(prev.size - line.size) > 0.12 * size and not _footnote_start(draft, line):
        return False
    if prev.bold != line.bold and not draft.marker:
        return False
    if line.page != prev.page or dy < -0.3 * size or dy > 4 * size:
        return _flows(prev, line)
    if dy <= 0.3 * size or dy > (spacing * 1.3 + 0.1) * size:
        return False
    if draft.marker and line.x0 <= draft.x + 0.3 * size:  # wrapped back under the bullet?
        short = prev.x1 < line.x1 - 0.3 * (line.x1 - line.x0)  # the item ended early
        return not short and not prev.text.rstrip().endswith(CLOSING)
    start = min(l.x0 for l in draft.lines[-8:] if abs(l.y - prev.y) <= 0.3 * size)
    return line.x0 >= start - 3 * size  # a line starting far to the left begins something new


def assemble(pages: list[list[Line]], labels: list[str], page_refs: list[int | None],
             titles: frozenset = frozenset()) -> list:
    """[Draft | PageMarker | Placed, ...] in document order."""
    spacing = line_spacing(pages)
    out: list = []
    draft: Draft | None = None
    pending_marker: PageMarker | None = None
    for index, lines in enumerate(pages):
        marker = PageMarker(labels[index])
        if draft is None:
            out.append(marker)
        else:
            pending_marker = marker
        for line in lines:
            if not isinstance(line, Line):  # a placed table or figure
                if draft is not None:
                    out.append(draft)
                    draft = None
                if pending_marker is not None:
                    out.append(pending_marker)
                    pending_marker = None
                out.append(line)
                continue
            if draft is not None and continues(draft, line, spacing, titles):
                draft.lines.append(line)
            else:
                if draft is not None:
                    out.append(draft)
                if pending_marker is not None:
                    out.append(pending_marker)
                    pending_marker = None
                draft = Draft([line], list_marker(line.text))
            if line.mcid is not None and page_refs[line.page] is not None:
                draft.mark_keys.add((page_refs[line.page], line.mcid))
        if draft is not None and pending_marker is not None:
            out.append(draft)
            out.append(pending_marker)
            draft, pending_marker = None, None
    if draft is not None:
        out.append(draft)
    if pending_marker is not None:
        out.append(pending_marker)
    return out
