"""Plain text bytes -> Document.

Supports:
- UTF-8 with or without a byte-order mark; UTF-16 with a BOM; otherwise
  Windows-1252 if it decodes, else an encoding guessed by charset_normalizer,
  with a warning saying which.
- CRLF and CR line endings.
- Headings underlined with === (level 1) or --- (level 2) on the next line.
- Paragraphs separated by blank lines. Hard-wrapped prose is joined: a block
  counts as wrapped when every line that stops mid-sentence is full (the next
  word would not have fitted within the block's longest line, 40-100
  characters); its full lines are then joined to the next.
  Other lines stay their own paragraph: a short line is usually a heading,
  label or list entry without its bullet.
- Lists: "- ", "* ", "+ ", "• ", "1. ", "1) ", "a) "; nesting by indentation.
Does not support: tables (kept as lines), emphasis markup, links (kept as
text), form feeds as page breaks (ignored).
"""
from __future__ import annotations

import re

from ..errors import BadInputError
from ..model import Document, Heading, ListBlock, ListItem, Metadata, Paragraph, Text
from ..result import MessageLog, Result
from . import ReadOptions

_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
_BULLET = re.compile(r"^(\s*)(?:[-*+•▪◦‣]|(\d{1,3}|[a-z])[.)])\s+(\S.*)$")
_MIN_WRAP, _MAX_WRAP = 40, 100  # hard-wrapped text has its longest lines between these widths


def decode(data: bytes, name: str | None, log: MessageLog) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:  # the usual non-UTF-8 encoding of text saved on Windows in the UK
        text = data.decode("cp1252")
        log.warning("The file is not UTF-8; it was read as Windows-1252. Check accented letters "
                    "and symbols, and save it as UTF-8 to be sure.")
        return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BadInputError("The text file's encoding cannot be recognised.", path=name,
                            hint="Save it as UTF-8 text and try again.")
    log.warning(f"The file is not UTF-8; it was read as {best.encoding}. Check accented letters "
                "and symbols, and save it as UTF-8 to be sure.")
    return str(best)


def _full(line: str, nxt: str, width: int) -> bool:
    """The next line's first word would not have fitted on this line."""
    return bool(nxt.split()) and len(line.rstrip()) + 1 + len(nxt.split()[0]) > width


def _ends_sentence(line: str, nxt: str) -> bool:
    return line.rstrip().endswith((".", "!", "?", ":")) and not nxt[:1].islower()


def _hard_wrapped(lines: list[str], width: int) -> bool:
    """Every line that stops mid-sentence is full: the block was wrapped at a fixed width."""
    if len(lines) < 2 or not (_MIN_WRAP <= width <= _MAX_WRAP):
        return False
    pairs = [(a.strip(), b.strip()) for a, b in zip(lines, lines[1:])]
    return all(_full(a, b, width) for a, b in pairs if not _ends_sentence(a, b) and not _BULLET.match(b))


def _lines_to_paragraphs(lines: list[str]) -> list[Paragraph]:
    width = max(len(line.strip()) for line in lines)
    wrapped = _hard_wrapped(lines, width)
    out: list[str] = []
    last = ""
    for line in (line.strip() for line in lines):
        if out and wrapped and _full(last, line, width) and not _ends_sentence(last, line):
            out[-1] += " " + line
        else:
            out.append(line)
        last = line
    return [Paragraph((Text(t),)) for t in out if t]


def _list_block(entries: list[tuple[int, bool, int, str]]) -> ListBlock:
    """entries: (indent, ordered, number, text) -> nested ListBlock."""
    base = entries[0][0]
    items: list[list] = []
    i = 0
    while i < len(entries):
        indent, ordered, number, text = entries[i]
        j = i + 1
        while j < len(entries) and entries[j][0] > base:
            j += 1
        blocks = [Paragraph((Text(text),))]
        if j > i + 1:
            blocks.append(_list_block(entries[i + 1:j]))
        items.append(blocks)
        i = j
    ordered, start = entries[0][1], entries[0][2]
    return ListBlock(ordered, tuple(ListItem(tuple(b)) for b in items), start if ordered else 1)


def _bullet(line: str):
    m = _BULLET.match(line)
    if not m:
        return None
    marker = m.group(2)
    ordered = marker is not None
    number = int(marker) if marker and marker.isdigit() else (ord(marker) - 96 if marker else 1)
    return (len(m.group(1).expandtabs(4)), ordered, number, m.group(3).strip())


def _block_of_lines(lines: list[str]) -> list:
    """One blank-line-separated block -> headings, lists and paragraphs."""
    out: list = []
    pending: list[str] = []
    entries: list = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        bullet = _bullet(line)
        if line.strip() and _UNDERLINE.match(nxt) and not _UNDERLINE.match(line) and not bullet:
            out += _flush(pending, entries)
            out.append(Heading(1 if nxt.strip()[0] == "=" else 2, (Text(line.strip()),)))
            i += 2
            continue
        if bullet:
            if pending:
                out += _flush(pending, [])
            entries.append(bullet)
        elif entries and line.startswith((" ", "\t")) and line.strip():
            indent, ordered, number, text = entries[-1]
            entries[-1] = (indent, ordered, number, text + " " + line.strip())
        else:
            if entries:
                out += _flush([], entries)
            pending.append(line)
        i += 1
    return out + _flush(pending, entries)


def _flush(pending: list[str], entries: list) -> list:
    blocks: list = _lines_to_paragraphs(pending) if pending else []
    if entries:
        blocks.append(_list_block(list(entries)))
    pending.clear()
    entries.clear()
    return blocks


def read_text(text: str, source_name: str | None = None) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    blocks: list = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        lines = [line.rstrip() for line in chunk.split("\n") if line.strip()]
        if lines:
            blocks.extend(_block_of_lines(lines))
    return Document(Metadata(source_name=source_name, source_format="text"), tuple(blocks))


def read(data: bytes, options: ReadOptions) -> Result[Document]:
    log = MessageLog()
    text = decode(data, options.source_name, log)
    if "\x00" in text:
        raise BadInputError("The file contains binary data, not text.", path=options.source_name,
                            hint="Send a Word document, PDF or UTF-8 text file.")
    doc = read_text(text, options.source_name)
    if not doc.blocks:
        raise BadInputError("The text file has no words in it.", path=options.source_name,
                            hint="Check you chose the right file.")
    return log.result(doc)
