"""Paragraph drafts that start with a bullet or number -> nested ListBlocks.

Bullets: • ▪ ◦ ● ○ ■ □ ‣ ⁃ – — - * · o and private-use symbol-font glyphs (U+F0xx).
Numbers: "1." "1)" "(1)" "(a)" "a." "a)" "i." "(iv)". Nesting follows the x position
of the marker: a marker further right than the current item opens a nested list.
A change between bullets and numbers at the same indent starts a new list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import ListBlock, ListItem, Paragraph, Text

BULLET = re.compile(r"^([\u2022\u25aa\u25e6\u25cf\u25cb\u25a0\u25a1\u2023\u2043\u2013\u2014\-\*\u00b7"
                    r"\u27a2\u2714\u2713\u25ba\u25b6\uf000-\uf0ff]|o(?=\s+[A-Z]))\s*(?=\S)")
NUMBER = re.compile(r"^(?:(\d{1,3})[.)]|\((\d{1,3})\)|\(([a-z])\)|([a-z])[.)]|\(([ivx]{1,5})\)|([ivx]{1,5})\.)"
                    r"\s+(?=\S)")
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


@dataclass(frozen=True)
class Marker:
    ordered: bool
    value: int
    length: int  # characters of the marker, stripped from the item text


def list_marker(text: str) -> Marker | None:
    """The bullet or number a line starts with, if any."""
    match = BULLET.match(text)
    if match:
        if match.group(1) in "-\u2013\u2014" and not text[1:2].isspace():
            return None  # "-5 degrees", "–based": not a bullet
        return Marker(False, 1, match.end())
    match = NUMBER.match(text)
    if not match:
        return None
    digits, paren_digits, paren_letter, letter, paren_roman, roman = match.groups()
    if digits or paren_digits:
        value = int(digits or paren_digits)
    elif paren_roman or roman:
        value = ROMAN.get(paren_roman or roman, 1)
    else:
        value = ord(paren_letter or letter) - ord("a") + 1
    return Marker(True, value, match.end())


@dataclass
class ItemDraft:
    marker: Marker
    x: float
    text: str
    inlines: tuple | None = None  # the text with its links, when it has any


def build_lists(items: list[ItemDraft]) -> ListBlock:
    """Consecutive list items -> one ListBlock, nested by marker indentation."""
    root = _Level(items[0].x, items[0].marker)
    stack = [root]
    for item in items:
        while len(stack) > 1 and item.x < stack[-1].x - 2:
            stack.pop()
        top = stack[-1]
        if item.x > top.x + 4 and top.items:
            nested = _Level(item.x, item.marker)
            top.items[-1][1].append(nested)
            stack.append(nested)
            top = nested
        top.items.append((item.inlines or (Text(item.text),), []))
    return root.block()


class _Level:
    def __init__(self, x: float, marker: Marker) -> None:
        self.x = x
        self.marker = marker
        self.items: list[tuple[tuple, list["_Level"]]] = []

    def block(self) -> ListBlock:
        items = tuple(
            ListItem((Paragraph(inlines),) + tuple(child.block() for child in children))
            for inlines, children in self.items)
        return ListBlock(self.marker.ordered, items, self.marker.value if self.marker.ordered else 1)
