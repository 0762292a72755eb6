"""Every document in the shared corpus goes through the real command line without a traceback or hang.

Each file (PDF, DOCX, text; read in place, never copied) is converted to plain text by
`altformats convert FILE --to text --out TMP --no-scores` in a subprocess. It must end
with exit 0 and a text file, or exit 2 with a plain message on stderr, within 60 s.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("ALTFORMATS_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS_DOCUMENTS = SHARED / "corpus" / "documents"
ALTFORMATS = Path(sys.executable).with_name("altformats")
HANG_GUARD_SECONDS = 60


def corpus_files() -> list[Path]:
    return sorted(p for kind in ("pdf", "docx", "text") for p in (CORPUS_DOCUMENTS / kind).glob("*")
                  if p.is_file())


def test_the_corpus_has_documents_of_each_kind(corpus):
    kinds = {p.parent.name for p in corpus_files()}
    assert {"pdf", "docx", "text"} <= kinds


@pytest.mark.timeout(HANG_GUARD_SECONDS + 30)
@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_document_converts_to_text_or_fails_with_a_clear_message(path, tmp_path):
    run = subprocess.run([str(ALTFORMATS), "convert", str(path), "--to", "text", "--out", str(tmp_path),
                          "--no-scores"], capture_output=True, text=True, timeout=HANG_GUARD_SECONDS)
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout
    assert run.returncode in (0, 2), run.stderr
    if run.returncode == 0:
        made = list(tmp_path.glob("*.txt"))
        assert made and made[0].read_text(encoding="utf-8").strip()
    else:
        assert "What to do" in run.stderr or "Error" in run.stderr
        assert path.name in run.stderr


def test_encrypted_corpus_pdf_opens_with_its_password(tmp_path):
    path = CORPUS_DOCUMENTS / "pdf" / "encrypted_aes256_r6_user_usersecret_owner_ownersecret.pdf"
    run = subprocess.run([str(ALTFORMATS), "convert", str(path), "--to", "text", "--out", str(tmp_path),
                          "--no-scores", "--password", "usersecret"],
                         capture_output=True, text=True, timeout=HANG_GUARD_SECONDS)
    assert run.returncode == 0, run.stderr


def test_the_400_page_pdf_keeps_one_page_marker_per_page():
    from converter.model import PageMarker
    from converter.pipeline import read_path
    doc = read_path(CORPUS_DOCUMENTS / "pdf" / "very_large_us_irs_irm_2.3.59_400pp.pdf").value
    assert sum(isinstance(b, PageMarker) for b in doc.blocks) == 400
    assert doc.meta.page_count == 400
