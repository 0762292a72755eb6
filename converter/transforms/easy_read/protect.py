"""Text -> text with phone numbers, emails, web addresses, figures and names hidden behind placeholders.

Rewriting rules run on the hidden text, so they can never alter what must stay
exactly as in the source; show() puts the originals back.
"""
from __future__ import annotations

import re

PHONE = re.compile(
    r"(?<![\w.])(?:\+44\s?(?:\(0\)\s?)?\d{2,4}|0\d{2,4})(?:[ -]?\d{2,4}){1,3}(?![\w])"
    r"|(?<![\w.,])(?:999|101|111|116 ?123|116 ?006)(?!\w|[,.]\d)"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
NOT_IN_URL = "\\s<>()\"⟦⟧"
URL = re.compile(
    rf"(?:https?://|www\.)[^{NOT_IN_URL}]*[^{NOT_IN_URL}'.,;:!?]"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:gov\.uk|org\.uk|co\.uk|nhs\.uk|police\.uk|ac\.uk|com|org|net)"
    rf"(?:/[^{NOT_IN_URL}]*[^{NOT_IN_URL}'.,;:!?])?"
)
FIGURE = re.compile(r"[£$€]?\d(?:[\d,]*\d)?(?:\.\d+)?(?:[-–/]\d(?:[\d,]*\d)?(?:\.\d+)?)*(?:%|bn\b|m\b|k\b)?")
ORG_WORDS = (
    "council|councils|police|service|services|nhs|trust|board|partnership|helpline|line|support|"
    "advice|executive|commissioner|office|agency|authority|foundation|group|centre|center|refuge|aid|"
    "unit|team|network|forum|alliance|association|society|charity|university|college|school|hospital|"
    "government|department|ministry|court|courts|probation|rescue|women's|act|bill|law|survey|strategy"
)
CAPITALISED = r"[A-Z][\w'’&-]*"
NAME = re.compile(rf"{CAPITALISED}(?:(?:\s+(?:and|of|for|the|on|in|&|to|against))*\s+{CAPITALISED})+")
ORG_WORD = re.compile(rf"\b(?:{ORG_WORDS})\b", re.IGNORECASE)
PLACEHOLDER = re.compile(r"⟦([a-j]+)⟧")  # brackets no address, number or name pattern takes in
SENTENCE_OPENERS = {"The", "This", "These", "We", "Our", "In", "If", "For", "You", "It", "A", "An", "When",
                    "Call", "Ring", "Phone", "Text", "Visit", "Contact", "Email", "Please", "See", "Read",
                    "Ask", "Tell", "Go", "Write", "Find", "At", "On", "By", "To", "From", "With", "As"}


def _code(index: int) -> str:
    return "⟦" + "".join("abcdefghij"[int(d)] for d in str(index)) + "⟧"


def _index(code: str) -> int:
    return int("".join(str("abcdefghij".index(c)) for c in code))


class Protected:
    """Hides spans behind placeholders (words no rule matches) and shows them again."""

    def __init__(self) -> None:
        self.spans: list[str] = []
        self.kinds: list[str] = []

    def _hide(self, kind: str, pattern: re.Pattern, text: str, keep=None) -> str:
        def swap(match: re.Match) -> str:
            found = match.group(0)
            if keep is not None and not keep(found):
                return found
            self.spans.append(found)
            self.kinds.append(kind)
            return _code(len(self.spans) - 1)
        return pattern.sub(swap, text)

    def hide_contacts(self, text: str) -> str:
        """Emails, web addresses and phone numbers (in that order: addresses hold digits)."""
        text = self._hide("email", EMAIL, text)
        text = self._hide("web", URL, text)
        return self._hide("phone", PHONE, text)

    def hide_figures(self, text: str) -> str:
        return self._hide("figure", FIGURE, text)

    def hide_names(self, text: str) -> str:
        """Names of organisations, laws and services: runs of capitalised words."""
        def swap(match: re.Match) -> str:
            opener, name = _split_opener(match.group(0))
            if not _is_name(name):
                return match.group(0)
            self.spans.append(name)
            self.kinds.append("name")
            return opener + _code(len(self.spans) - 1)
        return NAME.sub(swap, text)

    def hide_all(self, text: str) -> str:
        return self.hide_names(self.hide_figures(self.hide_contacts(text)))

    def show(self, text: str) -> str:
        while PLACEHOLDER.search(text):
            text = PLACEHOLDER.sub(lambda m: self.spans[_index(m.group(1))], text)
        return text

    def kinds_in(self, text: str) -> set[str]:
        return {self.kinds[_index(m.group(1))] for m in PLACEHOLDER.finditer(text)}


def _split_opener(found: str) -> tuple[str, str]:
    first, _, rest = found.partition(" ")
    if first in SENTENCE_OPENERS and rest:
        return first + " ", rest.lstrip()
    return "", found


def _is_name(found: str) -> bool:
    words = found.split()
    capitals = [w for w in words if w[:1].isupper()]
    if len(capitals) < 2:
        return False
    if len(words) > 10:
        return False  # a run this long is a list of names, not one name: leave it splittable
    joined = " ".join(words)
    return len(capitals) >= 3 or bool(ORG_WORD.search(joined)) or " and " in joined  # 'Kent and Medway'


def contacts_in(text: str) -> list[str]:
    """Every phone number and email in a text, as written."""
    emails = EMAIL.findall(text)
    rest = EMAIL.sub(" ", text)
    rest = URL.sub(" ", rest)
    return emails + [p.strip() for p in PHONE.findall(rest)]


def has_contact(text: str) -> bool:
    return bool(EMAIL.search(text) or URL.search(text) or PHONE.search(text))


DEEP_LINK = re.compile(r"/[^/\s]+/[^/\s]|[?#=]|\.(?:pdf|html?|aspx?|php|jsp|docx?)\b", re.IGNORECASE)
LONG_LINK = 45  # characters: an address this long is copied from a footnote, not read out to call


def is_reference(text: str) -> bool:
    """A passage whose only contacts are deep or long web addresses (a citation such as
    'https://www.un.org/development/desa/.../article-19.html'), not a phone, email or short address
    a resident would use ('www.kent.gov.uk/help')."""
    if EMAIL.search(text) or PHONE.search(EMAIL.sub(" ", URL.sub(" ", text))):
        return False
    links = [m.group(0) for m in URL.finditer(text)]
    return bool(links) and all(DEEP_LINK.search(link.split("//", 1)[-1]) or len(link) > LONG_LINK
                               for link in links)
