"""A list item that is not a sentence -> one sentence made with the words that open its list.

"The abuse can include:" + "sexual abuse;" -> "The abuse can include sexual abuse."
"The Executive:" + "reports on progress;" -> "The Executive reports on progress."
"..., including:" + "senior leaders;" -> "This includes senior leaders."
A long lead-in, or one that is a whole clause ("Abuse takes many forms:"), keeps its own line and
its items say "This includes ...".
"""
from __future__ import annotations

import re

from .grammar import AUXILIARIES, DETERMINERS, VERBS, has_finite_verb, is_verb
from .sentences import split_sentences

HEDGE = re.compile(r",?\s*(?:but|and)\s+(?:is|are)\s+not\s+limited\s+to\s*$", re.IGNORECASE)
EXAMPLES = re.compile(r"(?:^|,\s*|\s)(?:including|such as|for example|for instance|like|that includes|"
                      r"this includes|these include|these are|this is)\s*$", re.IGNORECASE)
OPEN_ENDINGS = {"to", "for", "of", "by", "with", "from", "as", "on", "about", "through", "be", "is", "are",
                "include", "includes", "means", "mean", "cover", "covers", "need", "needs"}
SHORT_LEAD = 5  # words: a longer lead-in would be repeated on every item
FIRST_WORD = re.compile(r"^([A-Z][a-z'’-]*)\b(?:\s+(\S+))?")  # 'A ban ...' too
PREPOSITIONS = {"for", "of", "on", "about", "with", "by", "from", "as", "through"}


def lead_stem(lead: str) -> tuple[str, bool] | None:
    """The words that open a sentence with an item after them, and whether they say all the lead-in does
    (then its own line can go). A short open lead-in is used whole ('The abuse can include'); a longer
    one, or one that is a whole clause already, stays as its line and its items say 'This includes ...'."""
    stem = HEDGE.sub("", lead.strip().rstrip(":").strip())
    sentences = split_sentences(stem)
    stem = sentences[-1].strip() if sentences else ""
    if not stem:
        return None
    if EXAMPLES.search(stem):
        return "This includes", False
    words = stem.split()
    last = words[-1].lower().strip(",;")
    before = words[-2].lower().strip(",;") if len(words) > 1 else ""
    opening = " ".join(words[:-1])
    open_end = (last in OPEN_ENDINGS or last in AUXILIARIES
                or (is_verb(last) and before not in DETERMINERS and not has_finite_verb(opening)))
    subject_only = not has_finite_verb(stem) and not stem.endswith(",")  # 'The Executive'
    if len(words) <= SHORT_LEAD and (subject_only or open_end):
        return stem, True
    return "This includes", False


def _item_words(item: str) -> str:
    """The item without its list punctuation, lower-case first unless it opens a name ('Kent Police')."""
    item = item.strip().rstrip(";,.").strip()
    match = FIRST_WORD.match(item)
    if match and not (match.group(2) or "")[:1].isupper():
        item = item[0].lower() + item[1:]
    return item


def joined_with_lead(item: str, lead: str) -> tuple[str, bool] | None:
    """The item made one sentence with its list's lead-in, and whether that sentence says the lead-in too;
    None when there is no lead-in."""
    found = lead_stem(lead) if lead else None
    if found is None:
        return None
    stem, says_lead = found
    first = item.strip().split(" ", 1)[0].lower()
    if stem.split()[-1].lower() in PREPOSITIONS and first in VERBS:
        return None  # 'push for:' + 'Boost the pay' would read 'push for boost the pay'
    return f"{stem} {_item_words(item)}.", says_lead
