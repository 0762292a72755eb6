"""Job ids -> outputs in storage: Celery tasks that are idempotent, atomic and retried only on transient errors."""
from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import re
import tempfile
import time
from pathlib import Path

import kombu.exceptions
import redis.exceptions
import sqlalchemy.exc
from celery.exceptions import SoftTimeLimitExceeded
from celery.utils.log import get_task_logger

from converter import formats, provenance
from converter.errors import AltformatsError
from converter.pipeline import read_bytes, write_output

from . import audio_fanout, celery_app, db, jobs, storage
from .celery_app import app
from .models import Job

log = get_task_logger(__name__)

# Errors worth trying again: the database or broker was briefly unreachable or busy.
TRANSIENT = (sqlalchemy.exc.OperationalError, sqlalchemy.exc.InterfaceError,
             redis.exceptions.ConnectionError, redis.exceptions.TimeoutError,
             kombu.exceptions.OperationalError, ConnectionError)
RETRY = dict(autoretry_for=TRANSIENT, retry_backoff=2, retry_backoff_max=300, retry_jitter=True,
             max_retries=6, acks_late=True)


def safe_stem(name: str) -> str:
    """A file name stem made only of safe characters ('Our Plan (v2).docx' -> 'our-plan-v2')."""
    stem = re.sub(r"[^a-z0-9]+", "-", Path(name).stem.lower()).strip("-")
    return stem[:60] or "document"


