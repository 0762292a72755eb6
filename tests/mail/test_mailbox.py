"""Requests through a real Dovecot mailbox and a real SMTP server (STARTTLS + AUTH), answered by the intake."""
from __future__ import annotations

import threading
from email.message import EmailMessage
from email.utils import make_msgid

from workers import db
from workers.mail import config, store
from workers.mail.intake_imap import HANDLED, run
from workers.mail.models import MailRequest


def request(body: str, sender: str = "resident@example.org", subject: str = "Request", **headers) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Sam Resident <{sender}>"
    msg["To"] = "alternative.formats@council.example"
    msg["Subject"] = subject
    msg["Message-ID"] = make_msgid(domain="example.org")
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return msg.as_bytes()


def intake_once() -> None:
    run(config.load(), threading.Event(), once=True)


def replies_to(sink, message_id: str) -> list:
    return [m["message"] for m in sink.messages() if m["message"]["In-Reply-To"] == message_id]


def message_id_of(raw: bytes) -> str:
    from email import message_from_bytes

    return message_from_bytes(raw)["Message-ID"]


def test_a_clear_request_gets_its_files_attached_and_is_marked_handled_after_the_reply(mail_env, dovecot, smtp_sink):
    raw = request("Hello, could I have the housing strategy in large print please? Thank you")
    dovecot.append(raw)
    intake_once()
    [reply] = replies_to(smtp_sink, message_id_of(raw))
    names = sorted(part.get_filename() for part in reply.iter_attachments())
    assert [n.rsplit(".", 1)[1] for n in names] == ["docx", "pdf"]
    assert reply["To"] == "resident@example.org" and reply["Auto-Submitted"] == "auto-replied"
    assert "housing" not in reply["Subject"].lower()  # neutral subject
    assert message_id_of(raw) in reply["References"]
    body = reply.get_body(("plain",)).get_content()
    assert "Housing Strategy 2022" in body
    assert reply.get_body(("html",)) is not None
    [delivery] = [m for m in smtp_sink.messages() if m["message"]["Message-ID"] == reply["Message-ID"]]
    assert delivery["tls"] and delivery["authenticated"] and delivery["to"] == ["resident@example.org"]
    flags = dovecot.flags_by_message_id()[message_id_of(raw)]
    assert HANDLED.encode() in flags and b"\\Seen" in flags


def test_the_same_message_delivered_twice_is_answered_once(mail_env, dovecot, smtp_sink):
    raw = request("Could I have the domestic abuse strategy as plain text please")
    dovecot.append(raw)
    dovecot.append(raw)
    intake_once()
    intake_once()
    assert len(replies_to(smtp_sink, message_id_of(raw))) == 1


def test_a_reply_in_our_thread_gets_the_document_of_our_earlier_answer(mail_env, dovecot, smtp_sink):
    first = request("Can I have the housing strategy please?")
    dovecot.append(first)
    intake_once()
    [ask] = replies_to(smtp_sink, message_id_of(first))
    assert "Which format" in ask.get_body(("plain",)).get_content()
    second = request("Plain text please.", In_Reply_To=ask["Message-ID"], References=ask["Message-ID"])
    dovecot.append(second)
    intake_once()
    [answer] = replies_to(smtp_sink, message_id_of(second))
    assert [p.get_filename().rsplit(".", 1)[1] for p in answer.iter_attachments()] == ["txt"]


def test_sign_language_is_acknowledged_with_a_reference_and_queued_for_staff(mail_env, dovecot, smtp_sink):
    raw = request("My dad is Deaf. Is the housing strategy available in BSL?")
    dovecot.append(raw)
    intake_once()
    [reply] = replies_to(smtp_sink, message_id_of(raw))
    with db.session() as s:
        [queued] = store.staff_queue(s)
        assert queued.action == "handover" and queued.reference in reply.get_body(("plain",)).get_content()
        assert queued.sender_address == "resident@example.org"


def test_a_sender_gets_no_more_than_the_daily_number_of_replies(mail_env, dovecot, smtp_sink):
    raws = [request(f"Housing strategy in large print please ({n})", sender="keen@example.org") for n in range(5)]
    for raw in raws:
        dovecot.append(raw)
    intake_once()
    assert sum(len(replies_to(smtp_sink, message_id_of(r))) for r in raws) == 3
    with db.session() as s:
        assert s.query(MailRequest).filter_by(action="rate-limited").count() == 2
    assert all(HANDLED.encode() in f for f in dovecot.flags_by_message_id().values())


def test_a_withdrawn_document_gets_a_reply_saying_so_and_listing_what_exists(mail_env, dovecot, smtp_sink):
    raw = request("Please send me the community safety plan 2015 in large print")
    dovecot.append(raw)
    intake_once()
    [reply] = replies_to(smtp_sink, message_id_of(raw))
    text = reply.get_body(("plain",)).get_content()
    assert "any more" in text and "Housing Strategy 2022" in text
    assert not list(reply.iter_attachments())


def test_a_reply_to_our_list_of_documents_is_not_read_as_asking_for_all_of_them(mail_env, dovecot, smtp_sink):
    first = request("Hello, can I have one of your documents in large print?")
    dovecot.append(first)
    intake_once()
    [ask] = replies_to(smtp_sink, message_id_of(first))
    quoted = "\n".join("> " + line for line in ask.get_body(("plain",)).get_content().splitlines())
    second = request("Sorry, I am not sure.\n\nOn Monday, Alternative formats wrote:\n" + quoted,
                     In_Reply_To=ask["Message-ID"], References=ask["Message-ID"])
    dovecot.append(second)
    intake_once()
    [again] = replies_to(smtp_sink, message_id_of(second))
    assert not list(again.iter_attachments())
    assert "not sure which document" in again.get_body(("plain",)).get_content()


def test_a_format_not_yet_made_is_made_now_by_the_worker_service_and_sent(mail_env, dovecot, smtp_sink):
    raw = request("I am blind. Could I listen to the housing strategy? An MP3 would be great.")
    dovecot.append(raw)
    intake_once()
    [reply] = replies_to(smtp_sink, message_id_of(raw))
    names = [p.get_filename() for p in reply.iter_attachments()]
    assert any(n.endswith(".mp3") for n in names), names


def _nested_mime(depth: int, text: str) -> bytes:
    """A message with MIME parts nested `depth` deep: more than Python's email package can walk."""
    head = (b"From: Deep <deep@example.org>\r\nTo: alternative.formats@council.example\r\nSubject: deep\r\n"
            b"Message-ID: <deep-nesting@example.org>\r\nMIME-Version: 1.0\r\n")
    opening = b"".join(f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n'.encode()
                       for i in range(depth))
    closing = b"".join(f"--b{i}--\r\n".encode() for i in reversed(range(depth)))
    return head + opening + b"Content-Type: text/plain\r\n\r\n" + text.encode() + b"\r\n" + closing


def test_a_message_our_code_cannot_read_goes_to_staff_and_does_not_stop_the_intake(mail_env, dovecot, smtp_sink):
    dovecot.append(_nested_mime(3000, "housing strategy in large print"))
    after = request("Housing strategy in large print please")
    dovecot.append(after)
    intake_once()
    assert len(replies_to(smtp_sink, message_id_of(after))) == 1
    assert replies_to(smtp_sink, "<deep-nesting@example.org>") == []
    assert all(HANDLED.encode() in f for f in dovecot.flags_by_message_id().values())
    with db.session() as s:
        [queued] = store.staff_queue(s)
        assert queued.action == "fault" and "RecursionError" in queued.error
