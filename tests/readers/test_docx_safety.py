"""DOCX reader: hostile and broken files are refused with the right AltformatsError, before parsing."""
from __future__ import annotations

import io
import struct
import zipfile

import pytest

from converter.dump import dump
from converter.errors import BadInputError, FileTooLargeError
from converter.limits import Limits
from converter.model import Document
from converter.pipeline import read_bytes
from converter.readers import ReadOptions
from converter.readers.docx import read
from converter.readers.zip_safety import OLE_MAGIC

from docx_helpers import FIXTURES

CENTRAL_HEADER = b"PK\x01\x02"


def fixture_bytes(name="lists") -> bytes:
    return (FIXTURES / f"{name}.docx").read_bytes()


def declare_huge_member(data: bytes, member: str, declared: int = 0x7FFF0000) -> bytes:
    """Rewrite the central directory so `member` claims `declared` bytes unpacked (its data stays tiny)."""
    out = bytearray(data)
    start = 0
    while (start := out.find(CENTRAL_HEADER, start)) != -1:
        name_length = struct.unpack_from("<H", out, start + 28)[0]
        if out[start + 46:start + 46 + name_length].decode() == member:
            struct.pack_into("<I", out, start + 24, declared)
        start += 4
    return bytes(out)


def dense_zip(megabytes: int) -> bytes:
    """A real zip whose word/document.xml is megabytes of zeros (a ratio of about 1000:1)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (megabytes * 1024 * 1024))
    return buffer.getvalue()


def read_bytes_directly(data: bytes, limits: Limits | None = None):
    return read(data, ReadOptions(source_name="upload.docx", limits=limits or Limits()))


def test_zip_declaring_more_than_the_unpacked_limit_is_refused_as_too_large():
    bomb = declare_huge_member(fixture_bytes(), "word/document.xml")
    assert len(bomb) < 100_000
    with pytest.raises(FileTooLargeError) as caught:
        read_bytes_directly(bomb)
    assert "unpacked" in caught.value.message.lower() and caught.value.path == "upload.docx"
    assert caught.value.hint


def test_member_packed_tighter_than_the_ratio_limit_is_refused_as_a_bomb():
    with pytest.raises(FileTooLargeError) as caught:
        read_bytes_directly(dense_zip(20))
    assert "word/document.xml" in caught.value.message and "bomb" in caught.value.message


def test_unpacked_limit_comes_from_the_options():
    with pytest.raises(FileTooLargeError):
        read_bytes_directly(fixture_bytes(), Limits(max_unpacked_mb=0.01))


def test_bomb_is_refused_through_the_isolated_pipeline_with_the_same_error_class():
    with pytest.raises(FileTooLargeError):
        read_bytes(declare_huge_member(fixture_bytes(), "word/document.xml"), "bomb.docx")


def test_truncated_zip_is_refused_as_damaged():
    data = fixture_bytes()
    with pytest.raises(BadInputError) as caught:
        read_bytes_directly(data[: len(data) // 2])
    assert "damaged" in caught.value.message


def test_corrupted_member_data_is_refused_as_damaged():
    data = bytearray(fixture_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 40
    data[start:start + 200] = bytes(200)
    with pytest.raises(BadInputError) as caught:
        read_bytes_directly(bytes(data))
    assert "damaged" in caught.value.message


def test_malformed_document_xml_is_refused_as_damaged():
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(fixture_bytes())) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            target.writestr(item, body[:-40] if item.filename == "word/document.xml" else body)
    with pytest.raises(BadInputError) as caught:
        read_bytes_directly(buffer.getvalue())
    assert "damaged" in caught.value.message


def test_zip_without_a_word_document_part_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(BadInputError) as caught:
        read_bytes_directly(buffer.getvalue())
    assert "word/document.xml" in caught.value.message


def test_encrypted_office_file_is_refused_with_what_to_do():
    encrypted = OLE_MAGIC + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(512)
    with pytest.raises(BadInputError) as caught:
        read_bytes_directly(encrypted)
    assert "password" in caught.value.message and "Protect Document" in caught.value.hint


def test_rights_managed_office_file_is_refused():
    irm = OLE_MAGIC + bytes(504) + "DRMEncrypted".encode("utf-16-le") + bytes(512)
    with pytest.raises(BadInputError) as caught:
        read_bytes_directly(irm)
    assert "rights-managed" in caught.value.message


def test_isolated_pipeline_returns_a_plain_picklable_document():
    result = read_bytes(fixture_bytes("tables"), "tables.docx")
    assert isinstance(result.value, Document) and result.value.meta.source_name == "tables.docx"


def renamed_main_part(data: bytes) -> bytes:
    """The same document with its main part saved as word/document2.xml, as Word for the web does."""
    renames = {"word/document.xml": "word/document2.xml", "word/_rels/document.xml.rels": "word/_rels/document2.xml.rels"}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename in ("_rels/.rels", "[Content_Types].xml"):
                body = body.replace(b"word/document.xml", b"word/document2.xml")
            target.writestr(renames.get(item.filename, item.filename), body)
    return out.getvalue()


def test_main_part_named_document2_is_found_through_its_relationship():
    result = read_bytes(renamed_main_part(fixture_bytes("lists")), "web.docx")
    assert result.value.meta.source_format == "docx" and "phone" in dump(result.value)
