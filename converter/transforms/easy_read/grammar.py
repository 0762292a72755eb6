"""An easy-read line -> whether it is a full sentence (has a finite verb): a small word-list heuristic.

Used to refuse a split that would leave a fragment ("In the worst cases ends in injury.")
and to count the lines staff should look at. It is a heuristic, not a parser: it knows
auxiliary and modal verbs, a list of common verbs (an imperative at the start of a line,
"-s" and "-ed" forms after a subject), and treats bold sub-headings and contact lines as labels.
"""
from __future__ import annotations

import re

AUXILIARIES = {
    "is", "are", "was", "were", "am", "has", "have", "had", "do", "does", "did", "will", "would", "can",
    "could", "may", "might", "must", "shall", "should", "isn't", "aren't", "wasn't", "weren't", "don't",
    "doesn't", "didn't", "won't", "can't", "cannot", "haven't", "hasn't", "it's", "we're", "they're",
    "you're", "we'll", "they'll", "you'll", "there's", "let's", "means",
}
VERBS = set("""
accept act add agree aim allow ask assess attend avoid be become begin believe blame bring build buy call
care carry cause change check choose come commission contact continue control cost count create cut
decide deliver depend describe develop die do drink eat encourage end ensure expect explain face fall feel
fill find fix follow fund get give go grow happen harm hate hear help hide hit hold hope hurt identify
improve include increase involve join keep know lead learn leave let lie listen live look lose make manage
matter meet miss move need offer open pay plan play prevent protect provide put raise reach read recognise
record recover reduce refer remain remember report respond return review run say scare see seek sell send
set share show sit speak spend spot stand start stay stop struggle suffer support take talk teach tell
think threaten train treat try turn understand use visit wait walk want warn watch welcome withdraw work
worry write affect apply arrange build collect commit cover depend design destroy earn enable fear feel
focus gather guide hurt inform isolate kill look monitor notice own pass pick prepare promise publish
put rebuild recognize regard rely remove repeat replace require rest save seem serve sleep solve suit
target test trust value vary wish wonder challenge tackle promote strengthen engage empower embed establish
extend enhance invest measure prioritise raise research respond safeguard secure signpost sustain update
widen drive evaluate explore adopt address advise assist champion consider consult contribute define
demonstrate equip examine expand hold introduce lead listen map review share speak strengthen work
disrupt harm affect last mean tell damage break destroy boost combine
""".split())
IRREGULAR_PAST = set("""
wrote made gave took said went came told found felt left kept began became brought thought knew saw got
met paid sent spent held led lost ran sat stood understood won put set cut hurt shut
""".split())
ADVERBS = {"also", "often", "still", "never", "always", "now", "then", "only", "already", "usually", "sometimes",
           "really", "just", "not"}
DETERMINERS = {"the", "a", "an", "our", "their", "your", "its", "his", "her",
               "my", "every", "each", "all", "some", "many", "more", "most", "other", "of", "for", "with",
               "in", "on", "at", "to", "by", "from", "and", "or", "about", "into", "between", "through",
               "being", "been", "be", "get", "got", "without", "during", "after", "before",
               "early", "lived", "new", "safe", "good", "public", "mental", "expert", "group", "health"}
PRONOUNS = {"i", "we", "you", "they", "who", "people", "partners", "services", "views", "children", "families"}
SUBJECTS = {"he", "she", "it", "this", "that", "these", "those", "we", "they", "you", "i", "who"}
BOLD_ONLY = re.compile(r"^\*\*[^*]+\*\*[.:]?$")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*|,")


def _stems(word: str) -> set[str]:
    stems = {word}
    for ending, add in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"), ("d", "")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stems.add(word[: -len(ending)] + add)
    if re.search(r"([^aeiou])\1ed$", word):
        stems.add(word[:-3])  # 'planned' -> 'plan'
    return stems


def _is_inflected_verb(word: str, before: str | None) -> bool:
    """'helps', 'includes', 'agreed' after a subject (not after 'the', 'of', 'with' ...)."""
    if not word.endswith(("s", "d")) or before is None or before in DETERMINERS or before.endswith("ed"):
        return False  # not 'complicated needs'
    return bool((_stems(word) - {word}) & VERBS)


def is_verb(word: str) -> bool:
    """'support', 'supports', 'agreed': a verb on our list, in any common form."""
    return bool(_stems(word.lower().strip(",;:")) & (VERBS | IRREGULAR_PAST))


def is_label(line: str) -> bool:
    """A bold sub-heading, or a 'Name: number' contact line: not meant to be a sentence."""
    from .protect import has_contact
    text = line.strip()
    return bool(BOLD_ONLY.match(text)) or has_contact(text) or "⟦" in text


SUBORDINATE = {"when", "if", "that", "because", "while", "whilst", "although", "unless", "until", "whether",
               "through", "with", "from", "to", "and", "or", "which", "whose", "is", "are", "was", "were", "can",
               "will", "may", "must", "should", "could", "would", "has", "have", "had", "does", "how", "what",
               "where", "why", "for", "in", "on", "at", "by", "without", "as", "than", "but", "of", "cannot",
               "can't", "won't"}
