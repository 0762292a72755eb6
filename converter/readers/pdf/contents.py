"""Contents pages: "1.2 Hidden harm ........ 11" is one entry, kept as "1.2 Hidden harm 11".

An entry ends in a leader (four or more dots, middle dots or underscores, or two or more
ellipses) and a page number. Each entry is a paragraph of its own (role "contents"), and
its leader goes: a screen reader would read every dot aloud.
"""
from __future__ import annotations

import re

_LEADER = r"(?:(?:\.\s?){4,}|(?:\u2026\s?){2,}|(?:\u00b7\s?){4,}|(?:_\s?){4,})"
_ENTRY_END = re.compile(_LEADER + r"\s*(\d+|[ivxlcdm]+)\s*$", re.IGNORECASE)
_LEADER_BEFORE_NUMBER = re.compile(r"\s*" + _LEADER + r"\s*(?=(\d+|[ivxlcdm]+)\b)", re.IGNORECASE)


def is_contents_entry(text: str) -> bool:
    """Does this line (or paragraph) end with a leader and a page number?"""
    return bool(_ENTRY_END.search(text))


def without_leaders(text: str) -> str:
    """'Foreword ........ 4' -> 'Foreword 4'."""
    return re.sub(r"\s+", " ", _LEADER_BEFORE_NUMBER.sub(" ", text)).strip()
