"""The lines of one page -> the same lines in reading order, column by column.

Columns are found from the x extent of the lines: a vertical gutter is a band of the
page, away from its edges, that hardly any line crosses (one in thirty at most), with lines of running text
(five words or more a line, as a median) on at least one side. Lines that do cross it (titles, wide
tables) split the page into bands read top to bottom; within a band the left column
is read before the right. Three or more columns are found by searching each side again. A page without a gutter is read top to bottom, each baseline left to right.
"""
from __future__ import annotations

from statistics import median

from .layout import Line

BIN = 2.0  # points per histogram bin
MIN_GUTTER = 7.0  # narrowest gap between columns, in points
MIN_LINES_EACH_SIDE = 5


def _find_gutter(lines: list[Line]) -> tuple[float, str] | None:
    """(x of the gutter, "columns" or "side") or None when the page has no gutter."""
    if len(lines) < MIN_LINES_EACH_SIDE + 2:
        return None
    left, right = min(l.x0 for l in lines), max(l.x1 for l in lines)
    extent = right - left
    if extent <= 0:
        return None
    narrow = [l for l in lines if (l.x1 - l.x0) < 0.8 * extent]
    gutter = _widest_gap(narrow, left, extent)
    if gutter is None:
        return None
    sides = ([l for l in narrow if l.x1 <= gutter], [l for l in narrow if l.x0 >= gutter])
    if min(map(len, sides)) < 2 or max(map(len, sides)) < MIN_LINES_EACH_SIDE:
        return None
    low, high = sorted(median(l.words for l in side) for side in sides)
    if high < 5:
        return None  # short cells on both sides: a table, read row by row
    if low >= 4 and min(map(len, sides)) >= MIN_LINES_EACH_SIDE:
        return gutter, "columns"
    return gutter, "side"  # side headings or notes beside running text


def _widest_gap(narrow: list[Line], left: float, extent: float) -> float | None:
    bins = [0] * (int(extent / BIN) + 2)
    for line in narrow:
        for b in range(int((line.x0 - left) / BIN), int((line.x1 - left) / BIN) + 1):
            bins[b] += 1
    start_bin, end_bin = int(0.12 * extent / BIN), int(0.88 * extent / BIN)
    allowance = max(1, len(narrow) // 30)  # a few lines (footnotes, captions) may cross
    best, run_start = None, None
    for b in range(start_bin, end_bin + 1):
        if bins[b] <= allowance:
            run_start = b if run_start is None else run_start
            width = (b - run_start + 1) * BIN
            if width >= MIN_GUTTER and (best is None or width > best[1]):
                best = (left + (run_start + b + 1) / 2 * BIN, width)
        else:
            run_start = None
    return best[0] if best else None


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Lines of one side, top down, grouped where they follow each other closely."""
    blocks: list[list[Line]] = []
    for line in _top_down(lines):
        if blocks and blocks[-1][-1].y - line.y <= 2.0 * max(line.size, blocks[-1][-1].size):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _side_by_side(left: list[Line], right: list[Line]) -> list[Line]:
    """Side headings beside text: each block in the order of its top, the left one first."""
    blocks = [(-block[0].y, 0, block) for block in _blocks(left)]
    blocks += [(-block[0].y, 1, block) for block in _blocks(right)]
    blocks.sort(key=lambda item: (round(item[0] / 2), item[1]))
    return [line for _, _, block in blocks for line in block]


def _top_down(lines: list[Line]) -> list[Line]:
    return sorted(lines, key=lambda l: -l.y)


def top_to_bottom(lines: list[Line]) -> list[Line]:
    """Lines sorted down the page; pieces of one baseline stay left to right."""
    ordered: list[Line] = []
    for line in _top_down(lines):
        if ordered and abs(ordered[-1].y - line.y) < 0.35 * max(line.size, ordered[-1].size):
            same = [l for l in ordered if abs(l.y - line.y) < 0.35 * max(line.size, l.size)]
            if line.x0 < same[-1].x0:
                index = ordered.index(next(l for l in same if l.x0 > line.x0))
                ordered.insert(index, line)
                continue
        ordered.append(line)
    return ordered


def reading_order(lines: list[Line]) -> list[Line]:
    found = _find_gutter(lines)
    if found is None:
        return top_to_bottom(lines)
    gutter, kind = found
    ordered: list[Line] = []
    band_left: list[Line] = []
    band_right: list[Line] = []

    def flush() -> None:
        if kind == "side":
            ordered.extend(_side_by_side(band_left, band_right))
        else:
            ordered.extend(reading_order(band_left))
            ordered.extend(reading_order(band_right))
        band_left.clear()
        band_right.clear()

    for line in _top_down(lines):
        slack = 0.5 * line.size  # text widths are estimates: a slight overlap is no crossing
        if line.x1 <= gutter + slack:
            band_left.append(line)
        elif line.x0 >= gutter - slack:
            band_right.append(line)
        else:
            flush()
            ordered.append(line)
    flush()
    return ordered
