"""Benchmark: DOCX -> document model with altformats, against pandoc and python-docx, same files, one run.

For each DOCX (the shared corpus, samples/*.docx, and a large document made here by
repeating the sample's body 20 times) it prints:
- read: seconds for converter.readers.docx.read() in this process;
- python-docx: seconds to open the file with python-docx and join every paragraph's text
  (body and table cells; no lists, notes, pictures: a lower bound for any python-docx reader);
- pandoc: wall seconds for `pandoc -t plain FILE` (Haskell, a child process);
- the ratios read/python-docx and read/pandoc;
- then for each file the whole command a user runs, `altformats convert FILE --to text`, against
  `pandoc -t plain`: wall seconds and peak memory (max RSS from /usr/bin/time) of each child.
It also times the refusal of a zip bomb (a 10 KB file declaring 2 GB unpacked).
Run: .venv/bin/python bench/read_docx.py [FILE.docx ...]
"""
from __future__ import annotations

import io
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import os
from pathlib import Path

import docx
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ALTFORMATS_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

from converter.errors import FileTooLargeError  # noqa: E402
from timing import best_of, timed_child  # noqa: E402
from converter.pipeline import read_bytes  # noqa: E402
from converter.readers import ReadOptions  # noqa: E402
from converter.readers.docx import read  # noqa: E402

CORPUS = SHARED / "corpus" / "documents" / "docx"
ALTFORMATS = Path(sys.executable).with_name("altformats")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"



def python_docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def enlarged(path: Path, times: int) -> bytes:
    """The same document with its body repeated `times` times (pictures and notes shared)."""
    with zipfile.ZipFile(path) as source:
        root = etree.fromstring(source.read("word/document.xml"))
        body = root.find(W + "body")
        content = [el for el in body if el.tag != W + "sectPr"]
        sect = body.find(W + "sectPr")
        for _ in range(times - 1):
            for el in content:
                (sect.addprevious if sect is not None else body.append)(etree.fromstring(etree.tostring(el)))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                blob = etree.tostring(root) if item.filename == "word/document.xml" else source.read(item)
                target.writestr(item.filename, blob)
    return out.getvalue()


def bench(name: str, data: bytes) -> None:
    read_s = best_of(lambda: read(data, ReadOptions(source_name=name)))
    pydocx_s = best_of(lambda: python_docx_text(data))
    with tempfile.NamedTemporaryFile(suffix=".docx") as tmp:
        tmp.write(data)
        tmp.flush()
        pandoc_s = best_of(lambda: subprocess.run(["pandoc", "-t", "plain", tmp.name], check=True,
                                                  stdout=subprocess.DEVNULL), repeat=1)
    print(f"{name[:44]:44} {len(data) / 1024:8.0f} KB  read {read_s:6.3f}s  python-docx {pydocx_s:6.3f}s  "
          f"pandoc {pandoc_s:6.3f}s  read/python-docx {read_s / pydocx_s:5.2f}  read/pandoc {read_s / pandoc_s:5.2f}")


def bench_command(path: Path) -> None:
    """The whole job a user runs (read + write plain text, start-up included) against pandoc -t plain:
    wall seconds and peak memory of each child process."""
    with tempfile.TemporaryDirectory() as out:
        cli_s, cli_mb, cli_rc = timed_child([str(ALTFORMATS), "convert", str(path), "--to", "text",
                                             "--out", out, "--no-scores", "--quiet"])
        ref_s, ref_mb, ref_rc = timed_child(["pandoc", "-t", "plain", str(path), "-o", str(Path(out) / "ref.txt")])
    print(f"{path.name[:44]:44} altformats convert --to text {cli_s:6.2f}s {cli_mb:6.1f} MB peak (exit {cli_rc})  "
          f"pandoc -t plain {ref_s:6.2f}s {ref_mb:6.1f} MB peak (exit {ref_rc})  "
          f"ratio time x{cli_s / ref_s:.2f}, memory x{cli_mb / ref_mb:.2f}")


def bomb_refusal() -> None:
    sample = next(iter(sorted((ROOT / "tests" / "fixtures" / "docx").glob("lists.docx"))))
    data = bytearray(sample.read_bytes())
    start = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, start + 24, 0x7FFF0000)  # the first member now declares 2 GB
    for label, attempt in (("reader", lambda: read(bytes(data), ReadOptions(source_name="bomb.docx"))),
                           ("pipeline, child process", lambda: read_bytes(bytes(data), "bomb.docx"))):
        started = time.perf_counter()
        try:
            attempt()
            print(f"zip bomb was NOT refused ({label})")
        except FileTooLargeError:
            print(f"zip bomb ({len(data) / 1024:.0f} KB declaring 2 GB) refused by the {label} "
                  f"in {time.perf_counter() - started:.4f}s")


def main(argv: list[str]) -> None:
    files = [Path(a) for a in argv] or sorted(CORPUS.glob("*.docx")) + sorted((ROOT / "samples").glob("*.docx"))
    for path in files:
        bench(path.name, path.read_bytes())
    if not argv and (ROOT / "samples").glob("*.docx"):
        sample = sorted((ROOT / "samples").glob("*.docx"))[0]
        bench(f"{sample.stem} x20", enlarged(sample, 20))
    for path in files:
        bench_command(path)
    bomb_refusal()


if __name__ == "__main__":
    main(sys.argv[1:])
