"""styles.xml -> a StyleSheet answering: is this paragraph style a heading, title, list, TOC entry?

Supported: heading level from w:outlineLvl anywhere in the basedOn chain, or from
the style's name or id ("heading 2", custom styles based on Heading N, localised
names such as "Überschrift 1", "Titre 1", "Título 1", "Kop 1", "Rubrik 1");
the Title style; numbering (w:numPr) inherited through the chain; bold/italic of
character styles; TOC, caption and quote styles; page-break-before.
Not supported: table styles beyond "does it style its first row", linked-style
subtleties, latent style defaults.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .ns import attr, is_on, qn

HEADING_NAME = re.compile(
    r"^(?:heading|\u00fcberschrift|berschrift|titre|t[i\u00ed]tulo|titolo|kop|rubrik|overskrift|otsikko|"
    r"nag\u0142\u00f3wek|nadpis|c\u00edmsor|ba\u015fl\u0131k|\u0437\u0430\u0433\u043e\u043b\u043e\u0432\u043e\u043a)"
    r"\s*([1-9])$", re.IGNORECASE)
TITLE_NAME = re.compile(r"^(?:title|titel|titre|t[i\u00ed]tulo|titolo|tytu\u0142|otsikko|\u043d\u0430\u0437\u0432\u0430\u043d\u0438\u0435)$",
                        re.IGNORECASE)
TOC_NAME = re.compile(r"^(?:toc|verzeichnis|tm|inhaltsverzeichnis|table of contents|contents)\s*(?:\d*|heading)$",
                      re.IGNORECASE)
CAPTION_NAME = re.compile(r"^(?:caption|beschriftung|l[e\u00e9]gende)$", re.IGNORECASE)
QUOTE_NAME = re.compile(r"^(?:quote|intense quote|block ?text|zitat|citation)$", re.IGNORECASE)
MAX_CHAIN = 20  # basedOn chains longer than this are treated as loops


@dataclass(frozen=True)
class Style:
    style_id: str
    name: str
    based_on: str | None
    element: object  # the w:style element


class StyleSheet:
    def __init__(self, root=None):
        self.styles: dict[str, Style] = {}
        self.default_paragraph: str | None = None
        self.root = root
        for method in ("paragraph_chain", "heading_level", "is_kind", "numbering", "page_break_before",
                       "run_formatting", "styles_first_row"):
            setattr(self, method, functools.lru_cache(maxsize=None)(getattr(self, method)))  # asked per paragraph
        if root is None:
            return
        for el in root.iter(qn("w:style")):
            style_id = attr(el, "w:styleId") or ""
            name_el = el.find(qn("w:name"))
            based = el.find(qn("w:basedOn"))
            self.styles[style_id] = Style(style_id, attr(name_el, "w:val", style_id) or style_id,
                                          attr(based, "w:val"), el)
            if attr(el, "w:type") == "paragraph" and is_on_flag(attr(el, "w:default")):
                self.default_paragraph = style_id

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and everything it is based on, nearest first."""
        out: list[Style] = []
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen and len(out) < MAX_CHAIN:
            seen.add(style_id)
            style = self.styles[style_id]
            out.append(style)
            style_id = style.based_on
        return out

    def paragraph_chain(self, style_id: str | None) -> tuple[Style, ...]:
        return tuple(self.chain(style_id or self.default_paragraph))

    def name(self, style_id: str | None) -> str:
        style = self.styles.get(style_id or "")
        return style.name if style else (style_id or "")

    def heading_level(self, style_id: str | None) -> int | None:
        """1..9 when the style (or one it is based on) is a heading; 0 for the Title style."""
        for style in self.paragraph_chain(style_id):
            if _matches(TITLE_NAME, style):
                return 0
            level = outline_level(style.element.find(qn("w:pPr")))
            if level is not None:
                return level if level > 0 else None
            for text in (style.name, style.style_id):
                match = HEADING_NAME.match(text.strip())
                if match:
                    return int(match.group(1))
        return None

    def is_kind(self, style_id: str | None, pattern: re.Pattern) -> bool:
        return any(_matches(pattern, s) for s in self.paragraph_chain(style_id))

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        """(numId, ilvl) the style chain attaches to its paragraphs, if any."""
        num_id, ilvl = None, None
        for style in self.paragraph_chain(style_id):
            num_pr = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if num_pr is None:
                continue
            if num_id is None:
                num_id = attr(num_pr.find(qn("w:numId")), "w:val")
            if ilvl is None:
                ilvl = attr(num_pr.find(qn("w:ilvl")), "w:val")
        if num_id is None:
            return None
        return num_id, int(ilvl or 0)

    def page_break_before(self, style_id: str | None) -> bool:
        for style in self.paragraph_chain(style_id):
            el = style.element.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}")
            if el is not None:
                return is_on(el)
        return False

    def run_formatting(self, style_id: str | None) -> tuple[bool, bool]:
        """(bold, italic) a character style gives its runs."""
        bold = italic = None
        for style in self.chain(style_id):
            rpr = style.element.find(qn("w:rPr"))
            if rpr is None:
                continue
            if bold is None and rpr.find(qn("w:b")) is not None:
                bold = is_on(rpr.find(qn("w:b")))
            if italic is None and rpr.find(qn("w:i")) is not None:
                italic = is_on(rpr.find(qn("w:i")))
        return bool(bold), bool(italic)

    def styles_first_row(self, table_style_id: str | None) -> bool:
        """Does this table style give its first row its own look (a header row)?"""
        for style in self.chain(table_style_id):
            for cond in style.element.iter(qn("w:tblStylePr")):
                if attr(cond, "w:type") == "firstRow":
                    return True
        return False

    def default_language(self) -> str | None:
        """w:lang of the default paragraph style (Normal), else of the document defaults."""
        if self.root is None:
            return None
        for style in self.paragraph_chain(None):
            lang = attr(style.element.find(f"{qn('w:rPr')}/{qn('w:lang')}"), "w:val")
            if lang:
                return lang
        lang = self.root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
        return attr(lang, "w:val")


def outline_level(ppr) -> int | None:
    """w:outlineLvl 0..8 -> heading level 1..9; 9 (body text) -> None."""
    if ppr is None:
        return None
    el = ppr.find(qn("w:outlineLvl"))
    value = attr(el, "w:val")
    if value is None or not value.isdigit():
        return None
    level = int(value)
    return level + 1 if level < 9 else -1


def is_on_flag(value: str | None) -> bool:
    return (value or "").lower() in ("1", "true", "on")


def _matches(pattern: re.Pattern, style: Style) -> bool:
    return bool(pattern.match(style.name.strip()) or pattern.match(style.style_id.strip()))
