"""Settings for each kind of output, as dataclasses with their allowed ranges.

Defaults come from ../shared/STANDARDS.md (UKAAF, RNIB Clear Print, GOV.UK).
Every output records the profile that made it (see converter.provenance).
"""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields

from .errors import SettingsError


def _check_range(name: str, value, low, high, hint: str = "") -> None:
    if not (low <= value <= high):
        raise SettingsError(
            f"{name} must be between {low} and {high}, not {value}.",
            hint=hint or f"Choose a {name} from {low} to {high}.",
        )


@dataclass(frozen=True)
class LargePrintProfile:
    font_size: float = 18.0  # points; UKAAF minimum 16
    font_family: str = "Arial"  # falls back to Liberation Sans / DejaVu Sans where Arial is absent
    heading_scale: tuple[float, ...] = (1.6, 1.35, 1.2, 1.1, 1.05, 1.0)
    line_spacing: float = 1.4  # 1.2 to 1.5
    margin_cm: float = 2.5  # at least 2
    page_size: str = "A4"
    page_markers: bool | None = None  # None: keep original page numbers when over 5,000 words
    language: str = "en-GB"

    def __post_init__(self) -> None:
        _check_range(
            "large print font size",
            self.font_size,
            16,
            28,
            "Use 16 to 28 point; above 28 point, offer another format such as audio.",
        )
        _check_range("line spacing", self.line_spacing, 1.2, 1.5)
        _check_range("margin (cm)", self.margin_cm, 2.0, 5.0)

    def heading_size(self, level: int) -> float:
        scale = self.heading_scale[min(max(level, 1), len(self.heading_scale)) - 1]
        return round(self.font_size * scale, 1)


@dataclass(frozen=True)
class StandardPrintProfile:
    """Ordinary print sizes: for the HTML output and the sample's own PDF."""

    font_size: float = 12.0
    font_family: str = "Arial"
    line_spacing: float = 1.4
    margin_cm: float = 2.5
    page_size: str = "A4"
    language: str = "en-GB"


@dataclass(frozen=True)
class TextProfile:
    underline_headings: bool = True  # "=" under level 1, "-" under level 2
    page_markers: bool | None = None  # None: keep them when over 5,000 words


@dataclass(frozen=True)
class EasyReadProfile:
    font_size: float = 16.0  # 14 to 24
    font_family: str = "Arial"
    max_sentence_words: int = 15
    target_average_words: int = 10
    max_words: int = 2000
    max_pages: int = 24
    approved: bool = False  # outputs say DRAFT until a person approves them
    language: str = "en-GB"

    def __post_init__(self) -> None:
        _check_range("easy read font size", self.font_size, 14, 24)


@dataclass(frozen=True)
class AudioProfile:
    voice: str = "en-gb"  # espeak-ng voice id; `altformats voices` lists them
    rate_wpm: int = 160
    pitch: int = 50  # espeak-ng 0..99
    bitrate_kbps: int = 64
    sample_rate: int = 22050
    workers: int = 0  # 0: one per CPU core
    section_timeout_s: float = 600.0

    def __post_init__(self) -> None:
        _check_range("speaking rate (words per minute)", self.rate_wpm, 80, 400)
        _check_range("pitch", self.pitch, 0, 99)

    @property
    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1


def profile_settings(profile) -> dict:
    """The settings of a profile as plain JSON-ready values."""
    if profile is None:
        return {}
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(profile).items()}


def replace_known(profile, **settings):
    """A copy of `profile` with the given settings; unknown names are a SettingsError."""
    names = {f.name for f in fields(profile)}
    unknown = sorted(set(settings) - names)
    if unknown:
        raise SettingsError(
            f"Unknown setting(s) for {type(profile).__name__}: {', '.join(unknown)}.",
            hint=f"Known settings: {', '.join(sorted(names))}.",
        )
    values = {**asdict(profile), **{k: v for k, v in settings.items() if v is not None}}
    values = {k: (tuple(v) if isinstance(v, list) else v) for k, v in values.items()}
    return type(profile)(**values)
