"""Document nodes -> accessible HTML fragments, one function per node type.

Shared by the HTML page writer and the large-print PDF writer (which renders
the same body with a large-print stylesheet). Every piece of text is escaped.
"""
from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..model import (BlockQuote, Document, Emphasis, Heading, Image, LineBreak, Link, ListBlock, NoteRef,
                     PageMarker, Paragraph, Strong, Table, Text, ThematicBreak, inline_text)
from ..result import MessageLog
from .html_outline import OutlineEntry, outline, title_heading
from .numbering import digits_for_number
from .table_grid import body_rows, cell_text, is_wide
from .titles import display_title
from .unknown_nodes import warn_unknown

SAFE_LINK = re.compile(r"^(https?:|mailto:|tel:|#)", re.I)
IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/svg+xml", "image/webp"}


@dataclass
class HtmlOptions:
    reflow_wide_tables: bool = False  # large print: one block per row instead of a wide table
    page_marker_label: str = "Page {}"  # "Original page {}" for large print
    page_markers: bool = True
    decorative_images: bool = True  # tagged PDF has no artifact tag for them in WeasyPrint: leave out


@dataclass
class HtmlBody:
    """Renders blocks and inlines; collects notes in order of first reference, and warnings."""

    doc: Document
    options: HtmlOptions = field(default_factory=HtmlOptions)
    log: MessageLog = field(default_factory=MessageLog)
    note_numbers: dict[str, int] = field(default_factory=dict)
    headings: dict[int, OutlineEntry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.entries = outline(self.doc)
        self.headings = {id(e.heading): e for e in self.entries}
        self.title_heading = title_heading(self.doc)
        self.internal_anchors = {e.anchor: e.anchor for e in self.entries}
        self.internal_anchors.update({e.heading.anchor: e.anchor for e in self.entries if e.heading.anchor})
        self.block_writers = {
            Heading: self.heading, Paragraph: self.paragraph, ListBlock: self.list_block,
            Table: self.table, Image: self.image, BlockQuote: self.block_quote,
            PageMarker: self.page_marker, ThematicBreak: self.thematic_break,
        }
        self.inline_writers = {
            Text: lambda n: escape(n.text), Strong: lambda n: self.wrap("strong", n.children),
            Emphasis: lambda n: self.wrap("em", n.children), Link: self.link,
            LineBreak: lambda n: Markup("<br>"), NoteRef: self.note_ref,
        }

    # ---- inline nodes
    def inlines(self, nodes) -> Markup:
        return Markup("").join(self.inline(n) for n in nodes)

    def inline(self, node) -> Markup:
        writer = self.inline_writers.get(type(node))
        return writer(node) if writer else escape(warn_unknown(self.log, node, "HTML"))

    def wrap(self, tag: str, children) -> Markup:
        return Markup(f"<{tag}>{{}}</{tag}>").format(self.inlines(children))

    def link(self, node: Link) -> Markup:
        text = self.inlines(node.children)
        url = node.url.strip()
        if url.startswith("#"):
            target = self.internal_target(url[1:])
            return Markup('<a href="#{}">{}</a>').format(target, text or url) if target else text
        if not SAFE_LINK.match(url):
            self.log.warning(f"A link to '{url[:60]}' was kept as plain text (not a web, email or phone link).")
            return text
        return Markup('<a href="{}">{}</a>').format(url, text or url)

    def internal_target(self, anchor: str) -> str | None:
        """Our id for a link inside the document (the source's bookmark names are not kept)."""
        return self.internal_anchors.get(anchor)

    def note_ref(self, node: NoteRef) -> Markup:
        first = node.note_id not in self.note_numbers
        number = self.note_numbers.setdefault(node.note_id, len(self.note_numbers) + 1)
        ref_id = Markup(' id="note-ref-{}"').format(number) if first else Markup("")
        return Markup('<a class="note-ref" href="#note-{0}"{1} aria-label="Note {0}">[{0}]</a>').format(number, ref_id)

    # ---- block nodes
    def blocks(self, blocks) -> Markup:
        return Markup("\n").join(self.block(b) for b in blocks)

    def block(self, block) -> Markup:
        writer = self.block_writers.get(type(block))
        if writer is None:
            return Markup("<p>{}</p>").format(warn_unknown(self.log, block, "HTML"))
        return writer(block)

    def heading(self, block: Heading) -> Markup:
        if block is self.title_heading:
            return Markup("")  # shown once, as the page's h1
        entry = self.headings.get(id(block))
        if entry is None:  # a heading inside a list, table or quote: keep it out of the outline
            return Markup('<p class="inner-heading"><strong>{}</strong></p>').format(self.inlines(block.inlines))
        number = digits_for_number(block.number)
        label = Markup('<span class="heading-number">{} </span>').format(number) if number else Markup("")
        return Markup('<h{0} id="{1}">{2}{3}</h{0}>').format(entry.level, entry.anchor, label,
                                                           self.inlines(block.inlines))

    def paragraph(self, block: Paragraph) -> Markup:
        css = Markup(' class="{}"').format(block.role) if block.role else Markup("")
        return Markup("<p{}>{}</p>").format(css, self.inlines(block.inlines))

    def list_block(self, block: ListBlock) -> Markup:
        items = Markup("").join(Markup("<li>{}</li>").format(self.item_content(item.blocks))
                                for item in block.items)
        if not block.ordered:
            return Markup("<ul>{}</ul>").format(items)
        start = Markup(' start="{}"').format(block.start) if block.start != 1 else Markup("")
        return Markup("<ol{}>{}</ol>").format(start, items)

    def item_content(self, blocks) -> Markup:
        """A lone paragraph in a list item or cell is written without <p> (tighter, same meaning)."""
        if len(blocks) == 1 and isinstance(blocks[0], Paragraph) and not blocks[0].role:
            return self.inlines(blocks[0].inlines)
        return self.blocks(blocks)

    def table(self, block: Table) -> Markup:
        if self.options.reflow_wide_tables and is_wide(block):
            return self.reflowed_table(block)
        caption = Markup("<caption>{}</caption>").format(self.inlines(block.caption)) if block.caption else ""
        head = Markup("").join(self.table_row(r, "col") for r in block.header_rows)
        body = Markup("").join(self.table_row(r, "row") for r in block.body_rows)
        head = Markup("<thead>{}</thead>").format(head) if head else ""
        return Markup("<table>{}{}<tbody>{}</tbody></table>").format(caption, head, body)

    def table_row(self, row, scope: str) -> Markup:
        cells = []
        for cell in row.cells:
            spans = Markup("")
            if cell.colspan > 1:
                spans += Markup(' colspan="{}"').format(cell.colspan)
            if cell.rowspan > 1:
                spans += Markup(' rowspan="{}"').format(cell.rowspan)
            if scope == "col" and cell.colspan > 1:
                scope_attr = Markup(' scope="colgroup"')
            else:
                scope_attr = Markup(' scope="{}"').format(scope)
            tag = "th" if (row.header or cell.header) else "td"
            attrs = spans + (scope_attr if tag == "th" else Markup(""))
            cells.append(Markup("<{0}{1}>{2}</{0}>").format(tag, attrs, self.item_content(cell.blocks)))
        return Markup("<tr>{}</tr>").format(Markup("").join(cells))

    def reflowed_table(self, block: Table) -> Markup:
        """A wide table as one block per row: a bold row heading, then 'Column: value' lines."""
        parts = []
        if block.caption:
            parts.append(Markup('<p class="table-caption">{}</p>').format(self.inlines(block.caption)))
        for grid_row in body_rows(block):
            cells = [(name, c) for name, c in grid_row.cells if cell_text(c)]
            if not cells:
                continue
            first_name, first = cells[0]
            heading = Markup("{}: {}").format(first_name, self.item_content(first.blocks)) \
                if block.header_rows else Markup("Row {}").format(grid_row.number)
            rest = cells[1:] if block.header_rows else cells
            lines = Markup("").join(Markup("<li><strong>{}:</strong> {}</li>").format(name, self.item_content(c.blocks))
                                    for name, c in rest)
            parts.append(Markup('<div class="table-row-block"><p class="row-heading"><strong>{}</strong></p>'
                                '<ul class="row-cells">{}</ul></div>').format(heading, lines))
        return Markup('<div class="reflowed-table">{}</div>').format(Markup("\n").join(parts))

    def image(self, block: Image) -> Markup:
        if block.decorative and not self.options.decorative_images:
            return Markup("")
        alt = "" if block.decorative else " ".join(block.alt.split())
        if not block.decorative and not alt:
            self.log.warning("An image has no alt text; it was described as 'Image without a description'.")
            alt = "Image without a description"
        if not block.data or (block.mime or "").lower() not in IMAGE_TYPES:
            if block.decorative:
                return Markup("")
            return Markup('<p class="image-missing">[Image: {}]</p>').format(alt)
        src = f"data:{block.mime.lower()};base64,{base64.b64encode(block.data).decode('ascii')}"
        size = Markup("")
        if block.width_px and block.height_px:
            size = Markup(' width="{}" height="{}"').format(block.width_px, block.height_px)
        return Markup('<p class="image"><img src="{}" alt="{}"{}></p>').format(src, alt, size)

    def block_quote(self, block: BlockQuote) -> Markup:
        return Markup("<blockquote>{}</blockquote>").format(self.blocks(block.blocks))

    def page_marker(self, block: PageMarker) -> Markup:
        if not self.options.page_markers:
            return Markup("")
        number = digits_for_number(block.number)
        anchor = re.sub(r"[^A-Za-z0-9_-]", "-", number)
        label = self.options.page_marker_label.format(number)
        return Markup('<p class="page-marker" id="page-{}">{}</p>').format(anchor, label)

    def thematic_break(self, block: ThematicBreak) -> Markup:
        return Markup("<hr>")

    # ---- notes, after the body has been rendered
    def notes(self) -> Markup:
        items = []
        index = 0
        while index < len(self.note_numbers):  # a note may cite another note
            note_id = list(self.note_numbers)[index]
            number = index + 1
            note = self.doc.note(note_id)
            if note is None:
                self.log.warning(f"Note '{note_id}' is referenced but missing from the document.")
            content = self.item_content(note.blocks) if note else Markup("(missing note)")
            items.append(Markup('<li id="note-{0}">{1} <a class="note-back" href="#note-ref-{0}">'
                                'Back to the text for note {0}</a></li>').format(number, content))
            index += 1
        return Markup("\n").join(items)

    def title_text(self) -> str:
        return display_title(self.doc)


__all__ = ["HtmlBody", "HtmlOptions", "inline_text"]
