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


# Issue 7, third audit (heldout6's dangerous misses), through the real mailbox and relay.

def test_someone_reading_their_post_gets_the_files_by_email_only_and_staff_get_a_safeguarding_flag(
        mail_env, dovecot, smtp_sink):
    raw = request("Could I have the housing strategy in large print please? Please do not post anything to my "
                  "house, my partner reads my post.")
    dovecot.append(raw)
    intake_once()
    [reply] = replies_to(smtp_sink, message_id_of(raw))
    assert len(list(reply.iter_attachments())) == 2 and reply["To"] == "resident@example.org"
    assert "Samaritans" in reply.get_body(("plain",)).get_content()  # support numbers, though housing is not sensitive
    assert reply["Subject"] == "Your request for a document in another format"
    row = _row(message_id_of(raw))
    assert "post" not in row.formats and row.staff_status == "open" and row.kind == "safeguarding"
    assert row.reason.startswith("safeguarding:") and row.sender_address == "resident@example.org"
    assert HANDLED.encode() in dovecot.flags_by_message_id()[message_id_of(raw)]


def test_a_watched_account_asking_for_another_address_gets_a_reply_that_names_nothing_and_goes_to_staff(
        mail_env, dovecot, smtp_sink):
    raw = request("Please send the domestic abuse strategy in large print to my friend's email "
                  "pat.friend@example.net, not to this one. He checks my phone.")
    dovecot.append(raw)
    intake_once()
    assert [m for m in smtp_sink.messages() if "pat.friend@example.net" in m["to"]] == []  # never another address
    [reply] = replies_to(smtp_sink, message_id_of(raw))
    [delivery] = [m for m in smtp_sink.messages() if m["message"]["Message-ID"] == reply["Message-ID"]]
    assert delivery["to"] == ["resident@example.org"] and list(reply.iter_attachments()) == []
    text = reply.get_body(("plain",)).get_content()
    row = _row(message_id_of(raw))
    assert row.reference in text
    for telling in ("abuse", "Abuse", "large print", "Samaritans", "Helpline", "pat.friend"):
        assert telling not in text, telling
    assert row.action == "handover" and row.staff_status == "open" and row.kind == "safeguarding"
    assert "Kent and Medway Domestic Abuse Strategy 2020-2023" in row.documents and "large-print" in row.formats
    # a reply in that thread is kept discreet too: "yes please, same as before" sends nothing and names nothing
    again = request("Yes please, same as before.", subject="Re: " + reply["Subject"],
                    In_Reply_To=reply["Message-ID"], References=reply["Message-ID"])
    dovecot.append(again)
    intake_once()
    [second] = replies_to(smtp_sink, message_id_of(again))
    assert list(second.iter_attachments()) == [] and "Abuse" not in second.get_body(("plain",)).get_content()
    assert _row(message_id_of(again)).kind == "safeguarding" and _row(message_id_of(again)).staff_status == "open"


def test_automatic_notices_in_our_thread_get_no_reply(mail_env, dovecot, smtp_sink):
    first = request("Could I have the housing strategy in large print please?")
    dovecot.append(first)
    intake_once()
    [ours] = replies_to(smtp_sink, message_id_of(first))
    thread = {"In_Reply_To": ours["Message-ID"], "References": ours["Message-ID"]}
    notices = [
        request("This is an automated reply. Your message has been received and will be answered within 5 days. "
                "Please do not reply.", subject="Re: " + ours["Subject"], **thread),
        request("Thank you for contacting us. Our office is closed for Christmas and we will get back to you when "
                "we reopen on 2 January.", subject="Re: " + ours["Subject"], **thread),
        request("Your message to Sam Resident was read on 01/12/2026 10:02.", subject="Read: " + ours["Subject"],
                **thread),
    ]
    for raw in notices:
        dovecot.append(raw)
    intake_once()
    for raw in notices:
        assert replies_to(smtp_sink, message_id_of(raw)) == []
        assert _row(message_id_of(raw)).action == "ignore"
        assert HANDLED.encode() in dovecot.flags_by_message_id()[message_id_of(raw)]


def test_a_phishing_message_goes_to_the_staff_queue_unanswered(mail_env, dovecot, smtp_sink):
    raw = request("Your mailbox storage is full and incoming messages are being held. Verify your account now: "
                  "https://mail-verify.example.xyz/login", sender="it-desk@council-gov-mail.example.xyz",
                  subject="Action needed: mailbox storage full")
    dovecot.append(raw)
    intake_once()
    assert replies_to(smtp_sink, message_id_of(raw)) == []
    row = _row(message_id_of(raw))
    assert row.action == "staff-queue" and row.staff_status == "open"


