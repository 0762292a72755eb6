"""Words a reader at reading age 9 will not know, found by how often English uses them (wordfreq).

A word is hard when it is rare (Zipf frequency under RARE_ZIPF: fewer than about 3 in a million
words) or long and not common (3 syllables or more and under LONG_ZIPF). A hard word the
plain-word list replaces, or that the hard-word list explains, is taken care of; the rest are
"unknown hard words", and passages holding them rank lower (select.py), so the easy read prefers
passages that can do without them. Names, figures, contacts and acronyms never count.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .protect import Protected
from .word_lists import hard_words, plain_words

RARE_ZIPF = 3.5  # under this a word is rare in everyday English ("retrofit" 2.8, "gleaned" 3.0)
LONG_ZIPF = 4.5  # a word of 3+ syllables under this is hard too ("imperative" 3.7, "provision" 4.1)
LONG_SYLLABLES = 3
WORD = re.compile(r"(?<![\w⟦-])[A-Za-z][a-z]+(?:['’-][a-z]+)*(?![\w⟧])")


@lru_cache(maxsize=20000)
def is_hard(word: str) -> bool:
    """A lower-case word a reader at reading age 9 is unlikely to know."""
    from wordfreq import zipf_frequency
    from textstat.backend import counts
    frequency = zipf_frequency(word, "en")
    if frequency < RARE_ZIPF:
        return True
    return frequency < LONG_ZIPF and counts.count_syllables(word, "en_US") >= LONG_SYLLABLES


@lru_cache(maxsize=None)
def _taken_care_of() -> frozenset[str]:
    """Single words the plain-word list replaces or the hard-word list explains."""
    return frozenset(k for k in (*plain_words(), *hard_words()) if " " not in k)


def unknown_hard_words(text: str) -> list[str]:
    """The hard words of a text that no list replaces or explains (names, figures and contacts hidden first)."""
    hidden = Protected().hide_all(text)
    found = []
    for match in WORD.finditer(hidden):
        word = match.group(0)
        if word[0].isupper() and match.start() > 0 and hidden[:match.start()].rstrip()[-1:] not in ".!?:":
            continue  # a capitalised word inside a sentence is a name
        lowered = word.lower()
        if lowered not in _taken_care_of() and is_hard(lowered):
            found.append(lowered)
    return found
