"""The sample strategy (DOCX and tagged PDF) meets its brief, checked with python-docx, lxml and pypdf directly."""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
from lxml import etree


SAMPLES = Path(__file__).resolve().parents[2] / "samples"
DOCX = SAMPLES / "kent-and-medway-domestic-abuse-strategy.docx"
PDF = SAMPLES / "kent-and-medway-domestic-abuse-strategy.pdf"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}
SEED_CONTACTS = ["0808 168 9276", "www.domesticabuseservices.org.uk", "999", "101", "0808 2000 247",
                 "0808 801 0327", "PSRPolicy@kent.gov.uk", "03000 415782"]
SEED_FACTS = ["2 million", "2.4 million", "16 to 74", "twice as likely", "26,149", "15%", "2 to 3 years",
              "8 July", "30 September 2019", "Peter Ayling", "Assistant Chief Constable"]
PARTNERS = ["Kent Police", "Medway Council", "Kent County Council", "the NHS", "Kent Fire and Rescue",
            "district councils", "Probation"]
LAWS = ["Ending Violence against Women and Girls", "Domestic Abuse Bill", "Care Act 2014",
        "Serious Crime Act 2015"]
PRIORITIES = ["Driving change together", "Prevention and early intervention", "Provision of services",
              "Minimising harm", "Justice, recovery and ongoing protection"]


def part_xml(name: str, path=DOCX):
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


def paragraph_text(p) -> str:
    """Text of a w:p, with run tabs as tab characters (tab stops in w:pPr are not text)."""
    return "".join("\t" if t.tag == f"{{{W}}}tab" else (t.text or "")
                   for t in p.iter(f"{{{W}}}t", f"{{{W}}}tab") if t.getparent().tag == f"{{{W}}}r")


@pytest.fixture(scope="module")
def document():
    return docx.Document(str(DOCX))


@pytest.fixture(scope="module")
def body():
    return part_xml("word/document.xml").find("w:body", NS)


@pytest.fixture(scope="module")
def full_text(body):
    return "\n".join(paragraph_text(p) for p in body.iter(f"{{{W}}}p"))


@pytest.fixture(scope="module")
def headings(document):
    return [(int(p.style.name[-1]), p.text) for p in document.paragraphs
            if p.style.name.startswith("Heading ")]


def test_body_text_is_between_6000_and_10000_words(full_text):
    assert 6000 <= len(full_text.split()) <= 10000


def test_headings_use_word_heading_styles_numbered_to_three_levels(headings):
    levels = {level for level, _ in headings}
    assert levels == {1, 2, 3}
    patterns = {1: r"\d+ \S", 2: r"\d+\.\d+ \S", 3: r"\d+\.\d+\.\d+ \S"}
    numbered = [(level, text) for level, text in headings if text[0].isdigit()]
    assert all(re.fullmatch(patterns[level] + ".*", text) for level, text in numbered)
    assert {level for level, _ in numbered} == {1, 2, 3}


def test_heading_numbers_follow_their_parent_heading(headings):
    parents = {1: "", 2: "", 3: ""}
    for level, text in headings:
        number = text.split(" ")[0]
        if not number[0].isdigit():
            continue
        if level > 1:
            assert number.rsplit(".", 1)[0] == parents[level - 1], text
        parents[level] = number


