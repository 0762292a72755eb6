"""Reply wording passes the plain-English check; headers thread, mark automatic, and stay neutral; data is purged."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from converter.errors import SettingsError
from converter.readability.check import check_file
from converter.readability.config import Config
from workers.mail.config import MailSettings, load
from workers.mail.decide import decide
from workers.mail.classify import classify
from workers.mail.find_documents import CatalogueEntry
from workers.mail.parse import parse_message
from workers.mail.reply import OutputFile, build_reply, reply_text, split_by_budget

STRATEGY = CatalogueEntry("1", "Domestic Abuse Strategy 2020-2023", ("domestic abuse strategy",))
HOUSING = CatalogueEntry("2", "Housing Strategy 2022", ("housing plan",))
OLD = CatalogueEntry("3", "Community Safety Plan 2015", (), (), published=False)
CATALOGUE = [STRATEGY, HOUSING, OLD]
SETTINGS = MailSettings(phone="01234 567890", council_name="Anytown Council")
ASKS = {
    "send": "Could I have the domestic abuse strategy in large print and in braille please?",
    "ask": "Could I have a copy of one of your documents please?",
    "handover": "Is there a BSL version of the housing plan?",
    "not-available": "Please send the community safety plan 2015 in large print.",
}


def incoming(body: str, name: str = "Priya Shah") -> bytes:
    return (f"From: {name} <priya@example.org>\r\nTo: formats@council.example\r\nSubject: Request\r\n"
            f"Message-ID: <q1@example.org>\r\nReferences: <q0@example.org>\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n").encode()


def render(kind: str, tmp_path: Path) -> str:
    msg = parse_message(incoming(ASKS[kind]))
    decision = decide(msg, classify(msg), CATALOGUE)
    assert decision.action == kind
    big = OutputFile(tmp_path / "strategy-large-print.pdf", "Domestic Abuse Strategy, large print, PDF file", 20_000_000,
                     "https://formats.example/mail/files/abc")
    small = OutputFile(tmp_path / "strategy-large-print.docx", "Domestic Abuse Strategy, large print, DOCX file", 90_000)
    return reply_text(msg, decision, "AF-000042", SETTINGS, [small], [big], [], [e.title for e in CATALOGUE[:2]])


@pytest.mark.parametrize("kind", sorted(ASKS))
def test_every_kind_of_reply_passes_the_plain_english_readability_check(kind, tmp_path):
    path = tmp_path / f"{kind}.txt"
    path.write_text(render(kind, tmp_path), encoding="utf-8")
    result = check_file(path, Config())
    assert result.error is None and result.failures == [], (render(kind, tmp_path), result.failures)


def _every_branch(tmp_path) -> dict:
    """A Decision for each path through reply.txt.j2: files attached, linked and not made, extra staff needs,
    asking for the document, the format or both, hand-over, withdrawn and unknown documents."""
    from workers.mail.decide import ASK, COMPLAINT, HANDOVER, NOT_AVAILABLE, OTHER_LANGUAGE, SEND, Decision
    from workers.mail.formats_wanted import FormatRequest
    from workers.mail.safeguarding import Care

    lp, audio = FormatRequest(("large-print",), ()), FormatRequest(("audio", "large-print"), ("braille", "cd"))
    small = OutputFile(tmp_path / "a.docx", "Housing Strategy 2022, large print, DOCX file", 90_000)
    big = OutputFile(tmp_path / "a.mp3", "Housing Strategy 2022, audio (MP3), MP3 file", 30_000_000, "https://x.example/mail/files/t")
    return {
        "send-attached": (Decision(SEND, "", (HOUSING,), lp), [small], [], []),
        "send-linked-failed-and-staff": (Decision(SEND, "", (HOUSING, STRATEGY), audio), [small], [big],
                                         ["Domestic Abuse Strategy 2020-2023, audio (MP3)"]),
        "ask-document": (Decision(ASK, "", (), lp, missing=("document",)), [], [], []),
        "ask-format": (Decision(ASK, "", (HOUSING,), missing=("format",)), [], [], []),
        "ask-both": (Decision(ASK, "", missing=("document", "format")), [], [], []),
        "ask-document-for-a-format-we-arrange": (Decision(ASK, "", (), FormatRequest((), ("braille",)),
                                                          missing=("document",)), [], [], []),
        "handover": (Decision(HANDOVER, "", (HOUSING,), FormatRequest((), ("bsl", "translation", "post"))), [], [], []),
        "handover-no-document": (Decision(HANDOVER, "", (), FormatRequest((), ("other-format",))), [], [], []),
        "handover-another-language": (Decision(HANDOVER, OTHER_LANGUAGE, (), FormatRequest((), ("translation",))),
                                      [], [], []),
        "not-available-withdrawn": (Decision(NOT_AVAILABLE, "", (), lp, (OLD,)), [], [], []),
        "not-available-unknown": (Decision(NOT_AVAILABLE, "", (), lp), [], [], []),
        "handover-complaint": (Decision(HANDOVER, COMPLAINT), [], [], []),
        "handover-discreet": (Decision(HANDOVER, "", (STRATEGY,), FormatRequest(("audio",), ()),
                                       care=Care("someone else reads their email or phone", True, True)), [], [], []),
        "send-with-safeguarding-care": (Decision(SEND, "", (HOUSING,), lp,
                                                 care=Care("someone else reads their post", True, False)),
                                        [small], [], []),
    }


@pytest.mark.parametrize("branch", ["send-attached", "send-linked-failed-and-staff", "ask-document", "ask-format",
                                    "ask-both", "ask-document-for-a-format-we-arrange", "handover", "handover-no-document",
                                    "handover-another-language", "not-available-withdrawn",
                                    "not-available-unknown", "handover-complaint", "handover-discreet",
                                    "send-with-safeguarding-care"])
def test_every_branch_of_the_reply_template_passes_the_plain_english_readability_check(branch, tmp_path):
    decision, attached, linked, failed = _every_branch(tmp_path)[branch]
    msg = parse_message(incoming("(any words)"))
    text = reply_text(msg, decision, "AF-000042", SETTINGS, attached, linked, failed, [e.title for e in CATALOGUE[:2]])
    path = tmp_path / f"{branch}.txt"
    path.write_text(text, encoding="utf-8")
    result = check_file(path, Config())
    assert result.error is None and result.failures == [], (text, result.failures)
    assert "{{" not in text and "{%" not in text


def test_a_sensitive_document_gets_support_numbers_at_the_foot(tmp_path):
    assert "Samaritans 116 123" in render("send", tmp_path)
    assert "Samaritans" not in render("handover", tmp_path)  # the housing plan is not sensitive


def test_a_reply_to_an_account_that_may_be_watched_names_nothing_and_has_no_support_numbers(tmp_path):
    """The sender said someone checks their phone: the reply gives a reference and says a person will be in touch,
    and names no document, no format and no helpline (each would tell the person watching what was asked)."""
    decision, *_ = _every_branch(tmp_path)["handover-discreet"]
    text = reply_text(parse_message(incoming("(any words)")), decision, "AF-000042", SETTINGS)
    assert "AF-000042" in text and "team" in text
    for telling in ("Domestic Abuse", "abuse", "audio", "Samaritans", "Helpline"):
        assert telling not in text, telling


def test_a_safeguarding_sign_puts_support_numbers_at_the_foot_whatever_the_document(tmp_path):
    decision, attached, _, _ = _every_branch(tmp_path)["send-with-safeguarding-care"]
    text = reply_text(parse_message(incoming("(any words)")), decision, "AF-000042", SETTINGS, attached)
    assert "Housing Strategy 2022" in text and "Samaritans 116 123" in text  # housing is not a sensitive title


def test_a_handover_gives_the_reference_and_says_a_person_will_help(tmp_path):
    text = render("handover", tmp_path)
    assert "AF-000042" in text and "British Sign Language" in text and "team" in text


def test_the_reply_threads_marks_itself_automatic_and_keeps_the_subject_neutral(tmp_path):
    msg = parse_message(incoming(ASKS["send"]))
    reply = build_reply(msg, "Hello.\n", SETTINGS)
    assert reply["In-Reply-To"] == "<q1@example.org>"
    assert reply["References"].split() == ["<q0@example.org>", "<q1@example.org>"]
    assert reply["Auto-Submitted"] == "auto-replied" and reply["X-Altformats-Reply"]
    assert "abuse" not in reply["Subject"].lower()
    assert reply["To"] == "priya@example.org"


def test_attachments_fill_the_budget_in_order_and_the_rest_become_links(tmp_path):
    files = [OutputFile(tmp_path / f"f{n}", f"file {n}", size) for n, size in enumerate((6_000_000, 8_000_000, 4_000_000))]
    attached, linked = split_by_budget(files, 15.0)
    assert [f.label for f in attached] == ["file 0", "file 1"] and [f.label for f in linked] == ["file 2"]


def test_a_greeting_never_uses_an_address_or_a_department_as_a_name(tmp_path):
    msg = parse_message(incoming(ASKS["ask"], name="HOUSING DEPT"))
    text = reply_text(msg, decide(msg, classify(msg), CATALOGUE), "AF-1", SETTINGS)
    assert text.startswith("Hello,\n")


def test_a_bad_mail_setting_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("ALTFORMATS_MAIL_IMAP_PORT", "nine-nine-three")
    with pytest.raises(SettingsError) as caught:
        load()
    assert "imap_port" in caught.value.message and "ALTFORMATS_MAIL_IMAP_PORT" in caught.value.hint


def test_settings_come_from_a_config_file_and_the_environment_wins(tmp_path, monkeypatch):
    path = tmp_path / "mail.toml"
    path.write_text('[mail]\nimap_host = "imap.council.example"\nretention_days = 14\nour_addresses = ["a@x.example"]\n')
    monkeypatch.setenv("ALTFORMATS_MAIL_RETENTION_DAYS", "7")
    settings = load(path)
    assert settings.imap_host == "imap.council.example" and settings.retention_days == 7
    assert "a@x.example" in settings.all_our_addresses


def test_the_purge_clears_addresses_and_words_older_than_the_retention_days(service):
    from workers import db
    from workers.mail import store
    from workers.mail.models import MailRequest

    with db.session() as s:
        old = store.begin(s, "<old-purge@example.org>")
        new = store.begin(s, "<new-purge@example.org>")
        for row in (old, new):
            row.sender_address, row.body, row.subject = "x@example.org", "words", "subject"
            row.sender_hash = store.sender_hash("x@example.org")
        old.received_at = store.now() - timedelta(days=31)
        s.commit()
        assert store.purge(s, 30) == 1
        old_row = s.get(MailRequest, old.id)
        assert (old_row.sender_address, old_row.body, old_row.subject, old_row.sender_hash) == (None,) * 4
        assert s.get(MailRequest, new.id).sender_address == "x@example.org"


def test_reply_paragraphs_are_separated_by_one_blank_line(tmp_path):
    msg = parse_message(incoming(ASKS["ask"], name="Sam Jones"))
    text = reply_text(msg, decide(msg, classify(msg), CATALOGUE), "AF-1", SETTINGS,
                      available=["Housing strategy", "Parks plan"])
    assert text.startswith("Hello Sam,\n\nThank you for your email.\n\n")
    assert "\n\n\n" not in text
    assert "\n- Parks plan\n\n" in text  # a list ends its paragraph
