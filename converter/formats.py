"""The only registry: READERS (input kinds) and OUTPUTS (what we can make).

Entries name their functions as "module:function" strings so importing this
module stays cheap and a heavy writer (WeasyPrint, espeak-ng) loads only when used.

Reader contract:  read(data: bytes, options: ReadOptions) -> Result[Document]
Writer contract:  write(doc: Document, profile, *, progress=None) -> Result[bytes]
                  (multi_file outputs return Result[dict[str, bytes]]: name -> bytes)
Transform:        transform(doc: Document, profile) -> Result[Document]
"""
from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass, field
from typing import Callable

from . import profiles
from .errors import UnsupportedFormatError


def load(dotted: str) -> Callable:
    module, _, name = dotted.partition(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class ReaderSpec:
    name: str
    extensions: tuple[str, ...]
    reader: str  # "module:function"
    description: str
    isolated: bool = False  # parse in a child process under time and memory limits


@dataclass(frozen=True)
class OutputSpec:
    name: str
    extension: str  # ".txt"; "" for a folder of files
    description: str
    writer: str  # "module:function"
    profile: Callable[[], object] = profiles.TextProfile
    transforms: tuple[str, ...] = ()
    multi_file: bool = False
    media_type: str = "application/octet-stream"
    audience: str = ""  # who it is for, shown by `altformats formats`
    default: bool = True  # made by `altformats convert` when --to is not given


READERS: dict[str, ReaderSpec] = {
    "docx": ReaderSpec("docx", (".docx",), "converter.readers.docx:read", "Word document (Office Open XML)", isolated=True),
    "pdf": ReaderSpec("pdf", (".pdf",), "converter.readers.pdf:read", "PDF, tagged or untagged", isolated=True),
    "text": ReaderSpec("text", (".txt",), "converter.readers.text:read", "Plain text (UTF-8)"),
    "markdown": ReaderSpec("markdown", (".md", ".markdown"), "converter.readers.markdown:read", "Markdown (CommonMark)"),
    "html": ReaderSpec("html", (".html", ".htm"), "converter.readers.html:read", "HTML page"),
}

OUTPUTS: dict[str, OutputSpec] = {
    "text": OutputSpec(
        "text", ".txt", "Plain text, UTF-8", "converter.writers.text:write",
        profiles.TextProfile, media_type="text/plain; charset=utf-8",
        audience="screen readers and braille software",
    ),
    "html": OutputSpec(
        "html", ".html", "Accessible HTML page", "converter.writers.html:write",
        profiles.StandardPrintProfile, media_type="text/html; charset=utf-8",
        audience="reading on screen, with any browser zoom or screen reader",
    ),
    "large-print-docx": OutputSpec(
        "large-print-docx", ".docx", "Large print Word document (18pt by default)",
        "converter.writers.docx:write_large_print", profiles.LargePrintProfile,
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        audience="people with sight loss who print or edit",
    ),
    "large-print-pdf": OutputSpec(
        "large-print-pdf", ".pdf", "Large print tagged PDF (18pt by default)",
        "converter.writers.pdf:write_large_print", profiles.LargePrintProfile,
        media_type="application/pdf", audience="people with sight loss who print",
    ),
    "easy-read-draft": OutputSpec(
        "easy-read-draft", ".md", "Easy read draft for staff to edit and approve",
        "converter.writers.easy_read_draft:write", profiles.EasyReadProfile,
        transforms=("converter.transforms.easy_read:to_easy_read",),
        media_type="text/markdown; charset=utf-8", audience="staff, before approval",
    ),
    "easy-read-docx": OutputSpec(
        "easy-read-docx", ".docx", "Easy read Word document (picture beside each line)",
        "converter.writers.easy_read_docx:write", profiles.EasyReadProfile,
        transforms=("converter.transforms.easy_read:to_easy_read",),
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        audience="people with learning disabilities or low literacy",
    ),
    "easy-read-html": OutputSpec(
        "easy-read-html", ".html", "Easy read web page", "converter.writers.easy_read_html:write",
        profiles.EasyReadProfile, transforms=("converter.transforms.easy_read:to_easy_read",),
        media_type="text/html; charset=utf-8", audience="people with learning disabilities or low literacy",
    ),
    "easy-read-pdf": OutputSpec(
        "easy-read-pdf", ".pdf", "Easy read tagged PDF", "converter.writers.easy_read_pdf:write",
        profiles.EasyReadProfile, transforms=("converter.transforms.easy_read:to_easy_read",),
        media_type="application/pdf", audience="people with learning disabilities or low literacy",
    ),
    "audio": OutputSpec(
        "audio", "", "Spoken MP3s: one per section, a chaptered whole, a playlist",
        "converter.writers.audio:write", profiles.AudioProfile,
        transforms=("converter.transforms.speech:prepare",), multi_file=True,
        media_type="audio/mpeg", audience="people who would rather listen",
    ),
}

# Other names people use for the outputs (also used when reading email requests).
ALIASES: dict[str, str] = {
    "txt": "text", "plain-text": "text", "plain": "text",
    "large-print": "large-print-docx", "docx": "large-print-docx", "pdf": "large-print-pdf",
    "easy-read": "easy-read-docx", "easyread": "easy-read-docx",
    "mp3": "audio",
}


def reader_for(name: str) -> ReaderSpec:
    try:
        return READERS[name]
    except KeyError:
        raise UnsupportedFormatError(
            f"No reader for '{name}'.", hint=f"Readable kinds: {', '.join(READERS)}."
        ) from None


def output(name: str) -> OutputSpec:
    key = ALIASES.get(name.strip().lower(), name.strip().lower())
    try:
        return OUTPUTS[key]
    except KeyError:
        raise UnsupportedFormatError(
            f"Unknown output format '{name}'.",
            hint=f"Run 'altformats formats' to list them: {', '.join(OUTPUTS)}.",
        ) from None


def available_outputs() -> dict[str, OutputSpec]:
    """Outputs whose writer module can be imported (the others are not built yet)."""
    found = {}
    for name, spec in OUTPUTS.items():
        module = spec.writer.partition(":")[0]
        if importlib.util.find_spec(module) is not None:
            found[name] = spec
    return found

