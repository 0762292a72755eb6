"""`altformats convert` on bad input, bad options and unwritable folders, run for real in a subprocess.

Each must end with a plain message naming the file, the cause and what to do, and
exit 2 (1 when only some outputs failed): never a traceback.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import PIL.Image
import pytest

ALTFORMATS = Path(sys.executable).with_name("altformats")
ROOT = Path(__file__).resolve().parents[2]
SAMPLE_PDF = ROOT / "samples" / "kent-and-medway-domestic-abuse-strategy.pdf"
ENCRYPTED_PDF = ROOT / "tests" / "fixtures" / "pdf" / "encrypted_user_password.pdf"


def altformats(*args: str | Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(ALTFORMATS), "convert", *map(str, args), "--no-scores"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, **env} if env else None)


def small_word_document(path: Path, pictures_without_alt: int = 0) -> Path:
    word = docx.Document()
    word.core_properties.title = "Bin collections"
    word.add_heading("Bin collections", level=1)
    word.add_paragraph("We collect your bins every week.")
    picture = path.parent / "blue.png"
    PIL.Image.new("RGB", (40, 20), (0, 94, 165)).save(picture)
    for _ in range(pictures_without_alt):
        word.add_picture(str(picture))  # python-docx gives a picture no description
    word.save(path)
    return path


def assert_plain_error(run: subprocess.CompletedProcess, code: int, *named: str) -> None:
    output = run.stdout + run.stderr
    assert "Traceback" not in output, output
    assert run.returncode == code, output
    assert "What to do:" in output, output
    for name in named:
        assert name in output, output


def bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    (tmp / "empty.docx").write_bytes(b"")
    (tmp / "notes.pdf").write_text("Meeting notes, not a PDF at all.\n", encoding="utf-8")
    (tmp / "a folder").mkdir()
    return {"missing": (tmp / "missing.docx", "does not exist"),
            "empty": (tmp / "empty.docx", "empty"),
            "text named .pdf": (tmp / "notes.pdf", "not a PDF"),
            "folder": (tmp / "a folder", "folder"),
            "encrypted": (ENCRYPTED_PDF, "password")}


@pytest.mark.parametrize("case", ["missing", "empty", "text named .pdf", "folder", "encrypted"])
def test_a_file_that_cannot_be_read_names_the_file_and_cause_and_exits_2(case, tmp_path):
    path, cause = bad_inputs(tmp_path)[case]
    run = altformats(path, "--to", "text", "--out", tmp_path / "out")
    assert_plain_error(run, 2, path.name, cause)


def test_an_unknown_format_name_lists_the_known_ones_and_exits_2(tmp_path):
    run = altformats(small_word_document(tmp_path / "bins.docx"), "--to", "braille", "--out", tmp_path / "out")
    assert_plain_error(run, 2, "braille", "large-print-pdf")


def test_a_font_size_above_28_suggests_another_format_and_exits_2(tmp_path):
    run = altformats(small_word_document(tmp_path / "bins.docx"), "--font-size", "40", "--out", tmp_path / "out")
    assert_plain_error(run, 2, "16 and 28", "another format")


def test_an_output_folder_blocked_by_a_file_is_refused_before_reading_and_exits_2(tmp_path):
    blocker = tmp_path / "taken"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    for out in (blocker, blocker / "inside"):
        run = altformats(small_word_document(tmp_path / "bins.docx"), "--to", "text", "--out", out)
        assert_plain_error(run, 2, str(out), "--out")


def test_an_output_that_cannot_be_saved_fails_alone_with_exit_1(tmp_path):
    out = tmp_path / "out"
    (out / "bins.txt").mkdir(parents=True)  # a folder where the text file should go
    run = altformats(small_word_document(tmp_path / "bins.docx"), "--to", "text,html", "--out", out)
    assert_plain_error(run, 1, "bins.txt")
    assert (out / "bins.html").is_file()


def test_a_pdf_named_docx_is_read_as_a_pdf_with_a_note_saying_so(tmp_path):
    misnamed = tmp_path / "strategy.docx"
    shutil.copyfile(SAMPLE_PDF, misnamed)
    run = altformats(misnamed, "--to", "text", "--out", tmp_path / "out")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "named .docx but is a PDF" in run.stdout
    assert (tmp_path / "out" / "strategy.txt").is_file()


def test_many_warnings_of_one_kind_are_one_line_in_the_summary(tmp_path):
    source = small_word_document(tmp_path / "pictures.docx", pictures_without_alt=12)
    run = altformats(source, "--to", "text", "--out", tmp_path / "out")
    assert run.returncode == 0, run.stdout + run.stderr
    alt_lines = [line for line in run.stdout.splitlines() if "alt text" in line.lower()]
    assert alt_lines and len(alt_lines) <= 4, run.stdout  # reader and writer: a line or two each, not 24
    assert "11 more like it" in run.stdout


def test_a_file_over_the_size_limit_setting_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.7\n" + b"0" * (3 * 1024 * 1024))  # 3 MB, never parsed
    run = altformats(big, "--to", "text", "--out", tmp_path / "out", env={"ALTFORMATS_MAX_FILE_MB": "2"})
    assert_plain_error(run, 2, "big.pdf", "over the 2 MB limit", "ALTFORMATS_MAX_FILE_MB")


def test_debug_shows_the_traceback_that_is_otherwise_hidden(tmp_path):
    run = altformats(tmp_path / "missing.docx", "--to", "text", "--out", tmp_path / "out", "--debug")
    assert run.returncode != 0 and "Traceback" in run.stderr and "does not exist" in run.stderr
