"""samples/source/strategy.md becomes samples/kent-and-medway-domestic-abuse-strategy.docx (python-docx + lxml).

Usage: .venv/bin/python samples/build_sample.py [--output PATH]
The output is deterministic: fixed document-property dates, fixed zip timestamps, and
contents-list page numbers read from samples/source/toc_pages.json (written by make_pdf.py), and
where each page begins (w:lastRenderedPageBreak, as Word saves it) from source/page_starts.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsdecls
from docx.shared import Cm

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docx_parts as parts  # noqa: E402
import rendered_pages  # noqa: E402
import sample_styles  # noqa: E402
from sample_pictures import PICTURES, draw_picture  # noqa: E402
from sample_source import Block, SourceError, read_source  # noqa: E402

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source" / "strategy.md"
TOC_PAGES = HERE / "source" / "toc_pages.json"
OUTPUT = HERE / "kent-and-medway-domestic-abuse-strategy.docx"
FIXED_DATE = dt.datetime(2020, 1, 6, 9, 0, 0, tzinfo=dt.timezone.utc)
INLINE = re.compile(r"(\*\*.+?\*\*|\[\^[\w-]+\]|\[[^\]]+\]\((?:https?|mailto|tel):[^)]+\))")
TOC_LEVELS = 2
TEXT_WIDTH_CM = 15.9


class Builder:
    """Adds the source's blocks to a python-docx Document, in order."""

    def __init__(self, document, source, toc_pages: dict):
        self.doc, self.source, self.toc_pages = document, source, toc_pages
        self.numbering = parts.Numbering(document)
        self.footnotes = parts.Footnotes()
        self.headings = []          # (level, text, bookmark name)
        self.toc_anchor = None      # paragraph after which the rendered TOC goes
        self.tables = self.figures = 0
        self.footnotes_used = set()

    def add(self, block: Block, style: str | None = None) -> None:
        getattr(self, f"_{block.kind}")(block, style)

    # ---- inline text
    def paragraph(self, text: str, style: str | None = None):
        paragraph = self.doc.add_paragraph(style=style)
        self.runs(paragraph, text)
        return paragraph

    def runs(self, paragraph, text: str) -> None:
        for piece in INLINE.split(text):
            if not piece:
                continue
            if piece.startswith("**"):
                paragraph.add_run(piece[2:-2]).bold = True
            elif piece.startswith("[^"):
                self._footnote(paragraph, piece[2:-1])
            elif piece.startswith("["):
                label, _, target = piece[1:-1].partition("](")
                self._hyperlink(paragraph, label, target)
            else:
                paragraph.add_run(piece)

    def _footnote(self, paragraph, key: str) -> None:
        if key not in self.source.footnotes:
            raise SourceError(f"footnote [^{key}] is used but never defined by a '[^{key}]: text' line")
        self.footnotes_used.add(key)
        self.footnotes.add(paragraph, f'<w:r><w:t xml:space="preserve">{escape(self.source.footnotes[key])}'
                                      "</w:t></w:r>")

    def _hyperlink(self, paragraph, label: str, target: str) -> None:
        rel_id = paragraph.part.relate_to(target, RT.HYPERLINK, is_external=True)
        paragraph._p.append(parts.element(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel_id}" w:history="1"><w:r><w:rPr>'
            f'<w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">{escape(label)}</w:t>'
            "</w:r></w:hyperlink>"))

    # ---- blocks
    def _heading(self, block: Block, style=None) -> None:
        paragraph = self.paragraph(block.text, style=f"Heading {block.level}")
        name = f"_Toc{len(self.headings) + 1:06d}"
        parts.add_bookmark(paragraph, name, len(self.headings) + 1)
        self.headings.append((block.level, block.text, name))

    def _para(self, block: Block, style=None) -> None:
        self.paragraph(block.text, style=style)

    def _list(self, block: Block, style=None) -> None:
        num_ids = {}
        for kind, depth, text in block.items:
            for deeper in [key for key in num_ids if key[1] > depth]:
                del num_ids[deeper]          # a nested list restarts under each parent item
            if (kind, depth) not in num_ids:
                num_ids[(kind, depth)] = self.numbering.new_list(kind)
            paragraph = self.paragraph(text, style=style or "List Paragraph")
            parts.set_numbering(paragraph, num_ids[(kind, depth)], depth)
            paragraph.paragraph_format.space_after = sample_styles.Pt(4)

    def _table(self, block: Block, style=None) -> None:
        self.tables += 1
        self.paragraph(f"Table {self.tables}: {block.text}", style="Caption").paragraph_format.keep_with_next = True
        rows = block.rows
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = self.doc.styles["Table Grid"]
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if text not in ("^^", "<<"):
                    cell_paragraph = table.cell(r, c).paragraphs[0]
                    self.runs(cell_paragraph, text)
                    cell_paragraph.paragraph_format.space_after = sample_styles.Pt(3)
        _set_column_widths(table, rows)
        _merge_marked_cells(table, rows)
        _style_header_row(table)
        table._tbl.tblPr.append(parts.element(f'<w:tblCaption {nsdecls("w")} w:val="{escape(block.text)}"/>'))
        self.doc.add_paragraph().paragraph_format.space_after = sample_styles.Pt(2)

    def _picture(self, block: Block, style=None) -> None:
        self.figures += 1
        alt = block.items[0]
        if block.name not in PICTURES:
            raise SourceError(f"no picture called {block.name!r}; known pictures: {', '.join(sorted(PICTURES))}")
        self.doc.add_picture(io.BytesIO(draw_picture(block.name)), width=Cm(15.5))
        picture_paragraph = self.doc.paragraphs[-1]
        picture_paragraph.paragraph_format.keep_with_next = True
        doc_pr = self.doc.inline_shapes[-1]._inline.docPr
        doc_pr.set("descr", alt)
        doc_pr.set("name", f"Figure {self.figures}")
        self.paragraph(f"Figure {self.figures}: {block.text}", style="Caption")

    def _cover(self, block: Block, style=None) -> None:
        lines = block.children
        self.paragraph(lines[0], style="Title")
        self.paragraph(lines[1], style="Subtitle")
        for line in lines[2:]:
            self.paragraph(line, style="Cover Text")

    def _toc(self, block: Block, style=None) -> None:
        heading = self.paragraph(block.text, style="TOC Heading")
        self.toc_anchor = heading

    def _box(self, block: Block, style=None) -> None:
        title = self.paragraph(f"**{block.text}**", style="Help Box")
        title.paragraph_format.keep_with_next = True
        for child in block.children:
            self.add(child, style="Help Box")
            self.doc.paragraphs[-1].paragraph_format.keep_with_next = True
        self.doc.paragraphs[-1].paragraph_format.keep_with_next = False
        self.doc.add_paragraph()

    # ---- finishing
    def render_toc(self) -> None:
        entries = [h for h in self.headings if h[0] <= TOC_LEVELS]
        if self.toc_anchor is None or not entries:
            return
        anchor = self.toc_anchor._p
        for index, (level, text, name) in enumerate(entries):
            page = str(self.toc_pages.get(text, "?"))
            xml = parts.toc_paragraph_xml(level, text, name, page, index == 0, index == len(entries) - 1)
            new = parts.element(xml)
            anchor.addnext(new)
            anchor = new


