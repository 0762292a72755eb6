"""A full document -> its top-level sections, each classed by kind, with the passages a resident needs.

Kinds come from section titles. Back matter (contents, references, appendices) is left
out; a glossary feeds "Hard words"; governance and methodology keep one or two lines;
passages holding phone numbers, emails or web addresses always stay.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Callable

from ...model import (BlockQuote, Document, Heading, ListBlock, Paragraph, Strong, Table, Text, block_text,
                      inline_text, sections)
from .protect import Protected, has_contact, is_reference
from .sentences import split_sentences
from .word_difficulty import unknown_hard_words

KINDS = (  # first match wins
    ("back", r"https?://|www\.|contents|references|bibliography|endnotes|footnotes|appendi|annex|"
             r"exhibit|acknowledg|document control|version"),
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
PASSAGES_PER_SHARE = 80  # a section with more passages than this gets more lines (a long document's chapter)
MOST_GROWTH = 4.0  # a big section gets at most this many times its kind's lines


def lines_for(section: "SourceSection") -> float:
    """How many lines a section's kind keeps, more for a big section (the square root of its size
    against PASSAGES_PER_SHARE, at most MOST_GROWTH times): a 400-page manual's one long chapter
    should not give 5 lines. compose() then cuts every share alike until the easy read fits."""
    growth = min(MOST_GROWTH, max(1.0, (len(section.passages) / PASSAGES_PER_SHARE) ** 0.5))
    return LINES_FOR_KIND.get(section.kind, 5) * growth


def is_big(section: "SourceSection") -> bool:
    """A section with more passages than PASSAGES_PER_SHARE: a long document's chapter."""
    return len(section.passages) > PASSAGES_PER_SHARE


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


MAX_SECTIONS = 30  # more top-level sections than an easy read can show one by one
BIGGEST_SHARE = 0.7  # a level whose one section holds more of the words than this does not divide the document


def top_level(doc: Document) -> int:
    """The heading level the document's sections use: the smallest level used twice or more that
    divides the document (no one section holds most of its words: a title and subtitle both set as
    Heading 1 do not), with MAX_SECTIONS at most; else the smallest level used twice or more."""
    levels = [b.level for b in doc.blocks if isinstance(b, Heading)]
    used = [level for level in sorted(set(levels)) if levels.count(level) >= 2]
    if not used:
        return min(levels) if levels else 1
    for level in used:
        if sum(1 for x in levels if x <= level) > MAX_SECTIONS:
            break
        if _biggest_share(doc, level) <= BIGGEST_SHARE:
            return level
    return used[0]


def _biggest_share(doc: Document, level: int) -> float:
    """The share of the document's words in its biggest section when split at `level`."""
    sizes = [sum(len(block_text(b).split()) for b in s.blocks) for s in sections(doc, level)]
    return max(sizes) / sum(sizes) if sum(sizes) else 1.0


def _sentences(text: str) -> list[str]:
    protected = Protected()
    hidden = protected.hide_figures(protected.hide_contacts(text))
    hidden = re.sub(r"\b(e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|St|No)\.", lambda m: m.group(1) + "\u2024", hidden)
    return [protected.show(s).replace("\u2024", ".") for s in split_sentences(hidden)]


def _score(text: str, role: str, first: bool) -> float:
    score = {"item": 3.0, "subheading": 10.0, "contact": 20.0}.get(role, 0.0) + (3.0 if first else 0.0)
    score += 2.0 * len(USEFUL.findall(text))
    score -= 6.0 if CITATION.search(text) or (role != "subheading" and is_reference(text)) else 0.0
    score -= 5.0 if ABOUT_THE_DOCUMENT.search(text) and role != "subheading" else 0.0
    score -= max(0, len(text.split()) - 30) / 5
    score -= 4.0 if role != "subheading" and text.rstrip().endswith(":") else 0.0
    score -= 10.0 if role not in ("subheading", "contact") and _words_share(text) < WORDS_SHARE else 0.0
    return score


def _words_share(text: str) -> float:
    """The share of a passage's tokens that are words (codes, numbers and symbols are not): a table row
    of codes ('1 07-16 EIN (required): nn-nnnnnnn') is not something to read; with no word at all, 0."""
    tokens = [t.strip(".,;:()[]'\"‘’“”!?") for t in text.split()]
    words = [t for t in tokens if re.fullmatch(r"[A-Za-z][a-z]+(?:['’-][a-z]+)*|[Aa]|I", t)]
    return len(words) / len(tokens) if words else 0.0


WORDS_SHARE = 0.6  # a passage with a smaller share of words than this is codes or figures, not sentences


def _plainness(text: str, role: str) -> float:
    """Points for short everyday words (off for long ones): it ranks passages, it never rules one out."""
    if role in ("subheading", "contact"):
        return 0.0
    hard = min(len(unknown_hard_words(text)), MOST_HARD_WORDS)
    return -PLAIN_WEIGHT * (_syllables_per_word(text) - PLAIN_SYLLABLES) - HARD_WORD_WEIGHT * hard


PLAIN_WEIGHT = 60.0  # points off per syllable a word above PLAIN_SYLLABLES (points on below it)
PLAIN_SYLLABLES = 1.4  # syllables per word of plain English (the easy read's reading age 9 needs about this)
HARD_WORD_WEIGHT = 6.0  # points off for each hard word no list replaces or explains (word_difficulty.py)
MOST_HARD_WORDS = 4  # counted at most: a passage full of them is already far down


def _syllables_per_word(text: str) -> float:
    """Syllables per word, counted as the readability scorer counts them: plainer passages win."""
    from ...readability.scores import count_sentence
    counts = count_sentence(text)
    return counts.syllables / counts.words if counts.words else PLAIN_SYLLABLES


