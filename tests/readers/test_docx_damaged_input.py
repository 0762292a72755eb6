"""DOCX reader: damaged and strange files give a Result or a clear AltformatsError, never another exception."""
from __future__ import annotations

import io
import random
import zipfile

import pytest
from lxml import etree

from converter.errors import AltformatsError
from converter.model import Document
from converter.readers import ReadOptions
from converter.readers.docx import read

from docx_helpers import FIXTURES

FIXTURE_NAMES = sorted(p.stem for p in FIXTURES.glob("*.docx"))
PARTS_TO_PRUNE = ("word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml")


def read_or_refuse(data: bytes):
    """The reader's answer: a Document, or the AltformatsError it raised (anything else fails the test)."""
    try:
        result = read(data, ReadOptions(source_name="odd.docx"))
    except AltformatsError as exc:
        assert exc.message and exc.path == "odd.docx"
        return exc
    assert isinstance(result.value, Document)
    return result.value


def rezip(data: bytes, change) -> bytes:
    """Copy a DOCX, passing each member's bytes through change(name, bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, change(item.filename, source.read(item)))
    return out.getvalue()


def prune(xml: bytes, rng: random.Random, share: float) -> bytes:
    """Remove a random share of elements and attributes: still XML, but not what Word would write."""
    root = etree.fromstring(xml)
    for el in list(root.iter()):
        parent = el.getparent()
        if parent is not None and rng.random() < share:
            parent.remove(el)
        elif rng.random() < share:
            for name in list(el.attrib):
                del el.attrib[name]
    return etree.tostring(root)


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_randomly_flipped_bytes_never_escape_as_other_exceptions(name):
    data = (FIXTURES / f"{name}.docx").read_bytes()
    rng = random.Random(name)
    for _ in range(30):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        read_or_refuse(bytes(damaged))


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_pruned_xml_structures_still_read_or_are_refused_clearly(name):
    data = (FIXTURES / f"{name}.docx").read_bytes()
    rng = random.Random(name)
    for share in (0.03, 0.3):
        for _ in range(3):
            read_or_refuse(rezip(data, lambda part, body: prune(body, rng, share) if part in PARTS_TO_PRUNE else body))


def test_document_with_an_empty_body_reads_as_an_empty_document_with_a_warning():
    data = (FIXTURES / "lists.docx").read_bytes()
    empty_body = rezip(data, lambda part, body: etree.tostring(_empty_body(body)) if part == "word/document.xml" else body)
    result = read(empty_body, ReadOptions(source_name="empty.docx"))
    assert result.value.blocks == () and "no text" in result.warnings[0].text


def _empty_body(xml: bytes):
    root = etree.fromstring(xml)
    body = root[0]
    for child in list(body):
        body.remove(child)
    return root
