"""A blank python-docx document becomes one with the strategy's page setup, styles and language."""
from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

FONT = "Arial"
BODY_SIZE = Pt(12)
NAVY = RGBColor(0x00, 0x30, 0x57)
TEAL = RGBColor(0x00, 0x5A, 0x5F)
HEADINGS = {1: (Pt(20), NAVY), 2: (Pt(16), NAVY), 3: (Pt(13), TEAL)}


def set_up(document, language: str) -> None:
    _page_setup(document)
    _defaults(document, language)
    _headings(document)
    _extra_styles(document)
    _drop_theme_fonts(document.styles)


def _page_setup(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.54))
    section.header_distance = section.footer_distance = Cm(1.25)


def _defaults(document, language: str) -> None:
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for tag in ("w:lang", "w:rFonts"):
        old = rpr_default.find(qn(tag))
        if old is not None:
            rpr_default.remove(old)
    rpr_default.insert(0, parse_xml(f'<w:rFonts {nsdecls("w")} w:ascii="{FONT}" w:hAnsi="{FONT}" '
                                    f'w:eastAsia="{FONT}" w:cs="{FONT}"/>'))
    rpr_default.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{language}" w:eastAsia="{language}" '
                                 f'w:bidi="ar-SA"/>'))
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, BODY_SIZE
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.2
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _headings(document) -> None:
    for level, (size, colour) in HEADINGS.items():
        style = document.styles[f"Heading {level}"]
        style.font.name, style.font.size, style.font.bold = FONT, size, True
        style.font.italic = False
        style.font.color.rgb = colour
        fmt = style.paragraph_format
        fmt.space_before = Pt(18 if level == 1 else 12)
        fmt.space_after = Pt(8)
        fmt.keep_with_next = True
        fmt.page_break_before = level == 1
    title = document.styles["Title"]
    title.font.name, title.font.size, title.font.color.rgb = FONT, Pt(30), NAVY
    title.font.bold = True
    subtitle = document.styles["Subtitle"]
    subtitle.font.name, subtitle.font.size, subtitle.font.color.rgb = FONT, Pt(20), TEAL
    subtitle.font.italic = False
    toc_heading = document.styles["TOC Heading"]
    toc_heading.font.name, toc_heading.font.size, toc_heading.font.color.rgb = FONT, Pt(20), NAVY
    toc_heading.paragraph_format.page_break_before = True
    for name in ("Caption", "Quote", "Intense Quote"):
        document.styles[name].font.italic = False
    document.styles["Caption"].font.size = Pt(11)
    document.styles["Caption"].font.color.rgb = RGBColor(0x0B, 0x0C, 0x0C)


def _drop_theme_fonts(styles) -> None:
    """Theme font attributes override w:ascii/w:hAnsi, so remove them to make Arial stick."""
    for fonts in styles.element.iter(qn("w:rFonts")):
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{attr}"), None)


def _add(document, name: str, style_id: str, kind=WD_STYLE_TYPE.PARAGRAPH):
    style = document.styles.add_style(name, kind)
    style.style_id = style_id
    return style


def _extra_styles(document) -> None:
    for level in (1, 2, 3):
        toc = _add(document, f"toc {level}", f"TOC{level}")
        toc.base_style = document.styles["Normal"]
        toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        toc.paragraph_format.space_after = Pt(4 if level == 1 else 2)
        toc.font.bold = level == 1
    note = _add(document, "footnote text", "FootnoteText")
    note.base_style = document.styles["Normal"]
    note.font.size = Pt(10)
    note.paragraph_format.space_after = Pt(2)
    note.paragraph_format.line_spacing = 1.0
    reference = _add(document, "footnote reference", "FootnoteReference", WD_STYLE_TYPE.CHARACTER)
    reference.font.superscript = True
    box = _add(document, "Help Box", "HelpBox")
    box.base_style = document.styles["Normal"]
    ppr = box.element.get_or_add_pPr()
    ppr.append(parse_xml(  # borders and shading first: python-docx then slots ind/spacing after them
        f'<w:pBdr {nsdecls("w")}>' + "".join(
            f'<w:{side} w:val="single" w:sz="18" w:space="8" w:color="005A5F"/>'
            for side in ("top", "left", "bottom", "right")) + "</w:pBdr>"))
    ppr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="E8F4F4"/>'))
    box.paragraph_format.left_indent = box.paragraph_format.right_indent = Cm(0.3)
    link = _add(document, "Hyperlink", "Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x1D, 0x70, 0xB8)
    link.font.underline = True
    cover = _add(document, "Cover Text", "CoverText")
    cover.base_style = document.styles["Normal"]
    cover.font.size = Pt(16)
    cover.paragraph_format.space_after = Pt(12)
