"""An easy-read Document (and its source) -> the quality figures in STANDARDS.md, measured by our own scorer."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass

from ...model import Document, Heading, Image, Paragraph, Table, block_text, inline_text, walk
from .compose import source_contacts
from .grammar import fragments
from .select import select


@dataclass
class Figure:
    name: str
    target: str
    value: str
    passed: bool | None  # None: not measurable for this input


def _readability(doc: Document) -> dict:
    from ...readability import summary_for_document  # the project's scorer (textstat formulas)
    return summary_for_document(doc)


def _all_text(doc: Document) -> str:
    return re.sub(r"\s+", " ", "\n".join(block_text(b) for b in doc.blocks))


def _lines_with_pictures(doc: Document) -> tuple[int, int]:
    rows = [row for b in doc.blocks if isinstance(b, Table) for row in b.rows]
    pictured = sum(1 for row in rows if any(isinstance(x, Image) and x.data for c in row.cells for x in c.blocks))
    return pictured, len(rows)


def _line_texts(doc: Document) -> list[str]:
    """The text of each easy-read line (the right-hand cell of each row), bold kept as **...**."""
    from ...model import Strong
    texts = []
    for table in (b for b in doc.blocks if isinstance(b, Table)):
        for row in table.rows:
            for block in (b for c in row.cells[1:] for b in c.blocks if isinstance(b, Paragraph)):
                texts.append("".join(f"**{inline_text(i.children)}**" if isinstance(i, Strong) else inline_text((i,))
                                     for i in block.inlines))
    return texts


def pdf_pages(doc: Document, profile) -> int:
    import pypdf
    from ...writers.easy_read_pdf import write
    return len(pypdf.PdfReader(io.BytesIO(write(doc, profile).value)).pages)


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9@.]+", "", text.lower())


TITLE_NOISE = {"the", "and", "of", "a", "an", "our", "we", "to", "in", "for", "on", "what", "is", "priority"}


def _title_words(title: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", title.lower()) if w not in TITLE_NOISE and len(w) > 2}


def _found(title: str, places: list[str]) -> bool:
    """Most of the title's own words (3 in 4) appear in one heading, or in the text."""
    wanted = _title_words(title)
    return not wanted or any(len(wanted & _title_words(place)) >= 0.75 * len(wanted) for place in places)


def sections_present(source: Document, text: str, headings: list[str] | None) -> tuple[list[str], list[str]]:
    """Top-level sections of the source that the easy read keeps (by heading, or by its help and contact parts)."""
    from .acronyms import learn_acronyms, write_out_acronyms
    wanted = [s for s in select(source) if s.kind not in ("back", "glossary", "cover")]
    places = headings if headings is not None else [text]
    learned = learn_acronyms(inline_text(b.inlines) for b in walk(source.blocks) if isinstance(b, (Heading, Paragraph)))
    present, missing = [], []
    for section in wanted:
        mapped = headings is not None and section.kind in ("support", "contact")
        found = _found(section.title, places) or _found(write_out_acronyms(section.title, learned), places)
        (present if mapped or found else missing).append(section.title)  # 'Counting RON' = 'Counting Re-Open ...'
    return present, missing


def measure(easy: Document, profile, source: Document | None = None, *, text: str | None = None,
            pages: int | None = None) -> list[Figure]:
    """Figures for an easy-read Document, or (text=...) for a reference easy read known only as text."""
    scores = _readability(easy)
    words = scores["words"]
    figures = [
        Figure("words", f"{profile.max_words:,} at most", f"{words:,}", words <= profile.max_words),
        Figure("pages", f"{profile.max_pages} at most", str(pages) if pages else "not known",
               pages <= profile.max_pages if pages else None),
        Figure("average sentence (words)", f"{profile.target_average_words} at most",
               f"{scores['average_sentence_words']:.1f}",
               scores["average_sentence_words"] <= profile.target_average_words),
        Figure("longest sentence (words)", f"{profile.max_sentence_words} at most",
               str(scores["longest_sentence_words"]),
               scores["longest_sentence_words"] <= profile.max_sentence_words),
        Figure("reading age", "9 at most", f"{scores['reading_age']:.1f}", scores["reading_age"] <= 9),
    ]
    if text is None:
        pictured, rows = _lines_with_pictures(easy)
        figures.append(Figure("lines with a picture", "all", f"{pictured}/{rows}", pictured == rows))
    else:
        figures.append(Figure("lines with a picture", "all", "not known (text only)", None))
    lines = _line_texts(easy) if text is None else [t.strip() for t in text.splitlines() if t.strip()]
    broken = fragments(lines)
    figures.append(Figure("lines that are not full sentences (no verb)", "none", f"{len(broken)}/{len(lines)}",
                          not broken))
    figures += _source_figures(easy, source, text)
    return figures


def _source_figures(easy: Document, source: Document | None, text: str | None) -> list[Figure]:
    if source is None:
        return [Figure("support and contact numbers and emails kept", "all", "no source given", None),
                Figure("top-level sections present", "all", "no source given", None)]
    body = _squash(text if text is not None else _all_text(easy))
    contacts = source_contacts(source)
    kept = [c for c in contacts if _squash(c) in body]
    headings = None if text is not None else [inline_text(b.inlines) for b in walk(easy.blocks)
                                              if isinstance(b, Heading)]
    present, missing = sections_present(source, text or "", headings)
    left = f" (missing: {', '.join(c for c in contacts if c not in kept)})" if len(kept) < len(contacts) else ""
    gone = f" (missing: {'; '.join(missing)})" if missing else ""
    return [Figure("support and contact numbers and emails kept", "all", f"{len(kept)}/{len(contacts)}{left}",
                   len(kept) == len(contacts)),
            Figure("top-level sections present", "all", f"{len(present)}/{len(present) + len(missing)}{gone}",
                   not missing)]
