"""Reading state shared by the DOCX modules: styles, numbering, relationships, fields, pages, messages."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import PageMarker
from ...result import MessageLog
from .numbering import Numbering
from .styles import StyleSheet

HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+(?:"([^"]*)"|(\S+))?(?:.*?\\l\s+"([^"]*)")?', re.IGNORECASE)


@dataclass
class Field:
    instruction: str = ""
    showing_result: bool = False

    @property
    def url(self) -> str | None:
        match = HYPERLINK_FIELD.match(self.instruction)
        if not match:
            return None
        target = match.group(1) or match.group(2) or ""
        anchor = match.group(3)
        return target + (f"#{anchor}" if anchor else "") or None


class FieldStack:
    """Complex fields (w:fldChar begin/separate/end): hide instructions, keep displayed results."""

    def __init__(self) -> None:
        self.stack: list[Field] = []

    def begin(self) -> None:
        self.stack.append(Field())

    def separate(self) -> None:
        if self.stack:
            self.stack[-1].showing_result = True

    def end(self) -> None:
        if self.stack:
            self.stack.pop()

    def add_instruction(self, text: str) -> None:
        if self.stack and not self.stack[-1].showing_result:
            self.stack[-1].instruction += text

    def close_paragraph(self) -> None:
        """At a paragraph end, drop fields that cannot sensibly go on: one still in its
        instruction (a broken field would otherwise hide the rest of the document) and
        HYPERLINK results (which would otherwise turn the rest into a link). Other results,
        such as a whole table of contents, may span paragraphs."""
        self.stack = [f for f in self.stack if f.showing_result and not f.url]

    @property
    def hiding(self) -> bool:
        return any(not f.showing_result for f in self.stack)

    @property
    def link_url(self) -> str | None:
        for f in reversed(self.stack):
            if f.url:
                return f.url
        return None


class PageCounter:
    """Numbers PageMarkers, best effort. Uses Word's w:lastRenderedPageBreak marks when the file
    has them (where Word last laid the pages out: right for files saved by Word, as long as
    nothing reflowed since), else explicit page breaks, page-break-before (direct or from the
    style) and section breaks that start a new page (right for the breaks; pages that simply
    filled up are not seen, so later numbers run low). Breaks before any content are ignored."""

    def __init__(self, document_root, w_ns: str) -> None:
        self.rendered = document_root.find(f".//{{{w_ns}}}lastRenderedPageBreak") is not None
        self.section_ends = _page_starting_section_ends(document_root, w_ns)
        self.page = 1
        self.suspended = 0  # notes are read with page counting off
        self.content_seen = False
        self.w_ns = w_ns

    def section_breaks_after(self, paragraph) -> bool:
        """Does this paragraph end a section whose successor starts on a new page?"""
        sect_pr = paragraph.find(f"{{{self.w_ns}}}pPr/{{{self.w_ns}}}sectPr")
        return sect_pr is not None and sect_pr in self.section_ends

    def counts(self, kind: str) -> bool:
        """Does a break of this kind ('rendered' or 'explicit') start a page we count?"""
        return not self.suspended and (kind == "rendered") == self.rendered

    def next_marker(self) -> PageMarker | None:
        if not self.content_seen:
            return None
        self.page += 1
        return PageMarker(str(self.page))

    @property
    def any_breaks(self) -> bool:
        return self.page > 1


def _page_starting_section_ends(root, w_ns: str) -> set:
    """Section ends (w:pPr/w:sectPr) followed by a section that starts a new page.

    The break type of a section break is stored on the section that follows it."""
    all_sections = list(root.iter(f"{{{w_ns}}}sectPr"))
    ends = set()
    for current, following in zip(all_sections, all_sections[1:]):
        kind = following.find(f"{{{w_ns}}}type")
        if current.getparent().tag == f"{{{w_ns}}}pPr" and (kind is None or kind.get(f"{{{w_ns}}}val") != "continuous"):
            ends.add(current)
    return ends


def link_targets(document_root, w_ns: str) -> set:
    """Bookmark names used by w:hyperlink w:anchor and HYPERLINK \\l fields."""
    names = {el.get(f"{{{w_ns}}}anchor") for el in document_root.iter(f"{{{w_ns}}}hyperlink")}
    for instr in document_root.iter(f"{{{w_ns}}}instrText", f"{{{w_ns}}}fldSimple"):
        text = instr.text if instr.tag.endswith("instrText") else instr.get(f"{{{w_ns}}}instr")
        names.update(re.findall(r'\\l\s+"([^"]+)"', text or ""))
    names.discard(None)
    return names


@dataclass
class ReaderContext:
    part: object  # python-docx Part whose relationships r:id values refer to
    styles: StyleSheet
    numbering: Numbering
    pages: PageCounter
    notes: object  # notes.NoteCollector
    log: MessageLog = field(default_factory=MessageLog)
    fields: FieldStack = field(default_factory=FieldStack)
    paragraph_role: str | None = None  # "contents" inside a TOC content control, "cover" on a cover page
    title_text: str | None = None  # text of the first Title-style paragraph
    image_count: int = 0
    link_targets: set = field(default_factory=set)  # bookmark names that hyperlinks point at
    read_blocks: object = None  # body.read_blocks, set by the package entry point

    def relationship_target(self, r_id: str | None) -> str | None:
        rel = self.part.rels.get(r_id) if r_id else None
        return rel.target_ref if rel is not None else None

    def related_part(self, r_id: str | None):
        rel = self.part.rels.get(r_id) if r_id else None
        if rel is None or rel.is_external:
            return None
        try:
            return rel.target_part
        except (KeyError, ValueError):
            return None
