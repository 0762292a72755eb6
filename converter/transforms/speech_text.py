"""Written sentences become sentences a speech engine reads naturally (numbers, dates, addresses).

speak(text, lexicon) applies, in order: email and web addresses, phone numbers
in digit groups, dates and times, money, percentages, number ranges, the
pronunciation lexicon, then symbols. Each step is a small function tested as text.
"""
from __future__ import annotations

import re
from urllib.parse import unquote

from .pronunciation import Lexicon

DIGIT_GROUP_SEPARATOR = ", "  # a short pause between the groups of a phone number
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTH_BY_ABBREVIATION = {m[:3].lower(): m for m in MONTHS} | {"sept": "September"}
TOP_LEVEL_WORDS = {"uk": "U K", "nhs": "N H S", "www": "W W W", "gov": "gov", "org": "org",
                   "com": "com", "net": "net", "ac": "A C", "co": "co"}

# -- addresses -------------------------------------------------------------------

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
WEB = re.compile(
    r"(?<![\w@/.-])(?:https?://[^\s<>\"]+|www\.[^\s<>\"]+"
    r"|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:uk|com|org|net|info|eu|io)(?:/[^\s<>\"]*)?)(?![\w@])",
    re.IGNORECASE)
TRAILING_PUNCTUATION = ".,;:!?)]'\""


def _spell_host(host: str) -> str:
    parts = host.split(".")
    return " dot ".join(TOP_LEVEL_WORDS.get(p.lower(), p) for p in parts if p)


def _spell_path(path: str) -> str:
    spoken = path.strip("/")
    for symbol, word in (("/", " slash "), ("-", " dash "), ("_", " underscore "), ("?", " question mark "),
                         ("=", " equals "), ("&", " and "), ("#", " hash "), (".", " dot ")):
        spoken = spoken.replace(symbol, word)
    return spoken


def speak_email(address: str) -> str:
    local, _, host = address.partition("@")
    return f"{_spell_path(local)} at {_spell_host(host)}"


LONG_QUERY = 20  # a query string longer than this is not worth reading aloud


def speak_web_address(address: str) -> str:
    """Scheme dropped, fragment dropped, a long query dropped, %20 and the like decoded."""
    bare = re.sub(r"^https?://", "", address, flags=re.IGNORECASE).split("#", 1)[0]
    base, mark, query = bare.partition("?")
    bare = base if len(query) > LONG_QUERY else bare
    bare = unquote(bare).replace(" ", "-")
    host, slash, path = bare.partition("/")
    spoken = _spell_host(host)
    return f"{spoken} slash {_spell_path(path)}" if slash and path.strip("/") else spoken


def _strip_trailing(match: re.Match, speak) -> str:
    found = match.group(0)
    kept = found.rstrip(TRAILING_PUNCTUATION)
    if found.count(")") and kept.count("(") > kept.count(")"):
        kept = found[: len(kept) + 1]
    return speak(kept) + found[len(kept):]


URL_ESCAPES = re.compile(r"(?<=\w)(?:%[0-9A-Fa-f]{2})+(?=\w)")


def speak_addresses(text: str) -> str:
    text = EMAIL.sub(lambda m: _strip_trailing(m, speak_email), text)
    text = WEB.sub(lambda m: _strip_trailing(m, speak_web_address), text)
    return URL_ESCAPES.sub(lambda m: unquote(m.group(0)), text)  # pieces of addresses broken by a PDF


# -- phone numbers -----------------------------------------------------------------

PHONE = re.compile(r"(?<![\w+£$.])(\+44\s?(?:\(0\)\s?)?|\(?0)(\d[\d \-)]{7,14}\d)(?![\d.,]\d|\w)")
SERVICE_NUMBER = re.compile(
    r"\b((?:call|dial|ring|phone|text|on|or|tel:?|telephone:?|number:?|line:?)\s+)(999|111|101|112|105|119|116 ?\d{3})\b",
    re.IGNORECASE)


def _default_groups(digits: str) -> list[str]:
    if digits.startswith("02"):
        sizes = (3, 4, 4)
    elif digits[:2] in ("03", "08", "09"):
        sizes = (4, 3, 4)
    else:
        sizes = (5, 3, 3)
    groups, start = [], 0
    for size in sizes:
        if start < len(digits):
            groups.append(digits[start:start + size])
            start += size
    if start < len(digits):
        groups[-1] += digits[start:]
    return groups


def _split_long_group(group: str) -> list[str]:
    if len(group) <= 5:
        return [group]
    if len(group) == 6:
        return [group[:3], group[3:]]
    return [group[:len(group) - 3], group[len(group) - 3:]] if len(group) <= 7 else [group[:4], group[4:7], group[7:]]


def speak_digits(groups: list[str]) -> str:
    return DIGIT_GROUP_SEPARATOR.join(" ".join(g) for g in groups if g)


def _phone(match: re.Match) -> str:
    body = match.group(2)
    digits = "0" + re.sub(r"\D", "", body)
    if len(digits) not in (10, 11):
        return match.group(0)
    written = re.split(r"[ \-)]+", "0" + body)
    groups = [g for g in written if g]
    if len(groups) == 1:
        groups = _default_groups(digits)
    else:
        groups = [part for g in groups for part in _split_long_group(g)]
    return speak_digits(groups)


