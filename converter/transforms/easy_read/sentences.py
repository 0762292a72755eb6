"""Text -> sentences, and a long sentence -> short lines split at clause boundaries."""
from __future__ import annotations

import re
from typing import Callable

from .grammar import AUXILIARIES, IRREGULAR_PAST, PREPOSITIONS, PURE_AUXILIARIES, VERBS, has_finite_verb, is_verb, supply_subject

SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9£⟦])|\n+")
CLAUSE_BREAKS = (
    re.compile(r"\s*;\s+"),
    re.compile(r":\s+(?=\S+(?:\s+\S+){2,})"),
    re.compile(r",\s+(?=(?:and|but|so|which|who|because|while|whilst|although|so that|where|when|"
               r"as well as|or|including|such as)\b)"),
    re.compile(r"\s+(?=(?:because(?! of)|so that|which means|in order to|as well as|while|although|before|until|"
               r"unless|after)\b(?!\s+\w+ing\b))"),
)
LEADING_WORDS = {"and": "", "which": "This", "who": "They", "including": "This includes",
                 "such as": "This includes", "or": "Or", "while": "While", "whilst": "While",
                 "as well as": "Also", "because": "This is because", "so that": "This is so",
                 "which means": "This means", "before": "This is before", "until": "This is until",
                 "unless": "This is unless", "after": "This is after", "but": "But"}
Counter = Callable[[str], int]


def split_sentences(text: str) -> list[str]:
    """Sentences at full stops, question and exclamation marks, and line breaks."""
    return [s.strip() for s in SENTENCE_END.split(text) if s and s.strip()]


def words(text: str) -> int:
    return len(text.split())


def finish(line: str) -> str:
    """Capital first letter, one full stop at the end, tidy spaces."""
    line = re.sub(r"\s+", " ", line).strip()
    colon = line.endswith(":")
    line = line.strip(",;:-– ") + (":" if colon else "")
    line = re.sub(r"\s+([,.;:!?])", r"\1", line)
    line = re.sub(r"^(But|So|Also|And|Yet),\s+", r"\1 ", line)
    if not line:
        return line
    if line[0].islower():
        line = line[0].upper() + line[1:]
    if line[-1] not in ".!?:":
        line += "."
    return line


def _reword_start(part: str, before: str = "") -> str:
    lowered = part.lower()
    that = re.match(r"that\s+(\w+)", part, re.IGNORECASE)
    noun_before = bool(re.search(r"\b[a-z]+(?:mes|ces|ps|rs|ts|ns)$", before.rstrip()))  # 'programmes', 'services'
    which = re.match(r"which\s+(\w+)", part, re.IGNORECASE)
    if which and (which.group(1).lower() in ("are", "were", "have", "do") or which.group(1).lower() in VERBS):
        return "These " + part[5:].lstrip()  # '... areas | which are the priority' -> 'These are', never 'This are'
    if that and noun_before and is_verb(that.group(1)):  # '... programmes | that help them' -> 'These help them'
        return ("This " if that.group(1).lower().endswith("s") else "These ") + part[5:].lstrip()
    for word, replacement in sorted(LEADING_WORDS.items(), key=lambda kv: -len(kv[0])):
        if lowered.startswith(word + " "):
            rest = part[len(word):].lstrip()
            return f"{replacement} {rest}".strip() if replacement else rest
    return part


def _defining(before: str, after: str) -> bool:
    """'the people | who cause the abuse': a 'who' or 'that' clause that says which ones stays on."""
    return bool(re.match(r"(?:who|that|which)\b", after, re.IGNORECASE)
                and re.search(r"\b(?:the|those|its|their|our|your|own|all|many|some|any|other)\s+[\w'-]+$"
                              r"|\b(?:people|anyone|someone|everyone|staff|children|women|men|families)$",
                              before.rstrip(), re.IGNORECASE))


def _cuts_near_middle(sentence: str, pattern: re.Pattern, count: Counter) -> list[list[str]]:
    """Every two-way cut at the pattern, the one nearest the middle first."""
    total = count(sentence)
    cuts = [m for m in pattern.finditer(sentence) if not _defining(sentence[: m.start()], sentence[m.end():])
            and not _between_verbs(sentence[: m.start()], sentence[m.end():])]
    cuts.sort(key=lambda m: abs(count(sentence[: m.start()]) - total / 2))
    return [[sentence[: m.start()], sentence[m.end():]] for m in cuts]


