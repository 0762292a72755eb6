"""Pages of lines in reading order -> the same with tagged tables and figures in their place.

A tagged table's lines leave the flow; a Placed("table") stands where its first line
was (its cells are built from those lines by cells.py). A figure's own text (chart
labels) leaves the flow when the figure has alt text; the figure is placed before the
first line below its top that overlaps it across the page, else at the end of its
page. Lines of notes that are referenced (notes.py) leave the flow too.
"""
from __future__ import annotations

from dataclasses import dataclass

from .layout import Line
from .tagged import Tagged, TaggedCell, TaggedFigure


@dataclass(eq=False)
class Placed:
    kind: str  # "table" or "figure"
    item: object  # TaggedTable for a table, model Image for a figure
    page: int


@dataclass(eq=False)
class FigurePlace:
    page: int
    top: float | None
    bottom: float | None
    x0: float
    x1: float
    image: object  # model Image


def owner_of(line: Line, tagged: Tagged, refs: list) -> object:
    if line.mcid is None or not tagged.owner:
        return None
    return tagged.owner.get((refs[line.page], line.mcid))


def gather(pages: list[list[Line]], tagged: Tagged, refs: list) -> dict[int, list[Line]]:
    """{id(owner): its lines in reading order} for table cells, figures and notes."""
    found: dict[int, list[Line]] = {}
    if not tagged.owner:
        return found
    for lines in pages:
        for line in lines:
            owner = owner_of(line, tagged, refs)
            if owner is not None:
                found.setdefault(id(owner), []).append(line)
    return found


def place(pages: list[list[Line]], tagged: Tagged, refs: list, lifted: set[int],
          figures: list[FigurePlace]) -> list[list]:
    if not tagged.owner and not figures:
        return pages
    placed: set[int] = set()
    result: list[list] = []
    for index, lines in enumerate(pages):
        out: list = []
        for line in lines:
            owner = owner_of(line, tagged, refs)
            if isinstance(owner, TaggedCell):
                table = tagged.table_of[id(owner)]
                if id(table) not in placed:
                    placed.add(id(table))
                    out.append(Placed("table", table, index))
            elif (isinstance(owner, TaggedFigure) and owner.alt) or id(line) in lifted:
                continue
            else:
                out.append(line)
        for figure in sorted((f for f in figures if f.page == index), key=lambda f: -(f.top or -1e9)):
            _insert_figure(out, figure, index)
        result.append(out)
    return result


def _insert_figure(out: list, figure: FigurePlace, index: int) -> None:
    item = Placed("figure", figure.image, index)
    if figure.top is not None:
        for position, line in enumerate(out):
            if not isinstance(line, Line) or line.y >= figure.top - 0.5 * line.size:
                continue
            beside = line.x1 <= figure.x0 or line.x0 >= figure.x1
            if line.y < (figure.bottom if figure.bottom is not None else figure.top) or not beside:
                out.insert(position, item)
                return
    out.append(item)
