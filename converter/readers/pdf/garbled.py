"""Pages of lines -> the pages whose extracted text looks garbled (fonts without a Unicode map).

Some PDFs embed subset fonts whose glyph codes cannot be turned back into letters; the
text then comes out as strings like "3xSTRxtT3xR2". A page is reported when, of up to
200 of its words of three letters or more, fewer than a third are known English words (wordfreq).
"""
from __future__ import annotations

import re

from .hyphenation import _zipf
from .layout import Line

SAMPLE = 200
MIN_TOKENS = 15
TOKEN = re.compile(r"[^\W\d_]{3,}")


def looks_garbled(lines: list[Line]) -> bool:
    tokens: list[str] = []
    for line in lines:
        tokens.extend(TOKEN.findall(line.text))
        if len(tokens) >= SAMPLE:
            break
    words = tokens[:SAMPLE]
    if len(words) < MIN_TOKENS:
        return False
    return known_share(words) < 1 / 3


def known_share(words: list[str]) -> float:
    return sum(1 for word in words if _zipf(word.lower()) >= 2.5) / max(len(words), 1)


def garbled_pages(pages: list[list[Line]]) -> list[int]:
    """1-based numbers of the pages whose text looks garbled."""
    return [index + 1 for index, lines in enumerate(pages) if looks_garbled(lines)]
