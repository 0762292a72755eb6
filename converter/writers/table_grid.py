"""Table -> a grid of cell texts with merged cells resolved and column headings named.

Shared by every writer that reflows a table into "Column heading: value" lines
(plain text, large-print DOCX and PDF), so they all read tables the same way.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Table, TableCell, block_text


@dataclass(frozen=True)
class GridRow:
    """One body row: each column's heading paired with the cell that covers it."""

    number: int  # 1-based, counting body rows only
    cells: tuple[tuple[str, TableCell | None], ...]  # (column heading, cell or None)


def cell_text(cell: TableCell | None) -> str:
    if cell is None:
        return ""
    return " ".join(" ".join(block_text(b).split()) for b in cell.blocks).strip()


def place_cells(rows) -> list[list[TableCell | None]]:
    """Spread spanned cells over every grid slot they cover (same object in each slot)."""
    grid: list[list[TableCell | None]] = []
    for r, row in enumerate(rows):
        while len(grid) <= r:
            grid.append([])
        col = 0
        for cell in row.cells:
            while col < len(grid[r]) and grid[r][col] is not None:
                col += 1
            for dr in range(max(cell.rowspan, 1)):
                if r + dr >= len(rows):
                    break
                while len(grid) <= r + dr:
                    grid.append([])
                line = grid[r + dr]
                for dc in range(max(cell.colspan, 1)):
                    while len(line) <= col + dc:
                        line.append(None)
                    line[col + dc] = cell
            col += max(cell.colspan, 1)
    width = max((len(line) for line in grid), default=0)
    return [line + [None] * (width - len(line)) for line in grid]


def column_count(table: Table) -> int:
    grid = place_cells(table.rows)
    return len(grid[0]) if grid else 0


def column_headings(table: Table) -> list[str]:
    """One heading per column from the header row(s); 'Column N' where there is none.

    Several header rows are joined with ' - ' (a group heading spanning columns,
    then each column's own heading); a cell spanning two rows is named once.
    """
    grid = place_cells(table.rows)
    if not grid:
        return []
    headers = [line for line, row in zip(grid, table.rows) if row.header]
    names = []
    for col in range(len(grid[0])):
        parts: list[str] = []
        seen: list[int] = []
        for line in headers:
            cell = line[col]
            if cell is None or id(cell) in seen:
                continue
            seen.append(id(cell))
            text = cell_text(cell)
            if text and text not in parts:
                parts.append(text)
        names.append(" - ".join(parts) or f"Column {col + 1}")
    return names


def body_rows(table: Table) -> list[GridRow]:
    """Body rows with their column headings; a cell spanning columns appears once."""
    grid = place_cells(table.rows)
    names = column_headings(table)
    rows = []
    number = 0
    for line, row in zip(grid, table.rows):
        if row.header:
            continue
        number += 1
        cells: list[tuple[str, TableCell | None]] = []
        seen: list[int] = []
        for col, cell in enumerate(line):
            if cell is not None and id(cell) in seen:
                continue
            if cell is not None:
                seen.append(id(cell))
            cells.append((names[col], cell))
        rows.append(GridRow(number, tuple(cells)))
    return rows


def is_wide(table: Table, max_columns: int = 3) -> bool:
    """More columns than a large-print page can show at a readable size."""
    return column_count(table) > max_columns