def _passages_of_block(block, out: list[Passage], sub_level: int) -> None:
    def add(text: str, role: str, first: bool = False) -> None:
        text = text.strip()
        if text:
            role = "contact" if has_contact(text) and not is_reference(text) and role != "subheading" else role
            out.append(Passage(text, _score(text, role, first), len(out), role, plainness=_plainness(text, role)))

    if isinstance(block, Heading):
        add(inline_text(block.inlines), "subheading")
        out[-1].level = block.level
        if classify(inline_text(block.inlines)) in ("governance", "methodology", "back"):
            out[-1].score = -10.0  # marks the passages under it as detail (see _demote_detail)
    elif isinstance(block, Paragraph) and block.role not in ("contents", "caption"):
        text = inline_text(block.inlines)
        if has_contact(text) and not is_reference(text):
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


BOLD_HEADING_WORDS = 12  # a bold paragraph this short, in a document with no headings, may be a heading
ENUMERATOR = re.compile(r"^\(?(?:[ivx]+|\d+|[a-z])[.)]\s", re.IGNORECASE)  # 'i) notes', '2. rules': a list item
OPEN_LAST_WORDS = {"that", "being", "and", "or", "of", "the", "to", "for", "a", "an", "by", "with", "is", "are"}


def _bold_only(block) -> bool:
    parts = [i for i in block.inlines if not (isinstance(i, Text) and not i.text.strip())]
    return bool(parts) and all(isinstance(i, Strong) for i in parts)


def with_bold_headings(doc: Document) -> Document:
    """A document with no headings, whose writer made headings bold paragraphs instead, gets them as
    headings: short bold-only paragraphs not ending in ':', '.' or an open word ('SOC rules that'),
    said once each (a bold label repeated under every part, 'The rationale being', is not a heading)."""
    if any(isinstance(b, Heading) for b in doc.blocks):
        return doc
    def candidate(block) -> bool:
        if not isinstance(block, Paragraph) or block.role or not _bold_only(block):
            return False
        text = inline_text(block.inlines).strip()
        words = text.lower().split()
        return (2 <= len(words) <= BOLD_HEADING_WORDS and text[-1:] not in ":.;,"
                and words[-1] not in OPEN_LAST_WORDS and not ENUMERATOR.match(text))
    said = [inline_text(b.inlines).strip().lower() for b in doc.blocks if candidate(b)]
    chosen = [b for b in doc.blocks if candidate(b) and said.count(inline_text(b.inlines).strip().lower()) == 1]
    if len(chosen) < 2:
        return doc
    ids = {id(b) for b in chosen}
    return replace(doc, meta=replace(doc.meta, title=doc.title),  # the title stays the document's own
                   blocks=tuple(Heading(2, b.inlines) if id(b) in ids else b for b in doc.blocks))


def select(doc: Document) -> list[SourceSection]:
    """Every top-level section, classed, with all its passages scored (nothing is dropped here)."""
    doc = with_bold_headings(doc)
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
        if kind == "back" and _holds_prose(chosen.passages):
            kind = chosen.kind = "section"  # a "Contents" heading the body text ran on under (a PDF's tagging)
        if section.heading is None and not chosen.passages:
            continue
        result.append(chosen)
    return result


RESIDENT_KINDS = ("aims", "priorities", "next-steps", "support", "contact")  # what a resident most needs
RESIDENT_BONUS = 0.0  # points for a passage under a sub-heading of one of these kinds ("Purpose", "What we will do")
DETAIL_PENALTY = 6.0  # points off a passage under a monitoring, methodology or exhibit sub-heading


PROSE_SENTENCES = 5  # a contents or references part holding this many sentences of prose is body text


def _holds_prose(passages: list[Passage]) -> bool:
    """Whether a part classed as contents holds body text: sentences of 8 words or more ending in a full stop."""
    title_like = re.compile(r"^\s*contents\b", re.IGNORECASE)
    prose = [p for p in passages if p.role != "subheading" and len(p.text.split()) >= 8
             and p.text.rstrip().endswith(".") and not title_like.match(p.text)]
    return len(prose) >= PROSE_SENTENCES


def _demote_detail(passages: list[Passage]) -> None:
    """Passages under a monitoring, methodology or exhibit sub-heading matter less to a resident;
    those under an aims, priorities, next steps, help or contact sub-heading matter more."""
    change = 0.0
    for passage in passages:
        if passage.role == "subheading":
            kind = classify(passage.text)
            change = (-DETAIL_PENALTY if passage.score < 0
                      else RESIDENT_BONUS if kind in RESIDENT_KINDS else 0.0)
        elif passage.role != "contact":
            passage.score += change


TRIES_PER_LINE = 8  # with usable(): passages tried for each line kept, so a huge section stays quick


def keep_best(section: SourceSection, limit: int | None = None,
              usable: Callable[[Passage], bool] | None = None) -> list[Passage]:
    """The passages worth keeping, in document order: contacts and sub-headings, then the best scored.
    usable(passage), when given, skips a passage that would give no line (codes, a sentence no split
    leaves whole), so the limit counts passages that will be read, not ones left out later."""
    limit = LINES_FOR_KIND.get(section.kind, 5) if limit is None else limit
    must = [p for p in section.passages if p.role == "contact"]
    rest = [p for p in section.passages if p.role not in ("contact", "subheading") and p.score > -3]
    ranked = sorted(rest, key=lambda p: (-(p.score + p.plainness), p.order))
    if usable is None:
        best = ranked[:limit]
    else:
        best = []
        for passage in ranked[:limit * TRIES_PER_LINE]:
            if len(best) == limit:
                break
            if usable(passage):
                best.append(passage)
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
