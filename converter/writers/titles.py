"""A document's title as people should see it: a file name fallback becomes words."""
from __future__ import annotations

import re
from pathlib import PurePath

from ..model import Document


def display_title(doc: Document) -> str:
    """doc.title on one line; 'council_tax-guide_2025.docx' (a file name) -> 'Council tax guide 2025'."""
    title = " ".join(doc.title.split())
    if doc.meta.title or title != (doc.meta.source_name or ""):
        return title
    words = re.sub(r"[_\-.]+", " ", PurePath(title).stem).strip()
    return (words[:1].upper() + words[1:]) if words else title