MIDDLE_BREAKS = (re.compile(r",\s+"), re.compile(r"\s+(?=(?:and|but|that|who|which|where|when|how|what|if)\s)"))


SUBJECT = re.compile(r"^(It|We|They|You|This|These|Services|Partners|Abuse|People|Staff|Children|Families|Victims|Survivors)(\s+(?:will|can|must|should|may|would|also))?\s",
                     re.IGNORECASE)
NOT_A_VERB = {"the", "a", "an", "this", "that", "these", "those", "it", "we", "they", "you", "he", "she", "there",
              "our", "their", "your", "its", "in", "on", "at", "for", "to", "by", "with", "when", "if", "so", "but",
              "or", "and", "as", "because", "while", "although", "where", "who", "which", "what", "how", "then",
              "also", "from", "many", "some", "all", "every", "each", "more", "most", "not", "no",
              "aware", "able", "safe", "clear", "free", "sure", "responsible", "available", "possible", "alone",
              "due", "whole", "same", "those", "people", "services", "places", "times", "years", "needs"}


NOUN_SUBJECTS = {"people", "staff", "children", "families", "victims", "survivors"}


def _carry_subject(parts: list[str]) -> list[str]:
    """'It harms health, disrupts school' -> 'It harms health.' + 'It disrupts school.'"""
    subject = SUBJECT.match(parts[0])
    if not subject or not _is_subject(parts[0], subject):
        return parts
    singular = subject.group(1).lower() in ("it", "this", "abuse") and not subject.group(2)
    carried = [parts[0]]
    for part in parts[1:]:
        first, second = (part.split() + [""])[:2]
        verb_like = first[:1].islower() and first.lower() not in NOT_A_VERB and is_verb(first)
        own_verb = second.lower() in AUXILIARIES  # 'support can stop': 'support' is its own subject
        agrees = not singular or first.lower().endswith(("s", "ed"))  # never 'It help', 'This get'
        agrees = agrees and not (subject.group(1)[:1].isupper() and subject.group(1).lower() in NOUN_SUBJECTS
                                 and (first.lower().endswith("ed") or first.lower() in IRREGULAR_PAST))  # never 'People listened to and helped'
        carried.append(f"{subject.group(0).strip()} {part}" if verb_like and agrees and not own_verb else part)
    return carried


def _is_subject(part: str, subject: re.Match) -> bool:
    """'This programme will include ...' opens with a determiner, not a subject: nothing to carry."""
    if subject.group(1).lower() not in ("this", "these") or subject.group(2):
        return True
    after = part[subject.end():].split(" ", 1)[0].lower()
    return after in AUXILIARIES or is_verb(after)


def _between_verbs(before: str, after: str) -> bool:
    """'how we prevent, | respond to and recover from abuse': verbs that share their object stay together."""
    last, first = (before.split() or [""])[-1], (after.split() or [""])[0]
    return last.lower() in VERBS and is_verb(first) and first.lower() not in NOT_A_VERB


COPULAS = {"is", "are", "was", "were"}


def _series_item_alone(parts: list[str]) -> bool:
    """'Staff that knows the signs, | asks about it and ...', 'If rooms are small, | have no windows': a later part
    that opens on a verb with no subject of its own is an item of a series that belongs to the first part.
    Only an order may stand alone, after an order ('Find the gaps, | fix them.'), after a phrase with no verb
    that leads into it ('For help, | call us.', not 'Without a plan, we work apart, | leave gaps.') or as a
    second word after 'is' ('The line is free | and open all day.')."""
    words = parts[0].lower().split()
    lead = (words or [""])[0]
    order = lead in VERBS or lead in ("please", "make") or lead in PREPOSITIONS and not has_finite_verb(parts[0])
    order = order or (len(words) >= 2 and words[-2] in COPULAS)
    for part in parts[1:]:
        first, second = (part.split() + ["", ""])[:2]
        if not first[:1].islower() or second.lower() in AUXILIARIES:
            continue  # its subject was carried over, or it has one of its own ('support can stop')
        if first.lower() in PURE_AUXILIARIES:
            return True  # 'or are not suited to it'
        if is_verb(first) and first.lower() not in NOT_A_VERB and (first.endswith("s") or not order):
            return True  # 'asks about it safely' is never an order
    return False


