"""Small documents built in memory for the writer tests: one feature each, and one rich one."""
from __future__ import annotations

import base64
import struct
import zlib
from dataclasses import dataclass

from converter.model import (BlockQuote, Document, Emphasis, Heading, Image, LineBreak, Link, ListBlock,
                             ListItem, Metadata, Note, NoteRef, PageMarker, Paragraph, Strong, Table,
                             TableCell, TableRow, Text, ThematicBreak)


def png(width: int = 40, height: int = 20, rgb=(0, 94, 165)) -> bytes:
    """A real solid-colour PNG, made without any image library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def para(*parts) -> Paragraph:
    return Paragraph(tuple(Text(p) if isinstance(p, str) else p for p in parts))


def cell(text: str, **kw) -> TableCell:
    return TableCell((para(text),), **kw)


def row(*texts, header=False) -> TableRow:
    return TableRow(tuple(cell(t, header=header) for t in texts), header=header)


def doc(*blocks, title="Test document", notes=()) -> Document:
    return Document(Metadata(title=title), tuple(blocks), tuple(notes))


def bullets(*texts, ordered=False, start=1) -> ListBlock:
    return ListBlock(ordered, tuple(ListItem((para(t),)) for t in texts), start)


@dataclass(frozen=True)
class Sidebar:
    """A node type no writer knows: writers must warn and keep its text."""

    inlines: tuple


def wide_table() -> Table:
    return Table((row("Ward", "Cases 2023", "Cases 2024", "Change", "Lead officer", header=True),
                  row("North", "120", "98", "-18%", "A. Patel"),
                  row("South", "87", "91", "+5%", "B. Jones")),
                 caption=(Text("Reports by ward"),))


def rich_document() -> Document:
    """Every node type once, in the shape of a small council strategy."""
    blocks = (
        PageMarker("1"),
        Heading(1, (Text("Domestic abuse strategy 2025 to 2028"),)),
        para("This strategy sets out how the council and its partners will ", Strong((Text("keep people safe"),)),
             ", with an ", Emphasis((Text("emphasis"),)), " on early help.", NoteRef("fn1")),
        Heading(2, (Text("Our priorities"),), number="I"),
        ListBlock(False, (
            ListItem((para("Prevention"), bullets("Schools", "Workplaces"))),
            ListItem((para("Support for victims"),)),
        )),
        bullets("Listen", "Act", "Review", ordered=True, start=1),
        Heading(2, (Text("Figures"),), number="II"),
        Table((row("Service", "Referrals", header=True), row("Helpline", "1,204"), row("Refuge", "86")),
              caption=(Text("Referrals in 2024"),)),
        wide_table(),
        Table((TableRow((TableCell((para("Quarter"),), header=True, rowspan=2),
                         TableCell((para("Calls"),), header=True, colspan=2)), header=True),
               TableRow((cell("Answered", header=True), cell("Missed", header=True)), header=True),
               row("Q1", "400", "12"))),
        PageMarker("2"),
        Heading(3, (Text("Where to get help"),)),
        para("Call the helpline on 0808 2000 247 or visit ",
             Link((Text("the council website"),), "https://www.example.gov.uk/help"), " or ",
             Link((Text("https://www.example.gov.uk"),), "https://www.example.gov.uk"), "."),
        para("First line", LineBreak(), "second line"),
        Image("Map of the borough showing the three refuges", png(), "image/png", width_px=40, height_px=20),
        Image("", png(8, 8), "image/png", decorative=True),
        BlockQuote((para("Nobody should live in fear."),)),
        ThematicBreak(),
        para("End of the strategy."),
    )
    notes = (Note("fn1", "footnote", (para("Home Office definition, 2021."),)),)
    return Document(Metadata(title="Domestic abuse strategy 2025 to 2028", organisation="Example Council"),
                    blocks, notes)


__all__ = ["png", "para", "cell", "row", "doc", "bullets", "rich_document", "wide_table", "Sidebar",
           "Heading", "Text", "Strong", "Emphasis", "Link", "LineBreak", "NoteRef", "Note", "PageMarker",
           "Image", "Table", "TableRow", "TableCell", "ListBlock", "ListItem", "BlockQuote", "ThematicBreak",
           "Paragraph", "Document", "Metadata", "base64"]
