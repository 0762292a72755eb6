"""Shared helpers for the DOCX reader tests: read a fixture, find blocks of a kind."""
from __future__ import annotations

from pathlib import Path

from converter.model import walk
from converter.readers import ReadOptions
from converter.readers.docx import read

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "docx"


def read_fixture(name: str, **options):
    path = FIXTURES / f"{name}.docx"
    return read(path.read_bytes(), ReadOptions(source_name=path.name, **options))


def doc_of(name: str):
    return read_fixture(name).value


def blocks_of(doc, kind) -> list:
    return [b for b in walk(doc.blocks) if isinstance(b, kind)]
