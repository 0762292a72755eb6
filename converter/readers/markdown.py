"""Markdown (CommonMark + GFM tables) bytes -> Document, via markdown-it-py's syntax tree.

Supports: ATX and setext headings; paragraphs; bullet and ordered lists with
nesting and start numbers; tables (header row, cells); block quotes; links;
strong and emphasis; strikethrough (kept as plain text); images (alt text and
title; the picture itself is not fetched); inline code and code blocks (as
plain text paragraphs); hard line breaks; thematic breaks; a YAML-less first
heading as the title; a front matter block (--- key: value ---) read into the
metadata (title, subject, author, keywords, language, date, company or
organisation); pandoc fenced-div lines (::: name) dropped, their content kept.
Does not support: raw HTML blocks (dropped, comments included), footnotes,
definition lists, nested YAML in front matter, fetching linked images.
"""
from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from ..model import (BlockQuote, Document, Emphasis, Heading, Image, LineBreak, Link, ListBlock, ListItem,
                     Metadata, Paragraph, Strong, Table, TableCell, TableRow, Text, ThematicBreak,
                     merge_adjacent_text)
from ..result import MessageLog, Result
from . import ReadOptions
from .text import decode

_PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _inlines(node: SyntaxTreeNode) -> tuple:
    out: list = []
    for child in node.children:
        kind = child.type
        if kind in ("text", "code_inline"):
            out.append(Text(child.content))
        elif kind == "softbreak":
            out.append(Text(" "))
        elif kind == "hardbreak":
            out.append(LineBreak())
        elif kind == "strong":
            out.append(Strong(_inlines(child)))
        elif kind == "em":
            out.append(Emphasis(_inlines(child)))
        elif kind == "link":
            out.append(Link(_inlines(child), str(child.attrs.get("href", ""))))
        elif kind == "image":
            out.append(Text(_alt(child)))
        elif kind in ("s", "inline"):
            out.extend(_inlines(child))
    return merge_adjacent_text(out)



def _alt(image: SyntaxTreeNode) -> str:
    return "".join(c.content for c in image.children if c.type in ("text", "code_inline")) or str(
        image.attrs.get("alt", ""))


def _paragraph(node: SyntaxTreeNode) -> list:
    """A paragraph that is only an image becomes an Image block; otherwise a Paragraph."""
    inline = node.children[0] if node.children else None
    parts = [c for c in (inline.children if inline else []) if not (c.type == "text" and not c.content.strip())]
    if parts and all(c.type == "image" for c in parts):
        return [Image(_alt(c), title=c.attrs.get("title") or None) for c in parts]
    inlines = _inlines(inline) if inline else ()
    return [Paragraph(inlines)] if inlines else []


def _table(node: SyntaxTreeNode) -> Table:
    rows = []
    for section in node.children:
        for tr in section.children:
            header = section.type == "thead"
            cells = tuple(TableCell((Paragraph(_inlines(td.children[0])),) if td.children else (),
                                    header=header or td.type == "th") for td in tr.children)
            rows.append(TableRow(cells, header=header))
    return Table(tuple(rows))


def _list(node: SyntaxTreeNode) -> ListBlock:
    ordered = node.type == "ordered_list"
    start = int(node.attrs.get("start", 1)) if ordered else 1
    items = tuple(ListItem(tuple(_blocks(item.children))) for item in node.children)
    return ListBlock(ordered, items, start)


def _blocks(nodes) -> list:
    out: list = []
    for node in nodes:
        kind = node.type
        if kind == "heading":
            out.append(Heading(int(node.tag[1]), _inlines(node.children[0]) if node.children else ()))
        elif kind == "paragraph":
            out.extend(_paragraph(node))
        elif kind in ("bullet_list", "ordered_list"):
            out.append(_list(node))
        elif kind == "table":
            out.append(_table(node))
        elif kind == "blockquote":
            out.append(BlockQuote(tuple(_blocks(node.children))))
        elif kind in ("code_block", "fence"):
            out.extend(Paragraph((Text(line),)) for line in node.content.splitlines() if line.strip())
        elif kind == "hr":
            out.append(ThematicBreak())
    return out


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_FENCED_DIV = re.compile(r"(?m)^:::+[ \t]*[\w{}.#=\- ]*$")


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple `key: value` front matter -> (fields, the rest with blank lines in its place)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t")):
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, "\n" * match.group(0).count("\n") + text[match.end():]


def _metadata(fields: dict[str, str], source_name: str | None) -> Metadata:
    def split(value: str) -> tuple[str, ...]:
        return tuple(v.strip() for v in re.split(r"[;,]", value) if v.strip())

    return Metadata(title=fields.get("title") or None, subject=fields.get("subject") or None,
                    organisation=fields.get("organisation") or fields.get("company") or None,
                    authors=split(fields.get("author", fields.get("authors", ""))),
                    keywords=split(fields.get("keywords", "")), date=fields.get("date") or None,
                    language=fields.get("language") or fields.get("lang") or "en-GB",
                    source_name=source_name, source_format="markdown")


def read_markdown(text: str, source_name: str | None = None) -> Document:
    fields, body = front_matter(text)
    tree = SyntaxTreeNode(_PARSER.parse(_FENCED_DIV.sub("", body)))
    return Document(_metadata(fields, source_name), tuple(_blocks(tree.children)))


def read(data: bytes, options: ReadOptions) -> Result[Document]:
    log = MessageLog()
    return log.result(read_markdown(decode(data, options.source_name, log), options.source_name))
