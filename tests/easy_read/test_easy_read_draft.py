"""The editable draft: written from the transform, read back, edited, rendered, and made by the commands."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from easy_read_documents import strategy_document
from test_easy_read_rules import headings_of, lines_of

from converter.errors import BadInputError
from converter.model import Image, Table
from converter.profiles import EasyReadProfile
from converter.readers.easy_read_draft import parse_draft
from converter.transforms.easy_read import to_easy_read
from converter.writers import easy_read_draft, easy_read_html

ROOT = Path(__file__).resolve().parents[2]
ALTFORMATS = [sys.executable, "-m", "converter"]


@pytest.fixture(scope="module")
def draft_text() -> str:
    doc = to_easy_read(strategy_document(), EasyReadProfile()).value
    return easy_read_draft.write(doc, EasyReadProfile()).value.decode("utf-8")


def pictures_of(doc) -> list[Image]:
    return [x for b in doc.blocks if isinstance(b, Table) for r in b.rows for x in r.cells[0].blocks]


def test_draft_round_trip_keeps_every_line_heading_and_picture(draft_text):
    parsed = parse_draft(draft_text)
    again = easy_read_draft.write(parsed.value, EasyReadProfile()).value.decode("utf-8")
    assert again == draft_text
    assert parsed.messages == ()


def test_draft_renders_the_same_text_as_the_transform(draft_text):
    direct = to_easy_read(strategy_document(), EasyReadProfile()).value
    rendered = parse_draft(draft_text).value
    assert lines_of(rendered) == lines_of(direct)
    assert headings_of(rendered) == headings_of(direct)


def test_draft_names_a_picture_on_every_line_and_says_it_is_a_draft(draft_text):
    body = draft_text.split("-->", 1)[1]
    lines = [line for line in body.splitlines() if line.strip() and not line.startswith("#")]
    assert all(line.startswith("[") for line in lines)
    assert "status: draft" in draft_text and "OpenMoji" in draft_text


def test_a_line_can_choose_its_picture_and_alt_text():
    doc = parse_draft("# Title {#cover}\n\n[police: A police officer helping] Call 101.\n[1F3E0] Stay at home.\n").value
    first, second = pictures_of(doc)
    assert (first.title, first.alt) == ("police", "A police officer helping")
    assert second.title == "1F3E0" and second.alt  # OpenMoji's own description
    assert lines_of(doc) == ["Call 101.", "Stay at home."]


def test_a_line_without_a_picture_name_gets_one_from_its_words():
    doc = parse_draft("## Help {#support}\n\nCall the police if you are in danger.\n").value
    assert pictures_of(doc)[0].title == "phone" or pictures_of(doc)[0].title == "police"


def test_unknown_picture_name_is_a_warning_and_a_picture_is_still_chosen():
    parsed = parse_draft("# T {#cover}\n\n[no-such-picture] We will help you.\n")
    assert "Unknown picture 'no-such-picture'" in parsed.messages[0].text
    assert pictures_of(parsed.value)[0].data


def test_bold_words_in_the_draft_become_strong_text():
    html = easy_read_html.write(parse_draft("# T {#cover}\n\n[book] Read the **plan**.\n").value,
                                EasyReadProfile()).value.decode()
    assert "Read the <strong>plan</strong>." in html


def test_a_draft_with_no_lines_is_a_clear_error():
    with pytest.raises(BadInputError, match="no lines"):
        parse_draft("---\ntitle: x\n---\n\n# Only a heading\n")


def test_draft_and_render_commands_make_a_draft_then_approved_documents(tmp_path):
    sample = ROOT / "samples" / "kent-and-medway-domestic-abuse-strategy.docx"
    made = subprocess.run(ALTFORMATS + ["easy-read", "draft", str(sample), "--out", str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT)
    assert made.returncode == 0, made.stderr
    draft = tmp_path / "kent-and-medway-domestic-abuse-strategy-easy-read-draft.md"
    edited = draft.read_text(encoding="utf-8").replace("# Kent and Medway", "# Our Kent and Medway", 1)
    draft.write_text(edited, encoding="utf-8")
    rendered = subprocess.run(ALTFORMATS + ["easy-read", "render", str(draft), "--approved"],
                              capture_output=True, text=True, cwd=ROOT)
    assert rendered.returncode == 0, rendered.stderr
    html = (tmp_path / "kent-and-medway-domestic-abuse-strategy-easy-read.html").read_text(encoding="utf-8")
    assert "Our Kent and Medway" in html and "DRAFT" not in html
    for suffix in ("docx", "pdf"):
        assert (tmp_path / f"kent-and-medway-domestic-abuse-strategy-easy-read.{suffix}").stat().st_size > 10_000


def test_render_of_a_missing_draft_exits_2_with_a_plain_message(tmp_path):
    result = subprocess.run(ALTFORMATS + ["easy-read", "render", str(tmp_path / "nope.md")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_lines_before_any_heading_become_the_cover():
    doc = parse_draft("---\ntitle: Our plan\n---\n\n[book] This is our plan.\n\n## Next {#section}\n\nWe will meet.\n").value
    assert headings_of(doc) == ["Our plan", "Next"]
    assert lines_of(doc) == ["This is our plan.", "We will meet."]


def test_convert_makes_all_four_easy_read_outputs_from_one_document(tmp_path):
    from converter.pipeline import convert
    sample = ROOT / "samples" / "kent-and-medway-domestic-abuse-strategy.docx"
    report = convert(sample, ["easy-read-draft", "easy-read-docx", "easy-read-html", "easy-read-pdf"], tmp_path,
                     score=False)
    assert not report.failed, [o.error for o in report.failed]
    assert [p.suffix for o in report.outputs for p in o.paths] == [".md", ".docx", ".html", ".pdf"]
    assert all(o.settings["approved"] is False for o in report.outputs)
