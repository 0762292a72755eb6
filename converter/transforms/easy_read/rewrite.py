"""Source text -> easy-read lines: asides removed, acronyms written out, plain words, digits, short lines."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .acronyms import write_out_acronyms
from .hard_words import HardWords
from .plain_words import use_plain_words, use_short_names
from .protect import Protected, has_contact
from .sentences import finish, short_lines, split_sentences

BRACKETED = re.compile(r"\s*\(([^()]*)\)|\s*\[([^\[\]]*)\]")
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000,
}
NUMBER = re.compile(
    r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](one|two|three|four|five|six|seven|eight|nine)\b"
    r"|\b(" + "|".join(NUMBER_WORDS) + r")\b(?!-)",
    re.IGNORECASE,
)
UNITS = {"one": 1, **NUMBER_WORDS}
HEADING_NUMBER = re.compile(r"^\s*(?:(?:section|part|chapter)\s+)?\d+(?:\.\d+)*[.:)]?\s+", re.IGNORECASE)
MARKUP = re.compile(r"[*_`#<>|]")
PASSIVE_FUTURE = re.compile(
    r"^(?P<subject>(?:A|An|The|This|These|Our|Each|Every)\s[^,;:]*?) will be (?P<verb>[a-z]+ed)"
    r"(?P<middle>(?:\s[^,;:]*?)?) by (?P<agent>[^,;:]+?)(?P<rest>[,;:].*?)?(?P<end>[.!?]?)$")
PRONOUN_AGENTS = {"us": "we", "them": "they", "you": "you", "me": "I", "him": "he", "her": "she"}


@dataclass
class Rules:
    """What the rewriting needs to know about the whole document."""

    max_words: int = 15
    acronyms: dict[str, str] = field(default_factory=dict)  # learned from the document
    hard_words: HardWords = field(default_factory=HardWords.with_glossary)
    said_in_full: set[str] = field(default_factory=set)  # long terms already written once
    aim_words: int = 10  # a longer sentence is split too when both halves stand alone


def remove_asides(text: str) -> str:
    """Bracketed asides and references go; brackets holding a phone, email or web address open up."""
    def swap(match: re.Match) -> str:
        inside = match.group(1) if match.group(1) is not None else match.group(2)
        return " " + inside if has_contact(inside) else ""
    previous = None
    while previous != text:
        previous, text = text, BRACKETED.sub(swap, text)
    return text


def numbers_as_digits(text: str) -> str:
    """'three years' -> '3 years'; 'twenty-five' -> '25'. 'one' stays (it is rarely a count)."""
    def swap(match: re.Match) -> str:
        if match.group(1):
            return str(UNITS[match.group(1).lower()] + UNITS[match.group(2).lower()])
        return str(NUMBER_WORDS[match.group(3).lower()])
    return NUMBER.sub(swap, text)


def _base_form(participle: str) -> str:
    """'checked' -> 'check', 'used' -> 'use', 'planned' -> 'plan': the commonest English candidate."""
    from wordfreq import zipf_frequency
    stem = participle[:-2]
    candidates = [stem, participle[:-1], stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    candidates += [stem[:-1] + "y"] if stem.endswith("i") else []
    words = [c for c in candidates if zipf_frequency(c, "en") >= 2.5] or [stem]
    return max(words, key=len)  # 'use' over 'us', 'check' over 'checke'


def active_voice(sentence: str) -> str:
    """'A plan will be checked every year by the Board.' -> 'The Board will check a plan every year.'"""
    match = PASSIVE_FUTURE.match(sentence.strip())
    if not match:
        return sentence
    agent = match.group("agent").strip()
    agent = PRONOUN_AGENTS.get(agent.lower(), agent)
    subject = match.group("subject")
    subject = subject[0].lower() + subject[1:]
    return (f"{agent[0].upper() + agent[1:]} will {_base_form(match.group('verb'))} {subject}"
            f"{match.group('middle')}{match.group('rest') or ''}{match.group('end') or '.'}")


def clean_markup(text: str) -> str:
    """Characters the draft format uses for itself never come from the source."""
    return re.sub(r"\s+", " ", MARKUP.sub(" ", text)).strip()


def rewrite_text(text: str, rules: Rules, *, explain: bool = True,
                 keep: Callable[[str], bool] | None = None) -> list[str]:
    """One source paragraph, list item or table row -> short easy-read lines.
    keep(line), when given, leaves out the lines it refuses before any hard word in them is explained."""
    protected = Protected()
    hidden = protected.hide_figures(protected.hide_contacts(remove_asides(clean_markup(text))))
    hidden = write_out_acronyms(hidden, rules.acronyms)
    hidden = protected.hide_names(hidden)
    hidden = use_short_names(use_plain_words(numbers_as_digits(hidden)), rules.said_in_full)

    def count(line: str) -> int:
        return len(protected.show(line).split())

    lines: list[str] = []
    for sentence in map(active_voice, split_sentences(hidden)):
        explanations = []
        for line in short_lines(sentence, rules.max_words, count, lambda s: has_contact(protected.show(s)),
                                rules.aim_words):
            if keep is not None and not keep(protected.show(line)):
                continue
            line, meaning = rules.hard_words.explain(line) if explain else (line, None)
            lines.append(line)
            explanations += [meaning] if meaning else []
        lines += explanations  # after the whole sentence, so no sentence is cut in two
    return [protected.show(line) for line in lines if line.strip(" .")]


def rewrite_heading(text: str, rules: Rules, *, plain: bool = False) -> str:
    """A heading keeps its words but loses its number; acronyms are written out.
    plain=True (a sub-heading inside a section): plain words too; a section's own heading keeps its words."""
    text = HEADING_NUMBER.sub("", clean_markup(text)).strip()
    protected = Protected()
    hidden = protected.hide_names(protected.hide_figures(protected.hide_contacts(remove_asides(text))))
    hidden = write_out_acronyms(hidden, rules.acronyms)
    hidden = use_plain_words(hidden) if plain else hidden
    line = protected.show(hidden).strip().rstrip(".:")
    return line[:1].upper() + line[1:] if line else text


def rewrite_line(text: str, rules: Rules) -> str:
    """One short line (a list item used as a sub-heading): rewritten and joined back into one line."""
    return " ".join(rewrite_text(text, rules, explain=False)) or finish(text)
