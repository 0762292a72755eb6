"""Notes for the summary, one line per kind: 49 figures without alt text are one line, not 49."""
from __future__ import annotations

import re

from ..result import INFO, Message

SHOWN_PLACES = 8  # places listed on a grouped line before "..."


def _kind(message: Message) -> str:
    """The message with its numbers taken out: 'A figure on page # has no alt text ...'."""
    return re.sub(r"\d+", "#", message.text)


def grouped_notes(messages) -> list[str]:
    """Warnings in first-seen order; messages that differ only in their numbers become one line."""
    groups: dict[str, list[Message]] = {}
    for message in messages:
        if message.level != INFO:
            groups.setdefault(_kind(message), []).append(message)
    lines = []
    for same in groups.values():
        first = same[0]
        where = f" ({first.where})" if first.where else ""
        if len(same) == 1:
            lines.append(first.text + where)
            continue
        places = [p for p in dict.fromkeys(m.where for m in same[1:] if m.where) if p != first.where]
        shown = ", ".join(places[:SHOWN_PLACES]) + (", ..." if len(places) > SHOWN_PLACES else "")
        lines.append(f"{first.text}{where} [and {len(same) - 1} more like it"
                     + (f", on {shown}" if shown else "") + "]")
    return lines
