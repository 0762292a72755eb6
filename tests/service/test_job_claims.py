"""One run at a time per job: atomic claims, leases and claim tokens, on SQLite and PostgreSQL.

Two runs started together (threads released by a barrier) call the real task body; expiry is made
by writing lease times directly, never by waiting."""
from __future__ import annotations

import os
import subprocess
import threading
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from workers import catalogue, db, jobs, storage, tasks
from workers.models import DONE, FAILED, RUNNING, Job, JobEvent, utcnow

from .conftest import make_docx


def unqueued_job(tmp_path, format_name: str = "text", paragraphs: int = 40) -> int:
    """A new job in the store that no worker has been told about (only the test runs it)."""
    title = f"Street lighting {uuid.uuid4().hex[:8]}"
    path = make_docx(tmp_path / f"{uuid.uuid4().hex[:8]}.docx", title, paragraphs)
    with db.session() as s:
        doc = catalogue.add_document(s, title)
        version = catalogue.add_version(s, doc, path.read_bytes(), path.name)
        job, created = jobs.find_or_create(s, version.id, version.source_sha256, format_name)
        assert created
        return job.id


def events(job_id: int) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(JobEvent.kind).where(JobEvent.job_id == job_id).order_by(JobEvent.id)))


def load(job_id: int) -> Job:
    with db.session() as s:
        return s.get(Job, job_id)


def set_claim(job_id: int, **values) -> None:
    with db.session() as s:
        s.execute(update(Job).where(Job.id == job_id).values(**values))


def assert_complete_text_output(job: Job) -> None:
    (path,) = catalogue.output_paths(job)
    text = path.read_text(encoding="utf-8")
    assert "Street lighting" in text and "This is point 40." in text
    assert path.stat().st_size == job.size
    folder = storage.default().local_path(storage.output_prefix(job.key))
    assert [p.name for p in folder.rglob("*") if p.name.endswith(".part")] == []


