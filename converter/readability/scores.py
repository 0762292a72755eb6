"""Sentences -> counts -> the standard readability formulas (textstat's own counting).

Every figure is computed from counts summed over the sentences we split, so a
heading or bullet point is one short sentence, never glued onto its neighbours.
Word, syllable, letter and hard-word counts come from textstat's backend, so on
plain prose where the sentence boundaries agree the figures equal textstat's.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields

from ..readability_data import ensure_installed

ensure_installed()  # before textstat first touches nltk: never a download

from textstat.backend import counts as ts_counts  # noqa: E402
from textstat.backend import selections as ts_selections  # noqa: E402

LANG = "en_US"  # textstat's English rules (CMU dictionary); British spelling is covered by pyphen
FOG_SYLLABLES = 3  # textstat's syllable_threshold for English


@dataclass
class Counts:
    """Additive counts for a run of sentences."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    letters: int = 0
    characters: int = 0  # non-space characters, ARI's measure
    ari_words: int = 0  # words counted with punctuation kept, as textstat's ARI does
    polysyllables: int = 0  # words of 3+ syllables (SMOG)
    fog_hard: int = 0  # 3+ syllables and not a Dale-Chall easy word (Gunning fog)
    dale_chall_hard: int = 0  # not on the Dale-Chall easy list

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


# A web or email address: with a scheme, www., or a bare domain ending in a common top-level
# domain (gov.uk/council-tax, medway.gov.uk/apply, nhs.uk, example.com/page).
ADDRESS = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\bhttps?://\S+[\w/]|\bwww\.\S+[\w/]"
                     r"|\b(?:[\w-]+\.)+(?:uk|com|org|net|gov|info|io|scot|wales|cymru)\b(?:/\S*[\w/])?")


def count_sentence(text: str) -> Counts:
    """The counts for one sentence as textstat counts them, a web or email address counting as one
    short word ("link"): an address is copied, not read, and is not what makes a sentence hard."""
    if not text.strip():
        return Counts()
    text = ADDRESS.sub("link", text)
    return Counts(
        sentences=1,
        words=ts_counts.count_words(text),
        syllables=ts_counts.count_syllables(text, LANG),
        letters=ts_counts.count_letters(text),
        characters=ts_counts.count_chars(text, ignore_spaces=True),
        ari_words=ts_counts.count_words(text, rm_punctuation=False),
        polysyllables=ts_counts.count_polysyllable_words(text, LANG),
        fog_hard=len(ts_selections.list_difficult_words(text, FOG_SYLLABLES, LANG)),
        dale_chall_hard=len(ts_selections.list_difficult_words(text, 0, LANG)),
    )


def total(items) -> Counts:
    result = Counts()
    for c in items:
        result = result + c
    return result


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def flesch_reading_ease(c: Counts) -> float:
    wps, spw = _ratio(c.words, c.sentences), _ratio(c.syllables, c.words)
    if wps == 0 or spw == 0:
        return 0.0
    return 206.835 - 1.015 * wps - 84.6 * spw


def flesch_kincaid_grade(c: Counts) -> float:
    wps, spw = _ratio(c.words, c.sentences), _ratio(c.syllables, c.words)
    if wps == 0 or spw == 0:
        return 0.0
    return 0.39 * wps + 11.8 * spw - 15.59


def smog_index(c: Counts) -> float:
    if not c.sentences:
        return 0.0
    return 1.043 * math.sqrt(30 * c.polysyllables / c.sentences) + 3.1291


def gunning_fog(c: Counts) -> float:
    if not c.words:
        return 0.0
    return 0.4 * (_ratio(c.words, c.sentences) + 100 * c.fog_hard / c.words)


def coleman_liau_index(c: Counts) -> float:
    letters, sentences = 100 * _ratio(c.letters, c.words), 100 * _ratio(c.sentences, c.words)
    if letters == 0 or sentences == 0:
        return 0.0
    return 0.058 * letters - 0.296 * sentences - 15.8


def automated_readability_index(c: Counts) -> float:
    cpw, wps = _ratio(c.characters, c.ari_words), _ratio(c.words, c.sentences)
    if cpw == 0 or wps == 0:
        return 0.0
    return 4.71 * cpw + 0.5 * wps - 21.43


def dale_chall(c: Counts) -> float:
    if not c.words:
        return 0.0
    percent = 100 * c.dale_chall_hard / c.words
    score = 0.1579 * percent + 0.0496 * _ratio(c.words, c.sentences)
    return score + 3.6365 if percent > 5 else score


def reading_age(c: Counts) -> float:
    """Flesch-Kincaid grade + 5 (STANDARDS.md), never below 5 (the age school starts)."""
    return max(5.0, flesch_kincaid_grade(c) + 5) if c.words else 0.0


FORMULAS = {
    "flesch_reading_ease": flesch_reading_ease,
    "flesch_kincaid_grade": flesch_kincaid_grade,
    "smog": smog_index,
    "gunning_fog": gunning_fog,
    "coleman_liau": coleman_liau_index,
    "ari": automated_readability_index,
    "dale_chall": dale_chall,
    "reading_age": reading_age,
}


def formulas(c: Counts, places: int | None = 1) -> dict[str, float]:
    """Every formula for these counts, rounded to `places` (None: unrounded)."""
    return {name: (round(fn(c), places) if places is not None else fn(c)) for name, fn in FORMULAS.items()}
