"""Document nodes -> python-docx paragraphs, lists, tables and pictures, one method per node type."""
from __future__ import annotations

import io
import re

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph as WordParagraph

from ..model import (BlockQuote, Document, Emphasis, Heading, Image, LineBreak, Link, ListBlock, NoteRef,
                     PageMarker, Paragraph, Strong, Table, Text, ThematicBreak, block_text, inline_text)
from ..profiles import LargePrintProfile
from ..result import MessageLog
from .docx_images import picture_for_word
from .docx_notes import Footnotes
from .docx_styles import child, format_run, text_height_cm, text_width_cm
from .html_outline import title_heading
from .numbering import digits_for_number
from .table_grid import body_rows, cell_text, is_wide, place_cells
from .unknown_nodes import warn_unknown

SAFE_LINK = re.compile(r"^(https?:|mailto:|tel:)", re.I)


class DocxBody:
    """Writes the blocks of `doc` into a python-docx document (or a table cell)."""

    def __init__(self, word, doc: Document, profile: LargePrintProfile, page_markers: bool, log: MessageLog):
        self.word, self.doc, self.profile, self.log = word, doc, profile, log
        self.page_markers = page_markers
        self.footnotes = Footnotes(word)
        self.in_note = False
        self.style_ids: dict[str, str] = {}
        self.body_end = word.element.body.find(qn("w:sectPr"))  # new paragraphs go just before it
        self.title_heading = title_heading(doc)
        self.block_writers = {
            Heading: self.heading, Paragraph: self.paragraph, ListBlock: self.list_block,
            Table: self.table, Image: self.image, BlockQuote: self.block_quote,
            PageMarker: self.page_marker, ThematicBreak: self.thematic_break,
        }

    # ---- inline nodes
    def runs(self, paragraph, inlines, bold: bool = False) -> None:
        for node in inlines:
            if isinstance(node, Text):
                self.run(paragraph, node.text, bold)
            elif isinstance(node, (Strong, Emphasis)):
                self.runs(paragraph, node.children, True)  # emphasis is bold in large print
            elif isinstance(node, Link):
                self.link(paragraph, node, bold)
            elif isinstance(node, LineBreak):
                self.run(paragraph, "", bold).add_break()
            elif isinstance(node, NoteRef):
                self.note_ref(paragraph, node.note_id)
            else:
                self.run(paragraph, warn_unknown(self.log, node, "large print Word"), bold)

    def run(self, paragraph, text: str, bold: bool = False):
        run = paragraph.add_run(text)
        format_run(run, self.profile, bold=bold)
        return run

    def link(self, paragraph, node: Link, bold: bool) -> None:
        """A real hyperlink, bold and not underlined (large print: no underline)."""
        url = node.url.strip()
        if not SAFE_LINK.match(url):
            self.runs(paragraph, node.children, bold)
            return
        rel_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
        hyperlink = OxmlElement("w:hyperlink")
        hyperlink.set(qn("r:id"), rel_id)
        before = len(paragraph._p.r_lst)
        self.run(paragraph, inline_text(node.children) or url, True)
        for run_element in paragraph._p.r_lst[before:]:
            hyperlink.append(run_element)
        paragraph._p.append(hyperlink)

    # ---- block nodes
    def blocks(self, blocks, container=None) -> None:
        for block in blocks:
            self.block(block, container)

    def block(self, block, container=None) -> None:
        writer = self.block_writers.get(type(block))
        if writer is None:
            text = warn_unknown(self.log, block, "large print Word")
            self.run(self.para(container), text)
            return
        writer(block, container)

    def para(self, container=None, style: str | None = None):
        if container is not None:
            paragraph = container.add_paragraph()
        else:  # python-docx searches the whole body for sectPr on every add_paragraph(): quadratic
            p = OxmlElement("w:p")
            if self.body_end is not None:
                self.body_end.addprevious(p)
            else:
                self.word.element.body.append(p)
            paragraph = WordParagraph(p, self.word._body)
        if style:  # set the style id directly: python-docx's style lookup is slow on long documents
            child(paragraph._p.get_or_add_pPr(), "w:pStyle").set(qn("w:val"), self.style_id(style))
        return paragraph

    def style_id(self, name: str) -> str:
        if name not in self.style_ids:
            self.style_ids[name] = self.word.styles[name].style_id
        return self.style_ids[name]

    def heading(self, block: Heading, container=None) -> None:
        level = min(max(block.level, 1), 6)
        if container is not None:  # a heading inside a table cell or list: bold text, not in the outline
            self.runs(self.para(container), block.inlines, True)
            return
        paragraph = self.para(None, f"Heading {level}")
        number = digits_for_number(block.number)
        size = self.profile.heading_size(level)
        if number:
            format_run(paragraph.add_run(f"{number} "), self.profile, size=size, bold=True)
        before = len(paragraph.runs)
        self.runs(paragraph, block.inlines, True)
        for run in paragraph.runs[before:]:
            format_run(run, self.profile, size=size, bold=True)

    def paragraph(self, block: Paragraph, container=None) -> None:
        style = "Caption" if block.role == "caption" else None
        self.runs(self.para(container, style), block.inlines)

    def list_block(self, block: ListBlock, container=None, depth: int = 1) -> None:
        kind = "List Number" if block.ordered else "List Bullet"
        style = kind if depth == 1 else f"{kind} {min(depth, 3)}"
        num_id = restart_numbering(self.word, style, block.start) if block.ordered else None
        for item in block.items:
            first = True
            for child in item.blocks:
                if isinstance(child, ListBlock):
                    self.list_block(child, container, depth + 1)
                elif first and isinstance(child, Paragraph):
                    paragraph = self.para(container, style)
                    if num_id is not None:
                        set_numbering(paragraph, num_id)
                    self.runs(paragraph, child.inlines)
                    first = False
                else:
                    self.block(child, container)

    def table(self, block: Table, container=None) -> None:
        if block.caption:
            self.runs(self.para(container, "Caption"), block.caption, True)
        if is_wide(block):
            self.reflowed_table(block, container)
        else:
            self.word_table(block, container)

    def reflowed_table(self, block: Table, container=None) -> None:
        """One block per row: a bold heading from the first cell, then 'Column: value' lines."""
        named = bool(block.header_rows)
        for grid_row in body_rows(block):
            cells = [(name, c) for name, c in grid_row.cells if cell_text(c)]
            if not cells:
                continue
            first_name, first = cells[0]
            heading = f"{first_name}: {cell_text(first)}" if named else f"Row {grid_row.number}"
            self.run(self.para(container), heading, True)
            for name, c in (cells[1:] if named else cells):
                paragraph = self.para(container)
                paragraph.paragraph_format.left_indent = Cm(1)
                self.run(paragraph, f"{name}: ", True)
                self.run(paragraph, cell_text(c))

    def word_table(self, block: Table, container=None) -> None:
        grid = place_cells(block.rows)
        if not grid or not grid[0]:
            return
        target = container if container is not None else self.word
        table = target.add_table(rows=len(grid), cols=len(grid[0]))
        table.style = self.word.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        done: set[int] = set()
        for r, line in enumerate(grid):
            if block.rows[r].header:
                child(table.rows[r]._tr.get_or_add_trPr(), "w:tblHeader")
            for c, source in enumerate(line):
                if source is None or id(source) in done:
                    continue
                done.add(id(source))
                last_r = max(i for i, row in enumerate(grid) if source in row)
                last_c = max(j for j, value in enumerate(line) if value is source)
                target_cell = table.cell(r, c)
                if (last_r, last_c) != (r, c):
                    target_cell = target_cell.merge(table.cell(last_r, last_c))
                self.fill_cell(target_cell, source, block.rows[r].header or source.header)

    def fill_cell(self, word_cell, source, header: bool) -> None:
        first = word_cell.paragraphs[0]
        for index, child in enumerate(source.blocks):
            if index == 0 and isinstance(child, Paragraph):
                self.runs(first, child.inlines, header)
            else:
                self.block(child, word_cell)

    def image(self, block: Image, container=None) -> None:
        if block.decorative:
            return
        alt = " ".join(block.alt.split())
        if not alt:
            self.log.warning("An image has no alt text; it was described as 'Image without a description'.")
            alt = "Image without a description"
        picture = picture_for_word(block, text_width_cm(self.profile), text_height_cm(self.profile), self.log)
        if picture is None:
            self.run(self.para(container), f"[Image: {alt}]", True)
            return
        data, width_cm = picture
        run = self.para(container).add_run()
        run.add_picture(io.BytesIO(data), width=Cm(width_cm))
        for doc_pr in run._r.iter(qn("wp:docPr")):
            doc_pr.set("descr", alt)
            if block.title:
                doc_pr.set("title", block.title)

    def block_quote(self, block: BlockQuote, container=None) -> None:
        for child in block.blocks:
            if isinstance(child, Paragraph):
                self.runs(self.para(container, "Quote"), child.inlines)
            else:
                self.block(child, container)

    def page_marker(self, block: PageMarker, container=None) -> None:
        if self.page_markers:
            self.run(self.para(container), f"[Original page {digits_for_number(block.number)}]", True)

    def thematic_break(self, block: ThematicBreak, container=None) -> None:
        self.para(container)

    def note_ref(self, paragraph, note_id: str) -> None:
        """A real footnote: '[' + Word's own number + ']' in the text, the note at the page foot."""
        note = self.doc.note(note_id)
        if note is None:
            self.log.warning(f"Note '{note_id}' is referenced but missing from the document.")
        if self.in_note or note is None:  # Word cannot put a footnote inside a footnote
            self.run(paragraph, f"[note {note_id}]", True)
            return
        number, first = self.footnotes.new_note()
        self.run(paragraph, "[", True)
        paragraph._p.append(self.footnotes.reference_run(number))
        self.run(paragraph, "]", True)
        self.in_note = True
        try:
            self.run(first, " ")
            for position, block in enumerate(note.blocks):
                target = first if position == 0 else self.footnotes.add_paragraph(first._p.getparent())
                if isinstance(block, Paragraph):
                    self.runs(target, block.inlines)
                else:
                    self.run(target, " ".join(block_text(block).split()))
        finally:
            self.in_note = False


def restart_numbering(word, style_name: str, start: int) -> int:
    """A new w:num for this list (same look as the style's numbering) that starts at `start`."""
    numbering = word.part.numbering_part.element
    style_num = word.styles[style_name].element.find(qn("w:pPr")).find(qn("w:numPr")).find(qn("w:numId"))
    style_num_id = style_num.get(qn("w:val"))
    abstract_id = None
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == style_num_id:
            abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    new_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(new_id))
    abstract = OxmlElement("w:abstractNumId")
    abstract.set(qn("w:val"), abstract_id)
    num.append(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start_override = OxmlElement("w:startOverride")
    start_override.set(qn("w:val"), str(start))
    override.append(start_override)
    num.append(override)
    numbering.append(num)
    return new_id


def set_numbering(paragraph, num_id: int) -> None:
    num_pr = child(paragraph._p.get_or_add_pPr(), "w:numPr")
    child(num_pr, "w:ilvl").set(qn("w:val"), "0")
    child(num_pr, "w:numId").set(qn("w:val"), str(num_id))
