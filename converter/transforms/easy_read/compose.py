"""A full document -> easy-read draft text: chosen passages rewritten into lines, laid out by the templates."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import jinja2

from ... import provenance
from ...model import Document, Heading, Paragraph, inline_text, walk
from .acronyms import learn_acronyms
from .grammar import BOLD_ONLY, has_finite_verb, is_label
from .hard_words import HardWords
from .lists import joined_with_lead
from .pictures import ATTRIBUTION, TEMPLATES
from .protect import Protected, contacts_in, has_contact
from .rewrite import Rules, rewrite_heading, rewrite_text
from .select import Passage, SourceSection, is_big, keep_best, lines_for, select

SUPPORT_WORDS = re.compile(r"\b(danger|emergency|999|helpline|help now|support|advice line|free|24 hours)\b",
                           re.IGNORECASE)
ROWS_PER_PAGE = 9  # rows of a 16pt easy-read table on an A4 page, measured from our PDF
FIXED_PAGES = 3  # cover, about and the help box
WORD_SHARE = 0.6  # of the word limit: a short easy read, its best lines only (the human one has 902 words)


@dataclass
class Composed:
    """The parts of the easy read before the templates lay them out."""

    sections: list[dict] = field(default_factory=list)  # {"title", "kind", "lines"}
    support_lines: list[str] = field(default_factory=list)
    contact_lines: list[str] = field(default_factory=list)
    hard_word_lines: list[str] = field(default_factory=list)

    def words(self) -> int:
        lines = self.support_lines + self.contact_lines + self.hard_word_lines
        lines += [line for s in self.sections for line in s["lines"]]
        return sum(len(line.replace("**", "").split()) for line in lines)

    def rows(self) -> int:
        return (len(self.support_lines) + len(self.contact_lines) + len(self.hard_word_lines)
                + sum(len(s["lines"]) + 2 for s in self.sections))


def _all_text(doc: Document) -> list[str]:
    return [inline_text(b.inlines) for b in walk(doc.blocks) if isinstance(b, (Heading, Paragraph))]


HARDEST_LINE_AGE = 12.5  # a line this hard to read on its own goes when its section says enough without it
LINES_LEFT = 2  # the plain lines a section keeps at least before a hard one goes
POINTS_BACK = re.compile(r"^(?:This|These|That|It|They|Its|Their)\b")  # a line that leans on the one before


def _list_item(lines: list[str], index: int) -> bool:
    """'Abuse can be physical abuse.' next to 'Abuse can be money abuse.': one item of a list that
    shares its lead-in words with a neighbour (a word's meaning between them does not count);
    leaving it out would leave the list partial."""
    opening = lines[index].lower().split()[:2]
    others = [i for i, line in enumerate(lines) if i == index or not MEANING_LINE.match(line)]
    at = others.index(index)
    neighbours = [lines[i] for i in others[max(at - 1, 0):at] + others[at + 1:at + 2]]
    return len(opening) == 2 and any(line.lower().split()[:2] == opening for line in neighbours)


def _without_hardest_lines(lines: list[str]) -> list[str]:
    """Lines whose own reading age is HARDEST_LINE_AGE or more are left out, hardest first, while the
    section keeps LINES_LEFT other lines; never a label, a contact, a line with a bold hard word (its meaning
    follows) or its meaning, a list's lead-in or one of its items, or a line the next one points back to
    ('... reporting abuse.' + 'This is so we can ...')."""
    from ...readability.scores import count_sentence, reading_age

    def droppable(index: int) -> bool:
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        return not (is_label(line) or "**" in line or has_contact(line) or line.rstrip().endswith(":")
                    or MEANING_LINE.match(line) or POINTS_BACK.match(following) or _list_item(lines, index))

    ages = {i: reading_age(count_sentence(line)) for i, line in enumerate(lines)}
    plain = sum(1 for line in lines if not line.startswith("**") and not is_label(line))
    gone: set[int] = set()
    for index in sorted(ages, key=lambda i: -ages[i]):
        if ages[index] < HARDEST_LINE_AGE or plain - len(gone) - 1 < LINES_LEFT:
            break
        if droppable(index):
            gone.add(index)
    return [line for i, line in enumerate(lines) if i not in gone]


def _is_whole(line: str) -> bool:
    """A line worth printing: a sentence (it has a finite verb) or a label (a sub-heading, a contact line)."""
    return is_label(line) or has_finite_verb(line)


def _passage_lines(passage: Passage, text: str, rules: Rules) -> list[str]:
    if passage.role == "subheading":
        heading = rewrite_heading(passage.text, rules, plain=True)
        if len(heading.split()) <= rules.max_words:
            return [f"**{heading}**"]
    return rewrite_text(text, rules, keep=_is_whole)


def _whole_lines(text: str, rules: Rules) -> bool:
    """A trial rewrite (nothing remembered): does every line of the text read as a sentence?"""
    trial = replace(rules, said_in_full=set(rules.said_in_full))
    return all(_is_whole(line) for line in rewrite_text(text, trial, explain=False))


def _text_to_rewrite(passage: Passage, rules: Rules) -> tuple[str, bool]:
    """A list item that is not a sentence is made one with its list's lead-in, when that reads whole;
    and whether the lead-in's own line can go (the item says it)."""
    if passage.role != "item" or not passage.lead or _whole_lines(passage.text, rules):
        return passage.text, False
    joined = joined_with_lead(passage.text, passage.lead)
    if joined and _whole_lines(joined[0], rules):
        return joined
    return passage.text, False


def _opens_no_list(passage: Passage, listed: set[str]) -> bool:
    """'We will know we are succeeding when:' with none of its list kept says nothing on its own."""
    return passage.text.rstrip().endswith(":") and passage.text not in listed


def _without_empty_subheadings(lines: list[str]) -> list[str]:
    """A bold sub-heading with no line under it (every line left out) goes too."""
    return [line for i, line in enumerate(lines)
            if not BOLD_ONLY.match(line) or (i + 1 < len(lines) and not BOLD_ONLY.match(lines[i + 1]))]


def _less_repetitive(lines: list[str]) -> list[str]:
    """List items that each say 'This includes ...': the first keeps it, the next ones say
    'It also includes ...' (a hard word's meaning line between them does not break the run)."""
    result, in_run = [], False
    for line in lines:
        if line.startswith("This includes ") and in_run:
            line = "It also includes " + line[len("This includes "):]
        if line.startswith(("This includes ", "It also includes ")):
            in_run = True
        elif not MEANING_LINE.match(line):
            in_run = False
        result.append(line)
    return result


MEANING_LINE = re.compile(r"^\*\*[^*]+\*\* means? ")


def _said_once(lines: list[str], already_said: set[str]) -> list[str]:
    """A line the reader has already met (a notice or link repeated on many pages) is not said again."""
    fresh = []
    for line in lines:
        key = " ".join(line.lower().split())
        if BOLD_ONLY.match(line) or key not in already_said:
            fresh.append(line)
            already_said.add(key)
    return fresh


def _contact_passages(chosen: list[SourceSection]) -> tuple[list[Passage], list[Passage]]:
    """Passages with phone numbers or emails: those offering help, and the rest; each number once."""
    support, contact, seen = [], [], set()
    for section in chosen:
        if section.kind in ("back", "glossary", "cover"):
            continue
        for passage in section.passages:
            found = set(contacts_in(passage.text))
            if passage.role != "contact" or not found or found <= seen:
                continue
            seen |= found
            helps = section.kind == "support" or SUPPORT_WORDS.search(passage.text)
            (support if helps and section.kind != "contact" else contact).append(passage)
    return support, contact


def compose(doc: Document, max_words: int, max_lines_words: int, max_rows: int) -> Composed:
    """Rewrite the chosen passages, cutting each section's share until the words and rows fit."""
    chosen = select(doc)
    glossary = {t: _short_meaning(m, max_lines_words) for s in chosen for t, m in s.glossary.items()}
    learned = learn_acronyms(_all_text(doc))
    support, contact = _contact_passages(chosen)
    share = 1.0
    for _attempt in range(8):
        rules = Rules(max_lines_words, learned, HardWords.with_glossary(glossary))
        composed = Composed()
        composed.support_lines = [line for p in support for line in rewrite_text(p.text, rules, keep=_is_whole)]
        already_said: set[str] = set()
        for section in chosen:
            if section.kind in ("back", "glossary", "support", "contact", "cover"):
                continue
            limit = max(1, round(lines_for(section) * share))
            lines = _said_once(_section_lines(section, limit, rules, support + contact), already_said)
            title = _heading(section.title, rules)
            if section.passages and not any(not line.startswith("**") for line in lines):
                lines = [topic_line(title, rules)]
            if lines:
                composed.sections.append({"title": title, "kind": section.kind, "lines": lines})
        composed.contact_lines = [line for p in contact for line in rewrite_text(p.text, rules, keep=_is_whole)]
        composed.hard_word_lines = rules.hard_words.glossary_lines()
        if composed.words() <= max_words and composed.rows() <= max_rows:
            break
        share *= 0.75
    for section in composed.sections:  # once the shares are set: the hardest lines go, none come back in
        section["lines"] = _without_hardest_lines(section["lines"])
    return composed


def _section_lines(section: SourceSection, limit: int, rules: Rules, elsewhere: list[Passage]) -> list[str]:
    """The section's best passages as lines; when every chosen passage was left out (no whole
    sentence could be made of it), the next best are tried, so a section never goes missing.
    A list's lead-in line goes when its items were made sentences with it (they say it already).
    In a big section (a long document's chapter) only passages that give a line count towards its share:
    its best-ranked passages are often codes or table rows that give none."""
    def usable(passage: Passage) -> bool:
        text, _says_lead = _text_to_rewrite(passage, rules)
        trial = replace(rules, said_in_full=set(rules.said_in_full))
        return bool(rewrite_text(text, trial, explain=False, keep=_is_whole))

    for extra in (0, 2, 4, 8):
        kept = [p for p in keep_best(section, limit + extra, usable if is_big(section) else None)
                if p.role != "contact" or p not in elsewhere]
        texts = {p.order: _text_to_rewrite(p, rules) for p in kept}
        said = {p.lead for p in kept if texts[p.order][1]}
        listed = {p.lead for p in kept if p.role == "item"}
        lines = [line for p in kept if not (p.role == "text" and (p.text in said or _opens_no_list(p, listed)))
                 for line in _passage_lines(p, texts[p.order][0], rules)]
        lines = _less_repetitive(_without_empty_subheadings(lines))
        if any(not line.startswith("**") for line in lines):
            return lines
    return lines


def topic_line(title: str, rules: Rules) -> str:
    """The line a section gets when none of its sentences could be made whole: what it is about,
    so the section stays for staff to fill in ('This part is about a national housing fund.')."""
    topic = rewrite_heading(short_title(title, rules.max_words - 4), rules, plain=True)
    first = topic.split()[0] if topic.split() else ""
    if not (len(first) > 1 and first.isupper()) and not Protected().hide_names(topic).startswith("⟦"):  # not 'UK', 'Kent and Medway'
        topic = topic[:1].lower() + topic[1:]
    return f"This part is about {topic}."


def _short_meaning(meaning: str, max_words: int) -> str:
    """A glossary meaning in plain words, cut to its first short line so 'X means ...' stays short."""
    lines = rewrite_text(meaning, Rules(max(5, max_words - 4)), explain=False)
    first = lines[0].rstrip(".") if lines else meaning
    return first[:1].lower() + first[1:] if not first[:2].isupper() else first


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=True,
                              undefined=jinja2.StrictUndefined, autoescape=False,
                              comment_start_string="<#", comment_end_string="#>")  # {#kind} is ours


