"""A full document -> its top-level sections, each classed by kind, with the passages a resident needs.

Kinds come from section titles. Back matter (contents, references, appendices) is left
out; a glossary feeds "Hard words"; governance and methodology keep one or two lines;
passages holding phone numbers, emails or web addresses always stay.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import (BlockQuote, Document, Heading, ListBlock, Paragraph, Table, inline_text,
                      sections)
from .protect import Protected, has_contact
from .sentences import split_sentences

KINDS = (  # first match wins
    ("back", r"https?://|www\.|contents|references|bibliography|endnotes|footnotes|appendi|annex|acknowledg|document control|version"),
    ("glossary", r"glossary|definitions of terms|abbreviations|acronyms|key terms"),
    ("contact", r"contact|find out more|further information|more information|useful|get in touch|feedback"),
    ("support", r"help now|need help|support services|helpline|getting help|where to get help|if you need"),
    ("governance", r"governance|accountab|oversight|monitor|performance|measuring|reporting|how we will know"),
    ("methodology", r"method|how we developed|how this document|consultation|engagement|evidence base|data sources"),
    ("priorities", r"priorit|objective|what we will do|action|commitment|outcome"),
    ("next-steps", r"next|delivery|implement|timeline|what happens"),
    ("aims", r"vision|aim|ambition|principle|approach|glance|summary|purpose"),
    ("foreword", r"foreword|preface|message from"),
    ("definition", r"what is|definition|forms of|types of"),
    ("facts", r"figures|picture|statistic|what we know|prevalence|needs assessment|the problem"),
    ("law", r"law|policy|legislat|national"),
    ("introduction", r"introduction|about|background|context|overview"),
)
LINES_FOR_KIND = {"priorities": 14, "aims": 8, "foreword": 4, "introduction": 6, "definition": 8,
                  "facts": 6, "law": 5, "next-steps": 6, "governance": 2, "methodology": 2,
                  "support": 8, "contact": 8, "section": 5}
ABOUT_THE_DOCUMENT = re.compile(r"\b(chapter|in this section|this document|described in|set out (?:in|below)|"
                                r"see below|the following|as follows|is organised)\b", re.IGNORECASE)
GLOSSARY_SPLIT = re.compile(r"\s[–-]\s|:\s")
USEFUL = re.compile(r"\b(we will|you can|you should|call|contact|help|support|safe|priorit|aim|want)\w*",
                    re.IGNORECASE)
CITATION = re.compile(r"\bet al\b|according to|\bsource:|\(\d{4}\)|\b(?:figure|table|chart) \d|see (?:section|"
                      r"appendix|page|chapter)|\bthank|\bpp?\. \d", re.IGNORECASE)


@dataclass
class Passage:
    """One sentence, list item, table row or sub-heading of the source, with how much it matters."""

    text: str
    score: float
    order: int
    role: str = "text"  # "text", "item", "subheading", "contact"
    level: int = 0  # heading level, for sub-headings
    lead: str = ""  # for a list item: the words that open its list ("The abuse can include:")
    plainness: float = 0.0  # added to the score when ranking: plainer passages win


@dataclass
class SourceSection:
    title: str
    kind: str
    passages: list[Passage] = field(default_factory=list)
    glossary: dict[str, str] = field(default_factory=dict)


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def classify(title: str) -> str:
    lowered = title.lower()
    for kind, pattern in KINDS:
        if re.search(pattern, lowered):
            return kind
    return "section"


def top_level(doc: Document) -> int:
    """The heading level the document's sections use: the smallest level used twice or more."""
    levels = [b.level for b in doc.blocks if isinstance(b, Heading)]
    for level in sorted(set(levels)):
        if levels.count(level) >= 2:
            return level
    return min(levels) if levels else 1


def _sentences(text: str) -> list[str]:
    protected = Protected()
    hidden = protected.hide_figures(protected.hide_contacts(text))
    hidden = re.sub(r"\b(e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|St|No)\.", lambda m: m.group(1) + "\u2024", hidden)
    return [protected.show(s).replace("\u2024", ".") for s in split_sentences(hidden)]


def _score(text: str, role: str, first: bool) -> float:
    score = {"item": 3.0, "subheading": 10.0, "contact": 20.0}.get(role, 0.0) + (3.0 if first else 0.0)
    score += 2.0 * len(USEFUL.findall(text))
    score -= 6.0 if CITATION.search(text) else 0.0
    score -= 5.0 if ABOUT_THE_DOCUMENT.search(text) and role != "subheading" else 0.0
    score -= max(0, len(text.split()) - 30) / 5
    score -= 4.0 if role != "subheading" and text.rstrip().endswith(":") else 0.0
    return score


def _plainness(text: str, role: str) -> float:
    """Points for short everyday words (off for long ones): it ranks passages, it never rules one out."""
    if role in ("subheading", "contact"):
        return 0.0
    return -PLAIN_WEIGHT * (_syllables_per_word(text) - PLAIN_SYLLABLES)


PLAIN_WEIGHT = 60.0  # points off per syllable a word above PLAIN_SYLLABLES (points on below it)
PLAIN_SYLLABLES = 1.4  # syllables per word of plain English (the easy read's reading age 9 needs about this)


def _syllables_per_word(text: str) -> float:
    """Syllables per word, counted as the readability scorer counts them: plainer passages win."""
    from ...readability.scores import count_sentence
    counts = count_sentence(text)
    return counts.syllables / counts.words if counts.words else PLAIN_SYLLABLES


