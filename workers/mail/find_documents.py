"""Message text -> which published documents it names, tolerant of typos and partial names."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

STOPWORDS = frozenset(
    "a an the of and for in on to our your my me i we you it its this that with by from at as is are be "
    "please could can would copy version send have get need want like thanks thank hello hi dear".split()
)
GENERIC = frozenset("strategy plan policy report document booklet leaflet guide statement framework".split())
MATCH_THRESHOLD = 0.75
# One word alone names a document only when it is uncommon in English (wordfreq Zipf below this):
# "flood" (4.3) or "heatwave" (2.9) do, "library" (4.9) or "strategy" (4.7) do not.
RARE_WORD_ZIPF = 4.4


@dataclass(frozen=True)
class CatalogueEntry:
    document_id: str
    title: str
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    published: bool = True
    page_url: str | None = None


@dataclass(frozen=True)
class DocumentMatch:
    entry: CatalogueEntry
    score: float  # 0..1: share of the name's words found in the message (typos allowed)
    matched_name: str
    loose: bool = False  # found only through one uncommon word of its title, not a fuller name


_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[/-]\s*(?:(?:19|20)\d\d|\d\d)\b")


def _tokens(text: str) -> list[str]:
    """Lower-case words; a year range such as 2025/26 or 2020-2023 counts as its first year (then dropped)."""
    text = _YEAR_RANGE.sub(r"\1", text.lower().replace("’", "'"))
    return re.findall(r"[a-z0-9]+", text)


def _significant(tokens) -> list[str]:
    return [t for t in tokens if t not in STOPWORDS and not re.fullmatch(r"(19|20)\d\d", t)]


def _token_found(token: str, words: set[str]) -> bool:
    if token in words:
        return True
    if len(token) < 4:
        return False
    cutoff = 80 if len(token) >= 6 else 86
    return any(abs(len(w) - len(token)) <= 3 and fuzz.ratio(token, w) >= cutoff for w in words)


def name_score(name: str, words: set[str]) -> float:
    tokens = _significant(_tokens(name))
    if not tokens:
        return 0.0
    weights = {t: (0.5 if t in GENERIC else 1.0) for t in tokens}
    found = sum(w for t, w in weights.items() if _token_found(t, words))
    return found / sum(weights.values())


def _url_match(entry: CatalogueEntry, text: str) -> bool:
    if not entry.page_url:
        return False
    wanted = entry.page_url.lower().rstrip("/").split("://")[-1]
    return any(u.lower().rstrip("/.,)").split("://")[-1].startswith(wanted)
               for u in re.findall(r"(?:https?://|www\.)\S+", text, re.I))


def _names(entry: CatalogueEntry) -> tuple[str, ...]:
    return (entry.title, *entry.aliases)


def _distinctive_words(entries: list[CatalogueEntry]) -> dict[str, set[str]]:
    """Per document, the words of its names that no other document's names use (generic words aside)."""
    words = {e.document_id: {t for n in _names(e) for t in _significant(_tokens(n)) if t not in GENERIC}
             for e in entries}
    used_by = Counter(t for own in words.values() for t in own)
    return {i: {t for t in own if used_by[t] == 1} for i, own in words.items()}


def _partial_name(entry: CatalogueEntry, sequence: list[str], distinctive: set[str]) -> str:
    """Two words of one of its names, side by side there and in the message, that only this document uses
    (the two words, or "").

    "the play areas plan" names "Play Areas Improvement Plan" although half of the title is missing.
    """
    pairs = set()
    for name in _names(entry):
        tokens = _significant(_tokens(name))
        pairs |= {(a, b) for a, b in zip(tokens, tokens[1:]) if a in distinctive and b in distinctive}
    return next((f"{a} {b}" for x, y in zip(sequence, sequence[1:]) for a, b in sorted(pairs)
                 if _token_found(a, {x}) and _token_found(b, {y})), "")


