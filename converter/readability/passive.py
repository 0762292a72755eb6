"""Sentence -> an estimate of passive voice: a form of "be" or "get", then a past participle.

A heuristic, as in the Hemingway editor: "is paid", "were being sent",
"has been fully checked". It misses passives without "be" and flags some
adjective uses ("is closed on Sundays"); treat the share as an estimate.
"""
from __future__ import annotations

import re

_IRREGULAR = (
    "arisen awoken been beaten become begun bent bet bid bitten blown broken brought built burnt "
    "bought caught chosen come cost cut dealt done drawn dreamt driven drunk eaten fallen fed felt "
    "fought found fled flown forbidden forgotten forgiven frozen given gone ground grown hung had "
    "heard hidden hit held hurt kept known laid led left lent let lain lit lost made meant met paid "
    "put quit read rid ridden rung risen run said seen sought sold sent set shaken shed shot shown "
    "shut sung sunk sat slept slid spoken spent spun split spread sprung stood stolen stuck stung "
    "struck sworn swept swum swung taken taught torn told thought thrown understood undertaken "
    "upset woken worn won written withdrawn"
).split()

_BE = r"(?:am|is|are|was|were|be|been|being|get|gets|got|gotten|getting|'s|'re)"
_PARTICIPLE = rf"(?:\w+ed|{'|'.join(_IRREGULAR)})"
_PASSIVE = re.compile(rf"\b{_BE}\s+(?:(?:not|also|then|still|now|\w+ly)\s+){{0,2}}(?:being\s+)?{_PARTICIPLE}\b",
                      re.IGNORECASE)
_NOT_PARTICIPLE = {"need", "needed", "red", "bed", "shed", "seed", "feed", "hundred", "interested",
                   # -ed words that after "be" describe a state or feeling ("we were tired", "she is married")
                   "tired", "worried", "pleased", "bored", "excited", "scared", "frightened", "confused",
                   "surprised", "delighted", "disappointed", "annoyed", "married", "divorced", "retired",
                   "disabled", "aged", "talented", "skilled", "unemployed", "ashamed", "embarrassed"}


def passive_phrases(sentence: str) -> list[str]:
    """The passive verb phrases found in a sentence ("are being paid")."""
    found = []
    for match in _PASSIVE.finditer(sentence):
        last = match.group(0).split()[-1].lower()
        if last not in _NOT_PARTICIPLE:
            found.append(match.group(0))
    return found
