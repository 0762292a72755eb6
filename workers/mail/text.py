"""Email body text -> (what the sender wrote now, quoted or forwarded material)."""
from __future__ import annotations

import re

# Lines that start the quoted part of a reply, in the mail programs councils see.
_REPLY_HEADERS = [
    re.compile(r"^\s*On .{3,200}wrote:\s*$", re.I),
    re.compile(r"^\s*-{2,}\s*Original Message\s*-{2,}\s*$", re.I),
    re.compile(r"^\s*_{10,}\s*$"),
    re.compile(r"^\s*From:\s.+$", re.I),  # Outlook's header block ("From: ... Sent: ...")
    re.compile(r"^\s*Le .{3,200} a écrit\s*:\s*$", re.I),
    re.compile(r"^\s*Am .{3,200} schrieb .{1,100}:\s*$", re.I),
]
_FORWARD_HEADERS = [
    re.compile(r"^\s*-{2,}\s*Forwarded message\s*-{2,}\s*$", re.I),
    re.compile(r"^\s*Begin forwarded message:\s*$", re.I),
    re.compile(r"^\s*-{2,}\s*Forwarded by .*$", re.I),
]
_SIGNATURE_STARTS = [
    re.compile(r"^-- ?$"),
    re.compile(r"^\s*Sent from my \w+", re.I),
    re.compile(r"^\s*Get Outlook for \w+", re.I),
    re.compile(r"^\s*Sent from (Mail|Yahoo Mail|Outlook) ", re.I),
]

# A line that only signs off ("Kind regards,", "Thanks", "Cheers"): the name, job title and organisation below
# it are a signature ("Domestic Violence Advisor" names no document, "available in braille" asks for nothing).
_SIGN_OFF = re.compile(
    r"^\s*((kind|best|warm|warmest|many)\s+(regards|wishes)|regards|thanks|thank you|many thanks|thanks again|"
    r"cheers|best|yours( sincerely| faithfully| truly)?|sincerely|with thanks|all the best|take care)\s*[,.!]?\s*$",
    re.I)
_POSTSCRIPT = re.compile(r"^\s*p\.?\s?s\b", re.I)


def _sign_off(lines: list[str]) -> int | None:
    """The line that signs off, when words come before it and no postscript after it."""
    for i, line in enumerate(lines):
        if _SIGN_OFF.match(line) and any(x.strip() for x in lines[:i]):
            return None if any(_POSTSCRIPT.match(x) for x in lines[i + 1:]) else i
    return None


def _first_match(lines: list[str], patterns) -> int | None:
    for i, line in enumerate(lines):
        if any(p.match(line) for p in patterns):
            return i
    return None


def split_new_and_quoted(text: str) -> tuple[str, str]:
    """Split a body into the new text and the quoted/forwarded remainder."""
    lines = text.replace("\r", "").split("\n")
    cut = len(lines)
    forward = _first_match(lines, _FORWARD_HEADERS)
    reply = _first_match(lines, _REPLY_HEADERS)
    for found in (forward, reply):
        if found is not None:
            cut = min(cut, found)
    quoted_start = next((i for i, line in enumerate(lines) if line.lstrip().startswith(">")), None)
    if quoted_start is not None:
        cut = min(cut, quoted_start)
    new_lines = lines[:cut]
    signature = _first_match(new_lines, _SIGNATURE_STARTS)
    if signature is not None:
        new_lines = new_lines[:signature]
    sign_off = _sign_off(new_lines)
    if sign_off is not None:
        new_lines = new_lines[:sign_off]
    quoted = "\n".join(line.lstrip("> ").rstrip() for line in lines[cut:])
    return "\n".join(new_lines).strip(), quoted.strip()
