"""The sample strategy's easy read meets the figures in STANDARDS.md (reading age is reported, see docs)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "kent-and-medway-domestic-abuse-strategy.docx"
SEED = ROOT.parent / "shared" / "seeds" / "easy_read_strategy_2020-2023.txt"


@pytest.fixture(scope="module")
def figures() -> dict:
    command = [sys.executable, "-m", "converter", "easy-read", "figures", str(SAMPLE), "--json"]
    if SEED.is_file():
        command += ["--compare", str(SEED)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode in (0, 1), result.stderr
    return {row["figure"]: row for row in json.loads(result.stdout)}


@pytest.mark.parametrize("figure", ["words", "pages", "average sentence (words)", "longest sentence (words)",
                                    "lines with a picture", "support and contact numbers and emails kept",
                                    "top-level sections present", "reading age",
                                    "lines that are not full sentences (no verb)"])
def test_sample_easy_read_meets_the_standard(figures, figure):
    assert figures[figure]["ours_pass"] is True, figures[figure]


def test_sample_reading_age_is_measured_beside_the_human_easy_read(figures):
    ours = float(figures["reading age"]["ours"])
    assert 0 < ours < 14
    if SEED.is_file():
        assert float(figures["reading age"]["reference"]) > 0