DANGLING = {"the", "a", "an", "and", "or", "of", "to", "by", "for", "with", "that", "their", "our", "its", "in",
            "towards", "between", "from", "into", "about", "across", "through", "as", "at", "on", "than", "during",
            "is", "are", "was", "were", "be", "been", "will", "can", "must", "should", "would", "could", "has",
            "if", "when", "whether", "unless", "because", "where", "while", "whilst", "although", "since", "so",
            "such", "including", "like", "until", "than", "very", "more", "most"}
PLURAL_SUBJECTS = {"they", "we", "i"}  # never objects (unlike "you": "close to you hurts")
PLURAL_VERBS = {"are", "were", "have", "do"}
OBJECT_STARTS = {"the", "a", "an", "your", "our", "their", "his", "her", "its", "them", "us", "me", "him", "people",
                 "to", "more", "less"}
RELATIVES = {"who", "which"}  # a verb after these is in a clause about a noun, not the line's own verb
PURE_AUXILIARIES = {"is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "will", "would", "can",
                    "could", "may", "might", "must", "shall", "should", "cannot"}  # no subject inside (not "it's")
OPENERS = {"if", "when", "because", "although", "while", "whilst", "unless", "once", "since", "as"}
COMPARATIVE = re.compile(r"(?:^|,\s*)the (?:sooner|more|less|better|earlier|later|fewer|quicker|faster|longer|"
                         r"greater|worse|bigger|smaller)\b", re.IGNORECASE)
EMBEDDING = {"what", "who", "which", "that", "how", "where", "when", "if", "whether", "to", "why"}


def _incomplete(words: list[str], line: str) -> bool:
    """'When children may be hurt.', 'Is to stop it.', 'Make sure that people.', '... standards and.'"""
    if words[0] in SUBORDINATE and not line.rstrip().endswith("?"):
        main = line.split(",", 1)[1].split() if "," in line else []
        if not main or main[0].lower() in ("and", "or", "but"):
            return True  # 'When children may be hurt.', 'To be told, and to have a worker.'
    if _cut_from_its_clause(words, line):
        return True
    if words[0] == "that" and len(words) > 1 and words[1] not in AUXILIARIES and not is_verb(words[1]):
        return True  # 'That anyone hurt by it, it gets help.' (but 'That means ...', 'That includes ...')
    if words[-1] in DANGLING and not line.rstrip().endswith(":"):
        return True
    if _disagrees(words):
        return True
    for joint in ("that", "sure"):  # 'Make sure that people.', 'Make sure the police.'
        if joint not in words[1:]:
            continue
        after = words[len(words) - 1 - words[::-1].index(joint) + 1:]
        after = after[1:] if after[:1] == ["that"] else after
        if 0 < len(after) <= 4 and not _has_verb(after, imperative=False):  # 'that people.', not 'that time ...'
            return True
    return False


def _cut_from_its_clause(words: list[str], line: str) -> bool:
    """What a cut inside a series, a correlative or a relative clause leaves behind:
    'Or are not suited to it.', 'If rooms are small, have no windows.', 'Working alone, must ring in.',
    'The earlier it is seen.' (one half of 'the earlier ..., the less ...'), 'Staff who want to know what is new.'"""
    if words[0] in ("or", "and") and len(words) > 1 and (words[1] in PURE_AUXILIARIES or is_verb(words[1])):
        return True  # a series item with no subject of its own
    halves = COMPARATIVE.findall(line)
    if len(halves) == 1 or (halves and line.rstrip(" .").lower().endswith(halves[-1].strip(" ,").lower())):
        return True  # half of 'the sooner ..., the less ...', or a line ending on 'the sooner'
    last = [w.lower() for w in WORD.findall(line.rsplit(",", 1)[-1])] if "," in line else []
    if len(last) == 1 and (last[0] in PURE_AUXILIARIES or is_verb(last[0])):
        return True  # '..., asks.': a verb cut from its object
    if "," in line:
        before, after = line.split(",", 1)
        main = [w.lower() for w in WORD.findall(after)]
        opening = [w.lower() for w in WORD.findall(before)]
        if main and main[0] in PURE_AUXILIARIES and (
                words[0] in OPENERS or not _has_verb(opening, imperative=False)):
            return True  # the main clause lost its subject
    return _only_a_relative_clause(words)


def _only_a_relative_clause(words: list[str]) -> bool:
    """'Members of the public who want to know what is done.', 'Local plans that guide how towns grow.':
    a noun phrase and its who/which/that clause, no main verb."""
    relative = next((i for i, w in enumerate(words) if w in RELATIVES
                     or w == "that" and i > 1 and words[i - 1] not in VERBS and words[i - 1].endswith("s")), None)
    if not relative or words[0] in SUBJECTS | PRONOUNS or words[0] in VERBS or _has_verb(words[:relative], False):
        return False
    for index in range(relative + 2, len(words)):
        word, before = words[index], words[index - 1]
        if before in EMBEDDING or before in DETERMINERS:
            continue
        if word in PURE_AUXILIARIES or _is_inflected_verb(word, before) and word.endswith("s"):
            return False  # 'People who cause harm are made responsible': the main verb
    return True


