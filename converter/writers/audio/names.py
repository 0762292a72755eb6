"""Section titles become file names: our track number, then the title without the document's own
heading number, safe on Windows, macOS and Linux, length-capped and unique.

"03 1 Introduction.mp3" would say two numbers in a row; the track number is the one a
listener navigates by (it matches the player and the spoken list of sections), so the
document's heading number is dropped from the file name. Tags and chapter titles keep
the heading exactly as printed, so the chapters match the printed contents list and its
cross-references ("see section 6").
"""
from __future__ import annotations

import re
import unicodedata

TITLE_MAX_CHARS = 60
UNSAFE_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
# Names Windows keeps for devices, with or without an extension.
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
                    *(f"lpt{n}" for n in range(1, 10))}

# A leading heading number, when it is clearly numbering (what follows it is the title):
_DOTTED = r"\d{1,3}(?:\.\d{1,3})+\.?"  # 1.2  1.2.3  2.1.
_NUMBER_PUNCT = r"\d{1,3}[.):]"  # 2.  3)  4:
_NUMBER_DASH = r"\d{1,3}\s+[-\u2013\u2014]"  # 3 -  3 –
_LETTER = r"(?-i:[A-Z][.)])"  # A.  B)
_ROMAN = r"(?-i:(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})[.):])"  # IV.  XII)  (I to XXXIX)
_LABELLED = r"(?:section|chapter|part)\s+(?:\d{1,3}(?:\.\d{1,3})*|[A-Z]|[IVX]{1,5})\s*[.:\-\u2013\u2014]"
PUNCTUATED_NUMBER = re.compile(
    rf"^\s*(?:{_LABELLED}|{_DOTTED}|{_NUMBER_PUNCT}|{_NUMBER_DASH}|{_LETTER}|{_ROMAN})\s+(?=\S)",
    re.IGNORECASE)
BARE_NUMBER = re.compile(r"^\s*\d{1,2}\s+(?=\w)")  # 1 Introduction (a capital must follow)


def without_heading_number(title: str) -> str:
    """'3 The local picture' -> 'The local picture'; '1.2 Aims', '2. Aims', 'A. Aims',
    'IV. Aims', 'Section 3: Aims' -> 'Aims'.

    Only numbering is taken off: a bare number must be one or two digits followed by a
    capital ('5 ways to stay safe' and '2024 Budget' keep theirs); a letter or roman
    numeral needs its full stop, bracket or colon ('XL Bully', 'A new approach' stay).
    A title that is nothing but a number ('Part 1') stays as it is.
    """
    stripped = title.strip()
    match = PUNCTUATED_NUMBER.match(stripped)
    if match is None:
        match = BARE_NUMBER.match(stripped)
        if match is not None and not stripped[match.end()].isupper():
            match = None
    return stripped[match.end():].strip() if match else stripped


def file_title(title: str) -> str:
    """A title safe as a file name on Windows, macOS and Linux: no / \\ : * ? " < > | or
    control characters, no leading or trailing dots or spaces, at most TITLE_MAX_CHARS
    characters (cut at a word), NFC-normalised, never a Windows device name."""
    cleaned = re.sub(r"\s*:\s+", " - ", unicodedata.normalize("NFC", title))  # 'Priority 1: Aims'
    cleaned = re.sub(r"\s+", " ", UNSAFE_IN_FILE_NAMES.sub(" ", cleaned)).strip(" .")
    if len(cleaned) > TITLE_MAX_CHARS:
        cut = cleaned[:TITLE_MAX_CHARS]
        cleaned = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" .,;-")
    cleaned = cleaned or "Untitled"
    if cleaned.split(".")[0].strip().lower() in WINDOWS_RESERVED:
        cleaned = f"Audio - {cleaned}"
    return cleaned


def section_file_name(section) -> str:
    """'NN Title.mp3': the track number, then the title without its printed heading number."""
    return f"{section.index:02d} {file_title(without_heading_number(section.title))}.mp3"


def unique_names(names: list[str]) -> list[str]:
    """The same names, a later duplicate (ignoring case, as Windows and macOS do) given ' (2)'."""
    seen: set[str] = set()
    out = []
    for name in names:
        stem, dot, extension = name.rpartition(".")
        if not dot:
            stem, extension = name, ""
        candidate, number = name, 1
        while candidate.casefold() in seen:
            number += 1
            candidate = f"{stem} ({number})" + (f".{extension}" if dot else "")
        seen.add(candidate.casefold())
        out.append(candidate)
    return out
