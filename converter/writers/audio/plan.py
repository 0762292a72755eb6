"""A speech-prepared document becomes numbered sections of text to speak, plus a spoken introduction."""
from __future__ import annotations

import re

from ...model import Document, Heading, Paragraph, inline_text, sections
from ...transforms.speech import PAUSE, SPEECH, SPOKEN_HEADING, chapter_level, prepare
from .synthesis import SpeechSection

OPENING_TITLE = "Opening"
SUMMARY_MAX_WORDS = 30


def spoken_text(blocks) -> str:
    """Lines of speech; a pause becomes a blank line (espeak-ng pauses longer at a paragraph end)."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph) and block.role == PAUSE:
            if lines and lines[-1] != "":
                lines.append("")
        elif isinstance(block, Paragraph) and block.role in (SPEECH, SPOKEN_HEADING):
            text = inline_text(block.inlines).strip()
            if text:
                lines.append(text)
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines)


def _has_speech(blocks) -> bool:
    return any(isinstance(b, Paragraph) and b.role == SPEECH for b in blocks)


def plan_sections(doc: Document, profile=None) -> list[SpeechSection]:
    """Sections 1..N of the recording, each with its title and prepared text, in order.

    Accepts a document already prepared by converter.transforms.speech:prepare
    (as the pipeline passes it) or a plain one (prepared here). A heading with no
    text under it before the next chapter (such as the document's title) is merged
    into the chapter that follows.
    """
    prepared = prepare(doc, profile).value
    has_headings = any(isinstance(b, Heading) for b in prepared.blocks)
    planned: list[SpeechSection] = []
    carried: list = []
    for part in sections(prepared, chapter_level(prepared.blocks)):
        blocks = carried + ([part.heading] if part.heading else []) + list(part.blocks)
        if not _has_speech(part.blocks):
            carried = blocks
            continue
        carried = []
        title = part.title or (OPENING_TITLE if has_headings else doc.title.strip() or OPENING_TITLE)
        planned.append(SpeechSection(len(planned) + 1, title, spoken_text(blocks)))
    if carried and planned:
        last = planned[-1]
        planned[-1] = SpeechSection(last.index, last.title, last.text + "\n\n" + spoken_text(carried))
    elif carried:
        planned.append(SpeechSection(1, doc.title.strip() or OPENING_TITLE, spoken_text(carried)))
    return planned


def one_line_summary(doc: Document, prepared: Document) -> str:
    """The document's subject, or the first sentence of its first paragraph (30 words at most)."""
    if doc.meta.subject:
        return doc.meta.subject.strip()
    for block in prepared.blocks:
        if isinstance(block, Paragraph) and block.role == SPEECH:
            text = inline_text(block.inlines).strip()
            if len(text.split()) < 4 or text.startswith(("A list of", "A table", "Table:", "Image:")):
                continue
            sentence = re.sub(r" \(note \d+\)", "", re.split(r"(?<=[.!?])\s+", text)[0])
            words = sentence.split()
            return " ".join(words[:SUMMARY_MAX_WORDS]) + ("..." if len(words) > SUMMARY_MAX_WORDS else "")
    return ""


def without_heading_number(title: str) -> str:
    """'3 The local picture' -> 'The local picture' (the section number is spoken instead)."""
    return re.sub(r"^\d+(?:\.\d+)*\.?\s+(?=\D)", "", title) or title


def running_time_words(seconds: float) -> str:
    """'about 12 minutes', 'about 1 hour 5 minutes', 'less than a minute'."""
    minutes = round(seconds / 60)
    if minutes < 1:
        return "less than a minute"
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return "about " + " ".join(parts)


def organisation(doc: Document) -> str:
    return (doc.meta.organisation or (doc.meta.authors[0] if doc.meta.authors else "")).strip()


def introduction_section(doc: Document, planned: list[SpeechSection], total_seconds: float,
                         profile=None) -> SpeechSection:
    """Section 0: title, organisation, one-line summary, running time and the list of sections."""
    from ...transforms.pronunciation import load_lexicon
    from ...transforms.speech_text import speak

    lexicon = load_lexicon()
    prepared = prepare(doc, profile).value
    lines = [speak(doc.title, lexicon).rstrip(".") + "."]
    if organisation(doc):
        lines.append(f"Produced by {speak(organisation(doc), lexicon).rstrip('.')}.")
    summary = one_line_summary(doc, prepared)
    if summary:
        lines.append(summary if summary.endswith((".", "!", "?")) else summary + ".")
    count = len(planned)
    lines.append(f"This recording lasts {running_time_words(total_seconds)}. "
                 f"It has {count} section{'s' if count != 1 else ''}, each one a chapter:")
    lines.extend(f"{s.index}. {speak(without_heading_number(s.title), lexicon).rstrip('.')}." for s in planned)
    return SpeechSection(0, "Introduction", "\n\n".join(lines))
