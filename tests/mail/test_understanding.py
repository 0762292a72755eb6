"""Understanding a resident's words: formats, documents, quoted text and the decision."""
from __future__ import annotations

from workers.mail.classify import classify
from workers.mail.decide import ASK, HANDOVER, NOT_AVAILABLE, SEND, decide
from workers.mail.find_documents import CatalogueEntry, match_documents
from workers.mail.formats_wanted import formats_in
from workers.mail.parse import parse_message

STRATEGY = CatalogueEntry("da", "Kent and Medway Domestic Abuse Strategy 2020-2023",
                          ("domestic abuse strategy",), ("domestic violence",))
HOUSING = CatalogueEntry("housing", "Housing Strategy 2022", ("housing plan",))
OLD = CatalogueEntry("old", "Community Safety Plan 2015", (), (), published=False)
CATALOGUE = [STRATEGY, HOUSING, OLD]


def _msg(body: str, subject: str = "Request", extra: str = "") -> bytes:
    return (f"From: Alex <alex@example.org>\r\nTo: formats@council.example\r\nSubject: {subject}\r\n"
            f"Message-ID: <m1@example.org>\r\n{extra}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n").encode()


def _decide(raw: bytes):
    msg = parse_message(raw)
    return decide(msg, classify(msg), CATALOGUE)


def test_big_print_is_large_print():
    assert formats_in("could I have it in big print please").families == ("large-print",)


def test_a_point_size_asks_for_large_print_at_that_size():
    wanted = formats_in("I need it in 24 point")
    assert wanted.families == ("large-print",) and wanted.font_size == 24


def test_several_formats_in_one_message_keep_their_order():
    assert formats_in("an MP3 and an easy-read copy").families == ("audio", "easy-read")


def test_braille_and_post_go_to_staff():
    assert set(formats_in("a braille copy by post").staff_needs) == {"braille", "post"}


def test_typos_in_the_title_still_find_the_document():
    assert [m.entry for m in match_documents("the domestc abuse stratergy", CATALOGUE)] == [STRATEGY]


def test_two_documents_in_one_message_are_both_found():
    found = {m.entry.document_id for m in match_documents("the housing strategy and the domestic abuse strategy", CATALOGUE)}
    assert found == {"da", "housing"}


def test_a_clear_request_is_sent():
    decision = _decide(_msg("Could I have the domestic abuse strategy in big print please?"))
    assert decision.action == SEND and decision.documents == (STRATEGY,)


def test_no_document_named_asks_which_one():
    decision = _decide(_msg("Can I have it in large print please?"))
    assert decision.action == ASK and decision.missing == ("document",)


def test_no_format_named_asks_which_format():
    decision = _decide(_msg("Please send me the domestic abuse strategy."))
    assert decision.action == ASK and decision.missing == ("format",)


def test_a_withdrawn_document_is_not_available():
    assert _decide(_msg("The community safety plan in audio please")).action == NOT_AVAILABLE


def test_sign_language_only_is_handed_to_staff():
    assert _decide(_msg("Is there a BSL version of the domestic abuse strategy?")).action == HANDOVER


def test_quoted_earlier_message_does_not_add_formats():
    body = "Audio please.\r\n\r\nOn 1 May 2026, Council wrote:\r\n> We also offer large print and braille."
    decision = _decide(_msg(body + "\r\n> Domestic abuse strategy", subject="Re: domestic abuse strategy"))
    assert decision.action == SEND
    assert decision.formats.families == ("audio",) and decision.formats.staff_needs == ()


def test_html_only_message_is_understood():
    raw = ("From: Jo <jo@example.org>\r\nSubject: hello\r\nMessage-ID: <h@example.org>\r\n"
           "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Please send the <b>domestic abuse "
           "strategy</b> in <i>easy read</i>.</p></body></html>\r\n").encode()
    decision = _decide(raw)
    assert decision.action == SEND and decision.formats.families == ("easy-read",)


def test_request_corpus_accuracy_stays_high():
    """The 64 project-written requests in tests/mail/requests (see make_requests.py)."""
    from pathlib import Path

    from workers.mail.evaluate import evaluate

    results = evaluate(Path(__file__).parent / "requests")
    assert len(results) >= 60
    decisions = sum(r.fields_ok[2] for r in results) / len(results)
    documents = sum(r.fields_ok[0] for r in results) / len(results)
    assert decisions >= 0.95 and documents >= 0.95, [r for r in results if not all(r.fields_ok)]
