"""Benchmark: `altformats check` documents per second, against raw textstat on the same text, one run.

For each folder (samples/ and the shared corpus documents by default) it prints:
- check: documents per second for converter.readability.check.check_file() (read the file,
  drop ignored passages, split sentences, score per sentence/section/document, judge);
- read: documents per second for reading alone (the readable files, again);
- score: documents per second for score_document() alone on the already-read documents;
- textstat: documents per second for raw textstat (7 formulas + difficult words) on the same
  extracted text (each block's text joined with newlines), the way a naive tool would run it;
- the ratio score/textstat (how much our sentence-level scoring costs over textstat's), and
  check/textstat.
Start-up (loading the CMU dictionary, wordfreq, pysbd) is done once before timing, for both.
Files that cannot be read (encrypted, damaged) count in `check` and are listed.
Run: .venv/bin/python bench/check.py [FOLDER ...]
"""
from __future__ import annotations

import sys
import time
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ALTFORMATS_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

import textstat  # noqa: E402

from converter.model import Document, Paragraph, Text, block_text, walk  # noqa: E402
from converter.readability import score_document  # noqa: E402
from converter.readability.check import check_file, collect_paths, read_for_check  # noqa: E402
from converter.readability.config import Config  # noqa: E402

FOLDERS = [ROOT / "samples", SHARED / "corpus" / "documents"]
TEXTSTAT_FUNCTIONS = (textstat.flesch_reading_ease, textstat.flesch_kincaid_grade, textstat.smog_index,
                      textstat.gunning_fog, textstat.coleman_liau_index, textstat.automated_readability_index,
                      textstat.dale_chall_readability_score, textstat.difficult_words)


def extracted_text(doc: Document) -> str:
    return "\n".join(block_text(b) for b in doc.blocks)


def warm_up() -> None:
    sample = "The council collects bins every week. Residents should use the green bin."
    score_document(Document(blocks=(Paragraph((Text(sample),)),)))
    for fn in TEXTSTAT_FUNCTIONS:
        fn(sample)


def bench_folder(folder: Path) -> None:
    config = Config(root=folder)
    paths, _ = collect_paths([folder], config)
    started = time.perf_counter()
    checks = [check_file(p, config) for p in paths]
    check_seconds = time.perf_counter() - started
    docs = []
    started = time.perf_counter()
    for path, check in zip(paths, checks):
        if not check.error:
            docs.append(read_for_check(path)[0])
    read_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for doc in docs:
        score_document(doc)
    score_seconds = time.perf_counter() - started
    texts = [extracted_text(d) for d in docs]
    started = time.perf_counter()
    for text in texts:
        for fn in TEXTSTAT_FUNCTIONS:
            fn(text)
    textstat_seconds = time.perf_counter() - started
    words = sum(len(t.split()) for t in texts)
    failed = [c for c in checks if c.error]
    print(f"\n{folder}: {len(paths)} files ({len(docs)} scored, {len(failed)} could not be read), {words} words")
    print(f"  check    {len(paths) / check_seconds:8.2f} documents/s  ({check_seconds:.2f} s)")
    print(f"  read     {len(docs) / read_seconds:8.2f} documents/s  ({read_seconds:.2f} s, readable files only)")
    print(f"  score    {len(docs) / score_seconds:8.2f} documents/s  ({score_seconds:.2f} s, "
          f"{words / score_seconds:.0f} words/s)")
    print(f"  textstat {len(docs) / textstat_seconds:8.2f} documents/s  ({textstat_seconds:.2f} s)")
    print(f"  ratio score/textstat time: {score_seconds / textstat_seconds:.1f}x; "
          f"check/textstat time: {check_seconds / textstat_seconds:.1f}x")
    for c in failed:
        print(f"  not readable: {c.path.name}: {c.error.splitlines()[0][:100]}")


def main(argv: list[str]) -> None:
    warm_up()
    for folder in [Path(a) for a in argv] or FOLDERS:
        bench_folder(folder)


if __name__ == "__main__":
    main(sys.argv[1:])
