"""Word features python-docx lacks (footnotes, list numbering, TOC field, bookmarks) become OOXML."""
from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
BULLET_ABSTRACT, DECIMAL_ABSTRACT = 90, 91
BULLET_GLYPHS = ["\u2022", "\u2013", "\u25aa"]
DECIMAL_FORMATS = [("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3.")]


def element(xml: str):
    return parse_xml(xml)


# ---------------------------------------------------------------- numbering

def _level(ilvl: int, fmt: str, text: str, font: str | None = None) -> str:
    run_fonts = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{720 * (ilvl + 1)}" w:hanging="360"/></w:pPr>{run_fonts}</w:lvl>')


class Numbering:
    """Adds one bullet and one decimal abstract list; each new list gets its own w:num."""

    def __init__(self, document):
        self.root = document.part.numbering_part.element
        bullet = "".join(_level(i, "bullet", BULLET_GLYPHS[i], "Arial") for i in range(3))
        decimal = "".join(_level(i, fmt, text) for i, (fmt, text) in enumerate(DECIMAL_FORMATS))
        first_num = self.root.find(qn("w:num"))
        for abstract_id, levels in ((BULLET_ABSTRACT, bullet), (DECIMAL_ABSTRACT, decimal)):
            abstract = element(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                               f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>')
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self.root.append(abstract)
        self.next_id = 100

    def new_list(self, kind: str) -> int:
        """A fresh w:num (numbered lists restart at 1)."""
        num_id = self.next_id
        self.next_id += 1
        abstract = BULLET_ABSTRACT if kind == "bullet" else DECIMAL_ABSTRACT
        overrides = "".join(f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="1"/></w:lvlOverride>'
                            for i in range(3))
        self.root.append(element(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                                 f'<w:abstractNumId w:val="{abstract}"/>{overrides}</w:num>'))
        return num_id


def set_numbering(paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(element(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/>'
                                      f'<w:numId w:val="{num_id}"/></w:numPr>'),
                              "w:spacing", "w:ind", "w:jc", "w:rPr")


# ---------------------------------------------------------------- footnotes

FOOTNOTES_XML = (f'<w:footnotes {nsdecls("w", "r")}>'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
                 'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
                 'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
                 '</w:footnote></w:footnotes>')


class Footnotes:
    """Collects footnotes; attach() adds word/footnotes.xml with its relationship and content type."""

    def __init__(self):
        self.root = element(FOOTNOTES_XML)
        self.count = 0

    def add(self, paragraph, runs_xml: str) -> None:
        """A footnote reference run at the end of paragraph; runs_xml is the note's own runs."""
        self.count += 1
        note = element(f'<w:footnote {nsdecls("w")} w:id="{self.count}"><w:p><w:pPr>'
                       '<w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr>'
                       '<w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                       f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{runs_xml}</w:p></w:footnote>')
        self.root.append(note)
        paragraph._p.append(element(f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="FootnoteReference"/>'
                                    f'</w:rPr><w:footnoteReference w:id="{self.count}"/></w:r>'))

    def attach(self, document) -> None:
        from lxml import etree
        blob = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
        part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, blob, document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
        settings = document.settings.element
        footnote_pr = element(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/>'
                              '<w:footnote w:id="0"/></w:footnotePr>')
        anchor = settings.find(qn("w:compat"))
        if anchor is None:
            anchor = settings.find(qn("w:rsids"))
        if anchor is not None:
            anchor.addprevious(footnote_pr)
        else:
            settings.append(footnote_pr)


# ---------------------------------------------------------------- bookmarks, TOC, fields

def add_bookmark(paragraph, name: str, bookmark_id: int) -> None:
    p = paragraph._p
    start = element(f'<w:bookmarkStart {nsdecls("w")} w:id="{bookmark_id}" w:name="{name}"/>')
    ppr = p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(element(f'<w:bookmarkEnd {nsdecls("w")} w:id="{bookmark_id}"/>'))


def _text_run(text: str, extra: str = "") -> str:
    from xml.sax.saxutils import escape
    return f'<w:r>{extra}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _field_char(kind: str, dirty: bool = False) -> str:
    flag = ' w:dirty="true"' if dirty else ""
    return f'<w:r><w:fldChar w:fldCharType="{kind}"{flag}/></w:r>'


def toc_paragraph_xml(level: int, text: str, anchor: str, page: str, first: bool, last: bool) -> str:
    """One rendered TOC entry; the first opens the TOC field and the last closes it."""
    begin = ""
    if first:
        begin = (_field_char("begin") + '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u '
                 '</w:instrText></w:r>' + _field_char("separate"))
    end = _field_char("end") if last else ""
    link = (f'<w:hyperlink w:anchor="{anchor}" w:history="1">{_text_run(text)}'
            f'<w:r><w:tab/></w:r>{_text_run(page)}</w:hyperlink>')
    return (f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="TOC{level}"/><w:tabs>'
            '<w:tab w:val="right" w:leader="dot" w:pos="9016"/></w:tabs></w:pPr>'
            f'{begin}{link}{end}</w:p>')


def page_number_runs(paragraph) -> None:
    """Appends a PAGE field showing the current page number."""
    for xml in (_field_char("begin"), '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
                _field_char("separate"), _text_run("1"), _field_char("end")):
        paragraph._p.append(element(xml.replace("<w:r>", f'<w:r {nsdecls("w")}>', 1)))
