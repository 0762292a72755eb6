"""DOCX bytes -> Result[Document]: the Word reader (python-docx for the package, lxml for the XML).

What it reads (each has a fixture in tests/fixtures/docx/ and a test):
  [x] headings: outline level, heading styles (incl. custom styles based on them and
      localised names), Title style -> level-1 heading and the title; auto numbers -> Heading.number
  [x] lists from numbering (direct or via style): bullet/number, nesting, start values
  [x] tables: header rows, merged cells (once, with colspan/rowspan), nested content and tables
  [x] pictures: inline, anchored, VML; bytes, mime, alt text, decorative flag
  [x] hyperlinks (external and internal), bold/italic, line breaks
  [x] footnotes and endnotes -> Document.notes + NoteRef
  [x] text boxes read once (mc:AlternateContent Choice, never also the VML Fallback)
  [x] content controls: cover page text kept, table of contents -> Paragraph(role="contents")
  [x] tracked changes: insertions and moves-to kept, deletions and moves-from dropped
  [x] field codes: displayed result kept, instruction dropped
  [x] page breaks -> PageMarker (see context.PageCounter for how reliable)
  [x] core/app properties -> Metadata
  [x] limits before parsing: zip bombs, damaged zips, encrypted/IRM files refused
What it does not read: headers and footers, comments, charts and SmartArt (alt text
only), embedded documents (altChunk), OLE objects other than their preview picture,
underline/colour/size, Strict Open XML files (refused with a message).
"""
from __future__ import annotations

import sys

from lxml import etree

from ...errors import BadInputError
from ...model import Document, Heading, PageMarker, walk, word_count
from ...result import Result
from ..import ReadOptions
from .body import read_blocks
from .context import PageCounter, ReaderContext, link_targets
from .meta import read_metadata
from .notes import NoteCollector
from .numbering import Numbering
from .package import open_package
from .styles import StyleSheet

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RECURSION_LIMIT = 4000  # deeply nested tables and text boxes
LONG_ENOUGH_FOR_HEADINGS = 300  # words; shorter documents may fairly have no headings


def read(data: bytes, options: ReadOptions) -> Result[Document]:
    path = options.source_name
    pkg = open_package(data, options.limits, path)
    body = pkg.document.find(f"{{{W_NS}}}body")
    if body is None:
        raise BadInputError("The Word document has no body (word/document.xml is empty or damaged).",
                            path=path, hint="Open it in Word, save it again as .docx, and resend it.")
    ctx = ReaderContext(
        part=pkg.main_part, styles=StyleSheet(pkg.styles), numbering=Numbering(pkg.numbering),
        pages=PageCounter(pkg.document, W_NS),
        notes=NoteCollector(pkg.footnotes, pkg.footnotes_part, pkg.endnotes, pkg.endnotes_part),
        link_targets=link_targets(pkg.document, W_NS),
    )
    ctx.read_blocks = lambda elements: read_blocks(elements, ctx)
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, RECURSION_LIMIT))
    try:
        blocks = read_blocks(list(body), ctx)
        notes = ctx.notes.read_notes(ctx)
    except RecursionError:
        raise BadInputError("The document nests tables or text boxes too deeply to read.", path=path,
                            hint="Simplify the nested tables, or re-save the document from Word.") from None
    except etree.LxmlError as exc:
        raise BadInputError(f"The Word document is damaged ({exc}).", path=path,
                            hint="Open it in Word, save it again as .docx, and resend it.") from None
    finally:
        sys.setrecursionlimit(old_limit)
    if ctx.pages.any_breaks:
        blocks = [PageMarker("1")] + blocks
    doc = Document(read_metadata(pkg, ctx, path), tuple(blocks), notes)
    report_document_level_findings(doc, pkg.document, ctx)
    report_estimated_page_numbers(doc, ctx)
    return ctx.log.result(doc)


def report_estimated_page_numbers(doc: Document, ctx) -> None:
    """Page markers counted from explicit breaks only run low once pages fill up: say so once."""
    if not ctx.pages.any_breaks or ctx.pages.rendered:
        return
    counted = ctx.pages.page
    word_said = (f"; Word counted {doc.meta.page_count} pages" if doc.meta.page_count
                 and doc.meta.page_count > counted else "")
    ctx.log.warning(f"The original page numbers are estimates: the file does not record where its pages "
                    f"fell (it was not last saved by Word), so only its page breaks were counted "
                    f"({counted} pages{word_said}) and later numbers may run low. For page numbers that "
                    "match the printed copy, convert its PDF, or open and save it in Word first.")


def report_document_level_findings(doc: Document, root, ctx) -> None:
    """Messages staff should see about the whole document: no text, no headings, tracked changes."""
    words = word_count(doc)
    if words == 0:
        ctx.log.warning("The document has no text.")
    elif words >= LONG_ENOUGH_FOR_HEADINGS and not any(isinstance(b, Heading) for b in walk(doc.blocks)):
        ctx.log.warning(f"The document has {words} words but no headings, so the outputs will have no "
                        "sections or chapters. Use Word's Heading styles for its headings and convert it again.")
    if root.find(f".//{{{W_NS}}}ins") is not None or root.find(f".//{{{W_NS}}}del") is not None:
        ctx.log.info("The document has tracked changes; it was read as if all of them were accepted.")
