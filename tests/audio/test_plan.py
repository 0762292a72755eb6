"""Planning the recording: which sections, their titles and text, the spoken introduction, file names."""
from __future__ import annotations

from converter.model import Document, Metadata
from converter.transforms.speech import prepare
from converter.writers.audio.assemble import file_title, section_file_name
from converter.writers.audio.plan import introduction_section, plan_recording, plan_sections, running_time_words
from converter.writers.audio.synthesis import SpeechSection

from .documents import heading, numbered_sections, para, support_strategy


def test_document_with_one_title_heading_is_split_at_the_next_level():
    titles = [s.title for s in plan_sections(support_strategy())]
    assert titles == ["Foreword", "Getting help", "Our priorities", "Notes"]


def test_sections_are_numbered_from_one_in_order():
    assert [s.index for s in plan_sections(numbered_sections(5))] == [1, 2, 3, 4, 5]


def test_each_section_starts_by_speaking_its_title_then_a_pause():
    section = plan_sections(support_strategy())[1]
    assert section.text.startswith("Getting help.\n\nYou can get help in several ways.")


def test_title_heading_is_front_matter_spoken_in_the_introduction_not_the_first_section():
    plan = plan_recording(support_strategy())
    assert plan.front_matter == "Domestic Abuse Strategy 2024 to 2027."
    assert plan.sections[0].text.startswith("Foreword.\n\n")


def test_plan_is_the_same_for_a_plain_or_an_already_prepared_document():
    doc = support_strategy()
    assert plan_sections(doc) == plan_sections(prepare(doc).value)


def test_short_text_before_the_first_heading_is_spoken_in_the_introduction():
    doc = Document(Metadata(title="Notice"), (para("Please read this first."), heading(1, "Details"),
                                              para("The office is closed.")))
    plan = plan_recording(doc)
    assert [(s.index, s.title) for s in plan.sections] == [(1, "Details")]
    intro = introduction_section(doc, plan.sections, total_seconds=60)
    assert "Please read this first." in intro.text.split("\n\n")


def test_long_text_before_the_first_heading_stays_an_opening_section():
    preface = " ".join(["This preface explains the plan in some detail."] * 40)  # 320 words
    doc = Document(Metadata(title="Notice"), (para(preface), heading(1, "Details"), para("The office is closed.")))
    plan = plan_recording(doc)
    assert plan.front_matter == ""
    assert [(s.index, s.title) for s in plan.sections] == [(1, "Opening"), (2, "Details")]


def test_document_without_headings_is_one_section_named_after_the_document():
    doc = Document(Metadata(title="Bin collections"), (para("Bins are collected on Mondays."),))
    assert [(s.index, s.title) for s in plan_sections(doc)] == [(1, "Bin collections")]


def test_introduction_gives_title_organisation_summary_running_time_and_sections():
    doc = support_strategy()
    planned = plan_sections(doc)
    intro = introduction_section(doc, planned, total_seconds=754)
    assert intro.index == 0 and intro.title == "Introduction"
    assert intro.text.split("\n\n") == [
        "Domestic Abuse Strategy 2024 to 2027.",  # the title heading says more than the metadata title
        "Produced by Kent County Council.",
        "Everyone in Kent deserves to feel safe at home.",
        "This recording lasts about 13 minutes. It has 4 sections, each one a chapter:",
        "1. Foreword.", "2. Getting help.", "3. Our priorities.", "4. Notes."]


def test_running_time_is_spoken_in_hours_and_minutes():
    assert running_time_words(20) == "less than a minute"
    assert running_time_words(61) == "about 1 minute"
    assert running_time_words(3 * 3600 + 5 * 60) == "about 3 hours 5 minutes"


def test_section_files_are_named_with_a_two_digit_number_and_a_safe_title():
    assert section_file_name(SpeechSection(3, "Our priorities", "x")) == "03 Our priorities.mp3"
    assert section_file_name(SpeechSection(12, 'Q&A: "who/what?"', "x")) == "12 Q&A - who what.mp3"
    assert len(file_title("A very long heading " * 10)) <= 60


def test_introduction_lists_sections_without_their_printed_heading_numbers():
    doc = Document(Metadata(title="Plan"), (heading(1, "1 Introduction"), para("Hello there everyone today."),
                                            heading(1, "2.1 Our aims"), para("We aim high.")))
    intro = introduction_section(doc, plan_sections(doc), total_seconds=60)
    assert intro.text.split("\n\n")[-2:] == ["1. Introduction.", "2. Our aims."]
