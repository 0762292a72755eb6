"""A paragraph's text and the linked pieces of its lines -> inline nodes (Text, Link, NoteRef).

Each piece is found again in the joined paragraph text by the words just before it on
its line (so a footnote mark "1" is not confused with the 1 in "2021"). Web links
become Link nodes; links to a note's place become NoteRef; other links inside the
document (contents pages, cross-references) keep their text only. Pieces of one link
split over two lines become one Link.
"""
from __future__ import annotations

import re

from ...model import Link, NoteRef, Text, merge_adjacent_text


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", ""))


def _find(text: str, piece: str, before: str, start: int) -> int:
    """Where `piece` starts in `text` at or after `start`, or -1: after the words before it
    on its line, else after their last few characters, else on its own as a word."""
    before = _normal(before).lstrip()
    for context in dict.fromkeys((before, before[-6:], before.rstrip()[-6:])):
        if context:
            at = text.find(context + piece, start)
            if at >= 0:
                return at + len(context)
    at = text.find(piece, start)
    return at if at >= 0 and (at == 0 or not text[at - 1].isalnum()) else -1


def paragraph_inlines(text: str, pieces: list, note_for: dict) -> tuple:
    """pieces: [(text, target, text before, offset)] from the paragraph's lines, in order."""
    if not pieces:
        return (Text(text),) if text else ()
    nodes: list = []
    position = 0
    for piece, target, before, _ in pieces:
        piece = _normal(piece).strip()
        note_id = note_for.get(target) if target[0] == "dest" else None
        if note_id is None and target[0] == "uri":
            piece = _without_closing_punctuation(piece, target[1])
        elif note_id is not None:  # the mark only: "2." -> "2", the full stop stays
            piece = _without_closing_punctuation(piece, "")
        if not piece or (target[0] == "dest" and note_id is None):
            continue
        at = _find(text, piece, before, position)
        if at < 0:
            continue
        gap = text[position:at]
        last = nodes[-1] if nodes else None
        if note_id is None and isinstance(last, Link) and last.url == target[1] and not gap.strip():
            nodes[-1] = Link((Text(last.children[0].text + gap + piece),), last.url)
        else:
            if note_id:  # "help, 4" set as a raised mark: "help,[4]"
                gap = gap.rstrip() if gap.strip() or not nodes else ""
                if not gap and nodes and isinstance(nodes[-1], Text):
                    nodes[-1] = Text(nodes[-1].text.rstrip())
            if gap:
                nodes.append(Text(gap))
            nodes.append(NoteRef(note_id) if note_id else Link((Text(piece),), target[1]))
        position = at + len(piece)
    if position < len(text):
        nodes.append(Text(text[position:]))
    return merge_adjacent_text(nodes)


def _without_closing_punctuation(piece: str, url: str) -> str:
    """'www.example.org.' -> 'www.example.org': the full stop ends the sentence, not the link."""
    while piece and piece[-1] in ".,;:!?)" and not url.rstrip("/").endswith(piece[-1]):
        piece = piece[:-1]
    return piece


