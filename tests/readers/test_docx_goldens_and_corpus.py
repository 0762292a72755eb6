"""DOCX reader: whole-fixture goldens, and real documents from the shared corpus checked against pandoc."""
from __future__ import annotations

import json
import re
import subprocess

import pytest

from converter.dump import dump
from converter.model import Heading, Image, Table, block_text, inline_text, walk
from converter.readers import ReadOptions
from converter.readers.docx import read

from docx_helpers import FIXTURES, read_fixture

SAMPLES = FIXTURES.parent.parent.parent / "samples"

FIXTURE_NAMES = sorted(p.stem for p in FIXTURES.glob("*.docx"))
WORD = re.compile(r"\w", re.UNICODE)
WORD_COUNT_TOLERANCE = 0.02  # our count may differ from pandoc's by 2% (tables, tabs, symbols)


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_reads_to_its_golden_model_dump(name, golden):
    golden.compare(f"readers/docx/{name}.txt", dump(read_fixture(name).value))


def words(text: str) -> int:
    return sum(1 for token in text.split() if WORD.search(token))


def our_words(doc) -> int:
    blocks = list(walk(doc.blocks)) + [b for note in doc.notes for b in walk(note.blocks)]
    leaves = [b for b in blocks if isinstance(b, Image) or hasattr(b, "inlines")]
    captions = [inline_text(b.caption) for b in blocks if isinstance(b, Table)]
    return sum(words(block_text(b)) for b in leaves) + sum(words(c) for c in captions)


def pandoc_words(path) -> int:
    text = subprocess.run(["pandoc", "-t", "plain", "--wrap=none", str(path)], capture_output=True, text=True,
                          check=True).stdout
    return words(text)


def pandoc_heading_count(path) -> int:
    tree = json.loads(subprocess.run(["pandoc", "-t", "json", str(path)], capture_output=True, text=True,
                                     check=True).stdout)
    return json.dumps(tree["blocks"]).count('"t": "Header"')


def corpus_documents(corpus):
    """Real documents: the shared corpus (read in place) and the project's sample strategy."""
    found = sorted((corpus / "documents" / "docx").glob("*.docx"))
    assert found, "the shared corpus has no DOCX documents"
    return found + sorted(SAMPLES.glob("*.docx"))


def test_corpus_documents_lose_no_text_compared_with_pandoc(corpus):
    for path in corpus_documents(corpus):
        doc = read(path.read_bytes(), ReadOptions(source_name=path.name)).value
        ours, theirs = our_words(doc), pandoc_words(path)
        assert abs(ours - theirs) <= WORD_COUNT_TOLERANCE * theirs, f"{path.name}: {ours} words, pandoc {theirs}"


def test_corpus_documents_find_the_headings_pandoc_finds(corpus):
    for path in corpus_documents(corpus):
        doc = read(path.read_bytes(), ReadOptions(source_name=path.name)).value
        ours = sum(1 for b in walk(doc.blocks) if isinstance(b, Heading))
        assert ours >= pandoc_heading_count(path), path.name


def test_corpus_documents_keep_their_metadata(corpus):
    for path in corpus_documents(corpus):
        meta = read(path.read_bytes(), ReadOptions(source_name=path.name)).value.meta
        assert meta.source_format == "docx" and meta.source_name == path.name
        assert re.match(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$", meta.language)


def test_long_document_without_headings_is_warned_about(corpus):
    path = corpus / "documents" / "docx" / "uk_green_party_soc_rulings_report.docx"
    result = read(path.read_bytes(), ReadOptions(source_name=path.name))
    assert any("no headings" in m.text for m in result.warnings)


def test_document_with_headings_is_not_warned_about_headings():
    assert not any("no headings" in m.text for m in read_fixture("headings").warnings)
