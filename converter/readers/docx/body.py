"""Block-level WordprocessingML (w:body, cells, text boxes, notes) -> model blocks.

Supported: paragraphs as Heading (outline level or heading style; Title style -> level 1;
auto-numbered headings keep their printed number in Heading.number, and the bookmark
links point at in Heading.anchor), list items from numbering (direct or through the style)
gathered into nested ListBlocks ("List Continue"/"List Paragraph" paragraphs without
numbering stay inside the open item), Quote styles
as BlockQuote, caption and TOC styles as Paragraph roles; tables, with a Caption-style
paragraph just above (or, if the table has no title, just below) as Table.caption; content controls
(w:sdt) read through, a table-of-contents control -> Paragraph(role="contents"),
a cover-page control -> Paragraph(role="cover"); tracked changes (w:ins/w:moveTo kept,
w:del/w:moveFrom dropped); custom XML; mc:AlternateContent read once.
Not supported: w:altChunk (an embedded HTML/RTF/DOCX; warned about), frames, columns,
headers and footers (not read: they repeat on every page).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...model import BlockQuote, Heading, ListBlock, ListItem, PageMarker, Paragraph, Table, inline_text
from .inlines import alternate_branch, build_inlines, is_placeholder, read_paragraph_content
from .ns import attr, is_on, local_name
from .numbering import heading_number
from .styles import CAPTION_NAME, QUOTE_NAME, TOC_NAME, outline_level
from .tables import read_table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
PASS_THROUGH = {"customXml", "ins", "moveTo", "smartTag"}
LIST_CONTINUE_NAME = re.compile(r"^(?:list continue(?: [2-9])?|list paragraph)$", re.IGNORECASE)
LIST_STYLE_LEVEL = re.compile(r"^list (?:bullet|number) ([2-9])$", re.IGNORECASE)
GALLERY_ROLES = {"table of contents": "contents", "cover pages": "cover"}


@dataclass
class PendingItem:
    num_id: str  # the list it belongs to: numIds sharing an abstractNum are one list
    level: int
    ordered: bool
    start: int
    blocks: list


class BlockBuilder:
    """Collects blocks; consecutive list items become one nested ListBlock."""

    def __init__(self) -> None:
        self.blocks: list = []
        self.items: list[PendingItem] = []
        self.outer_item: PendingItem | None = None
        self.deferred_markers: list[PageMarker] = []

    def add(self, block) -> None:
        self.flush_list()
        last = self.blocks[-1] if self.blocks else None
        if isinstance(block, BlockQuote) and isinstance(last, BlockQuote):
            self.blocks[-1] = BlockQuote(last.blocks + block.blocks)
        elif isinstance(block, Table) and is_table_caption(last):
            self.blocks[-1] = replace(block, caption=last.inlines)
        elif is_table_caption(block) and isinstance(last, Table) and not last.caption:
            self.blocks[-1] = replace(last, caption=block.inlines)
        else:
            self.blocks.append(block)

    def add_marker(self, marker: PageMarker | None) -> None:
        if marker is not None:
            (self.deferred_markers if self.items else self.blocks).append(marker)

    def add_item(self, item: PendingItem) -> None:
        """Join the open list unless this item starts another list at the outer level."""
        if self.items:
            outer = self.outer_item
            restarts = item.ordered and item.start <= outer.start
            if item.level <= outer.level and (item.num_id != self.items[0].num_id or restarts):
                self.flush_list()
        if not self.items or item.level <= self.outer_item.level:
            self.outer_item = item  # the latest item at the list's outermost level
        self.items.append(item)

    def flush_list(self) -> None:
        if self.items:
            self.blocks.append(build_list(self.items, 0)[0])
            self.items = []
        self.blocks.extend(self.deferred_markers)
        self.deferred_markers = []

    def finish(self) -> list:
        self.flush_list()
        return self.blocks


def is_table_caption(block) -> bool:
    """A Caption-style paragraph that names a table (not a figure): it becomes the table's caption."""
    if not isinstance(block, Paragraph) or block.role != "caption":
        return False
    return not inline_text(block.inlines).strip().lower().startswith(("figure", "fig.", "chart", "picture", "image"))


def build_list(items: list[PendingItem], i: int) -> tuple[ListBlock, int]:
    first = items[i]
    level = first.level
    entries: list[list] = []
    while i < len(items) and (items[i].level >= level):
        if items[i].level == level or not entries:
            entries.append(list(items[i].blocks))
            i += 1
        else:
            nested, i = build_list(items, i)
            entries[-1].append(nested)
    return ListBlock(first.ordered, tuple(ListItem(tuple(e)) for e in entries), first.start), i


def read_blocks(elements, ctx) -> list:
    builder = BlockBuilder()
    for el in elements:
        read_block_element(el, ctx, builder)
    return builder.finish()


def read_block_element(el, ctx, builder: BlockBuilder) -> None:
    if not isinstance(el.tag, str):
        return
    if el.tag == MC + "AlternateContent":
        for child in alternate_branch(el):
            read_block_element(child, ctx, builder)
        return
    if not el.tag.startswith(W):
        return
    name = local_name(el)
    if name == "p":
        read_paragraph(el, ctx, builder)
    elif name == "tbl":
        table, markers = read_table(el, ctx)
        if table is not None:
            builder.add(table)
            ctx.pages.content_seen = True
        for marker in markers:
            builder.add_marker(marker)
    elif name == "sdt":
        read_content_control(el, ctx, builder)
    elif name in PASS_THROUGH:
        for child in el:
            read_block_element(child, ctx, builder)
    elif name == "altChunk":
        ctx.log.warning("The document embeds another file (altChunk) whose text cannot be read.")


