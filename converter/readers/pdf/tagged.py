"""The structure tree -> the tables, figures and notes it tags, and which text belongs to them.

Tables: /Table with /TR rows directly or inside /THead, /TBody, /TFoot; /TH and /TD
cells with /RowSpan and /ColSpan from their attributes (/A, a dictionary or an array
of them); a row is a header row inside /THead or when all its cells are /TH; a
/Caption becomes the table's caption. Each cell's text is split into parts (one per
block element inside it: P, each item of an L, a nested table...) which become its paragraphs.
Figures: /Figure with /Alt (else /ActualText), its page and /BBox (from /A).
Notes: /Note elements (footnotes and endnotes; also /FENote).
owner maps every marked-content key of that content to the TaggedCell, TaggedFigure
or TaggedNote it belongs to, so the layout keeps their text apart from the flow.
Nested tables are read as the text of the cell that holds them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pypdf.generic import ArrayObject, DictionaryObject

from .structure import Element, Key, _resolve, elements, keys_under

INLINE_ROLES = {"Span", "Link", "Quote", "Code", "Em", "Strong", "Reference", "Annot", "Lbl",
                "Sub", "Ruby", "Warichu", "NonStruct", "Private", "BibEntry", "Formula"}
ROW_GROUPS = {"THead", "TBody", "TFoot"}


@dataclass(eq=False)
class TaggedCell:
    header: bool
    colspan: int = 1
    rowspan: int = 1
    part_of: dict = field(default_factory=dict)  # key -> index of the paragraph it belongs to


@dataclass(eq=False)
class TaggedRow:
    cells: list[TaggedCell]
    header: bool


@dataclass(eq=False)
class TaggedTable:
    rows: list[TaggedRow]
    caption: TaggedCell | None = None


@dataclass(eq=False)
class TaggedFigure:
    alt: str
    page: int | None  # page object number
    bbox: tuple[float, float, float, float] | None  # x0, y0, x1, y1 in PDF units
    keys: list


@dataclass(eq=False)
class TaggedNote:
    keys: list


@dataclass
class Tagged:
    tables: list[TaggedTable] = field(default_factory=list)
    figures: list[TaggedFigure] = field(default_factory=list)
    notes: list[TaggedNote] = field(default_factory=list)
    owner: dict = field(default_factory=dict)  # key -> TaggedCell | TaggedFigure | TaggedNote
    table_of: dict = field(default_factory=dict)  # id(TaggedCell) -> TaggedTable

    def owners_by_page(self) -> dict[int, dict[int, object]]:
        """{page object number: {MCID: owner}}."""
        pages: dict[int, dict[int, object]] = {}
        for (ref, mcid), owner in self.owner.items():
            pages.setdefault(ref, {})[mcid] = owner
        return pages


def find_tagged(top: Element | None) -> Tagged:
    found = Tagged()
    if top is None:
        return found
    inside: set[int] = set()  # elements already claimed by an outer table, figure or note
    for element, _ in elements(top):
        if id(element) in inside or element.role not in ("Table", "Figure", "Note", "FENote"):
            continue
        if element.role == "Table":
            table = _table(element, found)
            if table.rows:
                found.tables.append(table)
        elif element.role == "Figure":
            figure = TaggedFigure(_alt(element), element.page, _bbox(element), keys_under(element))
            found.figures.append(figure)
            found.owner.update((key, figure) for key in figure.keys)
        else:
            note = TaggedNote(keys_under(element))
            if note.keys:
                found.notes.append(note)
                found.owner.update((key, note) for key in note.keys)
        inside.update(id(inner) for inner, _ in elements(element))
    return found


def _table(element: Element, found: Tagged) -> TaggedTable:
    table = TaggedTable([])
    for kid in element.kids:
        if not isinstance(kid, Element):
            continue
        if kid.role == "TR":
            table.rows.append(_row(kid, False, found, table))
        elif kid.role in ROW_GROUPS:
            for row in kid.kids:
                if isinstance(row, Element) and row.role == "TR":
                    table.rows.append(_row(row, kid.role == "THead", found, table))
        elif kid.role == "Caption" and table.caption is None:
            table.caption = _cell(kid, False, found, table)
    table.rows = [row for row in table.rows if row.cells]
    return table


def _row(element: Element, in_head: bool, found: Tagged, table: TaggedTable) -> TaggedRow:
    cells = [_cell(kid, in_head or kid.role == "TH", found, table)
             for kid in element.kids if isinstance(kid, Element) and kid.role in ("TH", "TD")]
    return TaggedRow(cells, bool(cells) and (in_head or all(cell.header for cell in cells)))


def _cell(element: Element, header: bool, found: Tagged, table: TaggedTable) -> TaggedCell:
    cell = TaggedCell(header, _span(element, "/ColSpan"), _span(element, "/RowSpan"))
    part = 0
    for kid in element.kids:
        if isinstance(kid, Element) and kid.role not in INLINE_ROLES:
            blocks = [k for k in kid.kids if isinstance(k, Element)] if kid.role == "L" else [kid]
            for block in blocks:  # a block inside the cell (or a list item): its own paragraph
                part += 1
                cell.part_of.update((key, part) for key in keys_under(block))
            part += 1
        else:
            cell.part_of.update((key, part) for key in (keys_under(kid) if isinstance(kid, Element) else [kid]))
    found.owner.update((key, cell) for key in cell.part_of)
    found.table_of[id(cell)] = table
    return cell


def _attributes(element: Element) -> list[DictionaryObject]:
    raw = _resolve(element.node.get("/A")) if element.node is not None else None
    if isinstance(raw, DictionaryObject):
        return [raw]
    if isinstance(raw, ArrayObject):
        return [d for d in (_resolve(item) for item in raw) if isinstance(d, DictionaryObject)]
    return []


def _span(element: Element, name: str) -> int:
    for attrs in _attributes(element):
        value = _resolve(attrs.get(name))
        if isinstance(value, (int, float)) and 1 <= value <= 1000:
            return int(value)
    return 1


def _bbox(element: Element) -> tuple[float, float, float, float] | None:
    for attrs in _attributes(element):
        box = _resolve(attrs.get("/BBox"))
        if isinstance(box, ArrayObject) and len(box) == 4:
            try:
                x0, y0, x1, y1 = (float(_resolve(v)) for v in box)
            except (TypeError, ValueError):
                continue
            return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)
    return None


def _alt(element: Element) -> str:
    for name in ("/Alt", "/ActualText"):
        value = _resolve(element.node.get(name)) if element.node is not None else None
        text = " ".join(str(value).replace("\x00", "").split()) if value is not None else ""
        if text:
            return text
    return ""