def load_document(sha256: str, source_name: str):
    """The parsed model of a stored source, parsed once per converter version and cached."""
    store = storage.default()
    cached = f"{storage.model_key(sha256)}.{provenance.version()}"
    if store.exists(cached):
        return pickle.loads(store.get(cached))
    doc = read_bytes(store.get(storage.source_key(sha256)), source_name).value
    store.put(cached, pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
    return doc


class StoredTransformCache:
    """pipeline.write_output's transform cache, kept in storage so jobs of one document share it
    (the easy read transform runs once for the draft, DOCX, HTML and PDF, whichever worker runs them)."""

    def __init__(self, store, sha256: str):
        self.store, self.sha256 = store, sha256

    def _key(self, key) -> str:
        dotted, settings_string = key
        digest = hashlib.sha256(f"{dotted}|{settings_string}|{provenance.version()}".encode()).hexdigest()
        return f"transforms/{self.sha256[:2]}/{self.sha256}/{digest}.pickle"

    def __contains__(self, key) -> bool:
        return self.store.exists(self._key(key))

    def __getitem__(self, key):
        return pickle.loads(self.store.get(self._key(key)))

    def __setitem__(self, key, value) -> None:
        self.store.put(self._key(key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


class ThrottledProgress:
    """progress(name, fraction, activity) -> the job row (renewing the run's lease), at most twice a
    second; raises jobs.ClaimLost once another run has taken the job over."""

    def __init__(self, session, job_id: int, token: str):
        self.session, self.job_id, self.token, self.last = session, job_id, token, 0.0
        self.lost = False

    def __call__(self, _name: str, fraction: float | None, activity: str) -> None:
        now = time.monotonic()
        if now - self.last >= 0.5:
            self.last = now
            if not jobs.set_progress(self.session, self.job_id, fraction, activity, self.token):
                self.lost = True
                raise jobs.ClaimLost(f"job {self.job_id} was taken over by another run")


def store_outputs(store, prefix: str, out_dir: Path, paths: list[Path], owner: str) -> list[str]:
    keys = []
    for path in paths:
        key = f"{prefix}/{path.relative_to(out_dir).as_posix()}"
        store.put(key, path.read_bytes(), owner)
        keys.append(key)
    return keys


def load_approved_draft(sha256: str):
    """An approved easy read draft (stored text) -> the easy read document it describes."""
    from converter.readers.easy_read_draft import parse_draft

    text = storage.default().get(storage.source_key(sha256)).decode("utf-8")
    return parse_draft(text, source_name="approved draft").value


def make_output(session, job: Job, doc, token: str) -> None:
    """Write one output with the library's pipeline, copy it into storage, mark the job done.
    Raises jobs.ClaimLost when another run took the job over meanwhile (nothing is marked)."""
    spec = formats.output(job.format)
    if job.draft_sha256:  # the draft is already easy read: write it without transforming again
        spec = dataclasses.replace(spec, transforms=())
    store = storage.default()
    prefix = storage.output_prefix(job.key)
    storage.remove_partial_files(store, prefix, token)
    progress = ThrottledProgress(session, job.id, token)
    with tempfile.TemporaryDirectory(prefix="altformats-job-") as tmp:
        out = Path(tmp)
        report = write_output(doc, spec, out, safe_stem(job.version.source_name), job.settings,
                              progress=progress, cache=StoredTransformCache(store, job.version.source_sha256))
        if progress.lost:
            raise jobs.ClaimLost(f"job {job.id} was taken over while it was being written")
        if not report.ok:
            if not jobs.fail(session, job.id, report.error, token):
                raise jobs.ClaimLost(f"job {job.id} was taken over before it could be marked failed")
            return
        if not jobs.set_progress(session, job.id, 0.99, "saving the files", token):
            raise jobs.ClaimLost(f"job {job.id} was taken over before its files were saved")
        keys = store_outputs(store, prefix, out, report.paths, token)
    if not jobs.finish(session, job.id, token, files=keys, size=report.size, readability=report.readability,
                       warnings=[str(m) for m in report.messages if m.level != "info"]):
        raise jobs.ClaimLost(f"job {job.id} was taken over before it could be marked done")


def release_quietly(session, job_id: int, token: str) -> None:
    """Give the job back before a retry; if the database is still unreachable, the lease runs out."""
    try:
        jobs.release(session, job_id, token)
    except TRANSIENT:
        session.rollback()


# How long a run that found the job held by another waits before asking again (at most).
BUSY_RETRY_SECONDS = 30.0


@app.task(bind=True, name="altformats.run_job", **RETRY)
def run_job(self, job_id: int) -> str:
    """Make the output of one job, if this run can claim it. Safe to run again and at the same time:
    'made' (this run did the work and marked the job), 'already ended' (done or failed before),
    'busy' (another live run holds it: queued again to look later), 'taken over' (this run's
    lease ran out and another run took the job: this one stopped without marking it)."""
    with db.new_session() as session:
        claimed = jobs.claim(session, job_id, self.request.hostname or "worker",
                             worker_started_at=celery_app.worker_started_at(), pid=os.getpid())
        if claimed is None:
            return "already ended"
        if isinstance(claimed, jobs.Busy):
            # A fresh message rather than self.retry(): waiting must not use up the retries
            # kept for transient errors (max_retries), however long the holder takes.
            countdown = min(BUSY_RETRY_SECONDS, claimed.retry_in)
            run_job.apply_async((job_id,), countdown=countdown)
            log.info("job %s is held by %s: looking again in %.0f s", job_id, claimed.holder, countdown)
            return "busy"
        job, token = claimed.job, claimed.token
        try:
            jobs.set_progress(session, job_id, 0.0, "reading the document", token)
            if job.draft_sha256:
                doc = load_approved_draft(job.draft_sha256)
            else:
                doc = load_document(job.version.source_sha256, job.version.source_name)
            if job.format == "audio" and audio_fanout.available():
                audio_fanout.start(session, job, doc, token)
            else:
                make_output(session, job, doc, token)
            return "made"
        except jobs.ClaimLost as lost:
            session.rollback()
            log.warning("%s; this run stops without marking it", lost)
            return "taken over"
        except TRANSIENT:
            session.rollback()
            release_quietly(session, job_id, token)  # so the retry can claim it at once
            raise
        except SoftTimeLimitExceeded:
            error = "The conversion took longer than the time limit and was stopped."
        except AltformatsError as exc:
            error = str(exc)
        except Exception as exc:  # a bug or a broken file: record it, never retry forever
            log.exception("job %s failed", job_id)
            error = f"{type(exc).__name__}: {exc}"
        session.rollback()
        return "made" if jobs.fail(session, job_id, error, token) else "taken over"


@app.task(bind=True, name="altformats.synthesise_section", **RETRY)
def synthesise_section(self, job_id: int, number: int) -> None:
    """Speak one audio section for the run holding the job; the task that completes the last
    section queues the assembly."""
    with db.new_session() as session:
        token = jobs.holder_token(session, job_id)
        if token is None:  # done, failed or not started: nothing to speak for
            return
        try:
            if audio_fanout.synthesise(session, job_id, number, token):
                assemble_audio.delay(job_id)
        except TRANSIENT:
            session.rollback()
            raise
        except Exception as exc:
            session.rollback()
            log.exception("job %s section %s failed", job_id, number)
            jobs.fail(session, job_id, f"Section {number}: {type(exc).__name__}: {exc}", token)


@app.task(bind=True, name="altformats.assemble_audio", **RETRY)
def assemble_audio(self, job_id: int) -> None:
    """Join the spoken sections into the final audio files and finish the job."""
    with db.new_session() as session:
        token = jobs.holder_token(session, job_id)
        if token is None:
            return
        try:
            audio_fanout.assemble(session, job_id, token)
        except TRANSIENT:
            session.rollback()
            raise
        except Exception as exc:
            session.rollback()
            log.exception("job %s assembly failed", job_id)
            jobs.fail(session, job_id, f"Assembling the audio: {type(exc).__name__}: {exc}", token)


def enqueue(job_id: int) -> None:
    run_job.delay(job_id)
