"""Through the real mailbox: who gets no reply, who gets a list, what goes to staff; IDLE wakes the intake."""
from __future__ import annotations

import threading

from test_mailbox import intake_once, message_id_of, replies_to, request

from workers import db
from workers.mail import config, store
from workers.mail.decide import NO_ACTION, OTHER_LANGUAGE
from workers.mail.intake_imap import HANDLED, MAIL, TIMEOUT, _unhandled_uids, connect, wait_for_mail
from workers.mail.models import MailRequest


def _row(message_id: str) -> MailRequest:
    with db.session() as s:
        return store.find(s, message_id)


def test_thanks_for_our_reply_is_recorded_as_no_action_and_not_answered(mail_env, dovecot, smtp_sink):
    first = request("Could I have the housing strategy in large print please?")
    dovecot.append(first)
    intake_once()
    [ours] = replies_to(smtp_sink, message_id_of(first))
    thanks = request("Thanks for sending the housing strategy, it opened fine and the print is a good size.",
                     subject="Re: " + ours["Subject"], In_Reply_To=ours["Message-ID"], References=ours["Message-ID"])
    dovecot.append(thanks)
    intake_once()
    assert replies_to(smtp_sink, message_id_of(thanks)) == []
    assert HANDLED.encode() in dovecot.flags_by_message_id()[message_id_of(thanks)]
    row = _row(message_id_of(thanks))
    assert row.action == NO_ACTION and row.staff_status is None
    with db.session() as s:
        assert NO_ACTION in [r.action for r in store.request_log(s)]  # what staff see in the request log


def test_could_it_be_posted_sends_the_files_and_queues_the_posting_with_a_reference(mail_env, dovecot, smtp_sink):
    raw = request("Please may I have the housing strategy in large print. I'm not online much, could it be posted?")
    dovecot.append(raw)
    intake_once()
    [reply] = replies_to(smtp_sink, message_id_of(raw))
    assert len(list(reply.iter_attachments())) == 2
    row = _row(message_id_of(raw))
    assert "post" in row.formats and row.staff_status == "open"
    assert row.reference in reply.get_body(("plain",)).get_content()


def test_a_sales_email_goes_to_the_staff_queue_unanswered(mail_env, dovecot, smtp_sink):
    raw = request("Hi, we are a digital marketing agency. Our SEO and link building will get your council "
                  "website to page 1 of Google. Can I send a free audit?", subject="Your website rankings")
    dovecot.append(raw)
    intake_once()
    assert replies_to(smtp_sink, message_id_of(raw)) == []
    row = _row(message_id_of(raw))
    assert row.action == "staff-queue" and row.staff_status == "open"


def test_asking_what_we_have_in_braille_gets_the_list_of_documents(mail_env, dovecot, smtp_sink):
    raw = request("Hello, which of your documents do you have in braille?")
    dovecot.append(raw)
    intake_once()
    [reply] = replies_to(smtp_sink, message_id_of(raw))
    text = reply.get_body(("plain",)).get_content()
    assert "Housing Strategy 2022" in text and "braille" in text and not list(reply.iter_attachments())


def test_an_automatic_acknowledgement_in_another_language_gets_no_reply(mail_env, dovecot, smtp_sink):
    raw = request("Ihre Nachricht ist bei uns eingegangen und wird bearbeitet. Bitte antworten Sie nicht auf "
                  "diese automatisch erzeugte Nachricht.", subject="Eingangsbestätigung")
    dovecot.append(raw)
    intake_once()
    assert replies_to(smtp_sink, message_id_of(raw)) == []
    assert _row(message_id_of(raw)).action == "ignore"


def test_a_person_writing_in_another_language_gets_a_reference_and_goes_to_staff(mail_env, dovecot, smtp_sink):
    raw = request("Buenos días, necesito la estrategia de vivienda en letra grande para mi madre. Muchas gracias.",
                  subject="Solicitud")
    dovecot.append(raw)
    intake_once()
    [reply] = replies_to(smtp_sink, message_id_of(raw))
    row = _row(message_id_of(raw))
    assert row.action == "handover" and row.reason == OTHER_LANGUAGE and row.staff_status == "open"
    text = reply.get_body(("plain",)).get_content()
    assert row.reference in text and "Which" not in text and not list(reply.iter_attachments())


def test_mail_that_arrives_just_before_idle_begins_ends_the_wait(mail_env, dovecot):
    """Dovecot sends the "* N EXISTS" of such mail in the same packet as "+ idling"; it must not sit unread
    in the client's buffer until the next poll (bench/mail.py saw 50-60 s replies from this)."""
    client = connect(config.load())
    try:
        stop = threading.Event()
        _unhandled_uids(client, "INBOX")
        assert wait_for_mail(client, 1, stop) == TIMEOUT  # nothing new: the whole wait
        _unhandled_uids(client, "INBOX")  # our last look at the folder ...
        dovecot.append(request("Housing strategy in large print please"))  # ... then mail, then IDLE
        assert wait_for_mail(client, 120, stop) == MAIL
    finally:
        client.logout()
