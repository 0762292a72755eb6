"""Words -> hard or not: rare in everyday English (wordfreq) or long, minus an allow-list.

A word is hard when its Zipf frequency (wordfreq's small English list, whose
data ships in the wheel; it lists every word down to Zipf 3, so nothing we
judge is lost, and loads four times faster than the large list) is below RARE_ZIPF, or when it has LONG_LETTERS letters or more and is
not common (below COMMON_ZIPF). Numbers, email addresses, web addresses and
words on the allow-list (converter/data/readability_allow_list.txt plus a
council's own `allow_words`) are never hard, and nor are names (a capitalised
word that does not start the sentence). Acronyms still count: easy read asks
for them to be written out.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .scores import ADDRESS

RARE_ZIPF = 3.0  # about once per million words
COMMON_ZIPF = 4.5
LONG_LETTERS = 13

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")


@lru_cache(maxsize=1)
def default_allow_list() -> frozenset[str]:
    text = resources.files("converter").joinpath("data/readability_allow_list.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


_BRITISH = ((re.compile(r"is(ation|ations|e|es|ed|ing)$"), r"iz\1"), (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
            (re.compile(r"our(s|ed|ing|able|ite|ites)?$"), r"or\1"), (re.compile(r"tre(s)?$"), r"ter\1"),
            (re.compile(r"ence$"), "ense"), (re.compile(r"ogue(s)?$"), r"og\1"))


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    """Frequency of the word, or of its American spelling if that is more common (organisation)."""
    from wordfreq import zipf_frequency

    best = zipf_frequency(word, "en", wordlist="small")
    for pattern, replacement in _BRITISH:
        if pattern.search(word):
            best = max(best, zipf_frequency(pattern.sub(replacement, word), "en", wordlist="small"))
    return best


def is_hard(word: str, allow: frozenset[str] = frozenset()) -> bool:
    key = word.lower().replace("’", "'").strip("'-")
    if key.endswith("'s"):
        key = key[:-2]  # possessive: judge the word itself
    if not key or key in allow or key in default_allow_list():
        return False
    zipf = _zipf(key)
    return zipf < RARE_ZIPF or (len(key) >= LONG_LETTERS and zipf < COMMON_ZIPF)


def _is_name(word: str, first: bool) -> bool:
    """A capitalised word inside a sentence (Ayling, Sevenoaks): a name, which has no simpler word."""
    return not first and len(word) > 1 and word[0].isupper() and word[1:].islower()


def hard_words(sentence: str, allow: frozenset[str] = frozenset()) -> list[str]:
    """The hard words of one sentence, in order, as written (repeats kept); names are not hard."""
    words = _WORD.findall(ADDRESS.sub(" ", sentence))
    return [w for i, w in enumerate(words) if not _is_name(w, i == 0) and is_hard(w, allow)]
