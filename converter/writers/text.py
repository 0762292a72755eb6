"""Document -> plain text (UTF-8, LF) that screen readers and braille software read cleanly."""
from __future__ import annotations

from ..model import (BlockQuote, Document, Emphasis, Heading, Image, LineBreak, Link, ListBlock, NoteRef,
                     PageMarker, Paragraph, Strong, Table, Text, ThematicBreak, inline_text, word_count)
from ..profiles import TextProfile
from ..result import MessageLog, Result
from .clean_text import without_unwritable_characters
from .numbering import digits_for_number, keep_page_markers
from .source_contents import without_source_contents
from .table_grid import body_rows, cell_text
from .titles import display_title
from .unknown_nodes import warn_unknown


UNDERLINES = {1: "=", 2: "-"}


class TextWriter:
    """Walks the document once, one method per node type, collecting lines."""

    def __init__(self, doc: Document, profile: TextProfile):
        self.doc = doc
        self.profile = profile
        self.log = MessageLog()
        self.note_numbers: dict[str, int] = {}
        self.page_markers = keep_page_markers(word_count(doc), profile.page_markers)
        self.blocks_by_type = {
            Heading: self.heading, Paragraph: self.paragraph, ListBlock: self.list_block,
            Table: self.table, Image: self.image, BlockQuote: self.block_quote,
            PageMarker: self.page_marker, ThematicBreak: self.thematic_break,
        }

    # ---- inline nodes
    def inlines(self, nodes) -> str:
        return "".join(self.inline(node) for node in nodes)

    def inline(self, node) -> str:
        if isinstance(node, Text):
            return node.text
        if isinstance(node, (Strong, Emphasis)):
            return self.inlines(node.children)
        if isinstance(node, Link):
            return self.link(node)
        if isinstance(node, LineBreak):
            return "\n"
        if isinstance(node, NoteRef):
            return f"[{self.note_number(node.note_id)}]"
        return warn_unknown(self.log, node, "plain text")

    def link(self, node: Link) -> str:
        text = self.inlines(node.children).strip()
        address = node.url.strip()
        shown = address[len("mailto:"):] if address.lower().startswith("mailto:") else address
        if not address or address.startswith("#") or text in (address, shown):
            return text or shown
        if not text:
            return shown
        return f"{text} ({shown})"

    def note_number(self, note_id: str) -> int:
        return self.note_numbers.setdefault(note_id, len(self.note_numbers) + 1)

    # ---- block nodes: each returns a list of lines (no blank lines around)
    def block(self, block, indent: str = "") -> list[str]:
        handler = self.blocks_by_type.get(type(block))
        if handler is None:
            return [indent + line for line in warn_unknown(self.log, block, "plain text").splitlines()]
        return handler(block, indent)

    def heading(self, block: Heading, indent: str = "") -> list[str]:
        number = digits_for_number(block.number)
        text = " ".join(self.inlines(block.inlines).split())
        line = f"{number} {text}" if number else text
        mark = UNDERLINES.get(block.level) if self.profile.underline_headings else None
        return [line, mark * len(line)] if mark and line else [line]

    def paragraph(self, block: Paragraph, indent: str = "") -> list[str]:
        text = self.inlines(block.inlines).strip()
        return [indent + line.strip() for line in text.split("\n")] if text else []

    def list_block(self, block: ListBlock, indent: str = "") -> list[str]:
        lines: list[str] = []
        for index, item in enumerate(block.items):
            mark = f"{block.start + index}. " if block.ordered else "- "
            first = True
            for child in item.blocks:
                child_indent = indent + " " * len(mark) if not isinstance(child, ListBlock) else indent + "  "
                child_lines = self.block(child, child_indent)
                if first and child_lines and not isinstance(child, ListBlock):
                    child_lines[0] = indent + mark + child_lines[0].lstrip()
                    first = False
                lines.extend(child_lines)
            if first:  # an empty item still gets its mark so the numbering reads right
                lines.append(indent + mark.rstrip())
        return lines

    def table(self, block: Table, indent: str = "") -> list[str]:
        lines = []
        caption = " ".join(self.inlines(block.caption).split())
        if caption:
            lines.append(indent + f"Table: {caption}")
        named = bool(block.header_rows)
        for row in body_rows(block):
            parts = []
            for heading, cell in row.cells:
                value = " ".join(self.cell(cell).split())
                if value:
                    parts.append(f"{heading}: {value}" if named else value)
            if parts:
                lines.append(indent + f"Row {row.number}: " + "; ".join(parts))
        return lines

    def cell(self, cell) -> str:
        if cell is None:
            return ""
        return " ".join(line for b in cell.blocks for line in self.block(b)) or cell_text(cell)

    def image(self, block: Image, indent: str = "") -> list[str]:
        if block.decorative:
            return []
        alt = " ".join(block.alt.split())
        if not alt:
            self.log.warning("An image has no alt text; it is shown as [Image: no description].")
            alt = "no description"
        return [indent + f"[Image: {alt}]"]

    def block_quote(self, block: BlockQuote, indent: str = "") -> list[str]:
        lines = [indent + "Quote:"]
        for child in block.blocks:
            lines.extend(self.block(child, indent))
        return lines + [indent + "End of quote."]

    def page_marker(self, block: PageMarker, indent: str = "") -> list[str]:
        return [f"[Page {digits_for_number(block.number)}]"] if self.page_markers else []

    def thematic_break(self, block: ThematicBreak, indent: str = "") -> list[str]:
        return []

    # ---- the whole document
    def title_heading(self) -> Heading | None:
        """The document's first heading when it is the title (written once, first)."""
        first = next((b for b in self.doc.blocks if not isinstance(b, PageMarker)), None)
        if isinstance(first, Heading) and first.level == 1 and \
                inline_text(first.inlines).strip() == self.doc.title.strip():
            return first
        return None

    def title_lines(self) -> list[str]:
        title = display_title(self.doc)
        return [title, "=" * len(title)] if self.profile.underline_headings else [title]

    def notes_lines(self) -> list[list[str]]:
        groups: list[list[str]] = []
        index = 0
        while index < len(self.note_numbers):  # notes may cite further notes
            note_id = list(self.note_numbers)[index]
            note = self.doc.note(note_id)
            lines = [line for b in (note.blocks if note else ()) for line in self.block(b)]
            if note is None:
                self.log.warning(f"Note '{note_id}' is referenced but missing from the document.")
            text = " ".join(lines) if lines else "(missing note)"
            groups.append([f"[{index + 1}] {text}"])
            index += 1
        if not groups:
            return []
        heading = ["Notes", "=" * 5] if self.profile.underline_headings else ["Notes"]
        return [heading] + groups

    def write(self) -> str:
        groups = [self.title_lines()]
        title_heading = self.title_heading()
        for block in self.doc.blocks:
            if block is not title_heading:
                groups.append(self.block(block))
        groups.extend(self.notes_lines())
        body = "\n\n".join("\n".join(line.rstrip() for line in g) for g in groups if g)
        return body.strip("\n") + "\n"


def write(doc: Document, profile: TextProfile | None = None, *, progress=None) -> Result[bytes]:
    """The document as UTF-8 plain text with LF line endings."""
    doc = without_unwritable_characters(doc)
    profile = profile or TextProfile()
    log = MessageLog()
    if not keep_page_markers(word_count(doc), profile.page_markers):
        doc = without_source_contents(doc, log, "its page numbers refer to pages this text does not mark")
    writer = TextWriter(doc, profile)
    writer.log.extend(log.messages)
    text = writer.write().replace("\r\n", "\n").replace("\r", "\n")
    if progress:
        progress(1.0, "plain text written")
    return writer.log.result(text.encode("utf-8"))
