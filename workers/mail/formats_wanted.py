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
    # "listen" asks for audio when it is what they want to do ("so I can listen to it"), not a habit told in
    # passing ("I listen to things on my talking computer")
    ("audio", re.compile(r"\baudio\b|\bmp3\b|\bspoken\b|\b(to|can|could|would|will|might|'d|please)\s+(\w+\s+){0,2}listen\b|"
                         r"\bread (it )?(out|aloud)\b|\baudiobook\b|"
                         r"\brecording\b|\bsound (file|version)\b|\bread to me\b|(?<!daisy )\btalking[\s-]?books?\b", re.I)),
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
    ("other-format", re.compile(r"\b(in|into|reads?|read in|taught|learnt|learned|uses?) moon\b|"
                                r"\bmoon (type|script|version|copy|format)\b|"
                                r"\bdaisy (format|book|talking book|version|cd|copy)\b|\bin daisy\b|"
                                # Makaton and Widgit symbol versions are made by people, not by us
                                r"\bmakaton\b|\bwidgit\b", re.I)),
    ("cd", re.compile(r"\b(cd|compact disc|cassette|tape)\b", re.I)),
    ("post", re.compile(r"\b(by|in the|through the) (post|mail)\b|\bpost(ed)? (me|it|them|one|a copy|to me)\b|"
                        r"\b(paper|printed|hard|postal) cop(y|ies)\b|\bsend (it|one|a copy) to my (home|house|address)\b|"
                        r"\bmy address is\b|"
                        r"\b(send|post|put|pop|deliver|drop)\w*( it| one| them| a copy| me one| me a copy)? through (my|the) (door|letter ?box)\b|"
                        # "could it be posted?", "can I have one posted out", "posted to my mum"
                        r"\b(be|been|being|get|have|had|got|like|want|need|prefer) (it |them |one |a copy |copies )?posted\b(?!\s+(on|online|onto|up)\b)|"
                        r"\bposted (out|to (me|my|us|him|her|them|\d))\b|"
                        # "could you post the allotment rules to me"
                        r"\bpost (the|this|that|your|a|an)\s+([\w'-]+\s+){0,6}?to (me|us|my|him|her|them)\b", re.I)),
]
# "rather than braille", "instead of large print": the sender does not want that one (a bare "not" is
# left alone: "why is it not in large print?" asks for it).
_NEGATION = re.compile(r"\b(rather than|instead of|other than|don'?t want|do not want|don'?t need|do not need|"
                       # "never learnt braille", "she can't read braille": a format they cannot use
                       r"never (learn(ed|t)|used|read)|(can'?t|cannot|couldn'?t|doesn'?t|does not|don'?t|do not) "
                       r"(read|use|understand))\s+(an? |the |in |as )?$", re.I)
# A posted copy turned down or warned against: "don't post it", "not by post", "please don't send it to my home
# address". Here a bare "not" counts too: nobody asks for a posted copy with "not".
_POST_NEGATION = re.compile(r"\b(not|never|no|don'?t|do not|won'?t|will not|please don'?t|nothing)\b[\w ']{0,20}$", re.I)
# A format described as what they have, not asked for: "the audio is good but ...", "the large print you sent".
_DESCRIBED = re.compile(r"^\s*(version|copy|file|one|cd)?\s*(you sent|we got|i got|arrived|came|worked|works|"
                        r"(is|was|'s) (good|great|fine|ok|okay|lovely|brilliant|helpful|useful|working|clear|perfect)\b)",
                        re.I)
_DEFINITE_BEFORE = re.compile(r"\b(the|your|that|this)\s+$", re.I)
# "I was taught Moon not braille", "large print, not audio": one format named, then another turned down
_FORMAT_NOT = re.compile(r"\b(moon|braille|audio|print|read|text|cd|mp3|makaton)\s*,?\s+(and\s+|but\s+)?not\s+"
                         r"(an? |the |in )?$", re.I)


def _negated(text: str, start: int, family: str = "", end: int | None = None) -> bool:
    before = text[max(0, start - 30):start]
    if _NEGATION.search(before) or _FORMAT_NOT.search(before):
        return True
    if family == "post" and _POST_NEGATION.search(text[max(0, start - 25):start]):
        return True
    return end is not None and bool(_DEFINITE_BEFORE.search(before) and _DESCRIBED.search(text[end:end + 40]))


_UNITS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                    "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_SIZE_IN_WORDS = re.compile(r"\b(twenty|thirty|forty|fifty)?[\s-]*(one|two|three|four|five|six|seven|eight|nine|ten|"
                            r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)?"
                            r"(?=\s*(?:-\s*)?(?:pt|point|points|font size|size font)\b)", re.I)


def _sizes_as_digits(text: str) -> str:
    """ "twenty four point" -> "24 point", "eighteen pt" -> "18 pt" (sizes written in words)."""
    def digits(m: re.Match) -> str:
        if not (m.group(1) or m.group(2)):
            return m.group(0)
        return str(_TENS.get((m.group(1) or "").lower(), 0) + _UNITS.get((m.group(2) or "").lower(), 0))
    return _SIZE_IN_WORDS.sub(digits, text)


_FONT_SIZE = re.compile(r"\b(\d{2})\s*(?:-\s*)?(?:pt|point|points|font size|size font|size)\b|\bsize\s*(\d{2})\b", re.I)


# The sender (I, we) cannot use a file we email: an MP3 alongside a CD would help nobody. When it is someone else
# ("my grandad has no computer") the MP3 still goes to the sender, who can play it for them.
_NO_COMPUTER = re.compile(r"\b(we|i)\s*(don'?t have|do not have|haven'?t got|have not got|have no|'ve got no|'ve no|never had)\s+"
                          r"(an?\s+|any\s+)?(computer|laptop|pc|tablet|smartphone|internet)\b|"
                          r"\b(we|i)\s+(can'?t|cannot|are unable to|am unable to)\s+(open|play|use)\s+"
                          r"(attachments|files|mp3s?|a computer|computers)\b", re.I)


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
        match = next((m for m in pattern.finditer(text) if not _negated(text, m.start(), family, m.end())), None)
        if match:
            found.append((match.start(), family))
    found.sort()
    names = [family for _, family in found]
    if "my-language" in names:  # "BSL is my first language" is not a translation
        names = [n if n != "my-language" else "translation" for n in names if n != "my-language" or "bsl" not in names]
    size = None
    m = _FONT_SIZE.search(_sizes_as_digits(text))
    if m:
        size = int(m.group(1) or m.group(2))
        if "large-print" not in names and 14 <= size <= 72:
            names.insert(0, "large-print")
    if "cd" in names and "audio" not in names and not _NO_COMPUTER.search(text):
        names.append("audio")  # we can send MP3 now while staff post the CD (unless they have no way to play it)
    if size is not None and size > 28:
        names.append("other-format")  # beyond large print: a person should talk options through
    automatic = tuple(dict.fromkeys(n for n in names if n in AUTOMATIC))
    staff = tuple(dict.fromkeys(n for n in names if n in FOR_STAFF))
    return FormatRequest(automatic, staff, size)
