"""Model notes -> real Word footnotes (word/footnotes.xml), marked [1] at body size, never superscript."""
from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

from .docx_styles import child

SEPARATORS = (
    f'<w:footnotes {nsdecls("w", "r")}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    '</w:footnote></w:footnotes>'
)


def add_note_styles(word) -> None:
    """'footnote text' and 'footnote reference' styles; restyle() later sizes them like the body."""
    styles = word.styles
    names = {s.name for s in styles}
    if "footnote text" not in names:
        text = styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH)
        text.element.set(qn("w:styleId"), "FootnoteText")  # Word's own id for this built-in style
        text.base_style = styles["Normal"]
    if "footnote reference" not in names:
        reference = styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
        reference.element.set(qn("w:styleId"), "FootnoteReference")
        reference.font.bold = True


class Footnotes:
    """The footnotes part of one Word document, created on first use."""

    def __init__(self, word):
        self.word = word
        self._part: XmlPart | None = None
        self.next_id = 1

    @property
    def part(self) -> XmlPart:
        if self._part is None:
            document_part = self.word.part
            self._part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(SEPARATORS),
                                 document_part.package)
            document_part.relate_to(self._part, RT.FOOTNOTES)
        return self._part

    def style_id(self, name: str) -> str:
        return self.word.styles[name].style_id

    def reference_run(self, note_id: int):
        """<w:r> holding the footnote reference (Word shows the number)."""
        run = OxmlElement("w:r")
        rpr = child(run, "w:rPr")
        child(rpr, "w:rStyle").set(qn("w:val"), self.style_id("footnote reference"))
        reference = OxmlElement("w:footnoteReference")
        reference.set(qn("w:id"), str(note_id))
        run.append(reference)
        return run

    def new_note(self) -> tuple[int, Paragraph]:
        """A new footnote; returns its id and its first paragraph (mark already in place)."""
        note_id = self.next_id
        self.next_id += 1
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(note_id))
        self.part.element.append(note)
        paragraph = self.add_paragraph(note)
        mark = OxmlElement("w:r")
        child(child(mark, "w:rPr"), "w:rStyle").set(qn("w:val"), self.style_id("footnote reference"))
        mark.append(OxmlElement("w:footnoteRef"))
        paragraph._p.append(mark)
        return note_id, paragraph

    def add_paragraph(self, note) -> Paragraph:
        p = OxmlElement("w:p")
        child(child(p, "w:pPr"), "w:pStyle").set(qn("w:val"), self.style_id("footnote text"))
        note.append(p)
        return Paragraph(p, self)
