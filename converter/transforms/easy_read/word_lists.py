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


@lru_cache(maxsize=None)
def plain_words() -> dict[str, str]:
    return {k.lower(): v for k, v in read_tsv("plain_words.tsv").items()}


@lru_cache(maxsize=None)
def acronyms() -> dict[str, str]:
    return read_tsv("acronyms.tsv")


@lru_cache(maxsize=None)
def hard_words() -> dict[str, str]:
    return {k.lower(): v for k, v in read_tsv("hard_words.tsv").items()}


@lru_cache(maxsize=None)
def short_names() -> dict[str, str]:
    return {k.lower(): v for k, v in read_tsv("short_names.tsv").items()}
