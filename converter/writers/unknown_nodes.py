"""Nodes a writer does not know -> their text (so nothing is silently dropped) and a warning."""
from __future__ import annotations

from ..model import block_text, inline_text
from ..result import MessageLog


def text_of_unknown(node) -> str:
    """Best-effort text of a node type this writer was not written for."""
    for attr in ("inlines", "children"):
        value = getattr(node, attr, None)
        if value:
            return inline_text(value)
    blocks = getattr(node, "blocks", None)
    if blocks:
        return "\n".join(block_text(b) for b in blocks)
    for attr in ("text", "alt", "number"):
        value = getattr(node, attr, None)
        if isinstance(value, str):
            return value
    return ""


def warn_unknown(log: MessageLog, node, writer: str) -> str:
    """Record a warning for `node` and return its text for the writer to keep."""
    name = type(node).__name__
    log.warning(f"The {writer} writer does not know the '{name}' element; its text was kept as plain text.",
                where=name)
    return text_of_unknown(node)