def speak_phone_numbers(text: str) -> str:
    text = PHONE.sub(_phone, text)
    return SERVICE_NUMBER.sub(lambda m: m.group(1) + speak_digits(m.group(2).split()), text)


# -- dates and times -----------------------------------------------------------------


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _spoken_date(day: int, month: int, year: str | None) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"the {ordinal(day)} of {MONTHS[month - 1]}" + (f" {year}" if year else "")


NUMERIC_DATE = re.compile(r"\b(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
MONTH_NAMES = "|".join(list(MONTHS) + [m[:3] for m in MONTHS] + ["Sept"])
WORDED_DATE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_NAMES})(?=\W|$)")
FINANCIAL_YEAR = re.compile(r"\b((?:19|20)\d\d)\s?[/\-–]\s?(\d\d)\b(?![/\-]\d)")
YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s?[\-–—]\s?((?:19|20)\d\d)\b")
TIME = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s?([ap])\.?m\.?(?![a-z])", re.IGNORECASE)


def _numeric_date(m: re.Match) -> str:
    year = m.group(4) if len(m.group(4)) == 4 else "20" + m.group(4)
    return _spoken_date(int(m.group(1)), int(m.group(3)), year) or m.group(0)


def _worded_date(m: re.Match) -> str:
    month = MONTH_BY_ABBREVIATION.get(m.group(2)[:4].lower()) or MONTH_BY_ABBREVIATION[m.group(2)[:3].lower()]
    return _spoken_date(int(m.group(1)), MONTHS.index(month) + 1, None) or m.group(0)


def _time(m: re.Match) -> str:
    hour, minutes, half = m.group(1), m.group(2), m.group(3).upper()
    middle = f" {minutes}" if minutes and minutes != "00" else ""
    rest = m.string[m.end():]
    ends_sentence = m.group(0).endswith(".") and (not rest.strip() or re.match(r"\s+[A-Z]", rest))
    return f"{hour}{middle} {half} M" + ("." if ends_sentence else "")


def speak_dates(text: str) -> str:
    text = ISO_DATE.sub(lambda m: _spoken_date(int(m.group(3)), int(m.group(2)), m.group(1)) or m.group(0), text)
    text = NUMERIC_DATE.sub(_numeric_date, text)
    text = WORDED_DATE.sub(_worded_date, text)
    text = YEAR_RANGE.sub(r"\1 to \2", text)
    text = FINANCIAL_YEAR.sub(lambda m: f"{m.group(1)} to {m.group(1)[:2]}{m.group(2)}", text)
    return TIME.sub(_time, text)


# -- money, percentages, ranges, symbols ----------------------------------------------------

MONEY = re.compile(r"£\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?:\s?(million|billion|thousand|m|bn|k)\b)?", re.IGNORECASE)
PENCE = re.compile(r"\b(\d+)p\b")
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?%")
NUMBER_RANGE = re.compile(r"\b(\d+(?:\.\d+)?)\s?[\-–—]\s?(\d+(?:\.\d+)?)\b")
SCALE_WORDS = {"m": "million", "bn": "billion", "k": "thousand"}


def _money(m: re.Match) -> str:
    pounds, pence, scale = m.group(1), m.group(2), m.group(3)
    if scale:
        word = SCALE_WORDS.get(scale.lower(), scale.lower())
        amount = pounds + (f".{pence}" if pence else "")
        return f"{amount} {word} pounds"
    whole = int(pounds.replace(",", "") or 0)
    cents = int((pence or "0").ljust(2, "0"))
    if whole == 0 and cents:
        return f"{cents} pence"
    unit = "pound" if whole == 1 else "pounds"
    return f"{pounds} {unit}" + (f" {cents}" if cents else "")


def speak_money_and_percentages(text: str) -> str:
    text = MONEY.sub(_money, text)
    text = PENCE.sub(lambda m: f"{m.group(1)} {'penny' if m.group(1) == '1' else 'pence'}", text)
    text = PERCENT.sub(r"\1 percent", text)
    return NUMBER_RANGE.sub(r"\1 to \2", text)


SYMBOLS = (
    (re.compile(r"\s*&\s*"), " and "),
    (re.compile(r"(?<=\d)\+(?!\w)"), " and over"),
    (re.compile(r"[•▪●◦·]\s*"), ""),
    (re.compile(r"\s*…"), "..."),
    (re.compile(r"(?<=[A-Za-z])/(?=[A-Za-z])"), " or "),
    (re.compile(r"\bNo\.\s?(?=\d)"), "number "),
    (re.compile(r"°C\b"), " degrees Celsius"),
    (re.compile(r"[*_#~^|<>{}\[\]\\]"), " "),
    (re.compile(r"[ \t]{2,}"), " "),
)


def speak_symbols(text: str) -> str:
    for pattern, replacement in SYMBOLS:
        text = pattern.sub(replacement, text)
    return text.strip()


def speak(text: str, lexicon: Lexicon) -> str:
    """One piece of written text, prepared for a speech engine."""
    text = text.replace("\u00a0", " ").replace("\u2011", "-")
    text = speak_addresses(text)
    text = lexicon.apply(text)
    text = speak_phone_numbers(text)
    text = speak_dates(text)
    text = speak_money_and_percentages(text)
    return speak_symbols(text)