def _set_column_widths(table, rows) -> None:
    """Columns share the text width by the square root of their average text length, each wide
    enough for its longest word."""
    columns = list(zip(*rows))
    real = [[text for text in column if text not in ("^^", "<<")] for column in columns]
    weights = [(sum(len(text) for text in column) / len(column)) ** 0.5 for column in real]
    minimums = [0.6 + 0.24 * max(len(word) for text in column for word in (text.split() or [""]))
                for column in columns]
    widths = [TEXT_WIDTH_CM * weight / sum(weights) for weight in weights]
    clamped = [max(width, minimum) for width, minimum in zip(widths, minimums)]
    free = [i for i, (width, minimum) in enumerate(zip(widths, minimums)) if width > minimum]
    spare = TEXT_WIDTH_CM - sum(clamped)
    free_total = sum(clamped[i] for i in free) or 1
    widths = [width + (spare * width / free_total if i in free else 0) for i, width in enumerate(clamped)]
    table.autofit = False
    for index, width in enumerate(widths):
        table.columns[index].width = Cm(width)
        for cell in table.columns[index].cells:
            cell.width = Cm(width)


def _merge_marked_cells(table, rows) -> None:
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text == "^^":
                table.cell(r - 1, c).merge(table.cell(r, c))
            elif text == "<<":
                table.cell(r, c - 1).merge(table.cell(r, c))


