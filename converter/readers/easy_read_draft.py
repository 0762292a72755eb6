"""Easy-read draft text (Markdown, see docs/easy-read.md) -> the easy-read Document the writers lay out.

Supports:
- [x] front matter between "---" lines: title, organisation, source, status, made by (key: value)
- [x] "# Title {#cover}" and "## Part title {#kind}" headings; kind says which part it is
- [x] one line per idea; a blank line or none between lines, both fine
- [x] "[name]" or "[name: alt text]" at the start of a line chooses its picture
      (a name from templates/easyread/pictures.toml or an OpenMoji hexcode)
- [x] "**bold**" words
- [x] "<!-- comments -->" starting a line are ignored, over one line or several
Does not support: links, italics, images by file, nested lists, tables (each line is a row already).

The Document: each part is a Heading (anchor = its kind) followed by a two-column Table;
each row is (picture cell: Image with SVG bytes, alt text, title = picture name |
text cell: Paragraph with Text and Strong).
"""
from __future__ import annotations

import re

from ..errors import BadInputError
from ..model import Document, Heading, Image, Metadata, Paragraph, Strong, Table, TableCell, TableRow, Text
from ..result import MessageLog, Result

HEADING = re.compile(r"^(#{1,2})\s+(.+?)\s*(?:\{#([\w-]+)\})?\s*$")
PICTURE = re.compile(r"^\[([^\]:]+?)(?::\s*([^\]]*))?\]\s*")
BOLD = re.compile(r"\*\*(.+?)\*\*")
PARTS = ("cover", "about", "support", "hard-words", "find-out-more")


def _front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    if not lines or lines[0].strip() != "---":
        return {}, lines
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise BadInputError("The draft's front matter has no closing '---' line.",
                            hint="Put a line with three dashes after the title, organisation and status lines.")
    fields = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip().lower()] = value.strip()
    return fields, lines[end + 1:]


def inlines_of(text: str) -> tuple:
    """'Call **999** now' -> (Text('Call '), Strong((Text('999'),)), Text(' now'))."""
    out, at = [], 0
    for match in BOLD.finditer(text):
        if match.start() > at:
            out.append(Text(text[at:match.start()]))
        out.append(Strong((Text(match.group(1)),)))
        at = match.end()
    if at < len(text):
        out.append(Text(text[at:]))
    return tuple(out)


class _Builder:
    def __init__(self, library, log: MessageLog):
        self.library, self.log = library, log
        self.blocks: list = []
        self.rows: list[TableRow] = []
        self.kind = "cover"
        self.title = "Easy read"

    def close_part(self) -> None:
        if self.rows and not self.blocks:  # lines before any heading: they belong to the cover
            self.blocks.append(Heading(1, (Text(self.title),), anchor="cover"))
        if self.rows:
            self.blocks.append(Table(tuple(self.rows)))
        self.rows = []

    def heading(self, level: int, title: str, kind: str | None) -> None:
        self.close_part()
        self.kind = kind or ("cover" if level == 1 else "section")
        self.blocks.append(Heading(level, inlines_of(title), anchor=self.kind))

    def line(self, text: str, number: int) -> None:
        match = PICTURE.match(text)
        name, alt = (match.group(1).strip(), match.group(2)) if match else (None, None)
        words = text[match.end():].strip() if match else text.strip()
        if not words:
            return
        picture = self.library.lookup(name) if name else None
        if name and picture is None:
            self.log.warning(f"Unknown picture '{name}'; chose one from the line's words instead.", f"line {number}")
        picture = picture or self.library.choose(words, self.kind)
        alt_text = (alt.strip() if alt else "") or picture.alt or _openmoji_alt(picture.hexcode)
        image = Image(alt=alt_text, data=self.library.svg(picture), mime="image/svg+xml", title=picture.name)
        self.rows.append(TableRow((TableCell((image,)), TableCell((Paragraph(inlines_of(words)),)))))


def _openmoji_alt(hexcode: str) -> str:
    from ..transforms.easy_read.pictures import openmoji_annotation
    return openmoji_annotation(hexcode)


def parse_draft(text: str, library=None, source_name: str | None = None) -> Result[Document]:
    """Draft text -> the easy-read Document, with each line's picture found and loaded."""
    from ..transforms.easy_read.pictures import load_library
    library = library or load_library()
    log = MessageLog()
    fields, body = _front_matter(text.replace("\r\n", "\n").split("\n"))
    builder = _Builder(library, log)
    builder.title = fields.get("title") or "Easy read"
    in_comment = False
    for number, raw in enumerate(body, len(text.split("\n")) - len(body) + 1):
        line = raw.strip()
        if in_comment or line.startswith("<!--"):
            in_comment = "-->" not in line
            continue
        if not line:
            continue
        heading = HEADING.match(line)
        if heading:
            builder.heading(len(heading.group(1)), heading.group(2), heading.group(3))
        else:
            builder.line(line, number)
    builder.close_part()
    if not any(isinstance(b, Table) for b in builder.blocks):
        raise BadInputError("The draft has no lines of text.", path=source_name,
                            hint="Make a draft with 'altformats easy-read draft FILE' and edit that.")
    title = fields.get("title") or next((b for b in builder.blocks if isinstance(b, Heading)), None)
    title = title if isinstance(title, str) else "Easy read"
    meta = Metadata(title=title, organisation=fields.get("organisation") or None,
                    source_name=fields.get("source") or source_name, source_format="easy-read-draft",
                    keywords=("easy read", fields.get("status", "draft")))
    return log.result(Document(meta, tuple(builder.blocks)))


def read(data: bytes, options) -> Result[Document]:
    """Reader contract: draft bytes (UTF-8) -> Result[Document]."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadInputError("The draft is not UTF-8 text.", path=options.source_name,
                            hint="Save the draft as UTF-8 text (plain text, not a Word file).") from None
    return parse_draft(text, source_name=options.source_name)