def read_content_control(sdt, ctx, builder: BlockBuilder) -> None:
    gallery = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
    role = GALLERY_ROLES.get((attr(gallery, "w:val") or "").strip().lower())
    content = sdt.find(W + "sdtContent")
    if content is None or is_placeholder(sdt):
        return
    outer = ctx.paragraph_role
    ctx.paragraph_role = role or outer
    try:
        for child in content:
            read_block_element(child, ctx, builder)
    finally:
        ctx.paragraph_role = outer


def paragraph_properties(p, ctx):
    """(style id, heading level or None, (numId, ilvl) or None) of a paragraph."""
    ppr = p.find(W + "pPr")
    style_id = attr(ppr.find(W + "pStyle"), "w:val") if ppr is not None else None
    level = outline_level(ppr)
    if level is None:
        level = ctx.styles.heading_level(style_id)
    elif level < 0:
        level = None
    numbering = ctx.styles.numbering(style_id)
    num_pr = ppr.find(W + "numPr") if ppr is not None else None
    if num_pr is not None:
        num_id = attr(num_pr.find(W + "numId"), "w:val") or (numbering[0] if numbering else None)
        ilvl = attr(num_pr.find(W + "ilvl"), "w:val")
        ilvl = int(ilvl) if ilvl and ilvl.isdigit() else (numbering[1] if numbering else 0)
        numbering = (num_id, ilvl) if num_id else None
    if numbering and not ctx.numbering.is_list(numbering[0]):
        numbering = None
    return style_id, level, numbering


def _list_style_level(style_name: str, ilvl: int) -> int:
    """How deep a list item sits: w:ilvl, or deeper for Word's "List Bullet 2"/"List Number 3"
    styles, which nest by style name rather than by level."""
    match = LIST_STYLE_LEVEL.match(style_name.strip())
    return max(ilvl, int(match.group(1)) - 1) if match else ilvl


def read_paragraph(p, ctx, builder: BlockBuilder) -> None:
    style_id, level, numbering = paragraph_properties(p, ctx)
    before = 1 if ctx.pages.counts("explicit") and _breaks_before(p, style_id, ctx) else 0
    content = read_paragraph_content(p, ctx)
    ctx.fields.close_paragraph()
    for _ in range(before + content.breaks_before):
        builder.add_marker(ctx.pages.next_marker())
    inlines = build_inlines(content.atoms)
    has_text = bool(inline_text(inlines).strip()) or content.has_text
    role = ctx.paragraph_role
    if role == "contents" or ctx.styles.is_kind(style_id, TOC_NAME):
        if has_text:
            builder.add(Paragraph(inlines, role="contents"))
    elif level is not None and has_text:
        builder.add(make_heading(level, inlines, numbering, ctx, heading_anchor(p, ctx)))
    elif numbering is not None:
        label, count = ctx.numbering.advance(*numbering)
        blocks = ([Paragraph(inlines)] if has_text else []) + content.blocks
        content.blocks = []
        if blocks:
            depth = _list_style_level(ctx.styles.name(style_id), numbering[1])
            builder.add_item(PendingItem(ctx.numbering.list_key(numbering[0]), depth,
                                         ctx.numbering.ordered(*numbering), count, blocks))
    elif has_text and builder.items and ctx.styles.is_kind(style_id, LIST_CONTINUE_NAME):
        builder.items[-1].blocks.append(Paragraph(inlines))  # a further paragraph of the last item
    elif has_text:
        builder.add(plain_paragraph(inlines, style_id, role, ctx))
    for block in content.blocks:
        builder.add(block)
    ctx.pages.content_seen = ctx.pages.content_seen or has_text or bool(content.blocks)
    after = content.breaks_after + (1 if ctx.pages.counts("explicit") and ctx.pages.section_breaks_after(p) else 0)
    for _ in range(after):
        builder.add_marker(ctx.pages.next_marker())


def heading_anchor(p, ctx) -> str | None:
    """The bookmark on a heading that links point at (else its first visible bookmark), for Heading.anchor."""
    names = [attr(b, "w:name") for b in p.iter(W + "bookmarkStart") if attr(b, "w:name")]
    targeted = [n for n in names if n in ctx.link_targets]
    visible = [n for n in names if not n.startswith("_")]
    return (targeted or visible or [None])[0]


def make_heading(level: int, inlines, numbering, ctx, anchor: str | None = None) -> Heading:
    number = None
    if numbering is not None:
        label, _ = ctx.numbering.advance(*numbering)
        number = heading_number(label) if ctx.numbering.ordered(*numbering) else None
    if level == 0:  # the Title style
        ctx.title_text = ctx.title_text or inline_text(inlines).strip()
        level = 1
    return Heading(min(level, 6), inlines, number, anchor)


def plain_paragraph(inlines, style_id, role, ctx):
    if ctx.styles.is_kind(style_id, CAPTION_NAME):
        return Paragraph(inlines, role="caption")
    if ctx.styles.is_kind(style_id, QUOTE_NAME) and role is None:
        return BlockQuote((Paragraph(inlines),))
    return Paragraph(inlines, role=role)


def _breaks_before(p, style_id, ctx) -> bool:
    direct = p.find(f"{W}pPr/{W}pageBreakBefore")
    return is_on(direct) if direct is not None else ctx.styles.page_break_before(style_id)
