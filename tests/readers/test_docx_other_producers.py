"""DOCX reader: documents written by other real programs (pandoc, LibreOffice) read to the same structure."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from converter.model import Heading, ListBlock, Paragraph, Table, block_text, inline_text
from converter.readers import ReadOptions
from converter.readers.docx import read

SOURCE = """---
title: Waste Strategy
author: Example Council
lang: en-GB
---

# Introduction

We collect **bins** every *week*.[^1] See [our site](https://example.gov.uk/).

1. First step
2. Second step
    - nested bullet
    - another
3. Third step

## Costs

| Service | Cost |
|---------|------|
| Garden  | £40  |
| Bulky   | £25  |

[^1]: Except bank holidays.
"""


@pytest.fixture(scope="module")
def produced(tmp_path_factory) -> dict:
    """The same text saved as DOCX by pandoc, and by LibreOffice re-saving pandoc's file."""
    folder = tmp_path_factory.mktemp("producers")
    (folder / "source.md").write_text(SOURCE, encoding="utf-8")
    subprocess.run(["pandoc", "source.md", "-o", "pandoc.docx"], cwd=folder, check=True)
    profile = folder / "lo-profile"
    subprocess.run([shutil.which("soffice") or "soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder / "lo"), "pandoc.docx"],
                   cwd=folder, check=True, capture_output=True, timeout=180)
    return {name: read(path.read_bytes(), ReadOptions(source_name=path.name)).value
            for name, path in (("pandoc", folder / "pandoc.docx"), ("libreoffice", folder / "lo" / "pandoc.docx"))}


@pytest.mark.parametrize("producer", ["pandoc", "libreoffice"])
def test_headings_and_title_survive(produced, producer):
    doc = produced[producer]
    assert doc.meta.title == "Waste Strategy" and doc.meta.language == "en-GB"
    found = [(b.level, inline_text(b.inlines)) for b in doc.blocks if isinstance(b, Heading)]
    assert (1, "Introduction") in found and (2, "Costs") in found


@pytest.mark.parametrize("producer", ["pandoc", "libreoffice"])
def test_numbered_list_with_nested_bullets_is_one_list(produced, producer):
    lists = [b for b in produced[producer].blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and lists[0].ordered
    items = lists[0].items
    assert [block_text(i.blocks[0]) for i in items] == ["First step", "Second step", "Third step"]
    nested = items[1].blocks[1]
    assert not nested.ordered and block_text(nested) == "nested bullet\nanother"


@pytest.mark.parametrize("producer", ["pandoc", "libreoffice"])
def test_table_header_and_cells_survive(produced, producer):
    table = next(b for b in produced[producer].blocks if isinstance(b, Table))
    assert table.rows[0].header and not table.rows[1].header
    assert [[block_text(c.blocks[0]) for c in r.cells] for r in table.rows] == [
        ["Service", "Cost"], ["Garden", "\u00a340"], ["Bulky", "\u00a325"]]


@pytest.mark.parametrize("producer", ["pandoc", "libreoffice"])
def test_footnote_and_link_survive(produced, producer):
    doc = produced[producer]
    texts = [inline_text(b.inlines) for b in doc.blocks if isinstance(b, Paragraph)]
    assert "We collect bins every week. See our site." in texts
    assert [inline_text(n.blocks[0].inlines) for n in doc.notes] == ["Except bank holidays."]
