"""(source bytes, output format, settings, converter version) -> one job key, and jobs made exactly once."""
from __future__ import annotations

import hashlib
import json

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from converter import formats, provenance
from converter.pipeline import profile_for

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


def claim(session: Session, job_id: int, worker: str) -> Job | None:
    """Mark the job running for this worker; None when it is already done or failed for good."""
    job = session.get(Job, job_id)
    if job is None or job.state in (DONE, FAILED):
        return None
    session.execute(update(Job).where(Job.id == job_id).values(
        state=RUNNING, worker=worker, attempts=Job.attempts + 1, started_at=utcnow(),
        activity="starting", error=None))
    record(session, job_id, "started", worker)
    session.commit()
    session.refresh(job)
    return job


def finish(session: Session, job_id: int, **values) -> bool:
    """Mark the job done once; True only for the call that did it (a repeat run changes nothing)."""
    result = session.execute(
        update(Job).where(Job.id == job_id, Job.state != DONE).values(
            state=DONE, progress=1.0, activity="done", finished_at=utcnow(), error=None, **values))
    if result.rowcount == 1:
        record(session, job_id, "done", f"{len(values.get('files', []))} files")
    session.commit()
    return result.rowcount == 1


def fail(session: Session, job_id: int, error: str) -> None:
    session.execute(update(Job).where(Job.id == job_id, Job.state != DONE).values(
        state=FAILED, activity="failed", error=error[:4000], finished_at=utcnow()))
    record(session, job_id, "failed", error)
    session.commit()


def set_progress(session: Session, job_id: int, fraction: float | None, activity: str) -> None:
    values = {"activity": activity[:300]}
    if fraction is not None:
        values["progress"] = max(0.0, min(0.99, float(fraction)))
    session.execute(update(Job).where(Job.id == job_id, Job.state == RUNNING).values(**values))
    session.commit()


def orphaned_by(session: Session, worker: str) -> list[int]:
    """Jobs left 'running' by a worker of this name that has just restarted (it was killed)."""
    return list(session.scalars(select(Job.id).where(Job.state == RUNNING, Job.worker == worker)))
