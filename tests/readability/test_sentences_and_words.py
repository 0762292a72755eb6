"""Sentence splitting, hard words and the passive-voice estimate on sentences written for the test."""
from __future__ import annotations

import json
import subprocess
import sys

from converter.readability.hard_words import hard_words
from converter.readability.passive import passive_phrases
from converter.readability.scores import count_sentence
from converter.readability.sentences import split_paragraph

ACTIVE = [
    "We collect your bins every Monday.",
    "You must pay your council tax by the first of the month.",
    "The library opens at nine in the morning.",
    "Our staff will call you within two days.",
    "She needed help with her housing form.",
    "Residents asked for more street lights.",
    "You can apply online or by phone.",
    "The team visited every school in the area last year.",
    "They were tired after the long meeting.",
    "She is married and has two children.",
]
PASSIVE = [
    "Your bins are collected every Monday.",
    "The form was checked by our team.",
    "Council tax must be paid by the first of the month.",
    "The road will be closed for two weeks.",
    "Your application has been approved.",
    "The letters were sent last Friday.",
    "The park is being cleaned today.",
    "Your payment was not received in time.",
    "The decision was made by the cabinet.",
    "Repairs are carried out within 28 days.",
]


def test_passive_estimate_flags_ten_passive_sentences_and_none_of_ten_active_ones():
    assert [s for s in PASSIVE if not passive_phrases(s)] == []
    assert [s for s in ACTIVE if passive_phrases(s)] == []


def test_councillor_and_other_titles_and_approx_do_not_end_a_sentence():
    assert split_paragraph("Ask Cllr. Jones at the town hall. He will help.") == [
        "Ask Cllr. Jones at the town hall.", "He will help."]
    assert split_paragraph("It costs approx. £5 a week. Pay online.") == ["It costs approx. £5 a week.", "Pay online."]
    assert split_paragraph("Write to Rev. Smith today. She replies.") == ["Write to Rev. Smith today.", "She replies."]


def test_web_addresses_without_www_are_not_hard_words_or_long_words():
    sentence = "Apply at medway.gov.uk/council-tax-reduction or gov.uk/apply-for-a-blue-badge today."
    assert hard_words(sentence) == []
    counts = count_sentence(sentence)
    assert counts.polysyllables == 0 and counts.words == 6


def test_numbers_dates_money_and_dotted_abbreviations_are_not_hard_words():
    sentence = "Pay £1,250.00 by 31/03/2025 at 7am, e.g. by card, i.e. online, etc. Ref. No. 12345."
    assert hard_words(sentence) == []


def test_a_markdown_list_of_twenty_items_without_full_stops_checks_as_twenty_sentences(tmp_path):
    items = [f"Bring item number {n} with you" for n in range(1, 21)]
    (tmp_path / "list.md").write_text("\n".join(f"- {item}" for item in items) + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "converter", "check", "list.md", "--format", "json"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    doc = json.loads(result.stdout)["documents"][0]
    assert [s["text"] for s in doc["sentences"]] == items
    assert doc["figures"]["sentences"] == 20 and doc["figures"]["longest_sentence_words"] == 6
