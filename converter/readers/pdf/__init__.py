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
- [x] tagged PDFs: tables (/Table /TR /TH /TD, THead/TBody/TFoot, spans) as Table nodes
      (tagged.py, tables.py); figures with /Alt as Images with the picture drawn there
      (figures.py); /Note elements a link points at as notes (notes.py); placed where
      their text was (place.py)
- [x] link annotations with /URI as Links on the words they cover, tagged or not (links.py)
Not supported:
- [ ] OCR of scanned pages; tables and images in untagged PDFs (table text is kept in
      order, row by row; images are dropped); bold/italic runs inside a paragraph;
      right-to-left and vertical text.
"""
from __future__ import annotations

from pypdf.errors import LimitReachedError

from ...errors import FileTooLargeError, NoTextError
from ...model import Document, Heading, Note, PageMarker, Paragraph, Text
from ...result import MessageLog, Result
from .. import ReadOptions
from .assemble import Draft, assemble
from .columns import reading_order
from .figures import figure_image, matching_draw
from .inlines import paragraph_inlines
from .links import DestinationFinder, page_link_areas
from .furniture import remove_furniture
from .garbled import garbled_pages
from .headings import heading_levels, outline_titles
from .contents import is_contents_entry, without_leaders
from .hyphenation import join_lines
from .layout import FontInfo, Line, page_lines
from .lists import ItemDraft, build_lists
from .notes import find_notes, note_text
from .open import open_pdf, read_metadata
from .place import FigurePlace, Placed, gather, place
from .structure import build_tree, heading_marks
from .tables import table_block
from .tagged import Tagged, find_tagged

__all__ = ["read"]


def read(data: bytes, options: ReadOptions) -> Result[Document]:
    name = options.source_name
    log = MessageLog()
    reader = open_pdf(data, name, options.password)
    meta = read_metadata(reader, name)
    tree = build_tree(reader)
    tagged = find_tagged(tree)
    pages, boxes, refs, draws = _read_pages(reader, name, log, tagged)
    _report_missing_text(pages, name, log)
    _report_garbled_text(pages, log)
    _trust_artifacts_only_when_tagged(reader, pages)
    pages, printed = remove_furniture(pages, boxes)
    labels = _page_labels(reader, printed)
    outline = outline_titles(reader)
    ordered = [reading_order(lines) for lines in pages]
    lines_of = gather(ordered, tagged, refs)
    found_notes, note_for = find_notes([lines_of.get(id(n), []) for n in tagged.notes], ordered)
    lifted = {id(line) for note in found_notes for line in note.lines}
    figures = _figures(reader, tagged, refs, draws, labels, log)
    items = assemble(place(ordered, tagged, refs, lifted, figures), labels, refs, frozenset(outline))
    drafts = [item for item in items if isinstance(item, Draft)]
    texts = {id(d): _draft_text(d) for d in drafts}
    levels = heading_levels(drafts, [texts[id(d)] for d in drafts], heading_marks(tree), outline)
    level_of = {id(d): level for d, level in zip(drafts, levels)}
    blocks = _blocks(items, texts, level_of, note_for, lambda table: table_block(table, lines_of, refs, note_for))
    notes = tuple(Note(n.note_id, n.kind, (Paragraph(paragraph_inlines(note_text(n), _pieces(n.lines), note_for)),))
                  for n in found_notes)
    return log.result(Document(meta=meta, blocks=tuple(blocks), notes=notes))


def _pieces(lines) -> list:
    return [piece for line in lines for piece in line.links]


def _figures(reader, tagged: Tagged, refs: list, draws: list, labels: list[str], log) -> list[FigurePlace]:
    index_of = {ref: i for i, ref in enumerate(refs) if ref is not None}
    places = []
    for figure in tagged.figures:
        page_ref = figure.page if figure.page in index_of else next(
            (ref for ref, _ in figure.keys if ref in index_of), None)
        if page_ref is None:
            continue
        index = index_of[page_ref]
        page = reader.pages[index]
        drawn = matching_draw(figure, page_ref, draws[index], page)
        image = figure_image(figure, drawn, page, f"page {labels[index]}", log)
        box = drawn[1] if drawn else figure.bbox  # where the picture is drawn, else the tagged box
        places.append(FigurePlace(index, box[3] if box else None, box[1] if box else None,
                                  box[0] if box else 0.0, box[2] if box else 1e9, image))
    return places


def _read_pages(reader, name, log: MessageLog, tagged: Tagged):
    fonts = FontInfo()
    pages: list[list[Line]] = []
    boxes: list[tuple[float, float]] = []
    refs: list[int | None] = []
    draws: list[list] = []
    owners_by_page = tagged.owners_by_page()
    page_refs = [getattr(getattr(page, "indirect_reference", None), "idnum", None) for page in reader.pages]
    finder = DestinationFinder(reader, {ref: i for i, ref in enumerate(page_refs) if ref is not None})
    for index, page in enumerate(reader.pages):
        refs.append(page_refs[index])
        draws.append([])
        try:
            box = page.mediabox
            boxes.append((float(box.bottom), float(box.top)))
        except Exception:
            boxes.append((0.0, 842.0))
        try:
            pages.append(page_lines(page, index, fonts, owners=owners_by_page.get(page_refs[index]),
                                    areas=page_link_areas(page, finder), draws=draws[-1]))
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
    return pages, boxes, refs, draws


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


def _blocks(items: list, texts: dict, level_of: dict, note_for: dict, make_table) -> list:
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
        if isinstance(item, Placed):
            flush_list()
            blocks.append(make_table(item.item) if item.kind == "table" else item.item)
            continue
        text = texts[id(item)]
        level = level_of[id(item)]
        pieces = _pieces(item.lines)
        if item.marker and not level and text:
            pending_items.append(ItemDraft(item.marker, item.x, text, paragraph_inlines(text, pieces, note_for)))
            continue
        flush_list()
        if item.marker:
            text = join_lines([line.text for line in item.lines])
        if text and is_contents_entry(text):
            blocks.append(Paragraph(paragraph_inlines(without_leaders(text), pieces, note_for), role="contents"))
        elif text:
            inlines = paragraph_inlines(text, pieces, note_for)
            blocks.append(Heading(level, inlines) if level else Paragraph(inlines))
    flush_list()
    return blocks
