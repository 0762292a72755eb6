"""The project's request corpus and the held-out corpus (written blind to the rules) are understood."""
from __future__ import annotations

from pathlib import Path

import pytest

from workers.mail.evaluate import evaluate

HERE = Path(__file__).parent


@pytest.mark.parametrize("folder", ["requests", "heldout", "heldout2", "heldout3", "heldout6"])
def test_each_request_corpus_has_its_documents_formats_and_decisions_understood(folder):
    results = evaluate(HERE / folder)
    assert len(results) >= 16
    wrong = [(r.file, r.expected, r.actual) for r in results if not all(r.fields_ok)]
    assert len(wrong) <= len(results) * 0.05, wrong


def test_thanks_alone_in_our_thread_is_not_answered_but_a_new_ask_is():
    from workers.mail.decide import is_only_thanks

    assert is_only_thanks("Thank you so much, that's perfect!") and is_only_thanks("Thanks!\nMary") and is_only_thanks("ta")
    assert not is_only_thanks("Thanks, can I also have it as audio?")


def test_the_fourth_held_out_set_stays_at_least_at_its_first_run():
    """heldout4 was run once after the issue-7 fixes (12/17 all three right) and is not tuned on; its misses are
    listed in docs/email.md. This only stops it getting worse."""
    results = evaluate(HERE / "heldout4")
    assert len(results) == 17
    assert sum(all(r.fields_ok) for r in results) >= 12, [(r.file, r.actual) for r in results if not all(r.fields_ok)]


def test_the_fifth_held_out_set_stays_at_least_at_its_first_run():
    """heldout5 was written blind and run once before the second audit's fixes (18/33 all three right). Those
    fixes were made after seeing its misses, so its later figure is not a blind one; this only stops it getting
    worse. (Its thanks-only rows were relabelled "no-action" after the first run; they were wrong either way.)"""
    results = evaluate(HERE / "heldout5")
    assert len(results) == 33
    assert sum(all(r.fields_ok) for r in results) >= 18, [(r.file, r.actual) for r in results if not all(r.fields_ok)]


def test_the_sixth_held_out_set_stays_at_least_at_its_first_run():
    """heldout6 was written blind (docs/email.md only, not the code) and run once with no change to code or
    expectations (32/48 all three right; its misses are listed in docs/email.md). This only stops it getting worse.
    (The third audit fixed its misses after seeing them, so it is also in the near-100% list above: seen, not blind.)"""
    results = evaluate(HERE / "heldout6")
    assert len(results) == 48
    assert sum(all(r.fields_ok) for r in results) >= 32, [(r.file, r.actual) for r in results if not all(r.fields_ok)]


def test_the_seventh_held_out_set_stays_at_least_at_its_first_run():
    """heldout7 was written blind (docs/email.md only, not the code, not heldout1-6's messages) and run once with no
    change to code or expectations: documents 39/56, formats 43/56, decisions 30/56, all three 24/56. Judgement calls
    are in NOTES in make_heldout7.py. After the fourth audit (which saw its misses) it was 40/56 and after the fifth 54/56: not blind figures."""
    results = evaluate(HERE / "heldout7")
    assert len(results) == 56
    assert sum(all(r.fields_ok) for r in results) >= 54, [(r.file, r.actual) for r in results if not all(r.fields_ok)]
    # seen since the fourth audit: its dangerous misses (machine mail, spam, "don't email me again") stay fixed
    dangerous = ("712", "713", "714", "715", "716", "717", "718", "719", "721", "722", "726", "728", "729", "731",
                 "732", "745")
    assert [r.file for r in results if r.file[:3] in dangerous and not all(r.fields_ok)] == []


def test_the_eighth_held_out_set_stays_at_least_at_its_first_run():
    """heldout8 was written blind (docs/email.md only, not the code, not heldout1-7's messages) and run once with no
    change to code or expectations: documents 50/53, formats 50/53, decisions 47/53, all three 45/53. Judgement calls
    are in NOTES in make_heldout8.py. Its dangerous misses were then fixed (50/53, no longer blind); this only stops it
    getting worse."""
    results = evaluate(HERE / "heldout8")
    assert len(results) == 53
    assert sum(all(r.fields_ok) for r in results) >= 50, [(r.file, r.actual) for r in results if not all(r.fields_ok)]
