"""Check results -> one accessible HTML report (Jinja2): scores, a section chart, highlighted text.

Hard and very hard sentences are highlighted in the manner of the Hemingway
editor, and hard words and passive phrases marked inside them; every mark has
a text label and a border or underline style, so colour is never the only cue.
"""
from __future__ import annotations

import re
from dataclasses import asdict
from itertools import groupby

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import provenance
from .check import DocumentCheck
from .outputs import display_path

CHART_WIDTH, BAR_HEIGHT, LABEL_WIDTH = 660, 28, 250


def fragments(text: str, hard: list[str], passive: list[str]) -> list[dict]:
    """Split a sentence into plain, hard-word and passive pieces for the template."""
    marks = []
    for phrase in passive:
        marks += [(m.start(), m.end(), "passive") for m in re.finditer(re.escape(phrase), text)]
    for word in set(hard):
        marks += [(m.start(), m.end(), "word") for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    marks.sort()
    out, position = [], 0
    for start, end, kind in marks:
        if start < position:
            continue
        if start > position:
            out.append({"text": text[position:start], "kind": "plain"})
        out.append({"text": text[start:end], "kind": kind})
        position = end
    if position < len(text):
        out.append({"text": text[position:], "kind": "plain"})
    return out


def chart(check: DocumentCheck) -> dict:
    """Bars of reading age per section, scaled to the chart, with the profile's limit marked."""
    sections = check.score.sections
    limit = check.thresholds.max_reading_age if check.thresholds else None
    top = max([s.figures.reading_age for s in sections] + [limit or 0, 20.0])
    scale = (CHART_WIDTH - LABEL_WIDTH - 110) / top
    bars = []
    for i, s in enumerate(sections):
        title = s.title if len(s.title) <= 30 else s.title[:28].rstrip() + "…"
        age = s.figures.reading_age
        bars.append({"title": title, "full_title": s.title, "age": age, "y": 10 + i * (BAR_HEIGHT + 8),
                     "width": max(1.0, round(age * scale, 1)), "over": limit is not None and age > limit})
    height = 30 + len(sections) * (BAR_HEIGHT + 8)
    return {"bars": bars, "height": height, "width": CHART_WIDTH, "label_width": LABEL_WIDTH,
            "limit": limit, "limit_x": LABEL_WIDTH + round((limit or 0) * scale, 1), "bar_height": BAR_HEIGHT}


def text_view(check: DocumentCheck) -> list[dict]:
    """Sections -> paragraphs (sentences of one block) -> sentences with their fragments."""
    out = []
    for _, section_sentences in groupby(check.score.sentences, key=lambda s: s.section_index):
        items = list(section_sentences)
        blocks = []
        for _, block_sentences in groupby(items, key=lambda s: s.block_index):
            group = list(block_sentences)
            blocks.append({"kind": group[0].kind, "sentences": [
                {"difficulty": s.difficulty, "passive": bool(s.passive), "reading_age": s.reading_age,
                 "words": s.words, "fragments": fragments(s.text, s.hard_words, s.passive)} for s in group]})
        out.append({"title": items[0].section or "Before the first heading", "blocks": blocks})
    return out


def document_view(index: int, check: DocumentCheck) -> dict:
    view = {"id": f"doc-{index}", "path": display_path(check.path), "profile": check.profile,
            "passed": check.passed, "error": check.error, "failures": check.failures,
            "warnings": check.warnings,
            "limits": {k: v for k, v in asdict(check.thresholds).items() if v is not None} if check.thresholds else {}}
    if check.score:
        view.update(figures=asdict(check.score.figures),
                    sections=[{"title": s.title, "figures": asdict(s.figures)} for s in check.score.sections],
                    chart=chart(check), text=text_view(check),
                    hardest=[{"text": f.sentence.text, "line": f.line, "reading_age": f.sentence.reading_age,
                              "words": f.sentence.words, "difficulty": f.sentence.difficulty}
                             for f in check.findings[:10]])
    return view


def render_report(checks: list[DocumentCheck]) -> str:
    env = Environment(loader=PackageLoader("converter", "templates/readability"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    template = env.get_template("report.html.j2")
    return template.render(documents=[document_view(i, c) for i, c in enumerate(checks, 1)],
                           generator=provenance.generator_string())
