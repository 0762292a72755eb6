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


def test_bsl_as_a_first_language_is_a_sign_language_request_not_a_translation():
    wanted = formats_in("BSL is my first language, so a signed version of the housing plan would help")
    assert wanted.staff_needs == ("bsl",)
    assert formats_in("English is not my first language, I need my own language").staff_needs == ("translation",)


def test_a_format_named_only_to_turn_it_down_is_not_asked_for():
    assert formats_in("I would like audio instead of large print").families == ("audio",)
    wanted = formats_in("He reads Moon rather than braille, could it be done in Moon?")
    assert wanted.staff_needs == ("other-format",) and wanted.families == ()
    assert formats_in("why is it not in large print?").families == ("large-print",)  # a bare "not" still asks


def test_moon_and_daisy_are_formats_we_do_not_make_and_go_to_staff():
    decision = _decide(_msg("Could the housing strategy be produced in Moon for my uncle?"))
    assert decision.action == HANDOVER and decision.formats.staff_needs == ("other-format",)
    assert formats_in("a DAISY talking book of the strategy").staff_needs == ("other-format",)


def test_a_partial_name_finds_the_document_when_its_words_belong_to_no_other():
    parks = CatalogueEntry("parks", "Parks and Open Spaces Improvement Programme")
    catalogue = [*CATALOGUE, parks]
    found = [m.entry.document_id for m in match_documents("the open spaces thing and the housing plan", catalogue)]
    assert sorted(found) == ["housing", "parks"]
    assert match_documents("is the programme open on Sunday?", catalogue) == []  # one word, not side by side


def test_out_of_office_wording_without_headers_covers_other_kinds_of_leave():
    for body in ("Hello, I'm currently on paternity leave and will be back in May.",
                 "Thanks for your message. I am off sick this week.",
                 "Please note I am no longer monitoring this mailbox; write to housing@council.example.",
                 "This is an acknowledgement of your email. It has been passed to the right team."):
        msg = parse_message(_msg(body, subject="Re: Your request for a document in another format"))
        assert classify(msg).kind == "auto-reply", body


def test_advance_fee_fraud_goes_to_the_staff_queue_unanswered():
    body = ("Good day. I am the lawyer of a late client who left an inheritance of 7.5 million dollars. "
            "Please provide your bank details so the funds can be released.")
    assert _decide(_msg(body, subject="Confidential business proposal")).action == "staff-queue"
    assert _decide(_msg("My bank details changed, can I have the housing strategy in large print?")).action == SEND
