"""Which reader a file needs, decided by its content first and its name second."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .errors import BadInputError
from .formats import READERS

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes, name: str | None = None) -> str:
    """Return a READERS key for these bytes, or raise BadInputError saying why not."""
    head = data[:1024]
    suffix = Path(name).suffix.lower() if name else ""
    if not data:
        raise BadInputError("The file is empty.", path=name, hint="Check you chose the right file.")
    if b"%PDF-" in head:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            raise BadInputError(
                "The file looks like a Word document but is damaged (not a valid zip).",
                path=name, hint="Open it in Word and save it again as .docx.",
            ) from None
        if any(n.startswith("word/document") and n.endswith(".xml") and "/" not in n[5:] for n in names):
            # Word for the web sometimes names the main part word/document2.xml
            return "docx"
        if "content.xml" in names:
            raise BadInputError(
                "This is an OpenDocument file (.odt), which we do not read yet.",
                path=name, hint="Save it as a Word document (.docx) and try again.",
            )
        raise BadInputError(
            "This is a zip file but not a Word document.", path=name,
            hint="Send a .docx or .pdf file.",
        )
    if data[:8] == _OLE:
        raise BadInputError(
            "This is an old Word 97-2003 (.doc) file, which we do not read.",
            path=name, hint="Open it in Word and save it as a Word document (.docx).",
        )
    if suffix in (".docx", ".pdf", ".doc", ".odt"):
        kind = "Word document" if suffix in (".docx", ".doc") else suffix.lstrip(".").upper()
        raise BadInputError(
            f"The file is named {suffix} but its content is not a {kind}: it may be damaged, "
            "or renamed from another kind of file.",
            path=name, hint="Open it in the program that made it and save it again as .docx or PDF.",
        )
    for kind, spec in READERS.items():
        if suffix in spec.extensions and kind in ("text", "markdown", "html"):
            return kind
    if b"\x00" in head:
        raise BadInputError(
            "This is not a document we can read (binary data of an unknown type).",
            path=name, hint="Send a Word document (.docx) or a PDF.",
        )
    text = head.decode("utf-8", errors="ignore").lstrip().lower()
    if text.startswith(("<!doctype html", "<html")):
        return "html"
    return "text"
