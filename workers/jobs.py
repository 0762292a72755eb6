"""(source bytes, output format, settings, converter version) -> one job key, and jobs made exactly once.

A run claims a job with one conditional update that gives it a random token and a lease; only the
run holding the token can report progress (which renews the lease), finish or fail the job."""
from __future__ import annotations

import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import and_, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from converter import formats, provenance
from converter.pipeline import profile_for

from . import settings
from .models import DONE, FAILED, QUEUED, RUNNING, Job, JobEvent, utcnow


def canonical_settings(format_name: str, settings: dict | None) -> dict:
    """The full settings the output will use (defaults filled in), so equal work has equal keys."""
    spec = formats.output(format_name)
    profile = profile_for(spec, settings or {})
    return provenance.provenance(spec.name, profile)["settings"]


def job_key(source_sha256: str, format_name: str, settings: dict, converter_version: str) -> str:
    """SHA-256 of the input bytes' hash, the output name, the settings and the converter version."""
    material = json.dumps(
        {"source": source_sha256, "format": format_name, "settings": settings,
         "converter": converter_version},
        sort_keys=True, separators=(",", ":"), default=str,
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def find_or_create(session: Session, version_id: int, source_sha256: str, format_name: str,
                   settings: dict | None = None, draft: bool = False) -> tuple[Job, bool]:
    """The job for this work, and whether it was made now (False: it already existed)."""
    name = formats.output(format_name).name
    full = canonical_settings(name, settings)
    version = provenance.version()
    key = job_key(source_sha256, name, full, version + (":approved-draft" if draft else ""))
    existing = session.scalar(select(Job).where(Job.key == key))
    if existing is not None:
        return existing, False
    job = Job(key=key, version_id=version_id, format=name, settings=full, converter_version=version,
              state=QUEUED, files=[], warnings=[], draft_sha256=source_sha256 if draft else None)
    try:
        with session.begin_nested():
            session.add(job)
            session.flush()
    except IntegrityError:  # another request made the same job a moment ago
        return session.scalar(select(Job).where(Job.key == key)), False
    record(session, job.id, "created", f"{name} for version {version_id}")
    return job, True


def record(session: Session, job_id: int, kind: str, detail: str = "") -> None:
    session.add(JobEvent(job_id=job_id, kind=kind, detail=detail[:2000]))


class ClaimLost(Exception):
    """This run's claim on the job was taken over (its lease ran out): it must stop without marking it."""


@dataclass(frozen=True)
class Claim:
    """This run holds the job until its lease ends; `token` marks all it writes and is checked by
    finish, fail and set_progress."""
    job: Job
    token: str


@dataclass(frozen=True)
class Busy:
    """Another live run holds the job: ask again in `retry_in` seconds (when its lease would end)."""
    holder: str | None
    retry_in: float


def lease() -> timedelta:
    return timedelta(seconds=settings.get().job_lease_seconds)


def claim(session: Session, job_id: int, worker: str, *, worker_started_at: datetime | None = None,
          pid: int | None = None, now: datetime | None = None) -> Claim | Busy | None:
    """Take the job for this run with one conditional update, or say why not.

    Claim: it was queued; or running under a lease that has run out; or running for a worker of
    this name that has restarted since (started_at < worker_started_at); or running for a process
    of this worker that is gone (a pool child killed). Busy: another run holds it. None: done,
    failed for good, or missing."""
    now = now or utcnow()
    held = session.execute(select(Job.state, Job.worker, Job.worker_pid, Job.claim_token)
                           .where(Job.id == job_id)).one_or_none()
    session.rollback()  # end the read before writing (SQLite upgrades no stale read to a write)
    if held is None or held.state in (DONE, FAILED):
        return None
    takeover = [Job.lease_expires_at.is_(None), Job.lease_expires_at < now]
    if worker_started_at is not None:
        takeover.append(and_(Job.worker == worker, Job.started_at < worker_started_at))
    if held.worker == worker and held.claim_token and process_gone(held.worker_pid):
        takeover.append(Job.claim_token == held.claim_token)
    token = uuid.uuid4().hex
    result = session.execute(update(Job).where(
        Job.id == job_id, or_(Job.state == QUEUED, and_(Job.state == RUNNING, or_(*takeover)))).values(
        state=RUNNING, worker=worker, worker_pid=pid, claim_token=token, lease_expires_at=now + lease(),
        attempts=Job.attempts + 1, started_at=now, activity="starting", error=None))
    if result.rowcount != 1:
        session.rollback()
        return _refusal(session, job_id, now)
    taken = f"{worker}, taking over from {held.worker}" if held.state == RUNNING else worker
    record(session, job_id, "started", taken)
    session.commit()
    job = session.get(Job, job_id)
    session.refresh(job)
    return Claim(job, token)


def _refusal(session: Session, job_id: int, now: datetime) -> Busy | None:
    row = session.execute(select(Job.state, Job.worker, Job.lease_expires_at)
                          .where(Job.id == job_id)).one_or_none()
    session.rollback()
    if row is None or row.state in (DONE, FAILED):
        return None
    if row.state != RUNNING or row.lease_expires_at is None:  # it changed under us: look again soon
        return Busy(row.worker, 1.0)
    ends = row.lease_expires_at
    if ends.tzinfo is None:  # SQLite keeps no time zone; every time stored is UTC
        ends = ends.replace(tzinfo=timezone.utc)
    return Busy(row.worker, max(1.0, (ends - now).total_seconds()))


def process_gone(pid: int | None) -> bool:
    """True when no process has this id on this machine (only asked for this worker's own runs)."""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _held_by(job_id: int, token: str):
    return (Job.id == job_id, Job.state == RUNNING, Job.claim_token == token)


def finish(session: Session, job_id: int, token: str, **values) -> bool:
    """Mark the job done; True only for the run holding it (a repeat or a taken-over run changes nothing)."""
    result = session.execute(update(Job).where(*_held_by(job_id, token)).values(
        state=DONE, progress=1.0, activity="done", finished_at=utcnow(), error=None,
        lease_expires_at=None, **values))
    if result.rowcount == 1:
        record(session, job_id, "done", f"{len(values.get('files', []))} files")
    session.commit()
    return result.rowcount == 1


def fail(session: Session, job_id: int, error: str, token: str) -> bool:
    """Mark the job failed; True only for the run holding it."""
    result = session.execute(update(Job).where(*_held_by(job_id, token)).values(
        state=FAILED, activity="failed", error=error[:4000], finished_at=utcnow(), lease_expires_at=None))
    if result.rowcount == 1:
        record(session, job_id, "failed", error)
    session.commit()
    return result.rowcount == 1


def set_progress(session: Session, job_id: int, fraction: float | None, activity: str, token: str,
                 now: datetime | None = None) -> bool:
    """Show progress and renew the run's lease; False when the run no longer holds the job."""
    values = {"activity": activity[:300], "lease_expires_at": (now or utcnow()) + lease()}
    if fraction is not None:
        values["progress"] = max(0.0, min(0.99, float(fraction)))
    result = session.execute(update(Job).where(*_held_by(job_id, token)).values(**values))
    session.commit()
    return result.rowcount == 1


def release(session: Session, job_id: int, token: str) -> bool:
    """Give a held job back to the queue (before a retry after a transient error)."""
    result = session.execute(update(Job).where(*_held_by(job_id, token)).values(
        state=QUEUED, claim_token=None, lease_expires_at=None, activity="waiting to try again"))
    if result.rowcount == 1:
        record(session, job_id, "released", "a transient error: tried again later")
    session.commit()
    return result.rowcount == 1


def holder_token(session: Session, job_id: int) -> str | None:
    """The token of the run holding a running job (audio section and assembly tasks act for it)."""
    return session.scalar(select(Job.claim_token).where(Job.id == job_id, Job.state == RUNNING))


def orphaned_by(session: Session, worker: str, started_before: datetime) -> list[int]:
    """Jobs left 'running' by a worker of this name that has just restarted (it was killed):
    those claimed before this start."""
    return list(session.scalars(select(Job.id).where(
        Job.state == RUNNING, Job.worker == worker, Job.started_at < started_before)))
