"""A document becomes a document prepared for speech: flat headings and spoken paragraphs with pauses.

The prepared document holds only:
- each Heading as written (its text names the chapter and the file), followed by
  Paragraph((Text(spoken title),), role="spoken-heading") and a pause;
- Paragraph((Text(spoken sentence),), role="speech") for everything read aloud;
- Paragraph((), role="pause") where the listener needs a longer pause (after
  headings, list items, table rows and images).
Lists are announced with their length and read item by item; tables row by
row with their column headings; images by their alt text; quotations with a
start and end; notes are read at the end of the document under "Notes".
Page markers and decorative images are left out; contents lists are left out
(the recording has chapters instead).
"""
from __future__ import annotations

import re

from ..model import (BlockQuote, Document, Heading, Image, Inline, LineBreak, Link, ListBlock,
                     NoteRef, PageMarker, Paragraph, Table, TableRow, Text, ThematicBreak,
                     Emphasis, Strong, block_text, inline_text)
from ..result import MessageLog, Result
from .pronunciation import Lexicon, load_lexicon
from .speech_text import speak, speak_digits

SPEECH, SPOKEN_HEADING, PAUSE = "speech", "spoken-heading", "pause"
SPOKEN_ROLES = (SPEECH, SPOKEN_HEADING, PAUSE)
SKIPPED_ROLES = {"contents"}
PHONE_LABEL = re.compile(r"phone|tel|helpline|number|call", re.IGNORECASE)
NOTE_AFTER_STOP = re.compile(r"([.!?])\s*(\(note \d+\))")


def pause() -> Paragraph:
    return Paragraph((), role=PAUSE)


def is_prepared(doc: Document) -> bool:
    """True when every block is a Heading or a speech/pause Paragraph (prepare() already ran)."""
    return all(isinstance(b, Heading) or (isinstance(b, Paragraph) and b.role in SPOKEN_ROLES)
               for b in doc.blocks)


def chapter_level(blocks) -> int:
    """The heading level that splits a recording into chapters.

    Usually the top level; but when a document has a single top-level heading
    (its title) and deeper headings below it, the next level down.
    """
    levels = [b.level for b in blocks if isinstance(b, Heading)]
    if not levels:
        return 1
    top = min(levels)
    deeper = sorted({level for level in levels if level > top})
    return deeper[0] if levels.count(top) == 1 and deeper else top


