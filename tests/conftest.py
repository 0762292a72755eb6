"""Shared test fixtures: paths, the golden-file checker and the shared corpus."""
from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ALTFORMATS_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
GOLDEN = ROOT / "tests" / "golden"
SAMPLES = ROOT / "samples"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite golden files from the current output (read the diff before committing).")


class Golden:
    """compare(name, text): the text must equal tests/golden/<name>. A missing golden fails."""

    def __init__(self, update: bool):
        self.update = update

    def compare(self, name: str, actual: str) -> None:
        path = GOLDEN / name
        if self.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        if not path.exists():
            pytest.fail(f"Golden file {path.relative_to(ROOT)} is missing. "
                        "Create it with: scripts/test --update-golden, then read and commit it.")
        expected = path.read_text(encoding="utf-8")
        if expected != actual:
            diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                                "golden", "actual", n=2))
            pytest.fail(f"Output differs from {path.relative_to(ROOT)}:\n{diff[:6000]}")


@pytest.fixture
def golden(request) -> Golden:
    return Golden(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"The shared corpus is missing at {CORPUS}; set ALTFORMATS_SHARED to the shared/ folder.")
    return CORPUS
