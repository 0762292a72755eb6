"""Hostile and broken PDFs are refused with a clear error, through the real limited child process."""
from __future__ import annotations

import zlib

import pytest

from converter.errors import BadInputError, FileTooLargeError, ParseLimitError
from converter.limits import Limits
from converter.pipeline import read_bytes


def pdf_with_content(stream: bytes) -> bytes:
    """A one-page PDF whose page content is `stream`, Flate-compressed, with a correct xref."""
    packed = zlib.compress(stream, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_well_formed_generated_pdf_reads():
    doc = read_bytes(pdf_with_content(b"BT /F1 12 Tf 72 700 Td (Hello from the council) Tj ET"),
                     "hello.pdf").value
    assert "Hello from the council" in str(doc.blocks)


@pytest.mark.timeout(60)
def test_decompression_bomb_is_refused_as_too_large():
    bomb = pdf_with_content(b"BT /F1 12 Tf 72 700 Td (x) Tj ET\n" + b" " * 400_000_000)
    assert len(bomb) < 2_000_000
    with pytest.raises((FileTooLargeError, ParseLimitError)) as caught:
        read_bytes(bomb, "bomb.pdf", limits=Limits(parse_seconds=30, parse_memory_mb=1024))
    assert caught.value.path == "bomb.pdf" and caught.value.hint


@pytest.mark.timeout(60)
def test_a_parser_loop_is_stopped_by_the_time_limit():
    endless = pdf_with_content(b"BT /F1 12 Tf ET\n" * 4_000_000)
    with pytest.raises(ParseLimitError) as caught:
        read_bytes(endless, "loop.pdf", limits=Limits(parse_seconds=2))
    assert "longer than 2 seconds" in caught.value.message


@pytest.mark.timeout(60)
def test_memory_limit_stops_a_reader_that_grows_without_bound():
    bomb = pdf_with_content(b"BT /F1 12 Tf 72 700 Td (" + b"x" * 60_000_000 + b") Tj ET")
    with pytest.raises((ParseLimitError, FileTooLargeError)):
        read_bytes(bomb, "huge-string.pdf", limits=Limits(parse_seconds=50, parse_memory_mb=300))


@pytest.mark.parametrize("data", [b"", b"%PDF-1.7\n", b"%PDF-1.4\n1 0 obj << /Type /Catalog", b"\x00" * 1000,
                                  b"%PDF-1.7\n" + b"\xff" * 5000])
def test_truncated_or_garbage_pdfs_give_a_bad_input_error(data):
    with pytest.raises(BadInputError) as caught:
        read_bytes(data, "broken.pdf")
    assert caught.value.path == "broken.pdf"