def draft_text(doc: Document, profile) -> str:
    """The easy-read draft of a document, in the draft format (docs/easy-read.md)."""
    max_rows = max(20, (profile.max_pages - FIXED_PAGES) * ROWS_PER_PAGE)
    composed = compose(doc, int(profile.max_words * WORD_SHARE), profile.max_sentence_words, max_rows)
    organisation = doc.meta.organisation or (doc.meta.authors[0] if doc.meta.authors else None) or ""
    organisation = short_title(re.split(r"\s+on behalf of\s+|[,;]", organisation)[0], 8)
    context = {
        "title": _one_line(doc.title), "short_title": short_title(doc.title), "organisation": organisation,
        "source": doc.meta.source_name, "date": _year(doc.meta.date),
        "generator": provenance.generator_string(), "settings": provenance.settings_string(profile),
        "attribution": ATTRIBUTION, "sections": composed.sections,
        "support_lines": composed.support_lines, "contact_lines": composed.contact_lines,
        "hard_word_lines": composed.hard_word_lines,
    }
    text = _environment().get_template("draft.md.j2").render(**context)
    return re.sub(r"\n{3,}", "\n\n", text)


def _heading(title: str, rules: Rules) -> str:
    """A section's heading: its own words, shortened only when longer than a line may be."""
    heading = rewrite_heading(title, rules)
    return heading if len(heading.split()) <= rules.max_words else short_title(heading, rules.max_words)


def short_title(title: str, most: int = 7) -> str:
    """The title as lines and headings use it: before any colon or dash, no brackets, 7 words at most."""
    text = re.sub(r"\s*\([^)]*\)", "", _one_line(title))
    text = re.split(r":\s|\s[–—-]\s|\?\s", text)[0].strip() or text
    words = text.split()
    return " ".join(words[:most]) if len(words) > most else text


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _year(date: str | None) -> str | None:
    match = re.match(r"(\d{4})", date or "")
    return match.group(1) if match else None


def source_contacts(doc: Document) -> list[str]:
    """Phone numbers and emails in the source's help and contact parts (what the easy read must keep)."""
    found: list[str] = []
    for section in select(doc):
        for passage in section.passages:
            if passage.role == "contact" and (section.kind in ("support", "contact")
                                              or SUPPORT_WORDS.search(passage.text)):
                found += [c for c in contacts_in(passage.text) if c not in found]
    return found


__all__ = ["draft_text", "compose", "source_contacts", "Composed"]
