"""HTML bytes -> Document, with BeautifulSoup on the lxml parser.

Supports: the page's <main> (or <body>) content; <title> and <html lang>;
headings h1-h6; paragraphs; ul/ol/li with nesting and start numbers; tables
with caption, th/td, thead, colspan and rowspan; blockquote; img alt text
(empty alt = decorative); figure with figcaption (a caption paragraph); links;
strong/b, em/i; br; hr; pre/code as plain paragraphs; div/section/article and
other containers read through.
Does not support: CSS (hidden-by-stylesheet text is read), scripts, forms
(labels read as text), iframes, fetching images, definition list structure
(dt/dd become paragraphs). Skipped: script, style, template, noscript, nav,
and anything with the hidden attribute or aria-hidden="true". Nesting deeper
than MAX_DEPTH is read as plain text.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ..errors import BadInputError
from ..model import (BlockQuote, Document, Emphasis, Heading, Image, LineBreak, Link, ListBlock, ListItem,
                     Metadata, Paragraph, Strong, Table, TableCell, TableRow, Text, ThematicBreak)
from ..result import MessageLog, Result
from . import ReadOptions

MAX_DEPTH = 150
SKIP = {"script", "style", "template", "noscript", "nav", "head", "svg", "math", "iframe", "object", "button",
        "select", "textarea"}
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "img", "figure", "hr",
          "pre", "div", "section", "article", "main", "aside", "header", "footer", "address", "dl", "dt", "dd",
          "li", "figcaption", "form", "fieldset", "details", "summary", "caption", "body", "html"}
_SPACE = re.compile(r"\s+")


def _skipped(el: Tag) -> bool:
    return el.name in SKIP or el.has_attr("hidden") or el.get("aria-hidden") == "true"


def _inlines(el: Tag, depth: int = 0) -> list:
    out: list = []
    for child in el.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            out.append(Text(_SPACE.sub(" ", str(child))))
        elif isinstance(child, Tag) and not _skipped(child):
            out.extend(_inline(child, depth + 1))
    return out


def _inline(el: Tag, depth: int) -> list:
    if depth > MAX_DEPTH:
        return [Text(_SPACE.sub(" ", el.get_text(" ")))]
    name = el.name
    if name == "br":
        return [LineBreak()]
    if name == "img":
        return [Text(el.get("alt", ""))] if el.get("alt") else []
    children = tuple(_tidy(_inlines(el, depth)))
    if name in ("strong", "b"):
        return [Strong(children)] if children else []
    if name in ("em", "i"):
        return [Emphasis(children)] if children else []
    if name == "a" and el.get("href"):
        return [Link(children, el["href"])] if children else []
    return list(children)


def _tidy(nodes: list) -> list:
    """Merge neighbouring Text nodes and collapse spaces."""
    merged: list = []
    for node in nodes:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(_SPACE.sub(" ", merged[-1].text + node.text))
        elif not (isinstance(node, Text) and not node.text):
            merged.append(node)
    return merged


def _strip(nodes: list) -> tuple:
    nodes = _tidy(nodes)
    if nodes and isinstance(nodes[0], Text):
        nodes[0] = Text(nodes[0].text.lstrip())
    if nodes and isinstance(nodes[-1], Text):
        nodes[-1] = Text(nodes[-1].text.rstrip())
    while nodes and isinstance(nodes[-1], LineBreak):
        nodes.pop()
    return tuple(n for n in nodes if not (isinstance(n, Text) and not n.text))


class _Builder:
    """Walks block-level content, gathering loose inline runs into paragraphs."""

    def __init__(self) -> None:
        self.truncated = False

    def blocks(self, el: Tag, depth: int = 0) -> list:
        out: list = []
        run: list = []
        for child in el.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, Tag) and _skipped(child):
                continue
            if isinstance(child, Tag) and child.name in BLOCKS:
                out += self._flush(run)
                out += self.block(child, depth + 1)
            elif isinstance(child, NavigableString):
                run.append(Text(_SPACE.sub(" ", str(child))))
            elif isinstance(child, Tag):
                run.extend(_inline(child, depth + 1))
        return out + self._flush(run)

    @staticmethod
    def _flush(run: list) -> list:
        inlines = _strip(run)
        run.clear()
        return [Paragraph(inlines)] if inlines and any(
            not isinstance(n, Text) or n.text.strip() for n in inlines) else []

    def block(self, el: Tag, depth: int) -> list:
        if depth > MAX_DEPTH:
            self.truncated = True
            text = _SPACE.sub(" ", el.get_text(" ")).strip()
            return [Paragraph((Text(text),))] if text else []
        name = el.name
        if re.fullmatch(r"h[1-6]", name):
            inlines = _strip(_inlines(el, depth))
            return [Heading(int(name[1]), inlines, anchor=el.get("id"))] if inlines else []
        if name in ("p", "dt", "dd", "summary", "address") and not el.find(BLOCKS - {"body", "html"}):
            return self._flush(_inlines(el, depth))
        if name in ("ul", "ol"):
            return [self.list_block(el, depth)]
        if name == "table":
            return [self.table(el, depth)]
        if name == "blockquote":
            return [BlockQuote(tuple(self.blocks(el, depth)))]
        if name == "img":
            alt = el.get("alt")
            return [Image(alt or "", title=el.get("title"), decorative=alt == "")]
        if name in ("figcaption", "caption"):
            inlines = _strip(_inlines(el, depth))
            return [Paragraph(inlines, role="caption")] if inlines else []
        if name == "hr":
            return [ThematicBreak()]
        if name == "pre":
            return [Paragraph((Text(line),)) for line in el.get_text().splitlines() if line.strip()]
        return self.blocks(el, depth)

    def list_block(self, el: Tag, depth: int) -> ListBlock:
        items = []
        for li in el.find_all("li", recursive=False):
            items.append(ListItem(tuple(self.blocks(li, depth + 1))))
        start = el.get("start", "1")
        ordered = el.name == "ol"
        return ListBlock(ordered, tuple(items), int(start) if ordered and str(start).isdigit() else 1)

    def table(self, el: Tag, depth: int) -> Table:
        rows = []
        for tr in el.find_all("tr"):
            if tr.find_parent("table") is not el:
                continue
            in_head = tr.parent is not None and tr.parent.name == "thead"
            cells = []
            for cell in tr.find_all(["th", "td"], recursive=False):
                cells.append(TableCell(tuple(self.blocks(cell, depth + 1)), colspan=_span(cell.get("colspan")),
                                       rowspan=_span(cell.get("rowspan")), header=cell.name == "th"))
            if cells:
                rows.append(TableRow(tuple(cells), header=in_head or all(c.header for c in cells)))
        caption = el.find("caption", recursive=False)
        return Table(tuple(rows), _strip(_inlines(caption, depth)) if caption else ())


def _span(value) -> int:
    try:
        return min(max(int(str(value).strip()), 1), 1000)
    except (TypeError, ValueError):
        return 1


def read(data: bytes, options: ReadOptions) -> Result[Document]:
    log = MessageLog()
    soup = BeautifulSoup(data, "lxml")
    root = soup.find("main") or soup.body or soup
    if root is None:
        raise BadInputError("The HTML page has no content.", path=options.source_name)
    builder = _Builder()
    blocks = builder.blocks(root)
    if builder.truncated:
        log.warning(f"Parts of the page are nested more than {MAX_DEPTH} levels deep; they were read as plain text.")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    html = soup.find("html")
    lang = html.get("lang") if html and html.get("lang") else "en-GB"
    meta = Metadata(title=title or None, language=lang, source_name=options.source_name, source_format="html")
    return log.result(Document(meta, tuple(blocks)))