def run_together(job_id: int, runs: int = 2) -> list[str]:
    """The task body in `runs` threads released at the same moment; their outcomes."""
    barrier = threading.Barrier(runs)
    outcomes: list[str] = []
    errors: list[BaseException] = []

    def run():
        try:
            barrier.wait(30)
            outcomes.append(tasks.run_job.run(job_id))
        except BaseException as exc:  # reported by the test, not lost in the thread
            errors.append(exc)

    tasks.run_job.request  # bind the task before the threads (Celery finalises the app lazily)
    threads = [threading.Thread(target=run) for _ in range(runs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert not errors, errors
    return sorted(outcomes)


@pytest.mark.parametrize("attempt", range(3))
def test_two_runs_started_at_the_same_moment_make_the_job_once(store_service, tmp_path, attempt):
    job_id = unqueued_job(tmp_path)
    outcomes = run_together(job_id)
    assert outcomes.count("made") == 1, outcomes
    assert set(outcomes) - {"made"} <= {"busy", "already ended"}, outcomes
    kinds = events(job_id)
    assert kinds.count("started") == 1 and kinds.count("done") == 1 and "failed" not in kinds
    job = load(job_id)
    assert job.state == DONE and job.attempts == 1
    assert_complete_text_output(job)


def test_a_run_that_finds_the_job_held_neither_runs_nor_fails_it(store_service, tmp_path):
    job_id = unqueued_job(tmp_path)
    now = utcnow()
    set_claim(job_id, state=RUNNING, worker="other@machine", worker_pid=None, claim_token="b" * 32,
              started_at=now, lease_expires_at=now + timedelta(minutes=5))
    assert tasks.run_job.run(job_id) == "busy"  # and a message to look again was queued
    job = load(job_id)
    assert (job.state, job.claim_token, job.worker, job.attempts) == (RUNNING, "b" * 32, "other@machine", 0)
    assert events(job_id) == ["created"]


def test_a_stale_running_job_is_taken_over_and_completes(store_service, tmp_path):
    job_id = unqueued_job(tmp_path)
    stale = "a" * 32
    set_claim(job_id, state=RUNNING, worker="gone@machine", worker_pid=None, claim_token=stale,
              started_at=utcnow() - timedelta(hours=1), lease_expires_at=utcnow() - timedelta(seconds=1))
    store = storage.default()
    prefix = storage.output_prefix(load(job_id).key)
    folder = store.local_path(prefix)
    folder.mkdir(parents=True, exist_ok=True)
    leftover = folder / f".street-lighting.txt.run-{stale}.x1y2z3.part"
    leftover.write_bytes(b"half a file")

    assert tasks.run_job.run(job_id) == "made"
    job = load(job_id)
    assert job.state == DONE and job.claim_token != stale
    assert events(job_id) == ["created", "started", "done"]
    assert not leftover.exists()
    assert_complete_text_output(job)
    with db.session() as s:
        taken = s.scalar(select(JobEvent.detail).where(JobEvent.job_id == job_id, JobEvent.kind == "started"))
    assert "taking over from gone@machine" in taken


def test_a_run_whose_claim_was_taken_over_cannot_mark_the_job(store_service, tmp_path):
    job_id = unqueued_job(tmp_path)
    with db.session() as s:
        first = jobs.claim(s, job_id, "first@machine", pid=os.getpid())
    assert isinstance(first, jobs.Claim)
    set_claim(job_id, lease_expires_at=utcnow() - timedelta(seconds=1))  # as if it stopped reporting
    with db.session() as s:
        second = jobs.claim(s, job_id, "second@machine", pid=os.getpid())
    assert isinstance(second, jobs.Claim) and second.token != first.token

    store = storage.default()
    prefix = storage.output_prefix(second.job.key)
    store.put(f"{prefix}/old.txt", b"x", first.token)  # complete files are never touched
    folder = store.local_path(prefix)
    mine, theirs = (folder / f".a.txt.run-{t}.abc.part" for t in (second.token, first.token))
    mine.write_bytes(b"being written")
    theirs.write_bytes(b"left behind")
    assert storage.remove_partial_files(store, prefix, second.token) == 1
    assert mine.exists() and not theirs.exists() and (folder / "old.txt").exists()
    mine.unlink()

    with db.session() as s:
        assert not jobs.set_progress(s, job_id, 0.5, "still going", first.token)
        assert not jobs.fail(s, job_id, "it broke", first.token)
        assert not jobs.finish(s, job_id, first.token, files=[], size=0)
        assert not jobs.release(s, job_id, first.token)
        job = s.get(Job, job_id)
        with pytest.raises(jobs.ClaimLost):  # the whole output path of the first run stops unmarked
            tasks.make_output(s, job, tasks.load_document(job.version.source_sha256, job.version.source_name),
                              first.token)
    job = load(job_id)
    assert (job.state, job.claim_token, job.worker, job.files) == (RUNNING, second.token, "second@machine", [])
    assert events(job_id) == ["created", "started", "started"]

    with db.session() as s:
        assert jobs.set_progress(s, job_id, 0.5, "going", second.token)
        job = s.get(Job, job_id)
        tasks.make_output(s, job, tasks.load_document(job.version.source_sha256, job.version.source_name),
                          second.token)
    job = load(job_id)
    assert job.state == DONE and events(job_id).count("done") == 1
    assert_complete_text_output(job)


def test_progress_renews_the_lease_so_a_reporting_run_keeps_the_job(store_service, tmp_path):
    job_id = unqueued_job(tmp_path)
    start = utcnow()
    with db.session() as s:
        held = jobs.claim(s, job_id, "slow@machine", now=start)
        lease = jobs.lease()
        later = start + lease - timedelta(seconds=1)  # just before the first lease would end
        assert jobs.set_progress(s, job_id, 0.5, "half way", held.token, now=later)
        # after the first lease's end, but inside the renewed one: still held
        assert isinstance(jobs.claim(s, job_id, "other@machine", now=start + lease + timedelta(seconds=1)),
                          jobs.Busy)
        taken = jobs.claim(s, job_id, "other@machine", now=later + lease + timedelta(seconds=1))
        assert isinstance(taken, jobs.Claim)
        assert not jobs.set_progress(s, job_id, 0.6, "still going", held.token)


def test_a_restarted_worker_takes_back_its_own_jobs_at_once_and_only_those(store_service, tmp_path):
    job_id = unqueued_job(tmp_path)
    claimed_at = utcnow()
    with db.session() as s:
        jobs.claim(s, job_id, "crash@machine", pid=os.getpid(), now=claimed_at)
        assert jobs.orphaned_by(s, "crash@machine", claimed_at + timedelta(seconds=1)) == [job_id]
        assert jobs.orphaned_by(s, "crash@machine", claimed_at - timedelta(seconds=1)) == []
        # lease still running, the holder's process alive: another worker, or this worker from
        # before the claim, must wait
        assert isinstance(jobs.claim(s, job_id, "other@machine",
                                     worker_started_at=claimed_at + timedelta(seconds=1)), jobs.Busy)
        assert isinstance(jobs.claim(s, job_id, "crash@machine",
                                     worker_started_at=claimed_at - timedelta(seconds=1)), jobs.Busy)
        again = jobs.claim(s, job_id, "crash@machine", worker_started_at=claimed_at + timedelta(seconds=1))
    assert isinstance(again, jobs.Claim)
    assert events(job_id) == ["created", "started", "started"]


def test_a_dead_pool_process_leaves_its_job_to_its_worker_at_once(store_service, tmp_path):
    job_id = unqueued_job(tmp_path)
    gone = subprocess.Popen(["true"])
    gone.wait()
    assert jobs.process_gone(gone.pid) and not jobs.process_gone(os.getpid())
    with db.session() as s:
        jobs.claim(s, job_id, "pool@machine", pid=gone.pid)
        assert isinstance(jobs.claim(s, job_id, "elsewhere@other"), jobs.Busy)  # its pid means nothing there
        again = jobs.claim(s, job_id, "pool@machine", pid=os.getpid())
        assert isinstance(again, jobs.Claim)
        assert isinstance(jobs.claim(s, job_id, "pool@machine", pid=os.getpid()), jobs.Busy)  # alive now


def test_finished_and_failed_jobs_are_never_claimed(store_service, tmp_path):
    done_id, failed_id = unqueued_job(tmp_path), unqueued_job(tmp_path)
    with db.session() as s:
        jobs.finish(s, done_id, jobs.claim(s, done_id, "w@m").token, files=[], size=0)
        jobs.fail(s, failed_id, "bad file", jobs.claim(s, failed_id, "w@m").token)
        assert jobs.claim(s, done_id, "w@m") is None and jobs.claim(s, failed_id, "w@m") is None
    assert (load(done_id).state, load(failed_id).state) == (DONE, FAILED)
    assert tasks.run_job.run(done_id) == "already ended"
