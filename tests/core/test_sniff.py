"""Which reader a file needs is decided by its content; a misleading name is a clear error."""
from __future__ import annotations

import pytest

from converter.errors import BadInputError
from converter.sniff import sniff


def test_pdf_is_known_by_its_header_whatever_its_name():
    assert sniff(b"%PDF-1.7\n...", "letter.txt") == "pdf"


def test_plain_text_named_docx_is_refused_with_a_clear_message():
    with pytest.raises(BadInputError, match="named .docx but its content is not a Word document"):
        sniff(b"Dear resident, this is plain text.", "strategy.docx")


def test_text_named_pdf_is_refused():
    with pytest.raises(BadInputError, match="not a PDF"):
        sniff(b"hello", "strategy.pdf")


def test_old_word_files_are_refused_with_what_to_do():
    with pytest.raises(BadInputError) as info:
        sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old.doc")
    assert "save it as a Word document (.docx)" in str(info.value)


def test_empty_file_is_refused():
    with pytest.raises(BadInputError, match="empty"):
        sniff(b"", "x.txt")


def test_markdown_by_name_and_html_by_content():
    assert sniff(b"# Title\n\ntext", "notes.md") == "markdown"
    assert sniff(b"<!DOCTYPE html><html><body>x</body></html>", "page") == "html"
