"""numbering.xml -> list kinds (bullet or number, start) and the labels Word would print ("2.3.1").

Supported: w:num -> w:abstractNum (also via w:numStyleLink/w:styleLink), per-level
w:numFmt, w:start, w:lvlText, w:lvlOverride/w:startOverride, w:lvlRestart (default:
a level restarts when a higher level advances); numId 0 means "not a list".
Not supported: w:isLgl legal numbering display, picture bullets (read as bullets),
numbering formats other than decimal/letters/roman in printed labels (they print
as decimal digits).
"""
from __future__ import annotations

from dataclasses import dataclass

from .ns import attr, qn

NOT_ORDERED = {"bullet", "none", ""}


@dataclass(frozen=True)
class Level:
    fmt: str = "decimal"
    start: int = 1
    text: str = ""


class Numbering:
    def __init__(self, root=None):
        self.abstract: dict[str, dict[int, Level]] = {}
        self.num_to_abstract: dict[str, str] = {}
        self.overrides: dict[str, dict[int, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.used: set[tuple[str, int]] = set()  # (numId, level) already counted once
        if root is not None:
            self._load(root)

    def _load(self, root) -> None:
        style_links: dict[str, str] = {}
        for abstract in root.iter(qn("w:abstractNum")):
            aid = attr(abstract, "w:abstractNumId") or ""
            self.abstract[aid] = {int(attr(lvl, "w:ilvl") or 0): _level(lvl) for lvl in abstract.iter(qn("w:lvl"))}
            link = attr(abstract.find(qn("w:styleLink")), "w:val")
            if link:
                style_links[link] = aid
        for abstract in root.iter(qn("w:abstractNum")):
            link = attr(abstract.find(qn("w:numStyleLink")), "w:val")
            if link and link in style_links:
                self.abstract[attr(abstract, "w:abstractNumId") or ""] = self.abstract[style_links[link]]
        for num in root.iter(qn("w:num")):
            num_id = attr(num, "w:numId") or ""
            self.num_to_abstract[num_id] = attr(num.find(qn("w:abstractNumId")), "w:val") or ""
            starts = {}
            for override in num.iter(qn("w:lvlOverride")):
                start = attr(override.find(qn("w:startOverride")), "w:val")
                if start and start.lstrip("-").isdigit():
                    starts[int(attr(override, "w:ilvl") or 0)] = int(start)
            self.overrides[num_id] = starts

    def is_list(self, num_id: str | None) -> bool:
        return bool(num_id) and num_id != "0" and num_id in self.num_to_abstract

    def level(self, num_id: str, ilvl: int) -> Level:
        levels = self.abstract.get(self.num_to_abstract.get(num_id, ""), {})
        level = levels.get(ilvl) or Level()
        start = self.overrides.get(num_id, {}).get(ilvl)
        return Level(level.fmt, start, level.text) if start is not None else level

    def list_key(self, num_id: str) -> str:
        """Paragraphs whose numIds share one abstractNum count together, as in Word."""
        return "abstract:" + self.num_to_abstract[num_id] if num_id in self.num_to_abstract else num_id

    def ordered(self, num_id: str, ilvl: int) -> bool:
        return self.level(num_id, ilvl).fmt not in NOT_ORDERED

    def advance(self, num_id: str, ilvl: int) -> tuple[str, int]:
        """Count one more paragraph at this level: (its printed label "2.3.1.", its counter value)."""
        counts = self.counters.setdefault(self.list_key(num_id), {})
        restart = (num_id, ilvl) not in self.used and ilvl in self.overrides.get(num_id, {})
        self.used.add((num_id, ilvl))
        if ilvl in counts and not restart:
            counts[ilvl] += 1
        else:
            counts[ilvl] = self.level(num_id, ilvl).start
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        return self._label(num_id, ilvl, counts), counts[ilvl]

    def _label(self, num_id: str, ilvl: int, counts: dict[int, int]) -> str:
        text = self.level(num_id, ilvl).text
        for i in range(9):
            token = f"%{i + 1}"
            if token in text:
                value = counts.get(i, self.level(num_id, i).start)
                text = text.replace(token, _format(value, self.level(num_id, i).fmt))
        return text


def heading_number(label: str) -> str | None:
    """A printed label -> the number kept in Heading.number ("2.3.1." -> "2.3.1"); None if no digits."""
    cleaned = label.strip().rstrip(".):").strip()
    return cleaned if any(ch.isalnum() for ch in cleaned) else None


def _level(lvl) -> Level:
    start = attr(lvl.find(qn("w:start")), "w:val")
    return Level(
        fmt=attr(lvl.find(qn("w:numFmt")), "w:val", "decimal") or "decimal",
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
        text=attr(lvl.find(qn("w:lvlText")), "w:val", "") or "",
    )


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letters = ""
        n = value
        while n > 0:
            n, rem = divmod(n - 1, 26)
            letters = chr(ord("a") + rem) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= number:
            out += numeral
            value -= number
    return out
