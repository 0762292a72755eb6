"""python-docx's default template -> large-print styles, page setup, footer and properties.

Every paragraph, character and table style is raised to at least the body size,
set in the profile's font, stripped of italics, underline, capitals and
justification; headings are larger, bold and black. The document defaults carry
the size, font and language (en-GB) so text with no style is large too.
"""
from __future__ import annotations

from functools import lru_cache

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ..profiles import LargePrintProfile

REMOVED_RUN_PROPERTIES = ("w:i", "w:iCs", "w:u", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
                          "w:vertAlign")
A4_CM = (21.0, 29.7)


# Schema order (ECMA-376) of the children of the elements we add to: Word refuses files
# whose properties are out of order. Same sequences as python-docx's element classes.
RUN_PROPERTIES_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
    "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
    "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
    "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath")
PARAGRAPH_PROPERTIES_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange")
CHILD_ORDER = {
    qn("w:rPr"): RUN_PROPERTIES_ORDER,
    qn("w:pPr"): PARAGRAPH_PROPERTIES_ORDER,
    qn("w:style"): ("w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden",
                    "w:uiPriority", "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal",
                    "w:personalCompose", "w:personalReply", "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr",
                    "w:tcPr", "w:tblStylePr"),
    qn("w:numPr"): ("w:ilvl", "w:numId"),
    qn("w:docDefaults"): ("w:rPrDefault", "w:pPrDefault"),
}


def child(parent, tag: str):
    """The first child `tag` of `parent`, created in its schema position when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    found = OxmlElement(tag)
    later = _successors(parent.tag, tag)
    for existing in parent:
        if existing.tag in later:
            existing.addprevious(found)
            return found
    parent.append(found)
    return found


@lru_cache(maxsize=None)
def _successors(parent_tag: str, tag: str) -> frozenset[str]:
    """Clark names of the elements that must come after `tag` inside `parent_tag`."""
    order = CHILD_ORDER.get(parent_tag, ())
    return frozenset(qn(t) for t in order[order.index(tag) + 1:]) if tag in order else frozenset()


def set_fonts(rpr, family: str) -> None:
    fonts = child(rpr, "w:rFonts")
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]  # theme font attributes would override the names below
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), family)


def set_size(rpr, points: float) -> None:
    half_points = str(int(round(points * 2)))
    child(rpr, "w:sz").set(qn("w:val"), half_points)
    child(rpr, "w:szCs").set(qn("w:val"), half_points)


def size_of(rpr) -> float | None:
    sz = rpr.find(qn("w:sz")) if rpr is not None else None
    return int(sz.get(qn("w:val"))) / 2 if sz is not None else None


def clear_emphasis(rpr) -> None:
    for tag in REMOVED_RUN_PROPERTIES:
        for found in rpr.findall(qn(tag)):
            rpr.remove(found)


def set_bold(rpr) -> None:
    child(rpr, "w:b")
    child(rpr, "w:bCs")


def set_black(rpr) -> None:
    color = child(rpr, "w:color")
    for attr in list(color.attrib):
        del color.attrib[attr]
    color.set(qn("w:val"), "000000")


def left_align(ppr) -> None:
    for jc in ppr.findall(qn("w:jc")):
        if jc.get(qn("w:val")) in ("both", "distribute", "center", "right", "end"):
            jc.set(qn("w:val"), "left")


def set_document_defaults(styles_element, profile: LargePrintProfile) -> None:
    defaults = child(styles_element, "w:docDefaults")
    rpr = child(child(defaults, "w:rPrDefault"), "w:rPr")
    set_fonts(rpr, profile.font_family)
    set_size(rpr, profile.font_size)
    lang = child(rpr, "w:lang")
    lang.set(qn("w:val"), profile.language)
    lang.set(qn("w:eastAsia"), profile.language)
    lang.set(qn("w:bidi"), profile.language)
    ppr = child(child(defaults, "w:pPrDefault"), "w:pPr")
    spacing = child(ppr, "w:spacing")
    spacing.set(qn("w:after"), str(int(profile.font_size * 20)))  # one line of space after
    spacing.set(qn("w:line"), str(int(round(profile.line_spacing * 240))))
    spacing.set(qn("w:lineRule"), "auto")


def heading_level(style) -> int | None:
    name = style.name or ""
    if name.startswith("Heading ") and name[8:].isdigit():
        return min(int(name[8:]), 6)
    return {"Title": 1}.get(name)


def restyle(document, profile: LargePrintProfile) -> None:
    """Apply the large-print rules to every style in the document's style sheet."""
    set_document_defaults(document.styles.element, profile)
    for style in document.styles:
        element = style.element
        rpr = child(element, "w:rPr")
        clear_emphasis(rpr)
        set_fonts(rpr, profile.font_family)
        level = heading_level(style)
        size = profile.heading_size(level) * (1.1 if style.name == "Title" else 1.0) if level else None
        set_size(rpr, max(size or 0, size_of(rpr) or 0, profile.font_size) if level is None else size)
        if level:
            set_bold(rpr)
            set_black(rpr)
        ppr = element.find(qn("w:pPr"))
        if ppr is not None:
            left_align(ppr)
    for name in ("Normal", "Quote", "Caption", "Footer", "Header", "Title"):
        set_paragraph_spacing(document.styles[name], profile)
    set_every_line_spacing(document.styles.element, profile)
    document.styles["Caption"].font.bold = True


