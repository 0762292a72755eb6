"""Reading a DOCX back for tests: each run's effective size, italic, underline; canonical XML for goldens.

Effective values follow Word's inheritance: the run's own properties, then its
character style chain, then its paragraph's style chain (Normal when none),
then the document defaults in styles.xml.
"""
from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


class Styles:
    def __init__(self, xml: bytes):
        self.root = etree.fromstring(xml)
        self.by_id = {s.get(q("styleId")): s for s in self.root.findall("w:style", NS)}
        self.defaults = self.root.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
        self.default_paragraph = next((s.get(q("styleId")) for s in self.root.findall("w:style", NS)
                                       if s.get(q("type")) == "paragraph" and s.get(q("default")) == "1"), None)

    def chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            based = style.find("w:basedOn", NS)
            style_id = based.get(q("val")) if based is not None else None


def _first(elements, path: str):
    for element in elements:
        if element is None:
            continue
        found = element.find(path, NS)
        if found is not None:
            return found
    return None


def _on(element) -> bool:
    if element is None:
        return False
    return element.get(q("val"), "true") not in ("0", "false", "none")


def run_property_sources(run, styles: Styles) -> list:
    paragraph = next(run.iterancestors(q("p")))
    rpr = run.find("w:rPr", NS)
    sources = [rpr]
    rstyle = rpr.find("w:rStyle", NS) if rpr is not None else None
    if rstyle is not None:
        sources += [s.find("w:rPr", NS) for s in styles.chain(rstyle.get(q("val")))]
    pstyle = paragraph.find("w:pPr/w:pStyle", NS)
    pstyle_id = pstyle.get(q("val")) if pstyle is not None else styles.default_paragraph
    sources += [s.find("w:rPr", NS) for s in styles.chain(pstyle_id)]
    return sources + [styles.defaults]


def effective_runs(data: bytes) -> list[dict]:
    """Every run with text in the body, headers, footers and notes, with its effective formatting."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    styles = Styles(archive.read("word/styles.xml"))
    parts = [n for n in archive.namelist()
             if re.match(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$", n)]
    runs = []
    for part in parts:
        root = etree.fromstring(archive.read(part))
        for run in root.iter(q("r")):
            text = "".join(t.text or "" for t in run.iter(q("t")))
            if not text.strip():
                continue
            sources = run_property_sources(run, styles)
            size = _first(sources, "w:sz")
            runs.append({
                "part": part, "text": text,
                "size": int(size.get(q("val"))) / 2 if size is not None else 10.0,
                "italic": _on(_first(sources, "w:i")),
                "underline": _on(_first(sources, "w:u")),
                "caps": _on(_first(sources, "w:caps")),
            })
    return runs


def paragraph_alignments(data: bytes) -> list[str]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    styles = Styles(archive.read("word/styles.xml"))
    found = []
    for paragraph in etree.fromstring(archive.read("word/document.xml")).iter(q("p")):
        pstyle = paragraph.find("w:pPr/w:pStyle", NS)
        sources = [paragraph.find("w:pPr", NS)] + [s.find("w:pPr", NS) for s in styles.chain(
            pstyle.get(q("val")) if pstyle is not None else styles.default_paragraph)]
        jc = _first(sources, "w:jc")
        found.append(jc.get(q("val")) if jc is not None else "left")
    return found


def canonical(data: bytes, names=("word/document.xml", "word/styles.xml", "word/numbering.xml",
                                  "word/footnotes.xml")) -> str:
    """Golden form: chosen parts as canonical XML, pretty printed, without rsids."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    out = []
    for name in names:
        root = etree.fromstring(archive.read(name))
        for element in root.iter():
            for attr in [a for a in element.attrib if "rsid" in a]:
                del element.attrib[attr]
        for element in list(root.iter(q("rsid"), q("rsids"))):
            element.getparent().remove(element)
        canonical_xml = etree.tostring(root, method="c14n")
        pretty = etree.tostring(etree.fromstring(canonical_xml, etree.XMLParser(remove_blank_text=True)),
                                pretty_print=True, encoding="unicode")
        out.append(f"===== {name}\n{pretty}")
    return "".join(out)


def children_out_of_schema_order(data: bytes, orders: dict) -> list[str]:
    """Property elements whose children break the schema sequence (Word calls such files corrupt)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    problems = []
    for name in archive.namelist():
        if not re.match(r"word/[^/]+\.xml$", name):
            continue
        for element in etree.fromstring(archive.read(name)).iter(*orders):
            order = [q(t.split(":")[1]) for t in orders[element.tag]]
            positions = [order.index(c.tag) for c in element if c.tag in order]
            if positions != sorted(positions):
                problems.append(f"{name}: {etree.QName(element).localname} children "
                                f"{[etree.QName(c).localname for c in element]}")
    return problems
