"""Readers: bytes of one input kind -> Result[Document]. See converter.formats.READERS."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..limits import Limits


@dataclass(frozen=True)
class ReadOptions:
    source_name: str | None = None  # shown in messages and kept in Metadata.source_name
    password: str | None = None  # for encrypted PDFs
    limits: Limits = field(default_factory=Limits)
