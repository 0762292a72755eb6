"""`altformats convert` makes the four writer outputs from a small Word document and prints a summary."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx

ALTFORMATS = Path(sys.executable).parent / "altformats"


def small_word_document(path: Path) -> Path:
    word = docx.Document()
    word.core_properties.title = "Garden waste collections"
    word.add_heading("Garden waste collections", level=1)
    word.add_paragraph("We collect garden waste every two weeks from March to November.")
    word.add_heading("How to join", level=2)
    word.add_paragraph("Apply online", style="List Bullet")
    word.add_paragraph("Phone 01234 567890", style="List Bullet")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Bin size", "Price"
    table.cell(1, 0).text, table.cell(1, 1).text = "240 litres", "£45"
    word.save(path)
    return path


def test_convert_writes_text_html_and_both_large_print_files_and_a_summary(tmp_path):
    source = small_word_document(tmp_path / "garden.docx")
    out = tmp_path / "out"
    done = subprocess.run([str(ALTFORMATS), "convert", str(source), "--to",
                           "text,html,large-print-docx,large-print-pdf", "--out", str(out), "--no-scores"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    made = sorted(p.name for p in out.iterdir() if not p.name.endswith("manifest.json"))
    assert made == ["garden-large-print.docx", "garden-large-print.pdf", "garden.html", "garden.txt"]
    assert "Garden waste collections" in (out / "garden.txt").read_text(encoding="utf-8")
    assert "Made in" in done.stdout and "large-print-pdf" in done.stdout
