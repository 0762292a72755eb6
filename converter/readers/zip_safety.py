"""Untrusted zip bytes (DOCX, XLSX, ODT...) -> a ZipFile, refused before parsing if unsafe.

Checks made on the central directory only, so a decompression bomb is refused
in milliseconds, before a single member is inflated:
  * the total declared uncompressed size against Limits.max_unpacked_mb;
  * each large member's compression ratio against Limits.max_compression_ratio
    (members under RATIO_CHECK_MIN_BYTES are not ratio-checked: small XML parts
    compress very well and are harmless);
  * the number of members (MAX_MEMBERS).
A member that inflates past its declared size is cut off by zipfile itself and
fails its CRC check, so the declared sizes are a real bound.
Encrypted or rights-managed (IRM) Office files are OLE containers, not zips:
they are recognised and refused with their own message.
"""
from __future__ import annotations

import io
import struct
import zipfile

from ..errors import BadInputError, FileTooLargeError
from ..limits import MB, Limits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RATIO_CHECK_MIN_BYTES = 1 * MB
MAX_MEMBERS = 10_000


def refuse_ole_container(data: bytes, path: str | None = None) -> None:
    """An OLE container is an encrypted/IRM Office file or an old binary .doc: say which."""
    if data[:8] != OLE_MAGIC:
        return
    if "EncryptedPackage".encode("utf-16-le") in data or "DRMEncrypted".encode("utf-16-le") in data:
        raise BadInputError(
            "The document is password-protected or rights-managed (encrypted), so it cannot be read.",
            path=path,
            hint="Open it in Word, remove the password or restricted access "
            "(File > Info > Protect Document), save it, and send it again.",
        )
    raise BadInputError(
        "This is an old Word 97-2003 (.doc) file or another Office binary file, which we do not read.",
        path=path, hint="Open it in Word and save it as a Word document (.docx).",
    )


def open_zip_safely(data: bytes, limits: Limits, path: str | None = None) -> zipfile.ZipFile:
    """Open zip bytes after checking declared sizes; raise a clear AltformatsError if unsafe."""
    refuse_ole_container(data, path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError, EOFError,
            UnicodeDecodeError, struct.error):
        raise BadInputError(
            "The file is damaged: it is not a complete, valid zip package.",
            path=path, hint="Open it in its original program and save it again, then resend it.",
        ) from None
    check_declared_sizes(members, limits, path)
    return archive


def check_declared_sizes(members: list[zipfile.ZipInfo], limits: Limits, path: str | None = None) -> None:
    if len(members) > MAX_MEMBERS:
        raise FileTooLargeError(
            f"The package holds {len(members)} parts, more than the {MAX_MEMBERS} allowed.",
            path=path, hint="The file may be built to exhaust a reader. Re-save it from its original program.",
        )
    total = sum(info.file_size for info in members)
    if total > limits.max_unpacked_mb * MB:
        raise FileTooLargeError(
            f"Unpacked, the file would be {total / MB:,.0f} MB, over the {limits.max_unpacked_mb:g} MB limit.",
            path=path,
            hint="This looks like a decompression bomb or a very large document. Compress its pictures or "
            "split it; if it is genuine, raise ALTFORMATS_MAX_UNPACKED_MB.",
        )
    for info in members:
        if info.file_size < RATIO_CHECK_MIN_BYTES:
            continue
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_compression_ratio:
            raise FileTooLargeError(
                f"The part '{info.filename}' is packed {ratio:,.0f} times smaller than its real size "
                f"(the limit is {limits.max_compression_ratio:g}): this is how decompression bombs are built.",
                path=path,
                hint="Re-save the document from its original program. If it is genuine, raise "
                "ALTFORMATS_MAX_COMPRESSION_RATIO.",
            )
