"""Lines of one paragraph -> one string: hyphens at line ends rejoined where a word was split.

"ser-" + "vices" -> "services"; "well-" + "being" stays "well-being" because both halves
are common words on their own and the joined form is rarer (word frequencies from
wordfreq, loaded only when a line ends in a hyphen). Soft hyphens are removed.
"""
from __future__ import annotations

import re
from functools import lru_cache

_WORD_BEFORE = re.compile(r"([A-Za-z\u00c0-\u024f]+)[-\u00ad\u2010]$")
_WORD_AFTER = re.compile(r"^([a-z\u00df-\u024f]+)")


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return 0.0
    return zipf_frequency(word, "en")


def keeps_hyphen(first: str, second: str) -> bool:
    """True when first-second is a real compound rather than one word split over two lines."""
    joined = _zipf((first + second).lower())
    parts = min(_zipf(first.lower()), _zipf(second.lower()))
    if joined >= 3.0:
        return parts >= 4.0 and joined < parts
    return parts >= 2.0


def join_lines(lines: list[str]) -> str:
    text = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not text:
            text = line
            continue
        before = _WORD_BEFORE.search(text)
        after = _WORD_AFTER.match(line)
        if before and after and not text.endswith(" -"):
            if text.endswith("\u00ad") or not keeps_hyphen(before.group(1), after.group(1)):
                text = text[:-1] + line
            else:
                text = text[:-1] + "-" + line
        else:
            text = text + " " + line
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()
