"""Profiles and config files -> the thresholds a document must meet.

Profiles: "plain-english" (GOV.UK: reading age 9), "easy-read" (stricter:
sentences of 15 words at most, 10 on average) and "custom" (plain English
with every limit from the config file). Config lives in `.altformats.toml`
(top-level keys, or a [tool.altformats] table) or in pyproject.toml under
[tool.altformats]; [[overrides]] tables set limits for paths matching globs.
"""
from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from ..errors import SettingsError


@dataclass(frozen=True)
class Thresholds:
    """Limits a document must meet; None means "not checked"."""

    max_reading_age: float | None = 9.0
    min_flesch_reading_ease: float | None = 70.0
    max_average_sentence_words: float | None = 20.0
    max_sentence_words: int | None = None  # any longer sentence fails the document
    long_sentence_words: int = 25  # what counts as a long sentence
    max_long_sentence_share: float | None = 0.1
    max_hard_word_share: float | None = None
    max_passive_share: float | None = None


PROFILES: dict[str, Thresholds] = {
    "plain-english": Thresholds(),
    "easy-read": Thresholds(max_reading_age=9.0, min_flesch_reading_ease=80.0, max_average_sentence_words=10.0,
                            max_sentence_words=15, long_sentence_words=15, max_long_sentence_share=0.0,
                            max_hard_word_share=0.05, max_passive_share=0.1),
    "custom": Thresholds(),
}

_LIMIT_KEYS = {f.name for f in fields(Thresholds)}
_TOP_KEYS = _LIMIT_KEYS | {"profile", "allow_words", "exclude", "overrides"}


@dataclass(frozen=True)
class Override:
    paths: tuple[str, ...]
    profile: str | None
    limits: dict


@dataclass(frozen=True)
class Config:
    profile: str = "plain-english"
    limits: dict = field(default_factory=dict)
    allow_words: frozenset[str] = frozenset()
    exclude: tuple[str, ...] = ()
    overrides: tuple[Override, ...] = ()
    root: Path = Path(".")
    source: Path | None = None  # the file it came from

    def thresholds_for(self, path: Path, profile: str | None = None) -> tuple[str, Thresholds]:
        """Profile name and limits for one file: profile, then config limits, then matching overrides."""
        name = profile or self.profile
        limits = dict(self.limits)
        rel = _relative(path, self.root)
        for override in self.overrides:
            if any(fnmatch.fnmatch(rel, pattern) for pattern in override.paths):
                name = override.profile or name
                limits.update(override.limits)
        return name, replace(profile_thresholds(name), **limits)

    def excluded(self, path: Path) -> bool:
        rel = _relative(path, self.root)
        return any(fnmatch.fnmatch(rel, pattern) for pattern in self.exclude)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def profile_thresholds(name: str) -> Thresholds:
    try:
        return PROFILES[name]
    except KeyError:
        raise SettingsError(f"Unknown readability profile '{name}'.",
                            hint=f"Use one of: {', '.join(PROFILES)}.") from None


def _check_limits(table: dict, where: str) -> dict:
    limits = {}
    for key, value in table.items():
        if key not in _LIMIT_KEYS:
            continue
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise SettingsError(f"'{key}' must be a number, not {value!r}.", path=where)
        if isinstance(value, (int, float)) and value < 0 and key != "min_flesch_reading_ease":
            raise SettingsError(f"'{key}' cannot be negative ({value}).", path=where)
        if key.endswith("_share") and isinstance(value, (int, float)) and value > 1:
            raise SettingsError(f"'{key}' is a share from 0 to 1 (0.1 means 10%), not {value}.", path=where)
        limits[key] = value
    return limits


def _strings(table: dict, key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SettingsError(f"'{key}' must be a list of strings.", path=where)
    return tuple(value)


def parse(table: dict, where: str, root: Path) -> Config:
    unknown = set(table) - _TOP_KEYS
    if unknown:
        raise SettingsError(f"Unknown setting(s): {', '.join(sorted(unknown))}.", path=where,
                            hint=f"Known settings: {', '.join(sorted(_TOP_KEYS))}.")
    profile = table.get("profile", "plain-english")
    profile_thresholds(profile)
    overrides = []
    for i, item in enumerate(table.get("overrides", [])):
        if not isinstance(item, dict) or "paths" not in item:
            raise SettingsError(f"Override {i + 1} needs a 'paths' list of globs.", path=where)
        bad = set(item) - _LIMIT_KEYS - {"paths", "profile"}
        if bad:
            raise SettingsError(f"Unknown setting(s) in override {i + 1}: {', '.join(sorted(bad))}.", path=where)
        if item.get("profile"):
            profile_thresholds(item["profile"])
        overrides.append(Override(_strings(item, "paths", where), item.get("profile"), _check_limits(item, where)))
    return Config(profile, _check_limits(table, where),
                  frozenset(w.lower() for w in _strings(table, "allow_words", where)),
                  _strings(table, "exclude", where), tuple(overrides), root, Path(where))


def load_file(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise SettingsError("The config file does not exist.", path=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"The config file is not valid TOML ({exc}).", path=str(path),
                            hint="Check quotes, brackets and = signs on the line named.") from None
    table = data.get("tool", {}).get("altformats")
    if table is None:
        table = {} if path.name == "pyproject.toml" else {k: v for k, v in data.items() if k != "tool"}
    return parse(table, str(path), path.parent)


def config_for(path: Path, cache: dict[Path, Config] | None = None) -> Config:
    """The config that applies to one checked file or folder: the nearest one to it (see find_config).
    cache (folder -> config) saves reading the same files again within one check."""
    resolved = path.resolve()
    folder = resolved if resolved.is_dir() else resolved.parent
    if cache is None:
        return find_config(folder)
    if folder not in cache:
        cache[folder] = find_config(folder)
    return cache[folder]


def find_config(start: Path) -> Config:
    """The nearest .altformats.toml, or pyproject.toml with [tool.altformats], from start upwards.
    In one folder .altformats.toml wins over pyproject.toml."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        dot = candidate / ".altformats.toml"
        if dot.is_file():
            return load_file(dot)
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text("utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                continue
            if "altformats" in data.get("tool", {}):
                return load_file(pyproject)
    return Config(root=folder)
