"""PDF bytes -> an opened (and where needed decrypted) pypdf reader, plus its Metadata.

Supports: damaged files (pypdf non-strict mode), RC4/AES encryption with an empty
user password (owner-password-only files open normally) or a given --password,
/Title /Author /Subject /Keywords /CreationDate from /Info and /Lang from the catalog.
Does not support: certificate (public-key) encryption, XMP-only metadata.
"""
from __future__ import annotations

import io
import logging
import re

from pypdf import PdfReader
from pypdf import PasswordType
from pypdf.errors import DependencyError, LimitReachedError, PdfReadError

from ...errors import BadInputError, FileTooLargeError, PasswordRequiredError
from ...model import Metadata

# pypdf logs every repair it makes on a damaged file; our messages say what matters.
logging.getLogger("pypdf").setLevel(logging.ERROR)

DAMAGED_HINT = ("Open it in a PDF viewer and save or print it to a new PDF, "
                "or ask the sender for the original Word file.")


def open_pdf(data: bytes, name: str | None, password: str | None) -> PdfReader:
    """An opened reader, decrypted if needed; AltformatsError for anything unreadable."""
    if b"%PDF" not in data[:1024]:
        raise BadInputError("This file is not a PDF (it has no %PDF header).", path=name,
                            hint="Check the file is the document you meant to send.")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt(reader, name, password)
        _ = len(reader.pages)
    except LimitReachedError as exc:
        raise FileTooLargeError(f"The PDF unpacks to more data than allowed ({exc}).", path=name,
                                hint="It may be a decompression bomb. Ask for a smaller copy.") from None
    except DependencyError as exc:
        raise BadInputError(f"This PDF's encryption cannot be read here ({exc}).", path=name,
                            hint="Ask the sender for an unprotected copy.") from None
    except (PdfReadError, ValueError, TypeError, KeyError, AttributeError, IndexError,
            AssertionError, RecursionError, OSError) as exc:
        raise BadInputError(f"The PDF is damaged and cannot be read ({type(exc).__name__}: {exc}).",
                            path=name, hint=DAMAGED_HINT) from None
    return reader


def _decrypt(reader: PdfReader, name: str | None, password: str | None) -> None:
    if reader.decrypt("") != PasswordType.NOT_DECRYPTED:
        return  # protected only by an owner password: permissions, not secrecy
    if password is None:
        raise PasswordRequiredError(
            "The PDF is protected by a password.", path=name,
            hint="Ask the sender for an unprotected copy, or give the password with --password.")
    if reader.decrypt(password) == PasswordType.NOT_DECRYPTED:
        raise PasswordRequiredError(
            "The password given does not open this PDF.", path=name,
            hint="Check the password with the sender, or ask for an unprotected copy.")


def _text(value) -> str | None:
    if value is None:
        return None
    text = str(value).replace("\x00", "").strip()
    return text or None


def _clean_title(raw) -> str | None:
    """A real title, or None when it is only a file name ("Microsoft Word - report.doc")."""
    title = _text(raw)
    if not title:
        return None
    title = re.sub(r"^Microsoft (Word|PowerPoint|Excel) - ", "", title)
    if re.search(r"\.(docx?|pdf|rtf|odt|pptx?|xlsx?|indd|txt)$", title, re.IGNORECASE) or title.lower() in (
            "untitled", "title", "document"):
        return None
    return title


def _pdf_date(raw) -> str | None:
    """'D:20230117093000Z' -> '2023-01-17' (the day is what readers need)."""
    match = re.search(r"(\d{4})(\d{2})?(\d{2})?", str(raw or ""))
    if not match:
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    return f"{year}-{month}-{day}" if month <= "12" and day <= "31" else year


def read_metadata(reader: PdfReader, name: str | None) -> Metadata:
    try:
        info = reader.metadata or {}
    except Exception:  # a broken /Info dictionary must not lose the document
        info = {}
    try:
        lang = _text(reader.trailer["/Root"].get("/Lang"))
    except Exception:
        lang = None
    authors = _text(info.get("/Author"))
    keywords = _text(info.get("/Keywords"))
    return Metadata(
        title=_clean_title(info.get("/Title")),
        language=lang or "en-GB",
        date=_pdf_date(info.get("/CreationDate")),
        subject=_text(info.get("/Subject")),
        authors=tuple(a.strip() for a in re.split(r"[;\n]", authors) if a.strip()) if authors else (),
        keywords=tuple(k.strip() for k in re.split(r"[;,\n]", keywords) if k.strip()) if keywords else (),
        source_name=name,
        source_format="pdf",
        page_count=len(reader.pages),
    )