def match_documents(text: str, entries: list[CatalogueEntry]) -> list[DocumentMatch]:
    """All entries the text names well enough, best first (published and withdrawn alike)."""
    sequence = _significant(_tokens(text))
    words = set(sequence)
    distinctive = _distinctive_words(entries)
    matches = []
    for entry in entries:
        if _url_match(entry, text):
            matches.append(DocumentMatch(entry, 1.0, entry.page_url or entry.title))
            continue
        best, best_name = 0.0, entry.title
        for name in (entry.title, *entry.aliases):
            score = name_score(name, words)
            if score > best:
                best, best_name = score, name
        for keyword in entry.keywords:
            if name_score(keyword, words) == 1.0:
                best = max(best, 0.8 if best < 0.8 else best)
                best_name = best_name if best > 0.8 else keyword
        partial = "" if best >= MATCH_THRESHOLD else _partial_name(entry, sequence, distinctive[entry.document_id])
        if partial:
            best, best_name = MATCH_THRESHOLD, partial
        if best >= MATCH_THRESHOLD:
            matches.append(DocumentMatch(entry, round(best, 3), best_name))
    matches.sort(key=lambda m: -m.score)
    return _one_edition(_drop_weaker_overlaps(matches, words)
                        or _one_rare_word(entries, words - _names_of_places_or_people(text), distinctive), text)


def _years(text: str) -> set[str]:
    return {t for t in _tokens(text) if re.fullmatch(r"(19|20)\d\d", t)}


def _one_edition(matches: list[DocumentMatch], text: str) -> list[DocumentMatch]:
    """Editions of one document (titles equal apart from the year): the year the person names decides which;
    with no year of a withdrawn edition named, the withdrawn one is dropped (the current edition is meant).

    "the council tax support scheme 2024-25" names last year's (withdrawn) edition only; "the council tax
    support scheme" names the published one.
    """
    named_years = _years(text)
    kept = []
    for m in matches:
        same = [o for o in matches if o is not m and _significant(_tokens(o.entry.title)) ==
                _significant(_tokens(m.entry.title)) and o.entry.published != m.entry.published]
        if not same:
            kept.append(m)
        elif m.entry.published:
            if not any(_years(o.entry.title) & named_years for o in same) or _years(m.entry.title) & named_years:
                kept.append(m)
        elif _years(m.entry.title) & named_years and not any(_years(o.entry.title) & named_years for o in same):
            kept.append(m)
    return kept


def _names_of_places_or_people(text: str) -> set[str]:
    """Words written with a capital inside a sentence ("I live on Northwold Road", "from Ashby Surgery"):
    proper names. A place or a person named alone says nothing about which document is wanted (the
    council's own name is in many titles), so one of these never names a document by itself."""
    names = set()
    for sentence in re.split(r"(?<=[.!?:;])\s+|\n+", text):
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", sentence)
        names |= {w.lower() for w in words[1:] if w[0].isupper() and not w.isupper()}
    return names


def _is_rare(word: str) -> bool:
    from wordfreq import zipf_frequency

    return len(word) >= 4 and zipf_frequency(word, "en") < RARE_WORD_ZIPF


def _one_rare_word(entries: list[CatalogueEntry], words: set[str],
                   distinctive: dict[str, set[str]]) -> list[DocumentMatch]:
    """When nothing fuller matched: one uncommon word that only one document's names use ("the flood
    thingy"). Only if exactly one document is named this way; a common word never names one alone."""
    found = []
    for entry in entries:
        own = sorted(t for t in distinctive[entry.document_id]
                     if _is_rare(t) and ({t, t + "s", t.removesuffix("s")} & words))
        if own:
            found.append(DocumentMatch(entry, MATCH_THRESHOLD, own[0], loose=True))
    return found if len(found) == 1 else []


def _drop_weaker_overlaps(matches: list[DocumentMatch], words: set[str]) -> list[DocumentMatch]:
    """When one document matches fully, a weaker one stays only if words of its own name are in the message.

    "the housing strategy" fully names one document; "Domestic Abuse Strategy" would match only through
    the shared word "strategy" and is dropped. Two documents named side by side both stay.
    """
    full = [m for m in matches if m.score >= 0.999]
    if not full:
        return matches
    covered = {t for m in full for t in _significant(_tokens(m.matched_name))} | GENERIC

    def own_words_found(m: DocumentMatch) -> bool:
        own = [t for t in _significant(_tokens(m.matched_name)) if t not in covered]
        return bool(own) and sum(_token_found(t, words) for t in own) / len(own) >= 0.5

    return full + [m for m in matches if m.score < 0.999 and own_words_found(m)]
