"""Easy-read Document -> Word document: per part a heading and a two-column table, picture left, words right."""
from __future__ import annotations

import hashlib
import io
from functools import lru_cache

from docx import Document as new_docx
from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .. import provenance
from ..errors import OutputError
from ..model import Heading, Image, Paragraph, Strong, Table, inline_text
from ..result import MessageLog, Result
from ..transforms.easy_read.pictures import ATTRIBUTION, ATTRIBUTION_URL

PICTURE_CM = 2.2
PICTURE_COLUMN_CM = 3.0
TEXT_COLUMN_CM = 13.0  # A4 less 2.5 cm margins and the picture column
PNG_PIXELS = 240


def child(parent, tag: str):
    """The first child `tag` of `parent`, created (appended) when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def set_fonts(rpr, family: str) -> None:
    fonts = child(rpr, "w:rFonts")
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]  # theme fonts would override the names
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), family)


def set_size(rpr, points: float) -> None:
    for tag in ("w:sz", "w:szCs"):
        child(rpr, tag).set(qn("w:val"), str(int(round(points * 2))))


def add_page_field(paragraph) -> None:
    """A PAGE field: the current page number."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


@lru_cache(maxsize=256)
def _png_cached(digest: str, svg: bytes) -> bytes:
    import cairosvg
    return cairosvg.svg2png(bytestring=svg, output_width=PNG_PIXELS, output_height=PNG_PIXELS)


def picture_png(image: Image) -> bytes:
    """The picture as PNG (Word cannot show every SVG); rendered once per process and kept in memory."""
    if image.mime == "image/png":
        return image.data
    try:
        return _png_cached(hashlib.sha256(image.data).hexdigest(), image.data)
    except Exception as exc:
        raise OutputError(f"Picture '{image.title}' could not be drawn ({exc}).",
                          hint="Choose another picture for that line in the draft.") from exc


def _set_defaults(document, profile) -> None:
    rpr = child(child(child(document.styles.element, "w:docDefaults"), "w:rPrDefault"), "w:rPr")
    set_fonts(rpr, profile.font_family)
    set_size(rpr, profile.font_size)
    lang = child(rpr, "w:lang")
    for slot in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(slot), profile.language)
    for name, scale in (("Normal", 1.0), ("Heading 1", 1.75), ("Heading 2", 1.3), ("Header", 1.0), ("Footer", 1.0)):
        style = document.styles[name]
        style_rpr = style.element.get_or_add_rPr()
        set_fonts(style_rpr, profile.font_family)
        style.font.size = Pt(round(profile.font_size * scale, 1))
        style.font.italic = False
        style.font.color.rgb = None
        if name.startswith("Heading"):
            style.font.bold = True
            style.paragraph_format.space_before = Pt(profile.font_size)
            style.paragraph_format.space_after = Pt(profile.font_size / 2)
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _set_up_pages(document, profile, draft: bool) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.5))
        footer = section.footer.paragraphs[0]
        footer.add_run("Page ")
        add_page_field(footer)
        if draft:
            header = section.header.paragraphs[0]
            header.add_run("DRAFT – not yet approved").bold = True


def _add_words(paragraph, inlines) -> None:
    for node in inlines:
        if isinstance(node, Strong):
            paragraph.add_run(inline_text(node.children)).bold = True
        else:
            paragraph.add_run(inline_text((node,)))


def _no_borders(table) -> None:
    borders = child(table._tbl.tblPr, "w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        child(borders, f"w:{edge}").set(qn("w:val"), "nil")


def _describe(table, text: str) -> None:
    """Table alt text (w:tblDescription) and a fixed layout, so Word keeps the picture column."""
    child(table._tbl.tblPr, "w:tblDescription").set(qn("w:val"), text)
    child(table._tbl.tblPr, "w:tblLayout").set(qn("w:type"), "fixed")


def _add_picture(cell, image: Image) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run()
    shape = run.add_picture(io.BytesIO(picture_png(image)), width=Cm(PICTURE_CM), height=Cm(PICTURE_CM))
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", image.alt)
    doc_pr.set("title", image.title or "")


def _add_lines(document, table_block: Table, title: str, log: MessageLog) -> None:
    rows = [r for r in table_block.rows if r.cells]
    table = document.add_table(rows=len(rows), cols=2)
    _no_borders(table)
    _describe(table, f"Easy read lines for '{title}': a picture beside each line")
    table.autofit = False
    for column, width in zip(table.columns, (PICTURE_COLUMN_CM, TEXT_COLUMN_CM)):
        column.width = Cm(width)
    for index, row in enumerate(rows):
        picture_cell, words_cell = table.rows[index].cells
        picture_cell.width, words_cell.width = Cm(PICTURE_COLUMN_CM), Cm(TEXT_COLUMN_CM)
        picture_cell.vertical_alignment = words_cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
        image = next((b for c in row.cells for b in c.blocks if isinstance(b, Image)), None)
        if image is not None and image.data:
            _add_picture(picture_cell, image)
        else:
            log.warning("A line has no picture.", title)
        for block in (b for c in row.cells for b in c.blocks if isinstance(b, Paragraph)):
            _add_words(words_cell.paragraphs[0], block.inlines)
    document.add_paragraph()


def _set_properties(document, doc, profile) -> None:
    props = document.core_properties
    props.title = doc.title + ("" if profile.approved else " – easy read draft")
    props.language = profile.language
    props.subject = f"Easy read version of {doc.title}"
    props.author = doc.meta.organisation or "altformats"
    props.keywords = "easy read, " + ("approved" if profile.approved else "draft")
    props.comments = f"{provenance.generator_string()}; settings {provenance.settings_string(profile)}"
    props.last_modified_by = "altformats"


def build(doc, profile, log: MessageLog):
    document = new_docx()
    draft = not profile.approved
    _set_defaults(document, profile)
    _set_up_pages(document, profile, draft)
    title = doc.title
    for block in doc.blocks:
        if isinstance(block, Heading):
            heading = document.add_heading(level=1 if block.level == 1 else 2)
            _add_words(heading, block.inlines)
            title = inline_text(block.inlines)
            if block.anchor == "cover" and draft:
                document.add_paragraph().add_run("DRAFT – not yet approved").bold = True
        elif isinstance(block, Table):
            _add_lines(document, block, title, log)
        else:
            log.warning(f"{type(block).__name__} is not part of an easy read layout; left out.")
    closing = document.add_paragraph(f"Pictures: {ATTRIBUTION} {ATTRIBUTION_URL}")
    closing.add_run(f" Made by {provenance.generator_string()}.")
    _set_properties(document, doc, profile)
    return document


def write(doc, profile, *, progress=None) -> Result[bytes]:
    """Writer contract: easy-read Document -> Result[DOCX bytes]."""
    log = MessageLog()
    document = build(doc, profile, log)
    out = io.BytesIO()
    document.save(out)
    if progress:
        progress(1.0, "easy read Word document written")
    return log.result(out.getvalue())
