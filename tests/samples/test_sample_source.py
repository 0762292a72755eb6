"""The sample's source dialect: what each construct becomes, and clear errors for bad source files."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
sys.path.insert(0, str(SAMPLES))
from sample_source import parse_blocks  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FRONT_MATTER = """---
title: Test strategy
subject: A test
author: Test Council
keywords: test
language: en-GB
category: Strategy
comments: test
company: Test Council
application: test
footer: Test strategy
---
"""


def build(tmp_path: Path, body: str, front_matter: str = FRONT_MATTER) -> subprocess.CompletedProcess:
    source = tmp_path / "strategy.md"
    source.write_text(front_matter + body, encoding="utf-8")
    return subprocess.run([sys.executable, str(SAMPLES / "build_sample.py"), "--source", str(source),
                           "--output", str(tmp_path / "out.docx"), "--toc-pages", str(tmp_path / "none.json")],
                          capture_output=True, text=True)


def test_nested_list_items_keep_their_kind_and_depth():
    [block] = parse_blocks(["1. first", "  - detail", "  - more", "2. second", "  1. part a"])
    assert block.items == [("number", 0, "first"), ("bullet", 1, "detail"), ("bullet", 1, "more"),
                           ("number", 0, "second"), ("number", 1, "part a")]


def test_table_rows_keep_merge_markers_and_drop_the_separator_line():
    [block] = parse_blocks(["Table: Caption", "| A | B |", "|---|---|", "| x | y |", "| ^^ | z |"])
    assert block.kind == "table" and block.text == "Caption"
    assert block.rows == [["A", "B"], ["x", "y"], ["^^", "z"]]


def test_paragraph_lines_are_joined_until_a_blank_line():
    blocks = parse_blocks(["One line", "and the next.", "", "# 1 Heading"])
    assert [(b.kind, b.text) for b in blocks] == [("para", "One line and the next."), ("heading", "1 Heading")]


def test_each_numbered_list_restarts_at_one(tmp_path):
    result = build(tmp_path, "1. a\n2. b\n\nText between.\n\n1. c\n")
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(tmp_path / "out.docx"))
    num_ids = [p._p.pPr.numPr.numId.val for p in document.paragraphs if p._p.pPr is not None
               and p._p.pPr.numPr is not None]
    assert num_ids[0] == num_ids[1] != num_ids[2]
    with zipfile.ZipFile(tmp_path / "out.docx") as package:
        numbering = etree.fromstring(package.read("word/numbering.xml"))
    restart = numbering.find(f".//{{{W}}}num[@{{{W}}}numId='{num_ids[2]}']//{{{W}}}startOverride")
    assert restart.get(f"{{{W}}}val") == "1"


def test_a_small_source_builds_with_footnote_merged_table_and_picture(tmp_path):
    body = ("# 1 Heading\n\nText with a note.[^n]\n\nTable: T\n| A | B |\n|---|---|\n| x | y |\n| ^^ | z |\n\n"
            '![A bar chart of the share of crime](picture:crime_share "Chart")\n\n[^n]: The note.\n')
    result = build(tmp_path, body)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "out.docx") as package:
        document_xml = package.read("word/document.xml").decode()
        assert "The note." in package.read("word/footnotes.xml").decode()
    assert "w:vMerge" in document_xml and 'descr="A bar chart of the share of crime"' in document_xml


@pytest.mark.parametrize("body, message", [
    ("Text.[^missing]\n", "footnote [^missing] is used but never defined"),
    ("Text.\n\n[^spare]: Never used.\n", "footnotes defined but never used: spare"),
    ("::: box Help\nText.\n", "'::: box Help' is never closed"),
    ("::: sidebar Help\nText.\n:::\n", "unknown block '::: sidebar Help'"),
    ("Table: T\n| A | B |\n|---|---|\n| x | y | z |\n", "row 2 has 3 cells; the header row has 2"),
    ("Table: T\n| A | ^^ |\n|---|---|\n| x | y |\n", "the header row cannot continue another cell"),
    ('![Alt text here](picture:nothing "Caption")\n', "no picture called 'nothing'"),
])
def test_bad_source_stops_with_a_clear_message_and_exit_code_2(tmp_path, body, message):
    result = build(tmp_path, body)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out.docx").exists()


def test_missing_document_properties_are_listed_by_name(tmp_path):
    result = build(tmp_path, "Text.\n", front_matter="---\ntitle: Only a title\n---\n")
    assert result.returncode == 2
    assert "the front matter needs these keys: subject, author" in result.stderr
