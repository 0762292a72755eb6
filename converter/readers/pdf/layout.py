"""One PDF page -> its text lines with position, font size, boldness and structure tag.

Uses pypdf's text extraction with visitors: visitor_text gives each run of text with
its text and current matrices and font; visitor_operand_before tracks marked content
(BDC/EMC) so each run knows its MCID (for the structure tree) and whether it is an
/Artifact (running headers and footers in tagged PDFs).
Runs on the same baseline that follow each other closely are joined into one Line.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .links import LinkArea, split_by_links

try:  # pypdf's own font metrics give real text widths for column detection
    from pypdf.generic._font import Font as _PypdfFont
except ImportError:  # pragma: no cover - older pypdf
    _PypdfFont = None

ARTIFACT = "artifact"
LIGATURE_CHARS = "\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
TEXT_SHOWING = {b"Tj", b"TJ", b"'", b'"'}
BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demi", "extrabold")
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                           "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    y: float  # baseline, PDF units, larger is higher on the page
    size: float  # font size in points after scaling
    bold: bool
    page: int  # physical page index, from 0
    mcid: int | None = None
    artifact: bool = False
    links: list = field(default_factory=list)  # [(text, target, text before, offset)]: links.py

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class _Run:
    text: str
    x: float
    y: float
    size: float
    width: float
    bold: bool
    mark: object
    link: tuple | None = None  # target of the link annotation over it (links.py)


class FontInfo:
    """Boldness and character widths per font dictionary, cached for the whole document."""

    def __init__(self) -> None:
        self._cache: dict[object, tuple[bool, dict[str, float], float]] = {}

    def lookup(self, font_dict) -> tuple[bool, dict[str, float], float]:
        ref = getattr(font_dict, "indirect_reference", None)
        key = (ref.idnum, ref.generation) if ref is not None else id(font_dict)
        if key not in self._cache:
            self._cache[key] = self._describe(font_dict)
        return self._cache[key]

    @staticmethod
    def _describe(font_dict) -> tuple[bool, dict[str, float], float]:
        if not font_dict:
            return False, {}, 500.0
        name = str(font_dict.get("/BaseFont", "")).lower()
        bold = any(word in name for word in BOLD_WORDS)
        try:
            descriptor = font_dict.get("/FontDescriptor")
            if descriptor is not None:
                descriptor = descriptor.get_object()
                bold = bold or float(descriptor.get("/FontWeight", 0)) >= 600
                bold = bold or bool(int(descriptor.get("/Flags", 0)) & (1 << 18))
        except Exception:
            pass
        widths = _widths_by_text(font_dict)
        known = [w for w in widths.values() if 100 < w < 1500]
        default = sum(known) / len(known) if known else 500.0
        if default > 900 or default < 200:
            default = 500.0
        return bold, widths, default


def _widths_by_text(font_dict) -> dict[str, float]:
    """{character as extracted: glyph width in 1/1000 em}, through the font's ToUnicode map
    (composite fonts key their widths by glyph code, not by the text they stand for)."""
    if _PypdfFont is None:
        return {}
    try:
        font = _PypdfFont.from_font_resource(font_dict)
    except Exception:
        return {}
    by_code = {k: float(v) for k, v in font.character_widths.items()
               if k != "default" and isinstance(v, (int, float))}
    by_text: dict[str, float] = {}
    for code, text in (getattr(font, "character_map", None) or {}).items():
        if isinstance(text, str) and len(text) == 1 and code in by_code:
            by_text[text] = by_code[code]
    if font_dict.get("/Subtype") == "/Type0":
        return by_text
    return {**by_code, **by_text} if by_text else by_code


def _text_width(text: str, widths: dict[str, float], default: float, size: float) -> float:
    total = 0.0
    for char in text:
        width = widths.get(char, default)
        total += width if 0 < width < 2000 else default
    return total / 1000.0 * size


class _PageCollector:
    """Visitors for one page: gathers runs with their marked-content tag."""

    def __init__(self, fonts: FontInfo, areas: list[LinkArea] | None = None) -> None:
        self.fonts = fonts
        self.areas = areas or []
        self.runs: list[_Run] = []
        self.draws: list[tuple[str, list[float], object]] = []  # (XObject name, matrix, mark) per Do
        self.marks: list[object] = []  # stack: MCID int, ARTIFACT, or None
        self.pending: object = ...  # mark of the first text op since the last run
        self.char_spacing = 0.0  # Tc and Tw, in unscaled text space units
        self.word_spacing = 0.0

    def current_mark(self) -> object:
        if ARTIFACT in self.marks:
            return ARTIFACT
        for mark in reversed(self.marks):
            if isinstance(mark, int):
                return mark
        return None

    def before_operator(self, operator, operands, cm, tm) -> None:
        if operator in TEXT_SHOWING:
            if self.pending is ...:
                self.pending = self.current_mark()
        elif operator in (b"Tc", b"Tw") and operands:
            value = float(operands[0]) if isinstance(operands[0], (int, float)) else 0.0
            if operator == b"Tc":
                self.char_spacing = value
            else:
                self.word_spacing = value
        elif operator == b"BDC":
            tag = operands[0] if operands else None
            props = operands[1] if len(operands) > 1 else None
            mcid = props.get("/MCID") if hasattr(props, "get") else None
            if tag == "/Artifact":
                self.marks.append(ARTIFACT)
            else:
                self.marks.append(int(mcid) if isinstance(mcid, (int, float)) else None)
        elif operator == b"BMC":
            self.marks.append(ARTIFACT if operands and operands[0] == "/Artifact" else None)
        elif operator == b"EMC" and self.marks:
            self.marks.pop()
        elif operator == b"Do" and operands:
            self.draws.append((str(operands[0]), [float(v) for v in cm], self.current_mark()))

    def on_text(self, text, cm, tm, font_dict, font_size) -> None:
        mark, self.pending = (None if self.pending is ... else self.pending), ...
        text = text.replace("\n", " ").replace("\x00", "")
        if not text.strip():
            return
        a = tm[0] * cm[0] + tm[1] * cm[2]
        b = tm[0] * cm[1] + tm[1] * cm[3]
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        size = abs(font_size) * math.hypot(c, d)
        if size < 0.5 or abs(b) > abs(a) * 0.2:  # invisible or rotated text: keep but sized 1
            size = max(size, 1.0)
        bold, widths, default = self.fonts.lookup(font_dict)
        leading = len(text) - len(text.lstrip())
        body = text.strip()
        scale = math.hypot(a, b)
        width = _text_width(body, widths, default, abs(font_size) * scale)
        width += (self.char_spacing * len(body) + self.word_spacing * body.count(" ")) * scale
        x += _text_width(" " * leading, widths, default, size)
        run = _Run(body, x, y, size, width, bold, mark)
        if not self.areas:
            self.runs.append(run)
            return
        measure = lambda part: _text_width(part, widths, default, abs(font_size) * scale)  # noqa: E731
        for start, piece, target in split_by_links(body, x, y, size, width, measure, self.areas):
            self.runs.append(_Run(piece, start, y, size, measure(piece), bold, mark, target))


def _joins_line(line: Line, run: _Run) -> bool:
    """A run continues the line when it sits on the same baseline just to the right."""
    tolerance = 0.35 * max(line.size, run.size)
    raised = run.size < 0.85 * line.size and 0 <= run.y - line.y <= 0.6 * line.size  # superscript
    if abs(run.y - line.y) > tolerance and not raised:
        return False
    gap = run.x - line.x1
    return -1.0 * run.size <= gap <= 2.5 * max(line.size, run.size)


def _note_link(line: Line, run: _Run, joiner: str) -> None:
    """Record the words of a linked run on its line (text, target, up to 15 characters before
    it for finding it again in the paragraph), continuing the link of the run before."""
    if run.link is None:
        return
    text = run.text.translate(LIGATURES)
    start = len(line.text) - len(text)
    if line.links and line.links[-1][1] == run.link and line.links[-1][3] == start - len(joiner) \
            - len(line.links[-1][0]):
        piece, target, before, begin = line.links[-1]
        line.links[-1] = (piece + joiner + text, target, before, begin)
    else:
        line.links.append((text, run.link, line.text[max(0, start - 15):start], start))


def _lines_from_runs(runs: list[_Run], page: int, owners: dict | None = None) -> list[Line]:
    """Runs -> lines; runs of different owners (table cells, notes: tagged.py) never share a line."""
    lines: list[Line] = []
    joins: list[tuple[Line, int]] = []  # where a ligature was joined to the word before it
    owners = owners or {}
    for run in runs:
        line = lines[-1] if lines else None
        if line is not None and owners and owners.get(line.mcid) is not owners.get(run.mark):
            line = None
        if line is not None and _joins_line(line, run):
            gap = run.x - line.x1
            ligature = run.text[:1] in LIGATURE_CHARS and line.text[-1:].isalpha()
            tight = 0.3 if ligature else 0.1  # a lone ligature glyph usually continues a word
            if line.text[-1:] in ",;:!?)" and run.text[:1].isalnum():
                tight = -0.1  # after punctuation a word always had a space before it
            joiner = "" if gap < tight * run.size or line.text.endswith(" ") else " "
            if ligature:
                joins.append((line, len(line.text) + len(joiner)))
            line.text += joiner + run.text.translate(LIGATURES)
            _note_link(line, run, joiner)
            line.x1 = max(line.x1, run.x + run.width)
            line.bold = line.bold and run.bold
            line.size = max(line.size, run.size) if len(run.text) > 2 else line.size
            if line.mcid is None and isinstance(run.mark, int):
                line.mcid = run.mark
            continue
        lines.append(Line(run.text.translate(LIGATURES), run.x, run.x + run.width, run.y, run.size, run.bold, page,
                          run.mark if isinstance(run.mark, int) else None, run.mark == ARTIFACT))
        _note_link(lines[-1], run, "")
    for line, offset in reversed(joins):
        line.text = _split_wrong_ligature_join(line.text, offset)
    return lines


def _split_wrong_ligature_join(text: str, offset: int) -> str:
    """'linked|finance' -> 'linked finance', 'bene| fits' -> 'benefits' (word frequencies decide)."""
    from .hyphenation import _zipf

    spaced = text[offset - 1:offset] == " "
    before = re.search(r"[A-Za-z]+$", text[:offset - 1] if spaced else text[:offset])
    after = re.match(r"[A-Za-z]+", text[offset:])
    if not before or not after:
        return text
    first, second = before.group(0).lower(), after.group(0).lower()
    if spaced:  # 'bene fits' -> 'benefits' when 'bene' is no word on its own
        if _zipf(first + second) >= 2.5 and _zipf(first) < min(3.0, _zipf(first + second)):
            return text[:offset - 1] + text[offset:]
    elif _zipf(first + second) < 2.0 and _zipf(first) >= 2.5 and _zipf(second) >= 2.5:
        return text[:offset] + " " + text[offset:]
    return text


def page_lines(page, page_index: int, fonts: FontInfo, *, owners: dict | None = None,
               areas: list[LinkArea] | None = None, draws: list | None = None) -> list[Line]:
    """Text lines of one page in content-stream order.

    owners: {MCID: owner} of tagged tables, figures and notes on the page; areas: its link
    annotations; draws: filled with (XObject name, matrix, mark) for each image drawn."""
    collector = _PageCollector(fonts, areas)
    page.extract_text(visitor_operand_before=collector.before_operator, visitor_text=collector.on_text)
    if draws is not None:
        draws.extend(collector.draws)
    return attach_markers(_lines_from_runs(collector.runs, page_index, owners))


_LONE_MARKER = re.compile(r"^(?:[\u2022\u25aa\u25e6\u25cf\u25cb\u25a0\u25a1\u2023\u2043\u2013\u2014\-\*\u00b7"
                          r"\u27a2\u2714\u2713\u25ba\u25b6\uf000-\uf0ff]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)])$")


def attach_markers(lines: list[Line]) -> list[Line]:
    """Join a bullet or number drawn on its own (often after its text) to the line it labels."""
    lone = [line for line in lines if len(line.text) <= 6 and _LONE_MARKER.match(line.text)]
    if not lone:
        return lines
    used: set[int] = set()
    for marker in lone:
        for line in lines:
            if line is marker or id(line) in used or id(line) in map(id, lone):
                continue
            same_baseline = abs(line.y - marker.y) < 0.35 * max(line.size, marker.size)
            if same_baseline and -0.3 * line.size <= line.x0 - marker.x1 <= 3 * line.size:
                line.text = f"{marker.text} {line.text}"
                line.x0 = marker.x0
                used.add(id(marker))
                break
    return [line for line in lines if id(line) not in used]
