"""A tagged table and the lines of its cells -> a model Table.

Each cell's lines are grouped by the part of the cell their marked content belongs to
(tagged.py: one part per block element inside the cell) and each part becomes a
paragraph, its lines joined as in the running text and its links kept. Spanned cells
appear once with their colspan and rowspan, as in the DOCX reader. The /Caption becomes
the table's caption.
"""
from __future__ import annotations

from ...model import Paragraph, Table, TableCell, TableRow, inline_text
from .hyphenation import join_lines
from .inlines import paragraph_inlines
from .tagged import TaggedCell, TaggedTable


def _paragraphs(cell: TaggedCell, lines_of: dict, refs: list, note_for: dict) -> list[Paragraph]:
    parts: dict[int, list] = {}
    for line in lines_of.get(id(cell), []):
        parts.setdefault(cell.part_of.get((refs[line.page], line.mcid), 0), []).append(line)
    paragraphs = []
    for part in sorted(parts):
        lines = parts[part]
        text = join_lines([line.text for line in lines])
        if text:
            pieces = [piece for line in lines for piece in line.links]
            paragraphs.append(Paragraph(paragraph_inlines(text, pieces, note_for)))
    return paragraphs


def table_block(table: TaggedTable, lines_of: dict, refs: list, note_for: dict) -> Table:
    rows = []
    for row in table.rows:
        cells = tuple(TableCell(tuple(_paragraphs(cell, lines_of, refs, note_for)), cell.colspan,
                                cell.rowspan, cell.header) for cell in row.cells)
        rows.append(TableRow(cells, row.header))
    caption = ()
    if table.caption is not None:
        paragraphs = _paragraphs(table.caption, lines_of, refs, note_for)
        caption = tuple(node for p in paragraphs for node in p.inlines) if len(paragraphs) == 1 else \
            paragraph_inlines(" ".join(inline_text(p.inlines) for p in paragraphs), [], {})
    return Table(tuple(rows), caption)
