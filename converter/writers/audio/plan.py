"""A speech-prepared document becomes numbered sections of text to speak, plus a spoken introduction."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Document, Paragraph, inline_text, sections
from ...transforms.speech import PAUSE, SPEECH, SPOKEN_HEADING, chapter_level, prepare
from .names import without_heading_number
from .synthesis import SpeechSection

OPENING_TITLE = "Opening"
FRONT_MATTER_MAX_WORDS = 300  # a longer preface stays a section of its own
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


@dataclass(frozen=True)
class RecordingPlan:
    """What the recording says: the front matter (spoken in the introduction) and sections 1..N."""

    front_matter: str  # the cover text before the first chapter; "" when it is a section of its own
    sections: list[SpeechSection]


def _repeats_title(heading_text: str, doc_title: str) -> bool:
    """'Kent and Medway Domestic Abuse Strategy' on the cover of '... Strategy 2020-2023'."""
    heading, title = _comparable(heading_text), _comparable(doc_title)
    return bool(heading and title) and (heading in title or title in heading)


def _front_count(parts, level: int, doc_title: str) -> int:
    """How many leading parts are front matter: text before any heading, a title heading above
    the chapter level, then (when none of those repeated the title) a first chapter heading
    that only repeats the document's title: the cover."""
    count = 0
    while count < len(parts) and (parts[count].heading is None or parts[count].heading.level < level):
        count += 1
    title_seen = any(p.heading and _repeats_title(p.title, doc_title) for p in parts[:count])
    if count < len(parts) and not title_seen and _repeats_title(parts[count].title, doc_title):
        count += 1
    return count


def plan_recording(doc: Document, profile=None) -> RecordingPlan:
    """The front matter and the sections of the recording, each with its title and prepared text.

    Accepts a document already prepared by converter.transforms.speech:prepare
    (as the pipeline passes it) or a plain one (prepared here). The front matter is
    everything before the first chapter: the title heading and the cover text (date,
    publisher, "if you need help now"). A listener hears it in the introduction, where
    the title and organisation are said anyway, rather than as a track named like the
    whole document. It stays a section of its own when no chapter follows it or when
    it is longer than FRONT_MATTER_MAX_WORDS. A chapter heading with no text under it
    is merged into the chapter that follows.
    """
    prepared = prepare(doc, profile).value
    level = chapter_level(prepared.blocks)
    parts = sections(prepared, level)
    front_count = _front_count(parts, level, doc.meta.title or "")
    front_blocks = [block for part in parts[:front_count]
                    for block in ([part.heading] if part.heading else []) + list(part.blocks)]
    front_text = spoken_text(front_blocks)
    chapters = parts[front_count:]
    has_chapter_speech = any(_has_speech(part.blocks) for part in chapters)
    front_in_introduction = has_chapter_speech and len(front_text.split()) <= FRONT_MATTER_MAX_WORDS
    planned: list[SpeechSection] = []
    carried: list = []
    if front_blocks and not front_in_introduction:
        if _has_speech(front_blocks):
            headed = next((p.title for p in parts[:front_count] if p.heading), "")
            untitled = OPENING_TITLE if chapters else doc.title.strip() or OPENING_TITLE
            planned.append(SpeechSection(1, headed or untitled, front_text))
        else:
            carried = front_blocks
    for part in chapters:
        blocks = carried + [part.heading] + list(part.blocks)
        if not _has_speech(part.blocks):
            carried = blocks
            continue
        carried = []
        planned.append(SpeechSection(len(planned) + 1, part.title, spoken_text(blocks)))
    if carried and planned:
        last = planned[-1]
        planned[-1] = SpeechSection(last.index, last.title, last.text + "\n\n" + spoken_text(carried))
    elif carried:
        planned.append(SpeechSection(1, doc.title.strip() or OPENING_TITLE, spoken_text(carried)))
    return RecordingPlan(front_text if front_in_introduction else "", planned)


def plan_sections(doc: Document, profile=None) -> list[SpeechSection]:
    """Sections 1..N of the recording, in order (the front matter goes to the introduction)."""
    return plan_recording(doc, profile).sections


def one_line_summary(doc: Document, prepared: Document, front_matter: str = "") -> str:
    """The document's subject, or the first sentence of its first paragraph after the front
    matter (which the introduction speaks anyway), 30 words at most."""
    if doc.meta.subject:
        return doc.meta.subject.strip()
    cover_lines = set(front_matter.split("\n"))
    for block in prepared.blocks:
        if isinstance(block, Paragraph) and block.role == SPEECH:
            text = inline_text(block.inlines).strip()
            if text in cover_lines or len(text.split()) < 4 or text.startswith(
                    ("A list of", "A table", "Table:", "Image:")):
                continue
            sentence = re.sub(r" \(note \d+\)", "", re.split(r"(?<=[.!?])\s+", text)[0])
            words = sentence.split()
            return " ".join(words[:SUMMARY_MAX_WORDS]) + ("..." if len(words) > SUMMARY_MAX_WORDS else "")
    return ""


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


def _comparable(line: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", line).lower().split())


def title_and_cover(title_line: str, organisation_line: str, front_matter: str) -> tuple[str, str]:
    """(title line, the rest of the front matter): cover lines that only repeat the title or the
    organisation are dropped; a cover title that says more than the document's ('... 2020 to
    2023') becomes the title line."""
    lines = front_matter.split("\n")
    while lines:
        line = _comparable(lines[0])
        if line and (line in _comparable(title_line) or line == _comparable(organisation_line)):
            lines.pop(0)
        elif line and _comparable(title_line) in line:
            title_line = lines.pop(0).strip()
        elif not line:
            lines.pop(0)
        else:
            break
    return title_line, "\n".join(lines).strip()


def introduction_section(doc: Document, planned: list[SpeechSection], total_seconds: float,
                         profile=None, front_matter: str | None = None) -> SpeechSection:
    """Section 0: title, organisation, one-line summary, the front matter (cover text), running
    time and the list of sections. front_matter: plan_recording(...).front_matter (worked out
    here when not given)."""
    from ...transforms.pronunciation import load_lexicon
    from ...transforms.speech_text import speak

    lexicon = load_lexicon()
    prepared = prepare(doc, profile).value
    if front_matter is None:
        front_matter = plan_recording(prepared, profile).front_matter
    producer = speak(organisation(doc), lexicon).rstrip(".") if organisation(doc) else ""
    title_line, cover = title_and_cover(speak(doc.title, lexicon), producer, front_matter)
    lines = [title_line.rstrip(".") + "."]
    if producer:
        lines.append(f"Produced by {producer}.")
    summary = one_line_summary(doc, prepared, front_matter)
    if summary:
        lines.append(summary if summary.endswith((".", "!", "?")) else summary + ".")
    if cover:
        lines.append(cover)
    count = len(planned)
    lines.append(f"This recording lasts {running_time_words(total_seconds)}. "
                 f"It has {count} section{'s' if count != 1 else ''}, each one a chapter:")
    lines.extend(f"{s.index}. {speak(without_heading_number(s.title), lexicon).rstrip('.')}."
                 for s in planned)
    return SpeechSection(0, "Introduction", "\n\n".join(lines))
