"""File names of the audio output: our track number, the title without its printed heading number,
safe on every system, unique; and the cover material spoken in the introduction."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from converter.model import Document, Metadata
from converter.pipeline import read_path
from converter.profiles import AudioProfile
from converter.writers.audio.assemble import build_files
from converter.writers.audio.mp3 import encode_mp3, silence
from converter.writers.audio.names import file_title, section_file_name, unique_names, without_heading_number
from converter.writers.audio.plan import introduction_section, plan_recording
from converter.writers.audio.synthesis import SpeechSection

from .documents import heading, para

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "kent-and-medway-domestic-abuse-strategy.docx"


@pytest.mark.parametrize("title, expected", [
    ("1 Introduction", "Introduction"),
    ("1.2 Why we need a strategy", "Why we need a strategy"),
    ("2.1.3 Funding", "Funding"),
    ("2. Aims", "Aims"),
    ("3) Aims", "Aims"),
    ("4 - Aims", "Aims"),
    ("A. Background", "Background"),
    ("B) Background", "Background"),
    ("Section 3: Our aims", "Our aims"),
    ("Chapter 2 - Money", "Money"),
    ("IV. Funding", "Funding"),
    ("XII) Governance", "Governance"),
    ("6 Priority 1: Driving change together", "Priority 1: Driving change together"),
    ("10 Priority 5: Justice", "Priority 5: Justice"),
])
def test_a_leading_heading_number_is_taken_off(title, expected):
    assert without_heading_number(title) == expected


@pytest.mark.parametrize("title", [
    "5 ways to stay safe",  # a number that is part of the title (lower case follows)
    "2024 Budget",  # a year, not numbering
    "100 days of action",
    "XL Bully ban",  # looks like a roman numeral, but no full stop or colon
    "CV: what to include",
    "A new approach",
    "Part 1",  # nothing would be left
    "Foreword",
])
def test_a_number_that_is_part_of_the_title_stays(title):
    assert without_heading_number(title) == title


def test_section_file_names_have_our_number_only():
    assert section_file_name(SpeechSection(3, "1 Introduction", "x")) == "03 Introduction.mp3"
    assert section_file_name(SpeechSection(8, "6 Priority 1: Driving change together", "x")) == \
        "08 Priority 1 - Driving change together.mp3"
    assert section_file_name(SpeechSection(2, "Section 3: Our aims", "x")) == "02 Our aims.mp3"


@pytest.mark.parametrize("title", ['What / why: "a" <b> | c? d* e\\f', "Notes...", ". hidden", "tab\tand\nnew line",
                                   "x" * 200, "word " * 40, "\x00\x1f control"])
def test_file_titles_are_safe_on_windows_macos_and_linux(title):
    name = file_title(title)
    assert name and len(name) <= 60
    assert not set('/\\:*?"<>|') & set(name)
    assert all(ord(ch) >= 32 for ch in name)
    assert name == name.strip() and not name.endswith(".") and not name.startswith(".")


def test_file_titles_are_nfc_and_never_a_windows_device_name():
    decomposed = unicodedata.normalize("NFD", "Café services")
    assert file_title(decomposed) == unicodedata.normalize("NFC", "Café services")
    assert file_title("CON").lower() != "con"
    assert file_title("nul.txt").split(".")[0].lower() != "nul"
    assert file_title("") == "Untitled"


def test_names_are_made_unique_ignoring_case():
    assert unique_names(["01 Aims.mp3", "Plan.mp3", "plan.MP3", "Plan.mp3", "Plan.m3u"]) == \
        ["01 Aims.mp3", "Plan.mp3", "plan (2).MP3", "Plan (3).mp3", "Plan.m3u"]


def test_whole_document_file_never_overwrites_a_section_file():
    parts = [SpeechSection(0, "Introduction", "x"), SpeechSection(1, "Foreword", "y")]
    mp3 = encode_mp3(silence(0.5), AudioProfile())
    doc = Document(Metadata(title="01 Foreword", organisation="Test Council"), ())
    files = build_files(doc, parts, [mp3, mp3], AudioProfile())
    assert sorted(files) == ["00 Introduction.mp3", "01 Foreword (2).mp3", "01 Foreword.m3u", "01 Foreword.mp3"]
    playlist = files["01 Foreword.m3u"].decode("utf-8").splitlines()
    assert [line for line in playlist if not line.startswith("#")] == ["00 Introduction.mp3", "01 Foreword.mp3"]


def cover_document() -> Document:
    return Document(Metadata(title="Kent Plan 2024-2027", organisation="Kent County Council"), (
        heading(1, "Kent Plan"), para("2024-2027"), para("Published May 2024"),
        para("If you are in danger, call 999."),
        heading(1, "1 Introduction"), para("This plan sets out our aims for the next three years."),
        heading(1, "2 Our aims"), para("We aim to keep residents safe at home.")))


def test_a_cover_that_repeats_the_title_is_spoken_in_the_introduction():
    doc = cover_document()
    plan = plan_recording(doc)
    assert [section_file_name(s) for s in plan.sections] == ["01 Introduction.mp3", "02 Our aims.mp3"]
    lines = introduction_section(doc, plan.sections, 120, front_matter=plan.front_matter).text.split("\n\n")
    assert lines[0] == "Kent Plan 2024 to 2027."  # said once, not again from the cover
    assert lines[1:4] == ["Produced by Kent County Council.",
                          "This plan sets out our aims for the next three years.",  # summary from the body
                          "Published May 2024.\nIf you are in danger, call 9 9 9."]
    assert lines[-2:] == ["1. Introduction.", "2. Our aims."]


def test_a_first_heading_that_is_not_the_title_stays_a_section():
    doc = Document(Metadata(title="Kent Plan"), (heading(1, "Foreword"), para("Welcome to the plan for Kent."),
                                                 heading(1, "Aims"), para("We aim to keep residents safe.")))
    plan = plan_recording(doc)
    assert plan.front_matter == ""
    assert [s.title for s in plan.sections] == ["Foreword", "Aims"]


def test_sample_strategy_file_names_carry_no_printed_heading_numbers():
    doc = read_path(SAMPLE).value
    plan = plan_recording(doc, AudioProfile())
    names = [section_file_name(s) for s in plan.sections]
    assert names[:3] == ["01 Foreword.mp3", "02 Introduction.mp3", "03 What is domestic abuse.mp3"]
    assert "07 Priority 1 - Driving change together.mp3" in names
    assert names[-1] == "18 Notes.mp3"
    assert len(set(n.casefold() for n in names)) == len(names)
    assert plan.front_matter.startswith("Kent and Medway Domestic Abuse Strategy.")
    assert "If you need help now." in plan.front_matter
    intro = introduction_section(doc, plan.sections, 3600, AudioProfile(), plan.front_matter).text
    assert intro.count("Kent and Medway Domestic Abuse Strategy 2020 to 2023") == 1
    assert "call 9 9 9" in intro
