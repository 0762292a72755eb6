"""The HTML report: accessible (axe-core in Chromium), marks not by colour alone, text escaped."""
from __future__ import annotations

import sys
from pathlib import Path

from bs4 import BeautifulSoup

from converter.readability.check import check_file
from converter.readability.config import Config
from converter.readability.report import fragments, render_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from accessibility import axe_violations  # noqa: E402

SOURCE = """# Paying for care

We help you pay for care. Your form is checked by our staff.

## Who pays

Notwithstanding the aforementioned considerations, the authority's discretionary determination regarding
eligibility remains fundamentally contingent upon comprehensive documentation.

- Bring your bank statements
- Bring a letter from your GP
"""


def report_for(tmp_path: Path) -> str:
    path = tmp_path / "care.md"
    path.write_text(SOURCE, encoding="utf-8")
    return render_report([check_file(path, Config(root=tmp_path))])


def test_report_has_no_axe_core_violations(tmp_path):
    assert axe_violations(report_for(tmp_path)) == []


def test_report_marks_hard_sentences_with_a_text_label_not_colour_alone(tmp_path):
    soup = BeautifulSoup(report_for(tmp_path), "html.parser")
    marked = soup.select(".text mark.very-hard")
    assert len(marked) == 1
    assert marked[0].select_one(".tag").get_text() == "Very hard"
    words = [m.get_text() for m in marked[0].select("mark.word")]
    assert "Notwithstanding" in words
    assert marked[0].find(string=" (hard word)") is not None


def test_report_marks_passive_phrases_with_a_spoken_label(tmp_path):
    soup = BeautifulSoup(report_for(tmp_path), "html.parser")
    passive = soup.select_one(".text mark.passive")
    assert passive.get_text() == "is checked"
    assert passive.find_next_sibling("span").get_text() == " (passive)"


def test_report_section_chart_is_an_image_with_a_data_table_alternative(tmp_path):
    soup = BeautifulSoup(report_for(tmp_path), "html.parser")
    svg = soup.select_one("svg[role=img]")
    assert svg.title.get_text().startswith("Reading age of each section")
    table = next(t for t in soup.find_all("table") if t.caption.get_text().startswith("Scores for each section"))
    assert [th.get_text() for th in table.select("tbody th")] == ["Paying for care", "Who pays"]


def test_report_escapes_document_text(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Never type <script>alert(1)</script> & other code into the form.\n", encoding="utf-8")
    html = render_report([check_file(path, Config(root=tmp_path))])
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; other" in html


def test_fragments_split_hard_words_and_passive_phrases_in_order():
    pieces = fragments("The form is checked by the ombudsman.", ["ombudsman"], ["is checked"])
    assert [(p["kind"], p["text"]) for p in pieces] == [
        ("plain", "The form "), ("passive", "is checked"), ("plain", " by the "), ("word", "ombudsman"),
        ("plain", ".")]
