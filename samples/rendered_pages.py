"""Where each printed page of the sample begins, marked in the DOCX the way Word marks it.

Word saves a w:lastRenderedPageBreak where each page began when it last laid the
document out, and readers use those marks for the original page numbers. python-docx
writes none, so the sample would only have its explicit page breaks (19 of its 37 pages).
measure() reads the first words of each page of the LibreOffice PDF (pdftotext -layout);
mark() puts a w:lastRenderedPageBreak at that place in the DOCX (splitting a run when a
page begins inside a paragraph). The starts are stored in source/page_starts.json, so the
build stays deterministic and needs no LibreOffice.

Usage: .venv/bin/python samples/rendered_pages.py [PDF]   (measures the committed PDF)
"""
from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HERE = Path(__file__).resolve().parent
PAGE_STARTS = HERE / "source" / "page_starts.json"
PDF = HERE / "kent-and-medway-domestic-abuse-strategy.pdf"
BULLETS = "\u2022\u25e6\u25aa\u2013-"
WORDS = 8


class PageStartError(Exception):
    """A page's first words were not found in the document."""


def first_words(page_text: str, earlier_lines: set[str] = frozenset()) -> str:
    """The first words of a page: its first line, first column, without bullet or leader.
    Lines already seen on earlier pages (a table's header row repeated on a new page) are skipped."""
    for line in page_text.splitlines():
        if " ".join(line.split()) in earlier_lines:
            continue
        cell = re.split(r"\s{3,}", line.strip().lstrip(BULLETS).strip())[0]
        cell = re.sub(r"\.{4,}.*$", "", cell).strip()
        if cell:
            return " ".join(cell.split()[:WORDS])
    return ""


def measure(pdf_path: Path) -> list[str]:
    """First words of pages 2, 3, ... of the PDF."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = text.split("\f")[:-1]  # the text ends with a form feed
    starts, seen = [], set()
    for number, page in enumerate(pages, start=1):
        if number > 1:
            starts.append(first_words(page, seen))
        seen |= {" ".join(line.split()) for line in page.splitlines() if line.strip()}
    return starts


def _pieces(paragraph) -> list[tuple]:
    """(w:t element or None, its run, start offset, text) for the paragraph's text, in order."""
    pieces, offset = [], 0
    for run in paragraph.iter(qn("w:r")):
        for child in run:
            if child.tag == qn("w:t"):
                text = child.text or ""
            elif child.tag in (qn("w:tab"), qn("w:br")):
                text = " "
            else:
                continue
            pieces.append((child, run, offset, text))
            offset += len(text)
    return pieces


def _break_at(element, run) -> None:
    """A w:lastRenderedPageBreak just before `element` (a w:t) in its run."""
    element.addprevious(OxmlElement("w:lastRenderedPageBreak"))


def _split_and_break(t, run, at: int) -> None:
    """Split the run at character `at` of its w:t and mark the page start between the halves."""
    after = copy.deepcopy(run)
    children, after_children = list(run), list(after)
    index = children.index(t)
    for child in children[index + 1:]:
        run.remove(child)
    for child in after_children[:index]:
        if child.tag != qn("w:rPr"):
            after.remove(child)
    after_t = after_children[index]
    after_t.text, t.text = t.text[at:], t.text[:at]
    for element in (t, after_t):
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.addnext(after)
    _break_at(after_t, after)


def _pattern(start: str):
    """The start's words with any spacing between them; a list number ("7.") Word draws may be absent."""
    words = start.split()
    number = re.fullmatch(r"\d+[.)]", words[0]) if len(words) > 1 else None
    body = r"\s*".join(re.escape(word) for word in (words[1:] if number else words))
    return re.compile((rf"(?:{re.escape(words[0])}\s*)?" if number else "") + body)


def mark(body, starts: list[str]) -> int:
    """Mark each start, searching forward through the body's paragraphs; returns how many."""
    paragraphs = list(body.iter(qn("w:p")))
    position, done_in_paragraph = 0, 0
    for page, start in enumerate(starts, start=2):
        pattern = _pattern(start)
        for index in range(position, len(paragraphs)):
            pieces = _pieces(paragraphs[index])
            text = "".join(piece[3] for piece in pieces)
            found = pattern.search(text, done_in_paragraph if index == position else 0)
            if found is None:
                continue
            t, run, offset, piece_text = next(p for p in pieces if p[2] <= found.start() < p[2] + len(p[3]))
            if t.tag != qn("w:t"):
                raise PageStartError(f"page {page} starts at a tab or line break: {start!r}")
            if found.start() == offset:
                _break_at(t, run)
            else:
                _split_and_break(t, run, found.start() - offset)
            position, done_in_paragraph = index, found.end()
            break
        else:
            raise PageStartError(f"page {page} should start with {start!r}, which is not in the document "
                                 "after the previous page's start; run samples/rendered_pages.py again")
    return len(starts)


def main(argv: list[str]) -> int:
    pdf = Path(argv[0]) if argv else PDF
    starts = measure(pdf)
    PAGE_STARTS.write_text(json.dumps(starts, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {PAGE_STARTS} ({len(starts) + 1} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
