"""Message text -> the formats a resident asks for, by any of their everyday names."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Families we make automatically, and the outputs each family sends.
AUTOMATIC = {
    "large-print": ("large-print-pdf", "large-print-docx"),
    "easy-read": ("easy-read-pdf", "easy-read-docx"),
    "plain-text": ("text",),
    "audio": ("audio",),
    "web-page": ("html",),
}
# Requests a person must handle (we do not make these, or they need a human).
FOR_STAFF = {
    "braille": "a braille copy",
    "bsl": "a British Sign Language version",
    "translation": "a version in another language",
    "post": "a copy by post",
    "cd": "an audio CD by post",
    "other-format": "a format we do not make yet",
}

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("large-print", re.compile(r"\b(large|larger|big|bigger|giant|enlarged|huge)\s*(-\s*)?(print|font|text|type|writing|letters?|size)\b|"
                               r"\blarge-?print\b|\b(lar?ge?|lrg|larg\w*)\s*(print|font|text|type)\b|\benlarged\b|\b(print|text|font|writing)\s+(that is\s+)?(larger|bigger)\b|"
                               r"\b(can'?t|cannot|struggle to|hard to|difficult to)\s+(read|see)\s+(small|the small|tiny)", re.I)),
    ("easy-read", re.compile(r"\beasy[\s-]*(to[\s-]*)?read\b|\beasyread\b|\bsimple (version|words|english|language)\b|"
                             r"\bsimplified\b|\bwith pictures\b|\blearning disabilit", re.I)),
    ("plain-text", re.compile(r"\bplain[\s-]*text\b|\btext[\s-]*only\b|\bscreen[\s-]*reader\b|\b\.?txt\b|"
                              r"\b(jaws|nvda|voiceover)\b|\btext (file|version)\b|\bbraill?e\s+(software|note-?taker|display|device)", re.I)),
    ("audio", re.compile(r"\baudio\b|\bmp3\b|\bspoken\b|\blisten\b|\bread (it )?(out|aloud)\b|\baudiobook\b|"
                         r"\brecording\b|\bsound (file|version)\b|\bread to me\b", re.I)),
    ("web-page", re.compile(r"\b(web ?page|html) (version|copy)\b", re.I)),
    ("braille", re.compile(r"\bbraill?e\b(?!\s+(software|note-?taker|display|reader|device|embosser at home))", re.I)),
    ("bsl", re.compile(r"\bbsl\b|\bsign language\b|\bsigned (video|version)\b", re.I)),
    ("translation", re.compile(r"\b(translat\w+|in (polish|urdu|punjabi|bengali|arabic|nepali|romanian|lithuanian|"
                               r"portuguese|spanish|french|turkish|kurdish|tamil|gujarati|chinese|mandarin|cantonese|"
                               r"welsh|somali|farsi|russian|ukrainian)|another language)\b", re.I)),
    # The language named in itself, as people whose first language it is often write it.
    ("translation", re.compile(r"\b(po polsku|po polski|w języku polskim|en español|en castellano|en français|"
                               r"em português|în (limba )?română|lietuviškai|cymraeg|по-русски|на русском|"
                               r"українською|türkçe|bi kurdî|af soomaali)(?!\w)", re.I)),
    # "my first language" asks for a translation, unless that language is a sign language (see formats_in).
    ("my-language", re.compile(r"\bmy (own |first |native |home )?language\b", re.I)),
    # Formats we do not make: Moon (a tactile script), DAISY talking books.
    ("other-format", re.compile(r"\b(in|into|reads?|read in) moon\b|\bmoon (type|script|version|copy|format)\b|"
                                r"\bdaisy (format|book|talking book|version|cd|copy)\b|\bin daisy\b", re.I)),
    ("cd", re.compile(r"\b(cd|compact disc|cassette|tape)\b", re.I)),
    ("post", re.compile(r"\b(by|in the|through the) (post|mail)\b|\bpost(ed)? (me|it|them|one|a copy|to me)\b|"
                        r"\b(paper|printed|hard|postal) cop(y|ies)\b|\bsend (it|one|a copy) to my (home|house|address)\b|"
                        r"\bmy address is\b|\bthrough (my|the) (door|letter ?box)\b|"
                        # "could it be posted?", "can I have one posted out", "posted to my mum"
                        r"\b(be|been|being|get|have|had|got) (it |them |one |a copy |copies )?posted\b(?!\s+(on|online|onto|up)\b)|"
                        r"\bposted (out|to (me|my|us|him|her|them|\d))\b", re.I)),
]
# "rather than braille", "instead of large print": the sender does not want that one (a bare "not" is
# left alone: "why is it not in large print?" asks for it).
_NEGATION = re.compile(r"\b(rather than|instead of|other than|don'?t want|do not want|don'?t need|do not need)\s+(an? |the |in |as )?$", re.I)


def _negated(text: str, start: int) -> bool:
    return bool(_NEGATION.search(text[max(0, start - 30):start]))


_FONT_SIZE = re.compile(r"\b(\d{2})\s*(?:-\s*)?(?:pt|point|points|font size|size font|size)\b|\bsize\s*(\d{2})\b", re.I)


@dataclass(frozen=True)
class FormatRequest:
    families: tuple[str, ...]  # AUTOMATIC keys, in the order the sender named them
    staff_needs: tuple[str, ...]  # FOR_STAFF keys
    font_size: int | None = None  # e.g. 24 from "24 point"

    @property
    def empty(self) -> bool:
        return not self.families and not self.staff_needs


def formats_in(text: str) -> FormatRequest:
    found: list[tuple[int, str]] = []
    for family, pattern in _PATTERNS:
        match = next((m for m in pattern.finditer(text) if not _negated(text, m.start())), None)
        if match:
            found.append((match.start(), family))
    found.sort()
    names = [family for _, family in found]
    if "my-language" in names:  # "BSL is my first language" is not a translation
        names = [n if n != "my-language" else "translation" for n in names if n != "my-language" or "bsl" not in names]
    size = None
    m = _FONT_SIZE.search(text)
    if m:
        size = int(m.group(1) or m.group(2))
        if "large-print" not in names and 14 <= size <= 72:
            names.insert(0, "large-print")
    if "cd" in names and "audio" not in names:
        names.append("audio")  # we can send MP3 now while staff post the CD
    if size is not None and size > 28:
        names.append("other-format")  # beyond large print: a person should talk options through
    automatic = tuple(dict.fromkeys(n for n in names if n in AUTOMATIC))
    staff = tuple(dict.fromkeys(n for n in names if n in FOR_STAFF))
    return FormatRequest(automatic, staff, size)