def _passages_of_block(block, out: list[Passage], sub_level: int) -> None:
    def add(text: str, role: str, first: bool = False) -> None:
        text = text.strip()
        if text:
            role = "contact" if has_contact(text) and role != "subheading" else role
            out.append(Passage(text, _score(text, role, first), len(out), role, plainness=_plainness(text, role)))

    if isinstance(block, Heading):
        add(inline_text(block.inlines), "subheading")
        out[-1].level = block.level
        if classify(inline_text(block.inlines)) in ("governance", "methodology", "back"):
            out[-1].score = -10.0  # marks the passages under it as detail (see _demote_detail)
    elif isinstance(block, Paragraph) and block.role not in ("contents", "caption"):
        text = inline_text(block.inlines)
        if has_contact(text):
            add(text, "contact")
            return
        for index, sentence in enumerate(_sentences(text)):
            add(sentence, "text", index == 0)
    elif isinstance(block, ListBlock):
        lead = out[-1].text if out and out[-1].role != "subheading" and out[-1].text.endswith(":") else ""
        for item in block.items:
            texts = [inline_text(b.inlines) for b in item.blocks if isinstance(b, Paragraph)]
            add(" ".join(texts), "item")
            if out and out[-1].role == "item":
                out[-1].lead = lead
            for nested in item.blocks:
                if isinstance(nested, ListBlock):
                    _passages_of_block(nested, out, sub_level)
    elif isinstance(block, Table):
        for row in block.body_rows:
            cells = [" ".join(inline_text(b.inlines) for b in c.blocks if isinstance(b, Paragraph))
                     for c in row.cells]
            add(": ".join(c for c in cells if c.strip()), "item")
    elif isinstance(block, BlockQuote):
        for inner in block.blocks:
            _passages_of_block(inner, out, sub_level)


def _glossary(blocks) -> dict[str, str]:
    """'Term: meaning' paragraphs and list items, and two-column tables, of a glossary section."""
    found: dict[str, str] = {}
    for block in blocks:
        pairs = []
        if isinstance(block, Table):
            for row in block.body_rows:
                cells = [" ".join(inline_text(b.inlines) for b in c.blocks if isinstance(b, Paragraph))
                         for c in row.cells]
                if len(cells) >= 2:
                    pairs.append((cells[0], cells[1]))
        else:
            passages: list[Passage] = []
            _passages_of_block(block, passages, 9)
            for p in passages:
                parts = GLOSSARY_SPLIT.split(p.text, maxsplit=1)
                if len(parts) == 2 and 0 < len(parts[0].split()) <= 5:
                    pairs.append((parts[0], parts[1]))
        for term, meaning in pairs:
            first = _sentences(meaning)[:1]
            if term.strip() and first:
                found[term.strip().rstrip(":")] = first[0][:1].lower() + first[0][1:].rstrip(".")
    return found


def select(doc: Document) -> list[SourceSection]:
    """Every top-level section, classed, with all its passages scored (nothing is dropped here)."""
    level = top_level(doc)
    result: list[SourceSection] = []
    for section in sections(doc, level):
        title = section.title or doc.title
        kind = classify(title) if section.heading else "introduction"
        if section.heading and _squash(doc.title).startswith(_squash(title)):
            kind = "cover"  # the title page repeats the document's title
        chosen = SourceSection(title, kind)
        if kind == "glossary":
            chosen.glossary = _glossary(section.blocks)
        else:
            for block in section.blocks:
                _passages_of_block(block, chosen.passages, level + 1)
            if kind not in ("governance", "methodology"):
                _demote_detail(chosen.passages)
        if section.heading is None and not chosen.passages:
            continue
        result.append(chosen)
    return result


def _demote_detail(passages: list[Passage]) -> None:
    """Passages under a monitoring or methodology sub-heading matter less to a resident."""
    detail = False
    for passage in passages:
        if passage.role == "subheading":
            detail = passage.score < 0
        elif detail and passage.role != "contact":
            passage.score -= 6.0


def keep_best(section: SourceSection, limit: int | None = None) -> list[Passage]:
    """The passages worth keeping, in document order: contacts and sub-headings, then the best scored."""
    limit = LINES_FOR_KIND.get(section.kind, 5) if limit is None else limit
    must = [p for p in section.passages if p.role == "contact"]
    rest = [p for p in section.passages if p.role not in ("contact", "subheading") and p.score > -3]
    best = sorted(rest, key=lambda p: (-(p.score + p.plainness), p.order))[:limit]
    kept = {p.order for p in must + best}
    intros = [p for p in section.passages if p.text.rstrip().endswith(":") and p.order not in kept
              and p.order + 1 in kept and section.passages[p.order + 1].role == "item"]
    best += intros  # "Domestic abuse can be:" stays with the list it opens
    kept |= {p.order for p in intros}
    subheadings = [p for p in section.passages if p.role == "subheading" and (
        p in _listed_forms(section)
        or sum(k > p.order and not _heading_between(section, p.order, k) for k in kept) >= 2)]
    return sorted(must + best + subheadings, key=lambda p: p.order)


def _listed_forms(section: SourceSection) -> list[Passage]:
    """In a 'What is ...' section, the deepest sub-headings (the forms of abuse) are the list a reader needs."""
    heads = [p for p in section.passages if p.role == "subheading"]
    if section.kind != "definition" or not heads:
        return []
    deepest = [p for p in heads if p.level == max(h.level for h in heads)]
    return deepest if len(deepest) >= 3 else []


def _heading_between(section: SourceSection, start: int, end: int) -> bool:
    return any(p.role == "subheading" and start < p.order < end for p in section.passages)
