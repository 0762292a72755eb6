"""Pages of lines -> the same pages without running headers, footers and page numbers,
plus each page's printed number.

Furniture is: lines tagged /Artifact in a tagged PDF; text in the top or bottom band of
the page that repeats at the same height on many pages (digits ignored, so "Page 3 of
9" matches "Page 4 of 9"); and bare page numbers ("12", "Page 12", "12 of 40", "- 12 -",
"xii") in those bands. The printed number is taken from the bare number when found.
"""
from __future__ import annotations

import re
from collections import defaultdict

from .layout import Line

BAND = 0.12  # top and bottom share of the page height searched for furniture
PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[-\u2013\u2014]?\s*(\d{1,4}|[ivxlcdm]{1,7})\s*[-\u2013\u2014]?"
    r"(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)


def _in_band(line: Line, bottom: float, top: float) -> bool:
    height = max(top - bottom, 1.0)
    return line.y > top - BAND * height or line.y < bottom + BAND * height


def _shape(line: Line) -> tuple[int, str]:
    return round(line.y / 6), re.sub(r"\d+", "#", line.text.lower().strip())


def printed_number(line: Line) -> str | None:
    match = PAGE_NUMBER.match(line.text.strip())
    return match.group(1) if match else None


def _clean_page(lines: list[Line], box: tuple[float, float], repeated: set):
    """(lines that are not furniture, the printed page number found or None)."""
    kept, number = [], None
    by_height = sorted(lines, key=lambda line: line.y)
    edges = {id(line) for line in by_height[:2] + by_height[-2:]}
    for line in lines:
        in_band = _in_band(line, *box)
        bare = printed_number(line) if ((in_band and id(line) in edges) or line.artifact) else None
        if bare and number is None:
            number = bare
        if line.artifact or bare or (in_band and _shape(line) in repeated):
            continue
        kept.append(line)
    return kept, number


def remove_furniture(pages: list[list[Line]], boxes: list[tuple[float, float]]):
    """(pages without furniture, printed page number or None per page)."""
    counts: dict[tuple[int, str], set[int]] = defaultdict(set)
    for index, lines in enumerate(pages):
        for line in lines:
            if _in_band(line, *boxes[index]):
                counts[_shape(line)].add(index)
    texty = [i for i, lines in enumerate(pages) if lines]
    threshold = max(3, int(0.3 * len(texty)) + 1)
    repeated = {shape for shape, where in counts.items() if len(where) >= threshold}
    kept_pages: list[list[Line]] = []
    numbers: list[str | None] = []
    for index, lines in enumerate(pages):
        kept, number = _clean_page(lines, boxes[index], repeated)
        text_lines = [line for line in lines if not line.artifact]
        if not kept and len(text_lines) > 1:  # never all of a page's text
            kept, number = text_lines, None
        kept_pages.append(kept)
        numbers.append(number)
    return kept_pages, numbers
