"""Document model -> the sentences a reader sees, each with where it is.

Every heading, list item, table cell and caption is its own sentence (or
several, when it holds full stops). Paragraphs are split by pysbd, which knows
that "e.g." and "Dr." do not end a sentence; pysbd runs in a worker thread
under a time limit, and a simple rule-based splitter takes over (with a
warning) if it runs out of time, and for the rest of the process. Lines broken inside a paragraph (addresses,
verse) are split at the line break. A table of contents is not scored.
"""
from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor, TimeoutError as FutureTimeout
from dataclasses import dataclass

from ..model import (BlockQuote, Document, Heading, ListBlock, Paragraph, Table, inline_text,
                     sections)

SKIPPED_ROLES = {"contents"}  # a table of contents is navigation, not reading
SPLIT_SECONDS = 5.0  # pysbd time limit per paragraph
CHUNK_CHARS = 3000  # pysbd slows down on very long runs of text; we feed it pieces

_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="sentence-split")
_segmenter = None
_pysbd_timed_out = False

_INNER_BOUNDARY = re.compile(r"[.!?…]\S*\s")
_ABBREVIATIONS = r"(?:e\.g|i\.e|etc|Dr|Mr|Mrs|Ms|Prof|St|No|Cllr|approx|vs|cf)"
# Abbreviations that never end a sentence (titles before a name, "approx." before a figure):
# pysbd does not know all of them, so a split just after one is undone.
_NEVER_LAST = re.compile(r"(?:^|[\s(])(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Mx|Prof|Rev|Revd|Sgt|Insp|Supt|Det|Capt|Hon|Rt|"
                         r"[Aa]pprox|e\.g|i\.e|cf|vs|viz)\.\s*$")


@dataclass(frozen=True)
class Sentence:
    text: str
    kind: str  # "heading", "paragraph", "list item", "table cell", "caption", "quote", "note"
    section: str  # title of the section it is in ("" before the first heading)
    section_index: int
    block_index: int  # position of its block among the document's blocks (depth first)


def _pysbd():
    global _segmenter
    if _segmenter is None:
        import pysbd

        _segmenter = pysbd.Segmenter(language="en", clean=False)
    return _segmenter


def fallback_split(text: str) -> list[str]:
    """Split after . ! ? followed by a capital, except after common abbreviations."""
    pieces, start = [], 0
    for match in re.finditer(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])", text):
        before = text[start:match.start() + 1]
        if re.search(rf"\b{_ABBREVIATIONS}\.$", before):
            continue
        pieces.append(text[start:match.end()])
        start = match.end()
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def _chunks(text: str) -> list[str]:
    if len(text) <= CHUNK_CHARS:
        return [text]
    out, rest = [], text
    while len(rest) > CHUNK_CHARS:
        cut = max(rest.rfind(". ", 0, CHUNK_CHARS), rest.rfind(" ", 0, CHUNK_CHARS))
        cut = cut + 1 if cut > 0 else CHUNK_CHARS
        out.append(rest[:cut])
        rest = rest[cut:]
    return out + [rest]


def split_paragraph(text: str, warnings: list[str] | None = None) -> list[str]:
    """Sentences of one paragraph; line breaks always end a sentence."""
    result: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if not _INNER_BOUNDARY.search(line.strip()):
            result.append(line.strip())  # no . ! ? before the end: one sentence, no splitter needed
            continue
        for chunk in _chunks(line):
            result.extend(p.strip() for p in _split_chunk(chunk, warnings) if p.strip())
    return result


def _join_inside_words(pieces: list[str]) -> list[str]:
    """Undo splits that fall inside a word ("a?e" -> "a?", "e"): sentences end at spaces."""
    out: list[str] = []
    for piece in pieces:
        if out and out[-1] and piece and not out[-1][-1].isspace() and not piece[0].isspace():
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _join_after_abbreviations(pieces: list[str]) -> list[str]:
    """Undo splits just after a title or "approx." ("Ask Cllr." + "Jones to help.")."""
    out: list[str] = []
    for piece in pieces:
        if out and _NEVER_LAST.search(out[-1]):
            out[-1] += piece if out[-1][-1:].isspace() or piece[:1].isspace() else " " + piece
        else:
            out.append(piece)
    return out


def _split_chunk(chunk: str, warnings: list[str] | None) -> list[str]:
    """pysbd under the time limit; after one time-out the rule-based splitter is used from then on."""
    global _pysbd_timed_out
    if _pysbd_timed_out:
        return fallback_split(chunk)
    future = _pool.submit(_pysbd().segment, chunk)
    try:
        return _join_after_abbreviations(_join_inside_words(future.result(timeout=SPLIT_SECONDS)))
    except FutureTimeout:
        _pysbd_timed_out = True
        if warnings is not None:
            warnings.append(f"The sentence splitter took over {SPLIT_SECONDS:g}s on a paragraph starting "
                            f"'{chunk[:40]}'; a simpler splitter was used from there on.")
        return fallback_split(chunk)


def _block_sentences(block, kind: str, warnings):
    """(kind, text) pairs for one block and everything inside it."""
    if isinstance(block, Heading):
        text = " ".join(inline_text(block.inlines).split())
        if text:
            yield "heading", text
    elif isinstance(block, Paragraph):
        if block.role in SKIPPED_ROLES:
            return
        role_kind = "caption" if block.role == "caption" else kind
        for text in split_paragraph(inline_text(block.inlines), warnings):
            yield role_kind, text
    elif isinstance(block, ListBlock):
        for item in block.items:
            for child in item.blocks:
                yield from _block_sentences(child, "list item", warnings)
    elif isinstance(block, Table):
        if block.caption:
            for text in split_paragraph(inline_text(block.caption), warnings):
                yield "caption", text
        for row in block.rows:
            for cell in row.cells:
                for child in cell.blocks:
                    yield from _block_sentences(child, "table cell", warnings)
    elif isinstance(block, BlockQuote):
        for child in block.blocks:
            yield from _block_sentences(child, "quote", warnings)


def section_level(doc: Document) -> int:
    """The heading level that splits the document into sections: 1, or 2 when there is one title heading."""
    levels = [b.level for b in doc.blocks if isinstance(b, Heading)]
    for level in sorted(set(levels)):
        if sum(1 for x in levels if x <= level) >= 2:
            return level
    return 1


def document_sentences(doc: Document, warnings: list[str] | None = None) -> list[Sentence]:
    """Every sentence of the document in reading order, notes last."""
    out: list[Sentence] = []
    block_index = 0
    parts = sections(doc, section_level(doc))
    for s_index, section in enumerate(parts):
        blocks = ((section.heading,) if section.heading else ()) + section.blocks
        for block in blocks:
            for kind, text in _block_sentences(block, "paragraph", warnings):
                out.append(Sentence(text, kind, section.title, s_index, block_index))
            block_index += 1
    for note in doc.notes:
        for block in note.blocks:
            for kind, text in _block_sentences(block, "note", warnings):
                out.append(Sentence(text, "note", "Notes", len(parts), block_index))
            block_index += 1
    return out