def _disagrees(words: list[str]) -> bool:
    """'They stays with them.', 'This groups are not reached.': a subject and verb that do not agree
    (what a split leaves when it repairs a clause with the wrong pronoun)."""
    for first, second, third in zip(words, words[1:], words[2:] + [""]):
        if first in PLURAL_SUBJECTS and second in VERBS and third in AUXILIARIES - {"means"}:
            return True  # 'They help can stop': a subject carried onto a clause with its own subject
        if first in ("this", "it", "he", "she") and second in VERBS and second != "means" and (
                third in OBJECT_STARTS):
            return True  # 'This get your landlord to ...': a singular subject with a base verb
    for first, second in zip(words, words[1:]):
        if first in PLURAL_SUBJECTS and second.endswith("s") and second not in AUXILIARIES and (
                (_stems(second) - {second}) & VERBS):
            return True
    if words[:1] == ["this"] and words[1:2] and words[1] in PLURAL_VERBS:
        return True  # 'This are the priority'
    return (len(words) > 2 and words[0] in ("this", "that") and words[1].endswith("s")
            and words[1] not in AUXILIARIES and words[2] in PLURAL_VERBS)


def has_finite_verb(line: str) -> bool:
    """True when the line reads as a sentence: a finite or modal verb, or an imperative first word,
    and it does not open with 'when', 'that', 'is' ... or end on 'and', 'the' ... (a cut-off clause)."""
    words = [w.lower().replace("’", "'") for w in WORD.findall(line.replace("**", ""))]
    if not words or _incomplete(words, line):
        return False
    tokens = [w.lower().replace("’", "'") for w in TOKEN.findall(line.replace("**", ""))]  # commas kept
    if tokens[1:2] == [","]:
        return _has_verb(tokens[2:], imperative=False)  # 'Threats, blame and ...' is a list, not an order
    return _has_verb(tokens)


def _has_verb(words: list[str], imperative: bool = True) -> bool:
    if not words:
        return False
    if imperative and (words[0] in VERBS and words[1:2] != ["for"]) or (words[0] in ("please", "do", "don't") and len(words) > 1):
        return True  # 'Make sure ...', 'Call 999.'; not 'Help for older people.'
    for index, word in enumerate(words):
        if word == ",":
            continue
        before = next((w for w in reversed(words[:index]) if w not in ADVERBS), None)
        before = None if before == "," else before  # after a comma: no subject ("threats, blame")
        if before in RELATIVES and index > 1:
            continue  # 'checking who uses services': 'uses' belongs to 'who'
        if word in AUXILIARIES or (before and word in IRREGULAR_PAST - DETERMINERS and before not in DETERMINERS):
            return True
        plural = before is not None and before.endswith("s") and before not in DETERMINERS and not is_verb(before)
        if (before in PRONOUNS | SUBJECTS or plural) and word in VERBS:
            return True  # 'we work', 'they need', 'schools teach'
        if _is_inflected_verb(word, before) and (word.endswith("s") or before in PRONOUNS | SUBJECTS):
            return True  # '-ed' only after a pronoun: 'the harm caused by' is no verb
    return False


def fragments(lines: list[str]) -> list[str]:
    """The lines that are neither sentences nor labels: for staff to look at in the draft."""
    return [line for line in lines if not is_label(line) and not has_finite_verb(line)]



PREPOSITIONS = {"in", "on", "at", "over", "for", "after", "before", "during", "within", "across", "from",
                "by", "through", "without", "with", "under", "often", "sometimes", "also", "then"}


def supply_subject(part: str) -> str:
    """A clause cut off its subject gets 'it' (or 'they') before its verb:
    'in the worst cases ends in death' -> 'in the worst cases it ends in death'."""
    tokens = part.split()
    for index, token in enumerate(tokens[:6]):
        word = token.lower().strip(",;:")
        before = tokens[index - 1].lower().strip(",;:") if index else None
        if word.endswith("s") and (_stems(word) - {word}) & VERBS and before not in DETERMINERS | PRONOUNS:
            lead = tokens[:index]
            if not lead or lead[0].lower() not in PREPOSITIONS:
                return part  # only after a phrase like 'in the worst cases', not 'people with complicated'
            lead = lead[:-1] + [lead[-1].rstrip(",") + ","] if lead else lead  # 'In the worst cases, it ends'
            fixed = " ".join(lead + ["it"] + tokens[index:])
            return fixed if has_finite_verb(fixed) else part
    return part


__all__ = ["has_finite_verb", "fragments", "is_label", "supply_subject"]