def _style_header_row(table) -> None:
    header = table.rows[0]
    trpr = header._tr.get_or_add_trPr()
    trpr.append(parts.element(f'<w:tblHeader {nsdecls("w")}/>'))
    for cell in header.cells:
        tcpr = cell._tc.get_or_add_tcPr()
        tcpr.append(parts.element(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="003057"/>'))
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.bold = True
                run.font.color.rgb = sample_styles.RGBColor(0xFF, 0xFF, 0xFF)


def _footer(document, text: str) -> None:
    section = document.sections[0]
    section.different_first_page_header_footer = True
    footer = section.footer.paragraphs[0]
    footer.text = f"{text}    Page "
    parts.page_number_runs(footer)


def _properties(document, props: dict) -> None:
    core = document.core_properties
    core.title, core.subject, core.author = props["title"], props["subject"], props["author"]
    core.keywords, core.language, core.category = props["keywords"], props["language"], props["category"]
    core.comments = props["comments"]
    core.last_modified_by = props["author"]
    core.created = core.modified = core.last_printed = FIXED_DATE
    core.revision = 1
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = _app_xml(props).encode("utf-8")


def _app_xml(props: dict) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f'<Application>{escape(props["application"])}</Application>'
            f'<Company>{escape(props["company"])}</Company><DocSecurity>0</DocSecurity>'
            '<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>'
            '<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>'
            '<AppVersion>16.0000</AppVersion></Properties>')


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrites the package with fixed timestamps so a rebuild gives identical bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 6, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def _json(path: Path | None, empty):
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path and path.exists() else empty
    except ValueError as error:
        raise SourceError(f"{path} is not valid JSON ({error}); rebuild it with make_pdf.py") from error


def build(output: Path = OUTPUT, source_path: Path = SOURCE, pages_path: Path = TOC_PAGES,
          page_starts_path: Path | None = rendered_pages.PAGE_STARTS) -> Path:
    source = read_source(source_path)
    pages = _json(pages_path, {})
    page_starts = _json(page_starts_path, [])
    document = docx.Document()
    document._body.clear_content()
    sample_styles.set_up(document, source.properties["language"])
    builder = Builder(document, source, pages)
    for block in source.blocks:
        builder.add(block)
    unused = sorted(set(source.footnotes) - builder.footnotes_used)
    if unused:
        raise SourceError(f"footnotes defined but never used: {', '.join(unused)}")
    builder.render_toc()
    try:
        rendered_pages.mark(document.element.body, page_starts)
    except rendered_pages.PageStartError as error:
        raise SourceError(str(error)) from error
    builder.footnotes.attach(document)
    _footer(document, source.properties["footer"])
    _properties(document, source.properties)
    buffer = io.BytesIO()
    document.save(buffer)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(_deterministic_zip(buffer.getvalue()))
    return output


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--toc-pages", type=Path, default=TOC_PAGES)
    parser.add_argument("--page-starts", type=Path, default=None,
                        help="first words of each page (default: source/page_starts.json for the sample's own source)")
    args = parser.parse_args(argv)
    starts = args.page_starts or (rendered_pages.PAGE_STARTS if args.source == SOURCE else None)
    try:
        path = build(args.output, args.source, args.toc_pages, starts)
    except SourceError as error:
        print(f"error: {args.source}: {error}\nFix the source file and run this script again.", file=sys.stderr)
        return 2
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
