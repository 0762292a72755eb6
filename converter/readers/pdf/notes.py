"""Tagged /Note elements and the links that point at them -> Document.notes and their references.

A note is taken out of the text only when a link in the text points at it (Word and
LibreOffice link each footnote mark to its note): the link's destination is on the
note's page, at or just above its first line. The note's own number ("1", "iv", "*")
starting its text becomes its id and is removed from the text. A note on the same page
as its reference is a footnote, elsewhere an endnote. Notes nobody points at stay in
the text as paragraphs, where they were (nothing is lost).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .hyphenation import join_lines
from .layout import Line

LABEL = re.compile(r"^\s*(\d{1,4}|[ivxlc]{1,7}|[*\u2020\u2021\u00a7\u00b6#]{1,3})(?:[.)]|\s|$|(?=[A-Z]))\s*")


@dataclass(eq=False)
class FoundNote:
    note_id: str
    kind: str
    lines: list[Line]
    label_length: int  # characters of the note's own number at the start of its text


def _points_at(target: tuple, lines: list[Line]) -> bool:
    _, page, x, y = target
    first = next((line for line in lines if line.page == page), None)
    if first is None:
        return False
    if y is None:
        return True
    return first.y - 0.6 * first.size <= y <= first.y + 2.2 * first.size


def find_notes(note_lines: list[list[Line]], pages: list[list[Line]]) -> tuple[list[FoundNote], dict]:
    """([notes in the order the text refers to them], {link target: note id})."""
    candidates = [lines for lines in note_lines if lines]
    if not candidates:
        return [], {}
    owned = {id(line) for lines in candidates for line in lines}
    found: list[FoundNote] = []
    note_for: dict = {}
    by_lines: dict[int, FoundNote] = {}
    used_ids: set[str] = set()
    for page in pages:
        for line in page:
            if id(line) in owned:
                continue
            for _, target, _, _ in line.links:
                if target[0] != "dest" or target in note_for:
                    continue
                lines = next((c for c in candidates if _points_at(target, c)), None)
                if lines is None:
                    continue
                if id(lines) not in by_lines:
                    by_lines[id(lines)] = _note(lines, line.page, len(found) + 1, used_ids)
                    found.append(by_lines[id(lines)])
                note_for[target] = by_lines[id(lines)].note_id
    return found, note_for


def _note(lines: list[Line], ref_page: int, number: int, used: set[str]) -> FoundNote:
    match = LABEL.match(lines[0].text)
    label = match.group(1) if match else str(number)
    note_id = label if label not in used else f"{label}-{number}"
    used.add(note_id)
    kind = "footnote" if lines[0].page == ref_page else "endnote"
    return FoundNote(note_id, kind, lines, match.end() if match else 0)


def note_text(note: FoundNote) -> str:
    texts = [line.text for line in note.lines]
    texts[0] = texts[0][note.label_length:]
    return join_lines(texts)
