"""The shared email corpus through the real mailbox; restarts mid-batch; no address ever reaches a log."""
from __future__ import annotations

import csv
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
# Automatic mail filed in the other folders, by reading each one: delivery failures and acknowledgements
# (alaveteli_utf-7-subject.eml is a Czech "your email was received" notice).
ALSO_AUTOMATIC = ("odd_encoding/alaveteli_empty-return-path.eml", "odd_encoding/alaveteli_utf-7-conversion.eml",
                  "odd_encoding/alaveteli_multipart-no-final-boundary.eml", "odd_encoding/alaveteli_utf-7-subject.eml")


def _automatic(corpus: Path) -> set[str]:
    """Corpus files (relative names) that must never be answered: by folder, by the headers INDEX.tsv
    lists (Auto-Submitted, Precedence, X-Autoreply), and the few found by reading them."""
    names = set(ALSO_AUTOMATIC)
    with open(corpus / "emails" / "INDEX.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if (row["file"].split("/")[0] in NEVER_ANSWERED or row["auto_submitted"] not in ("", "no")
                    or row["precedence"].lower() in ("bulk", "junk", "list") or row["x_autoreply"]):
                names.add(row["file"])
    return names


def test_every_corpus_email_goes_through_the_mailbox_and_no_auto_reply_or_bounce_is_answered(
        mail_env, dovecot, smtp_sink, corpus):
    root = corpus / "emails"
    files = sorted(root.rglob("*.eml"))
    automatic = _automatic(corpus)
    assert len(files) >= 80 and len(automatic) >= 55
    for path in files:
        dovecot.append(path.read_bytes())
    intake_once()
    flags = dovecot.flags_by_message_id()
    assert all(HANDLED.encode() in f for f in flags.values()), "a corpus message was left unhandled"
    answered = {m["message"]["In-Reply-To"] for m in smtp_sink.messages()}
    wrongly_answered = [p.relative_to(root).as_posix() for p in files if p.relative_to(root).as_posix() in automatic
                        and parse_message(p.read_bytes()).message_id in answered]
    assert wrongly_answered == []
    with db.session() as s:
        assert s.query(MailRequest).filter(MailRequest.state != "done").count() == 0
        crashed = s.query(MailRequest).filter(MailRequest.action == "fault").all()
        assert crashed == [], [r.error for r in crashed]  # read by our code, not passed on as a fault


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
