"""Pronunciation lexicon files (WRITTEN<TAB>SPOKEN lines) become one word-replacement table."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import SettingsError

BUILT_IN = Path(__file__).resolve().parent.parent / "data" / "pronunciation.tsv"
ENV_VAR = "ALTFORMATS_PRONUNCIATION"  # extra council files, separated by ":" (os.pathsep)


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[tuple[str, str], ...]  # (written, spoken), later entries win

    @property
    def mapping(self) -> dict[str, str]:
        return dict(self.entries)

    def apply(self, text: str) -> str:
        """Replace every whole-word, case-sensitive match of a written form by its spoken form."""
        mapping = self.mapping
        if not mapping:
            return text
        return _pattern(tuple(sorted(mapping, key=len, reverse=True))).sub(
            lambda m: mapping[m.group(0)], text)


@lru_cache(maxsize=16)
def _pattern(words: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w&+/.@-])(?:{alternatives})(?![\w&+/@]|\.\w)")


def parse_lexicon(text: str, source: str) -> list[tuple[str, str]]:
    """Entries of one lexicon file; a malformed line is a SettingsError naming the line."""
    entries = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise SettingsError(
                f"Line {number} of the pronunciation file is not WRITTEN<TAB>SPOKEN: {line!r}.",
                path=source, hint="Put one entry a line: the written word, one tab, how to say it.")
        entries.append((parts[0].strip(), parts[1].strip()))
    return entries


def lexicon_paths(extra: str | None = None) -> list[Path]:
    """The built-in file, then the council's files from ALTFORMATS_PRONUNCIATION (or `extra`)."""
    value = extra if extra is not None else os.environ.get(ENV_VAR, "")
    return [BUILT_IN] + [Path(p) for p in value.split(os.pathsep) if p.strip()]


def load_lexicon(extra: str | None = None) -> Lexicon:
    entries: list[tuple[str, str]] = []
    for path in lexicon_paths(extra):
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise SettingsError("The pronunciation file does not exist.", path=str(path),
                                hint=f"Fix the path in {ENV_VAR} or unset it.") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise SettingsError(f"The pronunciation file cannot be read ({exc}).", path=str(path),
                                hint="Save it as UTF-8 text with one WRITTEN<TAB>SPOKEN entry a line.") from None
        entries.extend(parse_lexicon(text, str(path)))
    return Lexicon(tuple(entries))
