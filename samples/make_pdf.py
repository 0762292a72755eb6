"""The sample DOCX becomes a tagged PDF through LibreOffice, with the contents page numbers measured from it.

Usage: .venv/bin/python samples/make_pdf.py
Needs LibreOffice (soffice) and poppler-utils (pdftotext) at build time only.
Steps: build the DOCX with the page numbers in source/toc_pages.json, convert it to a
tagged PDF, read the page on which each contents entry starts and the first words of
each page (source/page_starts.json, marked in the DOCX as Word's rendered page breaks),
and if any of them changed, save them and build and convert again (at most three rounds).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_sample  # noqa: E402
import rendered_pages  # noqa: E402
from sample_source import read_source  # noqa: E402

PDF = build_sample.HERE / "kent-and-medway-domestic-abuse-strategy.pdf"
EXPORT_FILTER = ('pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
                 '"PDFUACompliance":{"type":"boolean","value":"true"},'
                 '"ExportBookmarks":{"type":"boolean","value":"true"}}')
TOC_LINE = re.compile(r"\.{6,}")


def convert_to_pdf(docx_path: Path, out_dir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice is needed to make the PDF: apt-get install -y libreoffice-writer-nogui")
    profile = out_dir / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", EXPORT_FILTER, "--outdir", str(out_dir), str(docx_path)],
                   check=True, capture_output=True, timeout=300)
    return out_dir / (docx_path.stem + ".pdf")


def page_texts(pdf_path: Path) -> list:
    text = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")]


def measure_pages(pdf_path: Path, headings: list) -> dict:
    """Page number (1-based) on which each heading first appears after the contents pages."""
    pages = page_texts(pdf_path)
    toc_pages = [index for index, text in enumerate(pages) if TOC_LINE.search(text)]
    current = (toc_pages[-1] + 1) if toc_pages else 0
    found = {}
    for heading in headings:
        for index in range(current, len(pages)):
            if heading in pages[index]:
                found[heading] = index + 1
                current = index
                break
        else:
            raise RuntimeError(f"Heading {heading!r} not found in {pdf_path}")
    return found


def toc_headings() -> list:
    source = read_source(build_sample.SOURCE)
    return [block.text for block in source.blocks
            if block.kind == "heading" and block.level <= build_sample.TOC_LEVELS]


def main() -> int:
    headings = toc_headings()
    with tempfile.TemporaryDirectory() as temp:
        for attempt in range(1, 4):
            docx_path = build_sample.build()
            pdf_path = convert_to_pdf(docx_path, Path(temp))
            measured = measure_pages(pdf_path, headings)
            starts = rendered_pages.measure(pdf_path)
            stored = (json.loads(build_sample.TOC_PAGES.read_text(encoding="utf-8"))
                      if build_sample.TOC_PAGES.exists() else {})
            stored_starts = (json.loads(rendered_pages.PAGE_STARTS.read_text(encoding="utf-8"))
                             if rendered_pages.PAGE_STARTS.exists() else [])
            if measured == stored and starts == stored_starts:
                break
            build_sample.TOC_PAGES.write_text(json.dumps(measured, indent=1, ensure_ascii=False) + "\n",
                                              encoding="utf-8")
            rendered_pages.PAGE_STARTS.write_text(json.dumps(starts, indent=1, ensure_ascii=False) + "\n",
                                                  encoding="utf-8")
            print(f"round {attempt}: contents page numbers and page starts updated")
        else:
            print("warning: contents page numbers did not settle after 3 rounds", file=sys.stderr)
        shutil.copyfile(pdf_path, PDF)
    print(f"wrote {docx_path}\nwrote {PDF} ({len(page_texts(PDF)) - 1} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
