"""The scheduled purge: a real `celery beat` sends altformats.purge_expired to a real worker, which clears
email requesters' personal data past the retention days and deletes ended staff sessions."""
from __future__ import annotations

import os
import subprocess
import uuid
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from workers import db
from workers.celery_app import app
from workers.mail.models import MailRequest
from workers.models import StaffSession, User

from .conftest import ROOT, VENV_BIN, add_staff, stop_group, wait_until


def _mail_request(age_days: float) -> int:
    with db.session() as s:
        row = MailRequest(message_key=f"<{uuid.uuid4().hex}@resident.example>", reference="AF-TEST",
                          sender_address="resident@resident.example", subject="Large print please",
                          body="Please send me the housing strategy in large print.", sender_hash="0" * 64,
                          received_at=datetime.now(timezone.utc) - timedelta(days=age_days))
        s.add(row)
        s.flush()
        return row.id


def _staff_session(expires_in: timedelta) -> str:
    key = uuid.uuid4().hex * 2
    with db.session() as s:
        user_id = s.scalar(select(User.id).where(User.username == add_staff()))
        s.add(StaffSession(token_sha256=key, user_id=user_id, expires_at=datetime.now(timezone.utc) + expires_in))
    return key


def _row(request_id: int) -> MailRequest:
    with db.session() as s:
        return s.get(MailRequest, request_id)


def test_the_purge_is_on_the_beat_schedule():
    app.loader.import_default_modules()  # what a worker does at start: the modules in `include`
    entry = app.conf.beat_schedule["purge-expired-personal-data"]
    assert entry["task"] == "altformats.purge_expired" and entry["task"] in app.tasks


def test_celery_beat_purges_old_personal_data_and_ended_sessions(store_service, monkeypatch, tmp_path):
    monkeypatch.setenv("ALTFORMATS_MAIL_RETENTION_DAYS", "10")  # the worker reads it when the task runs
    old, older, recent = _mail_request(11), _mail_request(400), _mail_request(9)
    ended, live = _staff_session(timedelta(minutes=-1)), _staff_session(timedelta(hours=1))
    store_service.start_worker("housekeeping")
    beat = subprocess.Popen(
        [str(VENV_BIN / "celery"), "-A", "workers.celery_app", "beat", "--loglevel", "INFO",
         "--schedule", str(tmp_path / "celerybeat-schedule")],
        cwd=ROOT, env={**os.environ, **store_service.env, "ALTFORMATS_HOUSEKEEPING_SECONDS": "1"},
        stdout=open(tmp_path / "beat.log", "ab"), stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until(lambda: _row(old).purged and _row(older).purged, 120, "beat and the worker to purge")
    finally:
        stop_group(beat)
    assert "Sending due task purge-expired-personal-data" in (tmp_path / "beat.log").read_text()
    for purged in (_row(old), _row(older)):
        assert (purged.sender_address, purged.subject, purged.body, purged.sender_hash) == (None,) * 4
        assert purged.reference == "AF-TEST"  # the request log keeps what was done, not who asked
    kept = _row(recent)
    assert not kept.purged and kept.sender_address == "resident@resident.example"
    assert kept.body.startswith("Please send me")
    with db.session() as s:
        remaining = set(s.scalars(select(StaffSession.token_sha256).where(
            StaffSession.token_sha256.in_([ended, live]))))
    assert remaining == {live}
