"""Reading a PDF back for tests: every text span with its rendered size, tags, language, title."""
from __future__ import annotations

import io

from pypdf import PdfReader


def _multiply(m, n):
    return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
            m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
            m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]]


def text_spans(pdf: bytes) -> list[tuple[int, float, str]]:
    """(page number, font size in points after the text and current matrices, text) for each span."""
    spans: list[tuple[int, float, str]] = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        def visit(text, cm, tm, font, size, number=number):
            if text.strip():
                m = _multiply(tm, cm)
                scale = (m[2] ** 2 + m[3] ** 2) ** 0.5
                spans.append((number, round(size * scale, 2), " ".join(text.split())))
        page.extract_text(visitor_text=visit)
    return spans


def struct_tags(pdf: bytes) -> list[str]:
    """Every structure element type in the tag tree, depth first (H1, P, Table, Figure ...)."""
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    found: list[str] = []

    def walk(node, depth=0):
        node = node.get_object()
        if isinstance(node, list) or hasattr(node, "__iter__") and not hasattr(node, "keys"):
            for child in node:
                walk(child, depth + 1)
            return
        if not hasattr(node, "keys"):
            return
        if "/S" in node:
            found.append(str(node["/S"]).lstrip("/"))
        if "/K" in node and depth < 200:
            walk(node["/K"], depth + 1)

    walk(root["/StructTreeRoot"])
    return found


def catalog(pdf: bytes):
    reader = PdfReader(io.BytesIO(pdf))
    return reader.trailer["/Root"], reader.metadata, reader


def image_count(pdf: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def figure_alt_texts(pdf: bytes) -> list[str | None]:
    """The /Alt of every Figure structure element (None where a figure has none)."""
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    alts: list[str | None] = []

    def walk(node, depth=0):
        node = node.get_object()
        if hasattr(node, "keys"):
            if node.get("/S") == "/Figure":
                alts.append(str(node["/Alt"]) if "/Alt" in node else None)
            if "/K" in node and depth < 200:
                walk(node["/K"], depth + 1)
        elif isinstance(node, list):
            for item in node:
                walk(item, depth + 1)

    walk(root["/StructTreeRoot"])
    return alts


def laid_out_text_styles(page_html: str) -> list[dict]:
    """WeasyPrint's computed style of every line of text it lays out (not the page-number margin boxes):
    font style, text decoration, alignment and line height, as the renderer behind the PDF sees them."""
    from weasyprint import HTML

    def walk(box):
        if type(box).__name__ == "MarginBox":
            return
        if type(box).__name__ == "TextBox":
            yield box
        for child in getattr(box, "children", None) or []:
            yield from walk(child)

    styles = []
    for page in HTML(string=page_html).render().pages:
        for box in walk(page._page_box):
            style = box.style
            styles.append({"text": box.text, "font_style": style["font_style"],
                           "decoration": str(style["text_decoration_line"]), "align": style["text_align_all"],
                           "line_height": style["line_height"] if isinstance(style["line_height"], (int, float))
                           else None})  # a unitless multiple, else None ("normal" or a length)
    return styles


def font_names(pdf: bytes) -> set[str]:
    """The BaseFont name of every font used on any page."""
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font") or {}
        names |= {str(font.get_object().get("/BaseFont")) for font in fonts.values()}
    return names
