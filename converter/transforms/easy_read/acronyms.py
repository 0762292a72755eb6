"""Text -> text with acronyms written out, from the project's list and the document's own definitions."""
from __future__ import annotations

import re

from .word_lists import acronyms

# "Multi-Agency Risk Assessment Conferences (MARACs)": two or more words, then the capitals in brackets
DEFINED = re.compile(
    r"((?:[A-Z][\w'’-]*)(?:\s+(?:(?:and|of|for|the|on|in|to|against)\s+)*[A-Z][\w'’-]*){1,8})\s*"
    r"\(([A-Z][A-Za-z&]*[A-Z]s?)\)"
)
ACRONYM = re.compile(r"(?<![\w&])([A-Z][A-Za-z&]*[A-Z]s?\+?)(?![\w&])")


def learn_acronyms(texts) -> dict[str, str]:
    """Acronyms a document defines, like 'Domestic Homicide Reviews (DHRs)', mapped to their words."""
    learned: dict[str, str] = {}
    for text in texts:
        for words, acronym in DEFINED.findall(text):
            initials = "".join(w[0] for w in re.split(r"[\s-]+", words) if w[:1].isupper())
            bare = acronym.rstrip("s")
            if initials.endswith(bare[: max(2, len(bare) - 1)]) or bare in initials:
                learned.setdefault(acronym, _trim_to_initials(words, bare))
    return learned


def _trim_to_initials(words: str, acronym: str) -> str:
    """Keep only the last words whose initials spell the acronym ('In Kent, Independent Advisers'),
    from a capitalised word ('Committee of Green Party Regional Council' -> 'Green Party Regional Council')."""
    parts = words.split()
    for start in range(len(parts)):
        tail = parts[start:]
        if not tail[0][:1].isupper():
            continue
        initials = "".join(w[0] for w in re.split(r"[\s-]+", " ".join(tail)) if w[:1].isupper())
        if initials.startswith(acronym[:1]) and len(initials) <= len(acronym) + 1:
            return " ".join(tail)
    return words


def write_out_acronyms(text: str, learned: dict[str, str] | None = None) -> str:
    """Each known acronym becomes its words; '=' in the list keeps it; unknown ones stay."""
    table = {**(learned or {}), **acronyms()}  # the list's plainer words win

    def swap(match: re.Match) -> str:
        found = match.group(1)
        written = table.get(found)
        if written is None or written == "=":
            return found
        return written
    return ACRONYM.sub(swap, text)
