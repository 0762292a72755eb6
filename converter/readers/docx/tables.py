"""w:tbl -> Table: header rows, merged cells emitted once, any blocks (and tables) inside cells.

Supported: header rows marked "repeat as header row" (w:tblHeader); otherwise the
first row when the table style gives it its own look (w:tblLook firstRow with a
firstRow style) or when every cell in it is bold; w:gridSpan -> colspan;
w:vMerge restart/continue -> one cell with rowspan; w:gridBefore/w:gridAfter;
deleted rows (tracked) dropped; rows inside content controls; nested tables.
Page breaks met inside a table become PageMarkers after it.
The table title (w:tblCaption, Word's "Alt Text > Title") becomes Table.caption.
Not supported: Caption-style paragraphs are not attached to the table (they stay
Paragraph(role="caption") beside it); the alt-text description (w:tblDescription); horizontal w:hMerge from very old files (cells kept separate).
"""
from __future__ import annotations

from dataclasses import dataclass

from ...model import PageMarker, Paragraph, Strong, Table, TableCell, TableRow, Text
from .ns import attr, is_on

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FIRST_ROW_LOOK_BIT = 0x0020


@dataclass
class GridCell:
    element: object
    column: int
    span: int
    merge: str | None  # "restart", "continue" or None


def table_rows(tbl) -> list:
    """The w:tr elements of a table, looking through content controls and custom XML."""
    rows = []
    for child in tbl:
        if child.tag == W + "tr":
            if child.find(f"{W}trPr/{W}del") is None:
                rows.append(child)
        elif child.tag in (W + "sdt", W + "customXml"):
            inner = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            rows.extend(table_rows(inner) if inner is not None else [])
    return rows


def row_cells(tr) -> list[GridCell]:
    before = attr(tr.find(f"{W}trPr/{W}gridBefore"), "w:val")
    column = int(before) if before and before.isdigit() else 0
    cells = []
    for tc in _cell_elements(tr):
        tc_pr = tc.find(W + "tcPr")
        span = attr(tc_pr.find(W + "gridSpan"), "w:val") if tc_pr is not None else None
        span = max(int(span), 1) if span and span.isdigit() else 1
        v_merge = tc_pr.find(W + "vMerge") if tc_pr is not None else None
        merge = None if v_merge is None else (attr(v_merge, "w:val") or "continue")
        cells.append(GridCell(tc, column, span, merge))
        column += span
    return cells


def _cell_elements(tr) -> list:
    out = []
    for child in tr:
        if child.tag == W + "tc":
            out.append(child)
        elif child.tag in (W + "sdt", W + "customXml"):
            inner = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            out.extend(_cell_elements(inner) if inner is not None else [])
    return out


def rowspan(grid: list[list[GridCell]], row: int, column: int) -> int:
    span = 1
    for cells in grid[row + 1:]:
        below = next((c for c in cells if c.column == column), None)
        if below is None or below.merge != "continue":
            break
        span += 1
    return span


def read_table(tbl, ctx) -> tuple[Table | None, list[PageMarker]]:
    rows = table_rows(tbl)
    grid = [row_cells(tr) for tr in rows]
    markers: list[PageMarker] = []
    out_rows = []
    for r, (tr, cells) in enumerate(zip(rows, grid)):
        header = is_on(tr.find(f"{W}trPr/{W}tblHeader"))
        out_cells = []
        for cell in cells:
            if cell.merge == "continue":
                continue
            blocks = ctx.read_blocks([c for c in cell.element if c.tag != W + "tcPr"])
            markers.extend(b for b in blocks if isinstance(b, PageMarker))
            blocks = tuple(b for b in blocks if not isinstance(b, PageMarker))
            span_down = rowspan(grid, r, cell.column) if cell.merge == "restart" else 1
            out_cells.append(TableCell(blocks, colspan=cell.span, rowspan=span_down, header=header))
        if out_cells:
            out_rows.append(TableRow(tuple(out_cells), header=header))
    if not out_rows:
        return None, markers
    if not any(r.header for r in out_rows) and len(out_rows) > 1 and first_row_is_header(tbl, out_rows[0], ctx):
        first = out_rows[0]
        out_rows[0] = TableRow(tuple(TableCell(c.blocks, c.colspan, c.rowspan, True) for c in first.cells), True)
    return Table(tuple(out_rows), caption=table_caption(tbl)), markers


def table_caption(tbl) -> tuple:
    """The table's own title (Table Properties > Alt Text: w:tblCaption) as its caption."""
    caption = attr(tbl.find(f"{W}tblPr/{W}tblCaption"), "w:val")
    return (Text(caption.strip()),) if caption and caption.strip() else ()


def first_row_is_header(tbl, first: TableRow, ctx) -> bool:
    tbl_pr = tbl.find(W + "tblPr")
    style_id = attr(tbl_pr.find(W + "tblStyle"), "w:val") if tbl_pr is not None else None
    look = tbl_pr.find(W + "tblLook") if tbl_pr is not None else None
    if _look_has_first_row(look) and ctx.styles.styles_first_row(style_id):
        return True
    return all(_all_bold(cell) for cell in first.cells)


def _look_has_first_row(look) -> bool:
    if look is None:
        return False
    first_row = attr(look, "w:firstRow")
    if first_row is not None:
        return first_row in ("1", "true", "on")
    try:
        return bool(int(attr(look, "w:val") or "0", 16) & FIRST_ROW_LOOK_BIT)
    except ValueError:
        return False


def _all_bold(cell: TableCell) -> bool:
    paragraphs = [b for b in cell.blocks if isinstance(b, Paragraph)]
    if not paragraphs:
        return False
    return all(p.inlines and all(isinstance(i, Strong) for i in p.inlines) for p in paragraphs)
