"""Strategy source text (samples/source/strategy.md) becomes a list of simple blocks.

The source is a small, line-based dialect of Markdown written for this sample only:

- front matter between two "---" lines: "key: value" document properties;
- "# ", "## ", "### " headings (the number is part of the heading text);
- paragraphs separated by blank lines (lines of one paragraph are joined);
- "- item" bullets and "1. item" numbered items, nested by two spaces per level;
- pipe tables after a "Table: caption" line; the first row is the header row;
  a cell "^^" continues the cell above (vertical merge), "<<" the cell to the left;
- "![alt text](picture:name "Caption")" places a picture drawn by sample_pictures.py;
- "::: cover", "::: toc Contents", "::: box Title" ... ":::" fenced blocks;
- "[^key]" footnote markers and "[^key]: text" footnote definitions;
- "**bold**" inline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

LIST_ITEM = re.compile(r"^(?P<indent> *)(?P<marker>-|\d+\.) (?P<text>.+)$")
PICTURE = re.compile(r'^!\[(?P<alt>[^\]]+)\]\(picture:(?P<name>\w+) "(?P<caption>[^"]+)"\)$')
FOOTNOTE_DEF = re.compile(r"^\[\^(?P<key>[\w-]+)\]: (?P<text>.+)$")
FENCE = re.compile(r"^::: ?(?P<kind>\w+)? ?(?P<title>.*)$")


REQUIRED_PROPERTIES = ("title", "subject", "author", "keywords", "language", "category", "comments",
                       "company", "application", "footer")


class SourceError(ValueError):
    """The strategy source cannot be built: the message says what is wrong and where."""


@dataclass
class Block:
    kind: str                     # heading, para, list, table, picture, cover, toc, box
    text: str = ""
    level: int = 0
    items: list = field(default_factory=list)      # list: (kind, depth, text)
    rows: list = field(default_factory=list)       # table: list of lists of cell text
    name: str = ""
    children: list = field(default_factory=list)   # box/cover: nested blocks or lines


@dataclass
class Source:
    properties: dict
    blocks: list
    footnotes: dict


def read_source(path: Path) -> Source:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(f"cannot read {path}: {error}") from error
    properties, body = _front_matter(lines)
    missing = [key for key in REQUIRED_PROPERTIES if not properties.get(key)]
    if missing:
        raise SourceError(f"{path}: the front matter needs these keys: {', '.join(missing)}")
    footnotes = {}
    kept = []
    for line in body:
        match = FOOTNOTE_DEF.match(line)
        if match:
            footnotes[match["key"]] = match["text"].strip()
        else:
            kept.append(line)
    return Source(properties, parse_blocks(kept), footnotes)


def _front_matter(lines: list) -> tuple:
    if not lines or lines[0].strip() != "---":
        return {}, lines
    if "---" not in lines[1:]:
        raise SourceError("the front matter opened by the first '---' line is never closed by another '---'")
    end = lines.index("---", 1)
    properties = {}
    for line in lines[1:end]:
        key, _, value = line.partition(":")
        properties[key.strip()] = value.strip()
    return properties, lines[end + 1:]


def parse_blocks(lines: list) -> list:
    blocks, index = [], 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
        elif FENCE.match(line) and line.startswith(":::"):
            index = _read_fence(lines, index, blocks)
        elif line.startswith("#"):
            hashes, _, text = line.partition(" ")
            blocks.append(Block("heading", text.strip(), level=len(hashes)))
            index += 1
        elif PICTURE.match(line):
            match = PICTURE.match(line)
            blocks.append(Block("picture", match["caption"], name=match["name"],
                                items=[match["alt"]]))
            index += 1
        elif line.startswith("Table: "):
            index = _read_table(lines, index, blocks)
        elif LIST_ITEM.match(line):
            index = _read_list(lines, index, blocks)
        else:
            index = _read_paragraph(lines, index, blocks)
    return blocks


def _read_fence(lines: list, index: int, blocks: list) -> int:
    opening = lines[index].strip()
    match = FENCE.match(opening)
    end = index + 1
    while end < len(lines) and lines[end].strip() != ":::":
        end += 1
    if end == len(lines):
        raise SourceError(f"the block {opening!r} is never closed by a ':::' line")
    inner = lines[index + 1:end]
    kind, title = match["kind"], match["title"].strip()
    if kind == "cover":
        cover_lines = [line for line in inner if line.strip()]
        if len(cover_lines) < 2:
            raise SourceError("the cover needs at least a title line and a subtitle line")
        blocks.append(Block("cover", children=cover_lines))
    elif kind == "toc":
        blocks.append(Block("toc", title or "Contents"))
    elif kind == "box" and title:
        blocks.append(Block("box", title, children=parse_blocks(inner)))
    else:
        raise SourceError(f"unknown block {opening!r}: use '::: cover', '::: toc Title' or '::: box Title'")
    return end + 1


def _read_table(lines: list, index: int, blocks: list) -> int:
    caption = lines[index][len("Table: "):].strip()
    index += 1
    rows = []
    while index < len(lines) and lines[index].startswith("|"):
        cells = [cell.strip() for cell in lines[index].strip().strip("|").split("|")]
        if not all(set(cell) <= {"-", ":"} for cell in cells):
            rows.append(cells)
        index += 1
    _check_table(caption, rows)
    blocks.append(Block("table", caption, rows=rows))
    return index


def _check_table(caption: str, rows: list) -> None:
    if len(rows) < 2:
        raise SourceError(f"table {caption!r} needs a header row and at least one body row")
    for number, row in enumerate(rows, start=1):
        if len(row) != len(rows[0]):
            raise SourceError(f"table {caption!r}, row {number} has {len(row)} cells; "
                              f"the header row has {len(rows[0])}")
        if number == 1 and ("^^" in row or "<<" in row):
            raise SourceError(f"table {caption!r}: the header row cannot continue another cell")
        if row[0] == "<<":
            raise SourceError(f"table {caption!r}, row {number}: the first cell cannot continue a cell to its left")


def _read_list(lines: list, index: int, blocks: list) -> int:
    items = []
    while index < len(lines) and LIST_ITEM.match(lines[index]):
        match = LIST_ITEM.match(lines[index])
        kind = "bullet" if match["marker"] == "-" else "number"
        items.append((kind, len(match["indent"]) // 2, match["text"].strip()))
        index += 1
    blocks.append(Block("list", items=items))
    return index


def _read_paragraph(lines: list, index: int, blocks: list) -> int:
    parts = []
    while index < len(lines) and lines[index].strip() and not _starts_block(lines[index]):
        parts.append(lines[index].strip())
        index += 1
    blocks.append(Block("para", " ".join(parts)))
    return index


def _starts_block(line: str) -> bool:
    return bool(line.startswith(("#", ":::", "Table: ", "|")) or LIST_ITEM.match(line)
                or PICTURE.match(line))
