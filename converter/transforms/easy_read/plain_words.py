"""Text -> text with hard words and phrases swapped for the plain words in converter/data/plain_words.tsv."""
from __future__ import annotations

import re
from functools import lru_cache

from .word_lists import plain_word_entries, plain_words

VERB_BEFORE = {"i", "we", "you", "they", "to", "will", "would", "can", "could", "may", "might", "must", "shall",
               "should", "and", "or", "not", "also", "help", "helps", "let"}
PREDICATIVE_BEFORE = {"is", "are", "was", "were", "be", "been", "being", "very", "so", "more", "most", "not",
                      "less", "too", "becomes", "become", "remains", "remain", "seems", "seem"}
LAST_WORD = re.compile(r"([\w'’]+)\W*$")


def _fits(kind: str, before: str) -> bool:
    """Whether a swap of this kind reads as English after the text before it (see plain_word_entries)."""
    last = LAST_WORD.search(before)
    previous = last.group(1).lower() if last else ""
    if kind == "verb":
        return not previous or previous in VERB_BEFORE or bool(re.search(r"[.!?:;]\s*$", before))
    if kind == "predicative":
        return previous in PREDICATIVE_BEFORE
    return True


@lru_cache(maxsize=None)
def _pattern() -> re.Pattern:
    keys = sorted(plain_words(), key=len, reverse=True)  # longest phrase first
    alternatives = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
    return re.compile(rf"(?<![\w-])(?:(?P<det>the|a|an)\s+)?(?P<word>{alternatives})(?![\w-])", re.IGNORECASE)


def _match_case(original: str, plain: str) -> str:
    if original[:1].isupper() and not plain[:1].isupper():
        return plain[:1].upper() + plain[1:]
    return plain


def use_plain_words(text: str) -> str:
    """Each listed word or phrase becomes its plain replacement; a capital first letter is kept,
    'the' is not doubled ('the perpetrator' -> 'the person who causes the abuse') and 'a'/'an' agree."""
    table = plain_word_entries()

    def swap(match: re.Match) -> str:
        found, det = match.group("word"), match.group("det")
        plain, kind = table[re.sub(r"\s+", " ", found.lower())]
        before = text[: match.start("word")] if det is None else text[: match.start()]
        if not _fits(kind, before):
            return match.group(0)  # no safe swap here: the original word stays (a hard word may explain it)
        if kind == "mass" and det is not None and det.lower() in ("a", "an"):
            return _match_case(det, plain)  # 'an investment' -> 'money', never 'a money'
        if det is None:
            return _match_case(found, plain)
        if plain.lower().startswith(("the ", "a ", "an ")):  # 'the perpetrator' -> 'the person who ...'
            return _match_case(det, plain)
        if det.lower() in ("a", "an"):
            det = det[0] + ("n" if plain[:1].lower() in "aeiou" else "")
        return f"{det} {_match_case(found, plain)}"
    return _pattern().sub(swap, text)


@lru_cache(maxsize=None)
def _short_name_pattern() -> re.Pattern:
    from .word_lists import short_names
    keys = sorted(short_names(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys) + r")(?![\w-])",
                      re.IGNORECASE)


def use_short_names(text: str, said: set[str]) -> str:
    """A long term (converter/data/short_names.tsv) stays in full the first time, then becomes its short name:
    'domestic abuse' once, then 'abuse'. `said` remembers the terms already written in full."""
    from .word_lists import short_names
    table = short_names()

    def swap(match: re.Match) -> str:
        key = re.sub(r"\s+", " ", match.group(1).lower())
        if key not in said:
            said.add(key)
            return match.group(1)
        return _match_case(match.group(1), table[key])
    return _short_name_pattern().sub(swap, text)
