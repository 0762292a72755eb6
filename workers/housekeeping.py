"""Scheduled clean-up run by `celery beat`: requesters' personal data past its retention days, ended sessions.

Signed download links in email replies are not stored (the signature and its age are the whole
link), and made formats are catalogue files kept while the document exists, so neither needs purging.
"""
from __future__ import annotations

from celery.utils.log import get_task_logger

from . import db
from .celery_app import app
from .tasks import TRANSIENT

log = get_task_logger(__name__)


@app.task(name="altformats.purge_expired", autoretry_for=TRANSIENT, retry_backoff=5, retry_backoff_max=300,
          retry_jitter=True, max_retries=5)
def purge_expired() -> dict:
    """Clear email requesters' addresses, subjects and bodies older than the retention setting
    (ALTFORMATS_MAIL_RETENTION_DAYS, 30 by default) and delete expired staff sessions."""
    from .mail import config, store
    from .web.auth import remove_ended_sessions

    retention_days = config.load().retention_days
    with db.session() as s:
        requests = store.purge(s, retention_days)
        sessions = remove_ended_sessions(s)
    log.info("purge: personal data cleared from %d email requests older than %d days; %d ended sessions removed",
             requests, retention_days, sessions)
    return {"mail_requests": requests, "staff_sessions": sessions, "retention_days": retention_days}
