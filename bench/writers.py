"""Benchmark: document model -> text, HTML, large-print DOCX and PDF, against pandoc and plain WeasyPrint.

For each source (a corpus DOCX and the 400-page corpus PDF, read once with the
altformats readers) it prints the best of N runs, in seconds, of:
- text:  converter.writers.text.write        vs pandoc -t plain on the same model (as HTML in)
- html:  converter.writers.html.write        vs pandoc -t html --standalone (same input)
- docx:  converter.writers.docx.write_large_print  vs pandoc -t docx (same input)
- pdf:   converter.writers.pdf.write_large_print   vs WeasyPrint on our plain HTML page (no large-print CSS,
         untagged): the cost of large print + tagging over the renderer itself
and the ratio ours/reference. pandoc runs as a child process reading our HTML page,
so its time includes process start (about 0.05 s); ours runs in this process.
Run: .venv/bin/python bench/writers.py [--repeat N] [FILE ...]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ALTFORMATS_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

from timing import best_of  # noqa: E402
from converter.pipeline import read_path  # noqa: E402
from converter.profiles import LargePrintProfile, StandardPrintProfile, TextProfile  # noqa: E402
from converter.writers import docx, html, pdf, text  # noqa: E402

CORPUS = SHARED / "corpus" / "documents"
DEFAULT_FILES = [CORPUS / "docx/uk_green_party_soc_rulings_report.docx",
                 CORPUS / "pdf/very_large_us_irs_irm_2.3.59_400pp.pdf"]



def pandoc(page: bytes, to: str) -> None:
    args = ["pandoc", "-f", "html", "-t", to, "-o", "-"] + (["--standalone"] if to == "html" else [])
    subprocess.run(args, input=page, capture_output=True, check=True)


def plain_weasyprint(page: bytes) -> None:
    from weasyprint import HTML
    HTML(string=page.decode("utf-8"), url_fetcher=pdf.data_uri_fetcher()).write_pdf()


def bench(path: Path, repeat: int) -> None:
    document = read_path(path).value
    page = html.write(document, StandardPrintProfile()).value
    rows = [
        ("text", lambda: text.write(document, TextProfile()), lambda: pandoc(page, "plain"), "pandoc -t plain"),
        ("html", lambda: html.write(document, StandardPrintProfile()), lambda: pandoc(page, "html"),
         "pandoc -t html"),
        ("large-print-docx", lambda: docx.write_large_print(document, LargePrintProfile()),
         lambda: pandoc(page, "docx"), "pandoc -t docx"),
        ("large-print-pdf", lambda: pdf.write_large_print(document, LargePrintProfile()),
         lambda: plain_weasyprint(page), "WeasyPrint, plain page"),
    ]
    print(f"\n{path.name}: {len(document.blocks)} blocks")
    print(f"  {'output':<18}{'ours s':>9}{'reference s':>13}  ratio  reference")
    for name, ours, reference, label in rows:
        ours_s, ref_s = best_of(ours, repeat), best_of(reference, repeat)
        print(f"  {name:<18}{ours_s:>9.3f}{ref_s:>13.3f}  {ours_s / ref_s:5.2f}  {label}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    for path in options.files:
        bench(path, options.repeat)


if __name__ == "__main__":
    main()
