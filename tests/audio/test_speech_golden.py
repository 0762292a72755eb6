"""The whole spoken script of a small strategy, compared with a golden file (text, no audio)."""
from __future__ import annotations

from converter.writers.audio.plan import introduction_section, plan_sections

from .documents import support_strategy


def spoken_script(doc) -> str:
    sections = plan_sections(doc)
    parts = [introduction_section(doc, sections, total_seconds=125)] + sections
    return "".join(f"=== {s.index:02d} {s.title} ({s.words} words)\n{s.text}\n\n" for s in parts)


def test_support_strategy_spoken_script_matches_golden(golden):
    golden.compare("audio/support-strategy-script.txt", spoken_script(support_strategy()))
