"""The project's word lists (converter/data/*.tsv) -> dictionaries, read once per process."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ...errors import SettingsError

DATA = Path(__file__).resolve().parents[2] / "data"


def read_tsv(name: str) -> dict[str, str]:
    """Two tab-separated columns; '#' lines and blank lines are comments."""
    path = DATA / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SettingsError(f"The word list cannot be read ({exc.strerror}).", path=str(path),
                            hint="Reinstall altformats, or restore the file from the project.") from None
    table: dict[str, str] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, sep, value = line.partition("\t")
        if not sep or not key.strip() or not value.strip():
            raise SettingsError(f"Line {number} is not 'word<TAB>replacement'.", path=str(path),
                                hint="Separate the two columns with one tab character.")
        table[key.strip()] = value.strip()
    return table


PLAIN_WORD_KINDS = {"mass", "verb", "predicative"}


@lru_cache(maxsize=None)
def plain_word_entries() -> dict[str, tuple[str, str]]:
    """hard word -> (plain words, kind). The optional third column says where the swap is safe:
    'mass' (the plain word takes no 'a'/'an': 'an investment' -> 'money'), 'verb' (only where a verb fits:
    after a subject, 'to' or a modal, or first in the line) or 'predicative' (only after 'is', 'are', 'be' ...:
    'is critical' -> 'is very important', but 'critical infrastructure' stays)."""
    entries = {}
    for key, value in read_tsv("plain_words.tsv").items():
        plain, _, kind = value.partition("\t")
        kind = kind.strip()
        if kind and kind not in PLAIN_WORD_KINDS:
            raise SettingsError(f"'{key}' has the kind '{kind}'; the kinds are {', '.join(sorted(PLAIN_WORD_KINDS))}.",
                                path=str(DATA / "plain_words.tsv"),
                                hint="Use one of those kinds in the third column, or leave it empty.")
        entries[key.lower()] = (plain.strip(), kind)
    return entries


@lru_cache(maxsize=None)
def plain_words() -> dict[str, str]:
    return {k: plain for k, (plain, _) in plain_word_entries().items()}


@lru_cache(maxsize=None)
def acronyms() -> dict[str, str]:
    return read_tsv("acronyms.tsv")


@lru_cache(maxsize=None)
def hard_words() -> dict[str, str]:
    return {k.lower(): v for k, v in read_tsv("hard_words.tsv").items()}


@lru_cache(maxsize=None)
def short_names() -> dict[str, str]:
    return {k.lower(): v for k, v in read_tsv("short_names.tsv").items()}
