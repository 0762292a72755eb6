"""The plain document model every reader produces and every writer consumes.

Frozen dataclasses only: no python-docx or pypdf objects leak in here.
Transforms build new documents with dataclasses.replace(); nothing mutates.

Block nodes: Heading, Paragraph, ListBlock (of ListItem), Table (of TableRow of
TableCell), Image, BlockQuote, PageMarker, ThematicBreak.
Inline nodes: Text, Strong, Emphasis, Link, LineBreak, NoteRef.
Notes (footnotes and endnotes) live in Document.notes and are referenced
from the text by NoteRef(note_id).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterator, Union

# --------------------------------------------------------------------------
# Inline nodes


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Strong:
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Emphasis:
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Link:
    children: tuple["Inline", ...]
    url: str


@dataclass(frozen=True)
class LineBreak:
    pass


@dataclass(frozen=True)
class NoteRef:
    """A reference mark pointing at Document.notes[...] with the same id."""

    note_id: str


Inline = Union[Text, Strong, Emphasis, Link, LineBreak, NoteRef]

# --------------------------------------------------------------------------
# Block nodes


@dataclass(frozen=True)
class Heading:
    level: int  # 1..6
    inlines: tuple[Inline, ...]
    number: str | None = None  # "2.3.1" when the source numbers its headings
    anchor: str | None = None  # stable id for links and chapters


@dataclass(frozen=True)
class Paragraph:
    inlines: tuple[Inline, ...]
    role: str | None = None  # e.g. "caption", "contents", "cover", "quote-source"


@dataclass(frozen=True)
class ListItem:
    blocks: tuple["Block", ...]  # usually one Paragraph, then maybe nested ListBlocks


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[ListItem, ...]
    start: int = 1


@dataclass(frozen=True)
class TableCell:
    blocks: tuple["Block", ...]
    colspan: int = 1
    rowspan: int = 1
    header: bool = False


@dataclass(frozen=True)
class TableRow:
    cells: tuple[TableCell, ...]
    header: bool = False


@dataclass(frozen=True)
class Table:
    rows: tuple[TableRow, ...]
    caption: tuple[Inline, ...] = ()

    @property
    def header_rows(self) -> tuple[TableRow, ...]:
        return tuple(r for r in self.rows if r.header)

    @property
    def body_rows(self) -> tuple[TableRow, ...]:
        return tuple(r for r in self.rows if not r.header)


@dataclass(frozen=True)
class Image:
    alt: str
    data: bytes | None = None
    mime: str | None = None  # "image/png", "image/jpeg", "image/svg+xml" ...
    title: str | None = None
    width_px: int | None = None
    height_px: int | None = None
    decorative: bool = False  # marked decorative in the source: no alt needed

    def __repr__(self) -> str:  # keep dumps readable: never print the bytes
        size = len(self.data) if self.data else 0
        return f"Image(alt={self.alt!r}, mime={self.mime!r}, bytes={size})"


@dataclass(frozen=True)
class BlockQuote:
    blocks: tuple["Block", ...]


@dataclass(frozen=True)
class PageMarker:
    """Where a page of the original document began (its printed number)."""

    number: str


@dataclass(frozen=True)
class ThematicBreak:
    pass


Block = Union[Heading, Paragraph, ListBlock, Table, Image, BlockQuote, PageMarker, ThematicBreak]


@dataclass(frozen=True)
class Note:
    note_id: str
    kind: str  # "footnote" or "endnote"
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    organisation: str | None = None
    language: str = "en-GB"
    date: str | None = None  # ISO 8601 where known
    subject: str | None = None
    authors: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    source_name: str | None = None  # file name the document was read from
    source_format: str | None = None  # "docx", "pdf", ...
    page_count: int | None = None


@dataclass(frozen=True)
class Document:
    meta: Metadata = field(default_factory=Metadata)
    blocks: tuple[Block, ...] = ()
    notes: tuple[Note, ...] = ()

    def with_blocks(self, blocks) -> "Document":
        return replace(self, blocks=tuple(blocks))

    def note(self, note_id: str) -> Note | None:
        for n in self.notes:
            if n.note_id == note_id:
                return n
        return None

    @property
    def title(self) -> str:
        if self.meta.title:
            return self.meta.title
        for b in self.blocks:
            if isinstance(b, Heading):
                return inline_text(b.inlines)
        return self.meta.source_name or "Untitled document"


# --------------------------------------------------------------------------
# Helpers shared by transforms and writers


def merge_adjacent_text(nodes) -> tuple:
    """Inline nodes with each run of neighbouring Text nodes joined into one (readers build text in pieces)."""
    merged: list = []
    for node in nodes:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text)
        else:
            merged.append(node)
    return tuple(merged)


def inline_text(inlines, *, notes: bool = False) -> str:
    """Plain text of a run of inline nodes (links as their text only)."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, (Strong, Emphasis, Link)):
            out.append(inline_text(node.children, notes=notes))
        elif isinstance(node, LineBreak):
            out.append("\n")
        elif isinstance(node, NoteRef) and notes:
            out.append(f"[{node.note_id}]")
    return "".join(out)


def block_text(block: Block) -> str:
    """Plain text of one block and everything inside it, blocks joined by newlines."""
    if isinstance(block, (Heading, Paragraph)):
        return inline_text(block.inlines)
    if isinstance(block, ListBlock):
        return "\n".join(block_text(b) for item in block.items for b in item.blocks)
    if isinstance(block, Table):
        return "\n".join(block_text(b) for row in block.rows for cell in row.cells for b in cell.blocks)
    if isinstance(block, BlockQuote):
        return "\n".join(block_text(b) for b in block.blocks)
    if isinstance(block, Image):
        return block.alt
    return ""


def walk(blocks) -> Iterator[Block]:
    """Every block in document order, depth first, containers before their content."""
    for block in blocks:
        yield block
        if isinstance(block, ListBlock):
            for item in block.items:
                yield from walk(item.blocks)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    yield from walk(cell.blocks)
        elif isinstance(block, BlockQuote):
            yield from walk(block.blocks)


@dataclass(frozen=True)
class Section:
    """A heading and the blocks up to the next heading of the same or higher level."""

    heading: Heading | None  # None for the text before the first heading
    blocks: tuple[Block, ...]

    @property
    def title(self) -> str:
        return inline_text(self.heading.inlines).strip() if self.heading else ""


def sections(doc: Document, level: int = 1) -> list[Section]:
    """Split the document at headings of `level` or higher (smaller numbers).

    Text before the first such heading becomes a Section with heading=None
    (omitted when empty). Sub-headings stay inside their section's blocks.
    """
    result: list[Section] = []
    current: Heading | None = None
    body: list[Block] = []
    for block in doc.blocks:
        if isinstance(block, Heading) and block.level <= level:
            if current is not None or any(not isinstance(b, PageMarker) for b in body):
                result.append(Section(current, tuple(body)))
            current, body = block, []
        else:
            body.append(block)
    if current is not None or any(not isinstance(b, PageMarker) for b in body):
        result.append(Section(current, tuple(body)))
    return result


def word_count(doc: Document) -> int:
    total = 0
    for block in walk(doc.blocks):
        if isinstance(block, (Heading, Paragraph)):
            total += len(inline_text(block.inlines).split())
    return total