def test_same_as_before_in_our_thread_sends_the_format_we_sent_last_time(mail_env, dovecot, smtp_sink):
    first = request("Could I have the housing strategy as plain text please?")
    dovecot.append(first)
    intake_once()
    [ours] = replies_to(smtp_sink, message_id_of(first))
    again = request("Thanks! Could I have the domestic abuse strategy too, same as before?",
                    subject="Re: " + ours["Subject"], In_Reply_To=ours["Message-ID"], References=ours["Message-ID"])
    dovecot.append(again)
    intake_once()
    [reply] = replies_to(smtp_sink, message_id_of(again))
    assert [p.get_filename().rsplit(".", 1)[1] for p in reply.iter_attachments()] == ["txt"]
    assert _row(message_id_of(again)).formats == ["plain-text"]


def test_machine_mail_without_telling_headers_gets_no_reply_through_the_mailbox(mail_env, dovecot, smtp_sink):
    """Issue 7, heldout7 audit: each kind in new wording, all in one batch; none is answered, all are marked handled."""
    first = request("Could I have the housing strategy in large print please?")
    dovecot.append(first)
    intake_once()
    [ours] = replies_to(smtp_sink, message_id_of(first))
    thread = {"In_Reply_To": ours["Message-ID"], "References": ours["Message-ID"]}
    machine = [
        request("This is the mail server at relay.tinyhost.example.\n\nYour message could not be delivered to the "
                "recipient address below.\n\n  sam@tinyhost.example\n\nReason: mailbox unavailable",
                sender="systems@tinyhost.example", subject="Message not delivered"),
        request("You have been invited to the following event.\nAccessibility forum\nInvitation from Google Calendar",
                sender="forum.chair@example.org", subject="Invitation: Accessibility forum @ Thu 4pm"),
        request("Ihre Nachricht wurde am 2. Dezember 2026 gelesen.", sender="anna@example.de",
                subject="Gelesen: " + ours["Subject"]),
        request("Thank you for contacting Riverside Housing. Ticket #558120 has been created and an officer will "
                "be in touch within 3 working days.", sender="servicedesk@riverside.example",
                subject="Re: " + ours["Subject"] + " [Ticket #558120]", **thread),
        request("Send Sightline mailing list submissions to sightline@lists.example\n\nToday's Topics:\n"
                "  1. Could the council send large print housing strategy?", sender="sightline@lists.example",
                subject="Sightline Digest, Vol 3, Issue 12"),
        request("View this email in your browser.\nWinter news: the housing strategy is out in large print.\n"
                "Unsubscribe or update your preferences.", sender="news@carershub.example", subject="Winter news"),
        request("Thanks for your message. The surgery is closed over the bank holiday and we will deal with your "
                "email when we reopen on Tuesday.", sender="reception@surgery.example",
                subject="Re: " + ours["Subject"], **thread),
    ]
    for raw in machine:
        dovecot.append(raw)
    intake_once()
    flags = dovecot.flags_by_message_id()
    for raw in machine:
        assert replies_to(smtp_sink, message_id_of(raw)) == [], raw[:200]
        assert HANDLED.encode() in flags[message_id_of(raw)]
        assert _row(message_id_of(raw)).action == "ignore"


def test_asked_not_to_be_emailed_again_gets_no_reply_and_a_safeguarding_staff_item(mail_env, dovecot, smtp_sink):
    first = request("Could I have the housing strategy in large print please?", sender="kim@example.org")
    dovecot.append(first)
    intake_once()
    [ours] = replies_to(smtp_sink, message_id_of(first))
    stop = request("Thank you. Please could you not email me again at this address, I'll phone when I can.",
                   sender="kim@example.org", subject="Re: " + ours["Subject"],
                   In_Reply_To=ours["Message-ID"], References=ours["Message-ID"])
    dovecot.append(stop)
    intake_once()
    assert replies_to(smtp_sink, message_id_of(stop)) == []
    assert [m["message"] for m in smtp_sink.messages() if m["to"] == ["kim@example.org"]] == [ours]
    row = _row(message_id_of(stop))
    assert row.kind == "safeguarding" and row.staff_status == "open" and row.action == "staff-queue"