def test_contents_is_a_toc_field_with_its_entries_already_rendered(body, headings):
    instructions = " ".join(t.text for t in body.iter(f"{{{W}}}instrText"))
    assert re.search(r"\bTOC \\o \"1-[23]\"", instructions)
    entries = [p for p in body.iter(f"{{{W}}}p")
               if p.find("w:pPr/w:pStyle", NS) is not None
               and p.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val").startswith("TOC")
               and p.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val") != "TOCHeading"]
    assert len(entries) == sum(1 for level, _ in headings if level <= 2)
    for entry in entries:
        assert re.fullmatch(r".+\t?\d+", paragraph_text(entry)), paragraph_text(entry)


def test_contents_page_numbers_match_the_pages_of_the_pdf(body):
    reader = pypdf.PdfReader(str(PDF))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    entries = [paragraph_text(p) for p in body.iter(f"{{{W}}}p")
               if p.find("w:pPr/w:pStyle[@w:val='TOC1']", NS) is not None
               or p.find("w:pPr/w:pStyle[@w:val='TOC2']", NS) is not None]
    for entry in entries:
        match = re.fullmatch(r"(?P<title>.+?)(?P<page>\d+)", entry)
        assert match["title"].strip() in pages[int(match["page"]) - 1], entry


def test_lists_use_word_numbering_with_bullets_numbers_and_nesting(body):
    numbering = part_xml("word/numbering.xml")
    abstract_of = {n.get(f"{{{W}}}numId"): n.find("w:abstractNumId", NS).get(f"{{{W}}}val")
                   for n in numbering.findall("w:num", NS)}
    first_format = {a.get(f"{{{W}}}abstractNumId"): a.find("w:lvl/w:numFmt", NS).get(f"{{{W}}}val")
                    for a in numbering.findall("w:abstractNum", NS)}
    used = [(p.find("w:ilvl", NS).get(f"{{{W}}}val"), p.find("w:numId", NS).get(f"{{{W}}}val"))
            for p in body.iter(f"{{{W}}}numPr")]
    formats = {first_format[abstract_of[num_id]] for _, num_id in used}
    assert {"bullet", "decimal"} <= formats
    assert any(ilvl == "1" for ilvl, _ in used)


def test_there_are_tables_with_a_header_row_and_a_merged_cell(document, body):
    assert len(document.tables) >= 2
    assert body.find(".//w:tbl/w:tr/w:trPr/w:tblHeader", NS) is not None
    assert (body.find(".//w:tcPr/w:vMerge", NS) is not None
            or body.find(".//w:tcPr/w:gridSpan", NS) is not None)


def test_every_picture_has_alt_text(body):
    pictures = body.findall(".//wp:docPr", NS)
    assert pictures
    assert all(len(picture.get("descr", "").split()) >= 5 for picture in pictures)


def test_footnotes_are_a_real_word_footnotes_part(body):
    with zipfile.ZipFile(DOCX) as package:
        relationships = package.read("word/_rels/document.xml.rels").decode()
        content_types = package.read("[Content_Types].xml").decode()
    assert 'relationships/footnotes"' in relationships and 'Target="footnotes.xml"' in relationships
    assert "wordprocessingml.footnotes+xml" in content_types
    notes = {n.get(f"{{{W}}}id"): paragraph_text(n)
             for n in part_xml("word/footnotes.xml").findall("w:footnote", NS) if n.get(f"{{{W}}}type") is None}
    references = [r.get(f"{{{W}}}id") for r in body.iter(f"{{{W}}}footnoteReference")]
    assert len(references) >= 3
    assert all(notes[ref].strip() for ref in references)


def test_pandoc_reads_the_footnotes():
    markdown = subprocess.run(["pandoc", "-t", "markdown", str(DOCX)], capture_output=True, text=True,
                              check=True).stdout
    assert len(re.findall(r"^\[\^\d+\]:", markdown, flags=re.M)) >= 3


def test_glossary_explains_the_specialist_terms(document, headings):
    assert any(text.endswith("Glossary") for level, text in headings if level == 1)
    text = "\n".join(p.text for p in document.paragraphs)
    glossary = text[text.index("Glossary\n"):]
    for term in ["MARAC", "IDVA", "Coercive control", "DHR", "Perpetrator", "Safeguarding"]:
        assert term in glossary


def test_every_helpline_and_contact_from_the_seeds_appears_exactly(full_text, headings):
    for contact in SEED_CONTACTS:
        assert re.search(rf"(?<![\d.]){re.escape(contact)}(?![\d])", full_text), contact
    titles = [text for _, text in headings]
    assert any(title.endswith("Getting help") for title in titles)
    assert any(title.endswith("Contact us") for title in titles)
    assert "If you need this document in another format" in full_text


def test_the_seed_facts_partners_laws_and_priorities_are_all_covered(full_text):
    for fact in SEED_FACTS + PARTNERS + LAWS + PRIORITIES:
        assert fact in full_text, fact


def test_cover_page_has_title_executive_and_date(document):
    cover = [p.text for p in document.paragraphs[:6]]
    assert document.paragraphs[0].style.name == "Title"
    assert "Kent and Medway Domestic Abuse and Sexual Violence Executive" in cover
    assert any(re.search(r"\b20\d\d\b", line) for line in cover[2:])


def test_document_properties_and_language_are_set(document):
    core = document.core_properties
    assert core.title == "Kent and Medway Domestic Abuse Strategy 2020-2023"
    assert core.author.startswith("Kent County Council on behalf of")
    assert core.subject and core.keywords and core.language == "en-GB"
    with zipfile.ZipFile(DOCX) as package:
        assert "<Company>Kent County Council</Company>" in package.read("docProps/app.xml").decode()
    default_lang = part_xml("word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert default_lang.get(f"{{{W}}}val") == "en-GB"


def test_pdf_is_tagged_with_title_and_language_and_has_25_pages_or_more():
    reader = pypdf.PdfReader(str(PDF))
    root = reader.trailer["/Root"]
    assert len(reader.pages) >= 25
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en-GB"
    assert reader.metadata.title == "Kent and Medway Domestic Abuse Strategy 2020-2023"


def test_building_from_the_source_again_reproduces_the_committed_docx(tmp_path):
    rebuilt = tmp_path / "strategy.docx"
    subprocess.run([sys.executable, str(SAMPLES / "build_sample.py"), "--output", str(rebuilt)],
                   check=True, capture_output=True)
    with zipfile.ZipFile(DOCX) as committed, zipfile.ZipFile(rebuilt) as fresh:
        assert committed.namelist() == fresh.namelist()
        for name in committed.namelist():
            if not name.startswith("word/media/"):   # picture bytes depend on the Pillow/FreeType build
                assert committed.read(name) == fresh.read(name), name


def _structure_roles(node, roles: dict) -> None:
    node = node.get_object()
    if not isinstance(node, pypdf.generic.DictionaryObject):
        return
    if "/S" in node:
        roles.setdefault(node["/S"], []).append(node)
    kids = node.get("/K")
    for kid in (kids if isinstance(kids, pypdf.generic.ArrayObject) else [kids] if kids is not None else []):
        _structure_roles(kid, roles)


def test_pdf_tags_headings_lists_tables_and_pictures_with_their_alt_text():
    reader = pypdf.PdfReader(str(PDF))
    roles = {}
    _structure_roles(reader.trailer["/Root"]["/StructTreeRoot"], roles)
    for role in ("/H1", "/H2", "/H3", "/L", "/LI", "/Table", "/TH", "/TD", "/Figure"):
        assert role in roles, role
    assert all(len(str(figure.get("/Alt", "")).split()) >= 5 for figure in roles["/Figure"])


def test_the_docx_marks_the_same_37_original_pages_as_its_pdf():
    """Rendered page breaks (as Word saves them) where the PDF's pages begin: both readers agree."""
    from converter.model import PageMarker, block_text
    from converter.pipeline import read_path

    def pages(path):
        blocks = list(read_path(path).value.blocks)
        return [(block.number, block_text(next(b for b in blocks[index + 1:] if not isinstance(b, PageMarker)))[:40])
                for index, block in enumerate(blocks) if isinstance(block, PageMarker)]
    from_docx = pages(DOCX)
    assert from_docx == pages(PDF)
    assert [number for number, _ in from_docx] == [str(n) for n in range(1, 38)]
