"""Receiving requests by SMTP directly: accepted into a spool, answered, and over-size messages refused."""
from __future__ import annotations

import smtplib
import threading
from dataclasses import replace

import pytest
from test_mailbox import message_id_of, replies_to, request

from servers import free_port, wait_for
from workers.mail import config
from workers.mail.intake_smtp import serve


@pytest.fixture
def receiving(mail_env, tmp_path):
    settings = replace(config.load(), smtp_listen_port=free_port(), smtp_max_message_mb=0.05, poll_seconds=0.2)
    stop = threading.Event()
    thread = threading.Thread(target=serve, args=(settings, tmp_path / "spool", stop), daemon=True)
    thread.start()
    wait_for(lambda: _accepts(settings.smtp_listen_port), 20, "the SMTP intake")
    yield settings, tmp_path / "spool"
    stop.set()
    thread.join(30)


def _accepts(port: int) -> bool:
    try:
        smtplib.SMTP("127.0.0.1", port, timeout=2).quit()
        return True
    except OSError:
        return False


def test_a_request_received_by_smtp_is_answered_and_leaves_the_spool(receiving, smtp_sink):
    settings, spool = receiving
    raw = request("Could I have the housing strategy in large print?")
    with smtplib.SMTP("127.0.0.1", settings.smtp_listen_port) as smtp:
        smtp.sendmail("resident@example.org", [settings.from_address], raw)
    wait_for(lambda: replies_to(smtp_sink, message_id_of(raw)), 120, "the reply")
    wait_for(lambda: not list(spool.glob("*.eml")), 30, "the spool to empty")


def test_a_message_over_the_size_limit_is_refused_at_the_door(receiving):
    settings, spool = receiving
    raw = request("Large print please. " + "x" * 100_000)
    with smtplib.SMTP("127.0.0.1", settings.smtp_listen_port) as smtp:
        with pytest.raises(smtplib.SMTPException) as caught:
            smtp.sendmail("resident@example.org", [settings.from_address], raw)
    assert "552" in str(caught.value) or "too" in str(caught.value).lower()
    assert not list(spool.glob("*.eml"))
