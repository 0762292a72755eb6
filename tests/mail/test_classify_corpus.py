"""Every real email in the shared corpus is parsed without a crash; no auto-reply or bounce is answered."""
from __future__ import annotations

import pytest

from workers.mail.classify import classify
from workers.mail.parse import parse_message


def _emails(corpus, folder=None):
    root = corpus / "emails"
    return sorted((root / folder if folder else root).rglob("*.eml"))


def test_every_corpus_email_parses_without_a_crash(corpus):
    files = _emails(corpus)
    assert len(files) >= 80
    for path in files:
        msg = parse_message(path.read_bytes())
        assert msg.message_id, path.name
        classify(msg)  # must not raise


@pytest.mark.parametrize("folder", ["auto_reply", "bounce_dsn", "feedback_report"])
def test_no_auto_reply_bounce_or_report_gets_an_answer(corpus, folder):
    files = _emails(corpus, folder)
    assert files
    answered = [p.name for p in files if classify(parse_message(p.read_bytes())).answer]
    assert answered == []


def test_spam_is_not_answered(corpus):
    for path in _emails(corpus, "spam"):
        verdict = classify(parse_message(path.read_bytes()))
        assert verdict.kind == "spam", (path.name, verdict)


def test_out_of_office_without_any_header_is_caught_by_its_wording():
    raw = (b"From: Sam <sam@example.org>\r\nTo: formats@council.example\r\nSubject: Re: your message\r\n"
           b"Message-ID: <1@example.org>\r\n\r\nThank you for your email. I am currently out of the office "
           b"with limited access to email and will respond on my return.\r\n")
    assert classify(parse_message(raw)).kind == "auto-reply"


def test_our_own_reply_coming_back_is_never_answered():
    raw = (b"From: Formats <formats@council.example>\r\nSubject: Your document\r\n"
           b"X-Altformats-Reply: 1\r\nMessage-ID: <2@council.example>\r\n\r\nHere it is.\r\n")
    assert classify(parse_message(raw), {"formats@council.example"}).kind == "ours"


def test_a_utf16_saved_message_is_read_as_text(corpus):
    msg = parse_message((corpus / "emails/odd_encoding/unstructured_fake-email-utf-16-be.eml").read_bytes())
    assert msg.from_addr.endswith("@unstructured.io")
    assert "test email" in msg.new_text


def test_bare_cr_line_endings_parse_like_crlf(corpus):
    crlf = parse_message((corpus / "emails/odd_encoding/sisimai_dos_crlf_lhost-postfix-01.eml").read_bytes())
    cr = parse_message((corpus / "emails/odd_encoding/sisimai_mac_cr_lhost-postfix-01.eml").read_bytes())
    assert crlf.subject == cr.subject
    assert classify(cr).answer is False