def set_every_line_spacing(styles_element, profile: LargePrintProfile) -> None:
    """Every line spacing in the style sheet at the profile's (template styles say 1.0 or 2.0).

    Word gives table cells the table style's paragraph spacing (Table Grid: single) over
    a Normal style that repeats the document defaults, so table styles must be set too."""
    for spacing in styles_element.iter(qn("w:spacing")):
        if spacing.getparent().tag == qn("w:pPr") and spacing.get(qn("w:line")) is not None:
            spacing.set(qn("w:line"), str(int(round(profile.line_spacing * 240))))
            spacing.set(qn("w:lineRule"), "auto")


def set_paragraph_spacing(style, profile: LargePrintProfile) -> None:
    fmt = style.paragraph_format
    fmt.line_spacing = profile.line_spacing
    fmt.space_after = Pt(profile.font_size)


def text_width_cm(profile: LargePrintProfile) -> float:
    return A4_CM[0] - 2 * profile.margin_cm


def text_height_cm(profile: LargePrintProfile) -> float:
    return A4_CM[1] - 2 * profile.margin_cm - 3.0  # room for the footer and a caption line


def set_up_pages(document, profile: LargePrintProfile) -> None:
    """A4 portrait, margins from the profile, page numbers in the footer at body size."""
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(A4_CM[0]), Cm(A4_CM[1])
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(profile.margin_cm))
        footer = section.footer.paragraphs[0] if section.footer.paragraphs else section.footer.add_paragraph()
        footer.style = document.styles["Footer"]
        for run_text in ("Page ",):
            run = footer.add_run(run_text)
            format_run(run, profile)
        add_page_field(footer, profile)


def add_page_field(paragraph, profile: LargePrintProfile) -> None:
    """A PAGE field (the current page number) as a simple field with a sized run inside."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")  # filled below in schema order: fonts, then size
    set_fonts(rpr, profile.font_family)
    set_size(rpr, profile.font_size)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def format_run(run, profile: LargePrintProfile, size: float | None = None, bold: bool | None = None) -> None:
    """Direct formatting on one run: font in every slot, size, no italic or underline."""
    rpr = run._r.get_or_add_rPr()
    set_fonts(rpr, profile.font_family)
    if bold:
        child(rpr, "w:b")
    child(rpr, "w:i").set(qn("w:val"), "0")
    set_size(rpr, size or profile.font_size)
    child(rpr, "w:u").set(qn("w:val"), "none")


def set_properties(document, title: str, profile: LargePrintProfile, doc_meta, provenance: str) -> None:
    props = document.core_properties
    props.title = title
    props.language = profile.language
    props.subject = doc_meta.subject or f"Large print ({profile.font_size:g}pt) version of {title}"
    props.comments = provenance
    props.keywords = ", ".join(doc_meta.keywords)
    props.author = doc_meta.organisation or ", ".join(doc_meta.authors) or "altformats"
    props.last_modified_by = "altformats"
    props.revision = 1
