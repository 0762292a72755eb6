"""The shared email corpus through the real mailbox; restarts mid-batch; no address ever reaches a log."""
from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from test_mailbox import intake_once, message_id_of, request

from servers import wait_for
from workers import db
from workers.mail import config
from workers.mail.intake_imap import HANDLED, run
from workers.mail.models import MailRequest
from workers.mail.parse import parse_message

VENV_BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[2]
NEVER_ANSWERED = ("auto_reply", "bounce_dsn", "feedback_report", "spam")


def test_every_corpus_email_goes_through_the_mailbox_and_no_auto_reply_or_bounce_is_answered(
        mail_env, dovecot, smtp_sink, corpus):
    files = sorted((corpus / "emails").rglob("*.eml"))
    assert len(files) >= 80
    for path in files:
        dovecot.append(path.read_bytes())
    intake_once()
    flags = dovecot.flags_by_message_id()
    assert all(HANDLED.encode() in f for f in flags.values()), "a corpus message was left unhandled"
    answered = {m["message"]["In-Reply-To"] for m in smtp_sink.messages()}
    for path in files:
        if path.parent.name in NEVER_ANSWERED:
            assert parse_message(path.read_bytes()).message_id not in answered, path.name
    with db.session() as s:
        assert s.query(MailRequest).filter(MailRequest.state != "done").count() == 0


def _start_intake(env: dict, log_path: Path) -> subprocess.Popen:
    return subprocess.Popen([str(VENV_BIN / "altformats"), "mail", "intake", "--no-upgrade"], cwd=ROOT,
                            env={**os.environ, **env}, stdout=open(log_path, "ab"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def test_killing_the_intake_mid_batch_loses_no_message_and_answers_none_twice(mail_env, dovecot, smtp_sink,
                                                                             tmp_path):
    raws = [request(f"Please could I have the housing strategy in large print. Note {n}.",
                    sender=f"person{n}@example.org") for n in range(12)]
    for raw in raws:
        dovecot.append(raw)
    log_path = tmp_path / "intake.log"
    first = _start_intake(mail_env["env"], log_path)
    wait_for(lambda: len(smtp_sink.messages()) >= 4, 120, "the first replies")
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(10)
    second = _start_intake(mail_env["env"], log_path)
    try:
        wait_for(lambda: all(HANDLED.encode() in f for f in dovecot.flags_by_message_id().values()), 180,
                 "every message handled after the restart")
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        second.wait(30)
    replies = [m["message"]["In-Reply-To"] for m in smtp_sink.messages()]
    ids = [message_id_of(r) for r in raws]
    with db.session() as s:
        unsure = {r.message_key for r in s.query(MailRequest).filter(MailRequest.error.like("stopped while%"))}
    for mid in ids:  # answered exactly once, or (killed between recording and sending) flagged to staff
        assert replies.count(mid) == 1 or (replies.count(mid) == 0 and mid in unsure), mid
    assert len(replies) == len(set(replies))


def test_no_requester_address_reaches_the_logs(mail_env, dovecot, smtp_sink, caplog):
    senders = ["jo.private@example.org", "BSL.user@example.net", "spam.sender@example.com"]
    dovecot.append(request("Housing strategy in large print please", sender=senders[0]))
    dovecot.append(request("Is there a BSL version of the housing plan?", sender=senders[1]))
    dovecot.append(request("WIN A PRIZE click here http://bit.ly/xx now!!! Congratulations winner",
                           sender=senders[2], subject="You have won"))
    with caplog.at_level(logging.DEBUG):
        intake_once()
        logging.getLogger("altformats.mail").info("a test line naming %s", senders[0])
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert logged and "[address]" in logged
    for address in senders:
        assert address.lower() not in logged.lower()
