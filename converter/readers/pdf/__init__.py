"""PDF bytes -> Document: text in reading order with headings, lists and page markers.

Supported:
- [x] text in reading order; multi-column pages read column by column (columns.py)
- [x] headings from the structure tree of tagged PDFs (H1-H6, H, /RoleMap), the outline
      (bookmarks), and type size and weight for untagged PDFs (headings.py)
- [x] bulleted and numbered lists, nested by indentation (lists.py)
- [x] words hyphenated at line ends rejoined; compounds kept (hyphenation.py)
- [x] paragraphs from vertical gaps; lines joined with spaces (assemble.py)
- [x] running headers, footers, page numbers and /Artifact content removed; a
      PageMarker per page with its /PageLabels label, printed number or index (furniture.py)
- [x] metadata: title, author, subject, keywords, language, creation date, page count
- [x] encrypted PDFs: empty user password opens; --password; clear errors (open.py)
- [x] pages without a text layer reported; NoTextError when no page has text
- [x] damaged files read in pypdf's non-strict mode, else BadInputError
Not supported:
- [ ] OCR of scanned pages; images and their alt text; tables as Table nodes (their
      text is kept in order, row by row); footnotes as notes; links; bold/italic runs
      inside a paragraph; right-to-left and vertical text.
"""
from __future__ import annotations

from pypdf.errors import LimitReachedError

from ...errors import FileTooLargeError, NoTextError
from ...model import Document, Heading, PageMarker, Paragraph, Text
from ...result import MessageLog, Result
from .. import ReadOptions
from .assemble import Draft, assemble
from .columns import reading_order
from .furniture import remove_furniture
from .garbled import garbled_pages
from .headings import heading_levels, outline_titles
from .hyphenation import join_lines
from .layout import FontInfo, Line, page_lines
from .lists import ItemDraft, build_lists
from .open import open_pdf, read_metadata
from .structure import heading_marks

__all__ = ["read"]


def read(data: bytes, options: ReadOptions) -> Result[Document]:
    name = options.source_name
    log = MessageLog()
    reader = open_pdf(data, name, options.password)
    meta = read_metadata(reader, name)
    pages, boxes, refs = _read_pages(reader, name, log)
    _report_missing_text(pages, name, log)
    _report_garbled_text(pages, log)
    _trust_artifacts_only_when_tagged(reader, pages)
    pages, printed = remove_furniture(pages, boxes)
    labels = _page_labels(reader, printed)
    outline = outline_titles(reader)
    items = assemble([reading_order(lines) for lines in pages], labels, refs, frozenset(outline))
    drafts = [item for item in items if isinstance(item, Draft)]
    texts = {id(d): _draft_text(d) for d in drafts}
    levels = heading_levels(drafts, [texts[id(d)] for d in drafts], heading_marks(reader), outline)
    level_of = {id(d): level for d, level in zip(drafts, levels)}
    blocks = _blocks(items, texts, level_of)
    return log.result(Document(meta=meta, blocks=tuple(blocks)))


def _read_pages(reader, name, log: MessageLog):
    fonts = FontInfo()
    pages: list[list[Line]] = []
    boxes: list[tuple[float, float]] = []
    refs: list[int | None] = []
    for index, page in enumerate(reader.pages):
        ref = getattr(page, "indirect_reference", None)
        refs.append(getattr(ref, "idnum", None))
        try:
            box = page.mediabox
            boxes.append((float(box.bottom), float(box.top)))
        except Exception:
            boxes.append((0.0, 842.0))
        try:
            pages.append(page_lines(page, index, fonts))
        except LimitReachedError as exc:
            raise FileTooLargeError(f"Page {index + 1} unpacks to more data than allowed ({exc}).",
                                    path=name, hint="It may be a decompression bomb. "
                                    "Ask for a smaller copy.") from None
        except (MemoryError, KeyboardInterrupt):
            raise
        except Exception as exc:  # one damaged page must not lose the others
            log.warning(f"Page {index + 1} is damaged and its text could not be read "
                        f"({type(exc).__name__}).", where=f"page {index + 1}")
            pages.append([])
    return pages, boxes, refs


def _trust_artifacts_only_when_tagged(reader, pages: list[list[Line]]) -> None:
    """/Artifact marks mean page furniture only in a tagged PDF, and never most of a page's text."""
    try:
        tagged = "/StructTreeRoot" in reader.trailer["/Root"]
    except Exception:
        tagged = False
    for lines in pages:
        artifact_chars = sum(len(line.text) for line in lines if line.artifact)
        if not tagged or artifact_chars > 0.6 * sum(len(line.text) for line in lines):
            for line in lines:
                line.artifact = False


def _page_ranges(numbers: list[int]) -> str:
    """[3] -> 'page 3'; [2, 400] -> 'pages 2, 400'; long lists are cut short."""
    shown = ", ".join(str(n) for n in numbers[:20])
    more = f" and {len(numbers) - 20} more" if len(numbers) > 20 else ""
    return f"{'page' if len(numbers) == 1 else 'pages'} {shown}{more}"


def _report_missing_text(pages: list[list[Line]], name, log: MessageLog) -> None:
    empty = [i + 1 for i, lines in enumerate(pages) if not any(l.text.strip() for l in lines)]
    if pages and len(empty) == len(pages):
        raise NoTextError(
            "The PDF has no text layer: its pages are scanned images, so the words cannot be read.",
            path=name, hint="It needs OCR (text recognition) first. Better: ask the sender for "
            "the original Word file.")
    if empty:
        where = _page_ranges(empty)
        log.warning(f"{where.capitalize()}: no text layer (scanned images or blank pages); anything "
                    "on them is missing from the conversion.", where=where)


def _report_garbled_text(pages: list[list[Line]], log: MessageLog) -> None:
    garbled = garbled_pages(pages)
    if garbled:
        where = _page_ranges(garbled)
        log.warning(f"The text on {where} looks garbled: the PDF's fonts do not say which letters "
                    "they draw. Check the output against the original, or ask for the original "
                    "Word file.", where=where)


def _page_labels(reader, printed: list[str | None]) -> list[str]:
    labels = [p or str(i + 1) for i, p in enumerate(printed)]
    try:
        if "/PageLabels" in reader.trailer["/Root"]:
            labels = [str(label) for label in reader.page_labels]
    except Exception:
        pass
    return labels


def _draft_text(draft: Draft) -> str:
    texts = [line.text for line in draft.lines]
    if draft.marker:
        texts[0] = texts[0][draft.marker.length:]
    return join_lines(texts)


def _blocks(items: list, texts: dict, level_of: dict) -> list:
    blocks: list = []
    pending_items: list[ItemDraft] = []
    deferred_markers: list[PageMarker] = []  # page breaks inside a list go after it

    def flush_list() -> None:
        if pending_items:
            blocks.append(build_lists(pending_items))
            pending_items.clear()
        blocks.extend(deferred_markers)
        deferred_markers.clear()

    for item in items:
        if isinstance(item, PageMarker):
            (deferred_markers if pending_items else blocks).append(item)
            continue
        text = texts[id(item)]
        level = level_of[id(item)]
        if item.marker and not level and text:
            pending_items.append(ItemDraft(item.marker, item.x, text))
            continue
        flush_list()
        if item.marker:
            text = join_lines([line.text for line in item.lines])
        if text:
            blocks.append(Heading(level, (Text(text),)) if level else Paragraph((Text(text),)))
    flush_list()
    return blocks