def _with_subjects(parts: list[str]) -> list[str]:
    """Each later part that lost its subject in the split gets 'it' before its verb."""
    return parts[:1] + [p if has_finite_verb(p) else supply_subject(p) for p in parts[1:]]


def _whole(parts: list[str], sentence: str) -> bool:
    """No part is a fragment, unless the sentence was one already (a list item, a label)."""
    return all(has_finite_verb(p) for p in parts) or not has_finite_verb(sentence)


def _split_once(sentence: str, count: Counter) -> list[str]:
    """The first clause break (then a comma or 'and' near the middle) that leaves no fragment."""
    for pattern in CLAUSE_BREAKS:
        parts = [p for p in pattern.split(sentence) if p.strip()]
        if len(parts) > 1 and all(count(p) >= 3 for p in parts):
            parts = _carry_subject([_reword_start(p) for p in parts])
            if _series_item_alone(parts):
                continue
            parts = _with_subjects(parts)
            if _whole(parts, sentence):
                return parts
    for pattern in MIDDLE_BREAKS:
        for parts in _cuts_near_middle(sentence, pattern, count):
            if all(count(p) >= 4 for p in parts):
                parts = _carry_subject([_reword_start(p, parts[0] if i else "") for i, p in enumerate(parts)])
                if _series_item_alone(parts):
                    continue
                parts = _with_subjects(parts)
                if _whole(parts, sentence):
                    return parts
    return [sentence]


GLUE = {"the", "a", "an", "of", "to", "by", "for", "in", "on", "with", "and", "or", "our", "their", "your",
        "its", "this", "that", "domestic", "sexual", "no", "not", "very", "more", "most", "during", "without",
        "from", "at", "into", "about", "between", "across", "through", "before", "after", "than", "as"}


def _good_cut(tokens: list[str], at: int) -> bool:
    """A cut before tokens[at] leaves no 'the' or 'to' dangling and no number cut from its word."""
    before, after = tokens[at - 1].lower().strip(",;:"), tokens[at]
    return before not in GLUE and not after[:1].isdigit() and not before[:1].isdigit()


def _split_by_words(sentence: str, max_words: int, count: Counter = words) -> list[str]:
    """Last resort: even pieces of at most max_words, never cutting a protected name or number."""
    tokens = sentence.split()
    total = count(sentence)
    target = total / -(-total // max_words)
    pieces: list[list[str]] = [[]]
    size = 0
    for token in tokens:
        weight = count(token)
        current = pieces[-1]
        if current and (size + weight > max_words or size >= target):
            back = next((b for b in range(0, min(4, len(current) - 1)) if _good_cut(current + [token], len(current) - b)), 0)
            moved = current[len(current) - back:] if back else []
            del current[len(current) - back:]
            pieces.append(moved)
            size = sum(count(t) for t in moved)
        pieces[-1].append(token)
        size += weight
    return [" ".join(p) for p in pieces if p]


def short_lines(sentence: str, max_words: int, count: Counter = words,
                keep: Callable[[str], bool] = lambda s: False, aim: int | None = None) -> list[str]:
    """One sentence -> lines of at most max_words, split at clauses, then commas, then 'and'.
    Over `aim` words, a split that leaves two whole sentences is taken too. A sentence no
    split leaves whole is left out, unless keep(sentence) (it holds a contact)."""
    sentence = finish(sentence)
    aim = max_words if aim is None else min(aim, max_words)
    if count(sentence) <= aim or (count(sentence) <= max_words and not has_finite_verb(sentence)):
        return [sentence] if sentence else []
    parts = _split_once(sentence.rstrip("."), count)
    if len(parts) == 1:
        if count(sentence) <= max_words:
            return [sentence]
        parts = _split_by_words(sentence.rstrip("."), max_words, count)
        if len(parts) > 1 and not _whole(parts, sentence) and not keep(sentence):
            return []  # no split leaves whole sentences: leave it out rather than print fragments
        return [finish(p) for p in parts]
    pieces = [short_lines(part, max_words, count, keep, aim) for part in parts]
    if not all(pieces):
        return []  # a part that could not be made whole: the rest would say only half of it
    return [line for piece in pieces for line in piece]
