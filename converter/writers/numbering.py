"""Heading and list numbers as readers expect them: Roman numerals become digits."""
from __future__ import annotations

import re

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_PART = re.compile(r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$", re.I)


def roman_to_int(text: str) -> int | None:
    """'xiv' -> 14; None when the text is not a well-formed Roman numeral."""
    if not text or not _ROMAN_PART.match(text):
        return None
    values = [_ROMAN[ch] for ch in text.lower()]
    total = 0
    for i, value in enumerate(values):
        total += -value if i + 1 < len(values) and values[i + 1] > value else value
    return total


def digits_for_number(number: str | None) -> str | None:
    """'II.3' -> '2.3', 'Part IV' -> 'Part 4', '(iii)' -> '(3)'; other text unchanged.

    Only whole Roman-numeral words are converted, so 'Mill' or 'CD-ROM' stay as they are.
    """
    if number is None:
        return None

    def convert(match: re.Match) -> str:
        word = match.group(0)
        if len(word) == 1 and word.lower() not in "ivx":
            return word  # 'Appendix C' is a letter, not 100
        value = roman_to_int(word)
        return str(value) if value else match.group(0)

    return re.sub(r"(?<![A-Za-z])[IVXLCDMivxlcdm]+(?![A-Za-z])", convert, number)


def keep_page_markers(word_count: int, setting: bool | None, threshold: int = 5000) -> bool:
    """Whether to keep original page numbers: the setting, else only for long documents."""
    if setting is not None:
        return setting
    return word_count > threshold
