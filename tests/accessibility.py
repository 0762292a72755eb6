"""Automated WCAG checks for tests: axe-core run in a real headless Chromium via Playwright.

    from accessibility import axe_violations
    assert axe_violations(html_text) == []          # an HTML string
    assert axe_violations("http://127.0.0.1:8000/")  # or a URL (a running web app)

Each violation is returned as a short dict: id, impact, help, and the failing
nodes' CSS targets, so an assertion failure says exactly what to fix.
Runs offline: axe-core is loaded from node_modules, Chromium from /usr/bin.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = Path(os.environ.get("ALTFORMATS_AXE_JS", ROOT / "node_modules" / "axe-core" / "axe.min.js"))
CHROMIUM = os.environ.get("ALTFORMATS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu"]
# WCAG 2.0/2.1/2.2 A and AA, plus axe's best practices (heading order, landmarks, one h1).
DEFAULT_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def _summary(violation: dict) -> dict:
    return {
        "id": violation["id"],
        "impact": violation.get("impact"),
        "help": violation.get("help"),
        "targets": [", ".join(map(str, node.get("target", []))) for node in violation.get("nodes", [])],
    }


def axe_violations(html_or_url: str, tags: list[str] | None = None) -> list[dict]:
    """Run axe-core on an HTML string or an http(s)/file URL; return its violations (empty: passes)."""
    from playwright.sync_api import sync_playwright

    if not AXE_JS.is_file():
        raise FileNotFoundError(f"axe-core not found at {AXE_JS}; run npm install in {ROOT}.")
    is_url = html_or_url.lstrip().lower().startswith(("http://", "https://", "file://"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page()
            if is_url:
                page.goto(html_or_url.strip(), wait_until="load")
            else:
                page.set_content(html_or_url, wait_until="load")
            page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
            result = page.evaluate(
                "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                tags or DEFAULT_TAGS,
            )
        finally:
            browser.close()
    return [_summary(v) for v in result["violations"]]
