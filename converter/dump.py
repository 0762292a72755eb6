"""Document -> a readable, stable text dump of the model (for reader goldens and debugging)."""
from __future__ import annotations

from .model import (BlockQuote, Document, Emphasis, Heading, Image, LineBreak, Link, ListBlock, NoteRef,
                    PageMarker, Paragraph, Strong, Table, Text, ThematicBreak)


def dump_inlines(inlines) -> str:
    out = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Strong):
            out.append(f"**{dump_inlines(node.children)}**")
        elif isinstance(node, Emphasis):
            out.append(f"_{dump_inlines(node.children)}_")
        elif isinstance(node, Link):
            out.append(f"[{dump_inlines(node.children)}]({node.url})")
        elif isinstance(node, LineBreak):
            out.append("\\n")
        elif isinstance(node, NoteRef):
            out.append(f"[^{node.note_id}]")
        else:
            out.append(f"<?{type(node).__name__}>")
    return "".join(out)


def _block(block, indent: str, lines: list[str]) -> None:
    if isinstance(block, Heading):
        number = f" [{block.number}]" if block.number else ""
        lines.append(f"{indent}H{block.level}{number} {dump_inlines(block.inlines)}")
    elif isinstance(block, Paragraph):
        role = f"({block.role}) " if block.role else ""
        lines.append(f"{indent}P {role}{dump_inlines(block.inlines)}")
    elif isinstance(block, ListBlock):
        kind = f"ordered start={block.start}" if block.ordered else "bullet"
        lines.append(f"{indent}LIST {kind}")
        for item in block.items:
            lines.append(f"{indent}  - ITEM")
            for child in item.blocks:
                _block(child, indent + "    ", lines)
    elif isinstance(block, Table):
        caption = f" caption={dump_inlines(block.caption)!r}" if block.caption else ""
        lines.append(f"{indent}TABLE{caption}")
        for row in block.rows:
            lines.append(f"{indent}  ROW{' header' if row.header else ''}")
            for cell in row.cells:
                span = "".join([f" colspan={cell.colspan}" if cell.colspan > 1 else "",
                                f" rowspan={cell.rowspan}" if cell.rowspan > 1 else "",
                                " header" if cell.header else ""])
                lines.append(f"{indent}    CELL{span}")
                for child in cell.blocks:
                    _block(child, indent + "      ", lines)
    elif isinstance(block, Image):
        size = len(block.data) if block.data else 0
        flag = " decorative" if block.decorative else ""
        lines.append(f"{indent}IMAGE alt={block.alt!r} mime={block.mime} bytes={'yes' if size else 'no'}{flag}")
    elif isinstance(block, BlockQuote):
        lines.append(f"{indent}QUOTE")
        for child in block.blocks:
            _block(child, indent + "  ", lines)
    elif isinstance(block, PageMarker):
        lines.append(f"{indent}PAGE {block.number}")
    elif isinstance(block, ThematicBreak):
        lines.append(f"{indent}---")
    else:
        lines.append(f"{indent}<?{type(block).__name__}>")


def dump(doc: Document, *, meta: bool = True) -> str:
    lines: list[str] = []
    if meta:
        m = doc.meta
        lines.append(f"META title={m.title!r} organisation={m.organisation!r} language={m.language!r} "
                     f"date={m.date!r} authors={list(m.authors)!r}")
    for block in doc.blocks:
        _block(block, "", lines)
    for note in doc.notes:
        lines.append(f"NOTE {note.kind} {note.note_id}")
        for child in note.blocks:
            _block(child, "  ", lines)
    return "\n".join(lines) + "\n"
