"""Message text -> is it mostly English? (wordfreq's English word list, offline).

A resident who writes in another language may need an answer in it: a person should take it
over rather than the intake asking a question in English. Automatic acknowledgements in other
languages (see classify.py) are recognised with the same measure.
"""
from __future__ import annotations

import re
from functools import lru_cache

ENGLISH_ZIPF = 3.0  # a word at least this common in English (about once per million words) counts as English
MOSTLY_ENGLISH = 0.5  # share of words that must be English
MIN_WORDS = 4  # fewer words than this say too little to judge

_ADDRESSES_AND_LINKS = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+", re.I)
_WORD = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=20000)
def _is_english(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= ENGLISH_ZIPF


def load() -> None:
    """Read the word list now (about half a second), so the first message after a start does not wait for it."""
    _is_english("the")


def english_share(text: str) -> float | None:
    """Share of the words (two letters or more; addresses and links left out) common in English;
    None when there are too few words to judge."""
    words = _WORD.findall(_ADDRESSES_AND_LINKS.sub(" ", text.lower()))
    if len(words) < MIN_WORDS:
        return None
    return sum(_is_english(w) for w in words) / len(words)


def mostly_not_english(text: str) -> bool:
    share = english_share(text)
    return share is not None and share < MOSTLY_ENGLISH
