"""Benchmark: PDF -> plain text with altformats against pdftotext, on the same files in one run.

For each PDF (the 400-page corpus PDF and samples/*.pdf) it prints:
- read: seconds for converter.readers.pdf.read() in this process;
- cli: wall seconds and peak memory (max RSS, from /usr/bin/time) for
  `altformats convert FILE --to text --no-scores` (read + write text, Python start-up included);
- pdftotext: wall seconds and peak memory for `pdftotext FILE OUT` (poppler, C++);
- the ratios cli/pdftotext for time and memory.
Run: .venv/bin/python bench/read_pdf.py [FILE.pdf ...]
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ALTFORMATS_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

from converter.readers import ReadOptions  # noqa: E402
from timing import timed_child  # noqa: E402
from converter.readers.pdf import read  # noqa: E402

LARGE = SHARED / "corpus" / "documents" / "pdf" / "very_large_us_irs_irm_2.3.59_400pp.pdf"
ALTFORMATS = Path(sys.executable).with_name("altformats")


def in_process_read(path: Path) -> tuple[float, int]:
    started = time.perf_counter()
    doc = read(path.read_bytes(), ReadOptions(source_name=path.name)).value
    return time.perf_counter() - started, len(doc.blocks)


def bench(path: Path) -> None:
    with tempfile.TemporaryDirectory() as out:
        cli_s, cli_mb, cli_rc = timed_child([str(ALTFORMATS), "convert", str(path), "--to", "text",
                                             "--out", out, "--no-scores", "--quiet"])
        ref_s, ref_mb, ref_rc = timed_child(["pdftotext", str(path), str(Path(out) / "ref.txt")])
    read_s, blocks = in_process_read(path)
    print(f"{path.name}")
    print(f"  read (in process) {read_s:7.2f} s   {blocks} blocks")
    print(f"  altformats cli    {cli_s:7.2f} s   {cli_mb:7.1f} MB peak   exit {cli_rc}")
    print(f"  pdftotext         {ref_s:7.2f} s   {ref_mb:7.1f} MB peak   exit {ref_rc}")
    print(f"  ratio cli/pdftotext: time x{cli_s / ref_s:.1f}, memory x{cli_mb / ref_mb:.1f}")


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv] or [LARGE, *sorted((ROOT / "samples").glob("*.pdf"))]
    for path in paths:
        if path.exists():
            bench(path)
        else:
            print(f"{path}: not found, skipped")


if __name__ == "__main__":
    main(sys.argv[1:])