def with_full_stop(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?:;" else text + "."


class SpeechPreparer:
    """Turns blocks into spoken paragraphs; one small method per node type."""

    def __init__(self, doc: Document, lexicon: Lexicon, log: MessageLog):
        self.doc, self.lexicon, self.log = doc, lexicon, log
        self.notes_cited: list[str] = []

    def say(self, text: str) -> Paragraph | None:
        spoken = with_full_stop(speak(text, self.lexicon))
        return Paragraph((Text(spoken),), role=SPEECH) if spoken else None

    def inline_words(self, inlines: tuple[Inline, ...]) -> str:
        out: list[str] = []
        for node in inlines:
            if isinstance(node, Text):
                out.append(node.text)
            elif isinstance(node, (Strong, Emphasis)):
                out.append(self.inline_words(node.children))
            elif isinstance(node, Link):
                out.append(self.link_words(node))
            elif isinstance(node, LineBreak):
                out.append(", ")
            elif isinstance(node, NoteRef):
                if node.note_id not in self.notes_cited:
                    self.notes_cited.append(node.note_id)
                out.append(f" (note {self.notes_cited.index(node.note_id) + 1})")
        words = re.sub(r"\s+,", ",", "".join(out))
        return NOTE_AFTER_STOP.sub(r" \2\1", words)

    @staticmethod
    def link_words(link: Link) -> str:
        text = inline_text(link.children).strip()
        scheme, _, address = link.url.partition(":")
        if scheme in ("mailto", "tel") and address and address.split("?")[0] not in text:
            return f"{text} ({address.split('?')[0]})" if text else address
        return text or link.url

    def blocks(self, blocks) -> list[Paragraph | Heading]:
        out: list = []
        for block in blocks:
            out.extend(self.block(block))
        return out

    def block(self, block) -> list:
        handler = {Heading: self.heading, Paragraph: self.paragraph, ListBlock: self.list_block,
                   Table: self.table, Image: self.image, BlockQuote: self.quote,
                   PageMarker: lambda b: [], ThematicBreak: lambda b: [pause()]}.get(type(block))
        if handler is None:
            self.log.warning(f"A {type(block).__name__} could not be read aloud; it was left out.")
            return []
        return handler(block)

    def heading(self, block: Heading) -> list:
        spoken = with_full_stop(speak(self.inline_words(block.inlines), self.lexicon))
        if not spoken:
            return []
        return [block, Paragraph((Text(spoken),), role=SPOKEN_HEADING), pause()]

    def paragraph(self, block: Paragraph) -> list:
        if block.role in SKIPPED_ROLES:
            return []
        said = self.say(self.inline_words(block.inlines))
        return [said] if said else []

    def list_block(self, block: ListBlock) -> list:
        count = len(block.items)
        out = [self.say(f"A list of {count} item{'s' if count != 1 else ''}:")]
        for number, item in enumerate(block.items, start=block.start):
            inner = self.blocks(item.blocks)
            if block.ordered and inner and isinstance(inner[0], Paragraph) and inner[0].role == SPEECH:
                inner[0] = Paragraph((Text(f"{number}. {inner[0].inlines[0].text}"),), role=SPEECH)
            out.extend(inner)
            if not inner or inner[-1].role != PAUSE:
                out.append(pause())
        return [p for p in out if p is not None]

    def cell_words(self, cell) -> str:
        return "; ".join(self.inline_words(b.inlines) if isinstance(b, (Paragraph, Heading))
                         else block_text(b) for b in cell.blocks)

    def table(self, block: Table) -> list:
        headings = self.column_headings(block)
        caption = self.inline_words(block.caption).strip()
        rows = block.body_rows or block.rows
        intro = "A table. "
        if caption:
            intro = f"{caption}. " if caption.lower().startswith("table") else f"Table: {caption}. "
        out = [self.say(intro + f"{len(rows)} row{'s' if len(rows) != 1 else ''}, read row by row.")]
        for number, row in enumerate(rows, start=1):
            out.extend([self.say(self.row_words(number, row, headings)), pause()])
        out.append(self.say("End of table."))
        return [p for p in out if p is not None]

    def column_headings(self, block: Table) -> list[str]:
        if not block.header_rows:
            return []
        labels: list[str] = []
        for cell in block.header_rows[-1].cells:
            labels.extend([self.cell_words(cell).strip()] * max(cell.colspan, 1))
        return labels

    def row_words(self, number: int, row: TableRow, headings: list[str]) -> str:
        parts, column = [], 0
        for cell in row.cells:
            value = self.cell_words(cell).strip() or "blank"
            label = headings[column] if column < len(headings) else ""
            if PHONE_LABEL.search(label) and re.fullmatch(r"\d{3}(?: \d{3})?", value):
                value = speak_digits(value.split())  # 999, 111, 116 123 in a "Phone" column
            parts.append(f"{label}: {value}" if label else value)
            column += max(cell.colspan, 1)
        return f"Row {number}. " + " ".join(with_full_stop(p) for p in parts)

    def image(self, block: Image) -> list:
        if block.decorative:
            return []
        alt = block.alt.strip()
        said = self.say(f"Image: {alt}" if alt else "An image with no description.")
        return [said, pause()] if said else []

    def quote(self, block: BlockQuote) -> list:
        return [self.say("Quote:"), *self.blocks(block.blocks), self.say("End of quote.")]

    def notes(self, level: int) -> list:
        if not self.notes_cited:
            return []
        out: list = [Heading(level, (Text("Notes"),)),
                     Paragraph((Text("Notes."),), role=SPOKEN_HEADING), pause()]
        for number, note_id in enumerate(self.notes_cited, start=1):
            note = self.doc.note(note_id)
            text = " ".join(self.inline_words(b.inlines) for b in note.blocks
                            if isinstance(b, (Paragraph, Heading))) if note else ""
            out.extend([self.say(f"Note {number}. {text}"), pause()])
        return [p for p in out if p is not None]


def prepare(doc: Document, profile=None, *, lexicon: Lexicon | None = None) -> Result[Document]:
    """The registry's speech transform: Document -> Result[Document] prepared for speech."""
    if is_prepared(doc):
        return Result(doc)
    log = MessageLog()
    preparer = SpeechPreparer(doc, lexicon or load_lexicon(), log)
    blocks = preparer.blocks(doc.blocks)
    blocks.extend(preparer.notes(chapter_level(blocks)))
    return log.result(doc.with_blocks(tidy_pauses(blocks)))


def tidy_pauses(blocks: list) -> list:
    """No pause at the start or the end, none doubled."""
    out: list = []
    for block in blocks:
        if isinstance(block, Paragraph) and block.role == PAUSE and (not out or (
                isinstance(out[-1], Paragraph) and out[-1].role == PAUSE)):
            continue
        out.append(block)
    while out and isinstance(out[-1], Paragraph) and out[-1].role == PAUSE:
        out.pop()
    return out


__all__ = ["prepare", "is_prepared", "chapter_level", "SPEECH", "SPOKEN_HEADING", "PAUSE"]
