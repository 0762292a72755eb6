"""Real documents never seen before: every one prepares into sections a listener can follow."""
from __future__ import annotations

import re

import pytest

from converter.pipeline import read_path
from converter.profiles import AudioProfile
from converter.writers.audio import plan_sections, write

# Small enough to read quickly, varied: NHS web pages as text, a Word report, tagged and untagged PDFs.
DOCUMENTS = [
    "text/nhs_uk_conditions_dialysis.txt",
    "text/nhs_uk_conditions_what-to-do-if-someone-has-a-seizure-fit.txt",
    "text/nhs_uk_conditions_choosing-who-will-do-your-procedure.txt",
    "docx/uk_green_party_soc_rulings_report.docx",
    "pdf/uk_green_party_housing_retrofit_policy_5pp_tagged.pdf",
    "pdf/uk_green_party_disability_policy_background_6pp_untagged.pdf",
    "pdf/us_senate_expenditures_table_1p.pdf",
]
WRITTEN_ONLY = re.compile(r"£|%|@|https?:|www\.|\b\d{1,2}/\d{1,2}/\d{4}\b")


@pytest.mark.parametrize("relative", DOCUMENTS)
def test_every_section_has_spoken_text_with_nothing_left_in_written_form(corpus, relative):
    doc = read_path(corpus / "documents" / relative).value
    sections = plan_sections(doc, AudioProfile())
    assert sections, relative
    assert [s.index for s in sections] == list(range(1, len(sections) + 1))
    for section in sections:
        assert section.title.strip() and section.words > 0, (relative, section.index)
        leftovers = WRITTEN_ONLY.findall(section.text)
        assert not leftovers, (relative, section.title, leftovers)
        for line in filter(None, section.text.splitlines()):
            assert line.rstrip()[-1] in ".!?:;", (relative, section.title, line)


def test_real_document_becomes_one_chaptered_file_per_section(corpus):
    doc = read_path(corpus / "documents" / "text" / "nhs_uk_conditions_dialysis.txt").value
    sections = plan_sections(doc, AudioProfile())
    files = write(doc, AudioProfile(rate_wpm=220)).value
    section_files = sorted(name for name in files if name[:2].isdigit())
    assert len(section_files) == len(sections) + 1  # and the introduction
    assert section_files[0] == "00 Introduction.mp3"
    assert sum(name.endswith(".m3u") for name in files) == 1
