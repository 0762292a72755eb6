"""An audio job -> one Celery task per section, then one assembly once the last section is counted.

No chord and no chord_unlock polling: each section task flips its own JobSection row
from not-done to done and, in the same transaction, adds one to Job.sections_done.
The task whose increment reaches sections_total queues the assembly. A re-delivered
section task finds its row done and counts nothing, so the total is reached once.

Uses converter.writers.audio (docs/audio.md): plan_sections(doc, profile) ->
[SpeechSection(index 1..N)], synthesise_section(section, profile) -> WAV bytes,
assemble(doc, {index: wav}, profile) -> {file name: bytes}. Section WAVs are kept
in the job's storage folder, not passed through the broker.
"""
from __future__ import annotations

import importlib
import pickle

from sqlalchemy import select, update

from converter import formats
from converter.pipeline import apply_transforms, profile_for

from . import jobs, storage
from .models import Job, JobSection

_NEEDED = ("plan_sections", "synthesise_section", "assemble")


def _audio_module():
    return importlib.import_module("converter.writers.audio")


def available() -> bool:
    """True when the audio writer offers per-section functions (else the whole job runs in one task)."""
    try:
        module = _audio_module()
    except ImportError:
        return False
    return all(callable(getattr(module, name, None)) for name in _NEEDED)


def _plan_key(job: Job) -> str:
    return f"{storage.output_prefix(job.key)}/work/plan.pickle"


def _section_key(job: Job, number: int) -> str:
    return f"{storage.output_prefix(job.key)}/work/sections/{number:04d}.wav"


def _profile(job: Job):
    return profile_for(formats.output("audio"), job.settings)


def start(session, job: Job, doc, token: str) -> None:
    """Plan the sections once, store the plan, and queue every section not yet spoken.
    `token` is the claim of the run_job that holds the job; section and assembly tasks act for
    whichever run holds it when they start (jobs.holder_token)."""
    from .tasks import assemble_audio, synthesise_section

    store = storage.default()
    profile = _profile(job)
    if not store.exists(_plan_key(job)):
        prepared = apply_transforms(doc, formats.output("audio"), profile).value
        plan = list(_audio_module().plan_sections(prepared, profile))
        store.put(_plan_key(job), pickle.dumps({"doc": prepared, "plan": plan},
                                               protocol=pickle.HIGHEST_PROTOCOL), token)
    plan = _load_plan(job)["plan"]
    known = {row.number for row in session.scalars(select(JobSection).where(JobSection.job_id == job.id))}
    for section in plan:
        if section.index not in known:
            session.add(JobSection(job_id=job.id, number=section.index, title=section.title[:300]))
    session.execute(update(Job).where(Job.id == job.id).values(sections_total=len(plan)))
    session.commit()
    if not jobs.set_progress(session, job.id, None, f"speaking {len(plan)} sections", token):
        raise jobs.ClaimLost(f"job {job.id} was taken over while its sections were planned")
    waiting = list(session.scalars(select(JobSection.number).where(
        JobSection.job_id == job.id, JobSection.done.is_(False))))
    if not waiting:
        assemble_audio.delay(job.id)
    for number in waiting:
        synthesise_section.delay(job.id, number)


def _load_plan(job: Job) -> dict:
    """{'doc': the prepared document, 'plan': [SpeechSection]}, as start() stored them."""
    return pickle.loads(storage.default().get(_plan_key(job)))


def synthesise(session, job_id: int, number: int, token: str) -> bool:
    """Speak one section; True when this call completed the last section (queue the assembly).
    Its WAV is written under `token`, the claim of the run holding the job, whose lease it renews."""
    job = session.get(Job, job_id)
    row = session.scalar(select(JobSection).where(JobSection.job_id == job_id, JobSection.number == number))
    if job is None or row is None or row.done or job.state != "running":
        return False
    store = storage.default()
    section = next(s for s in _load_plan(job)["plan"] if s.index == number)
    data = _audio_module().synthesise_section(section, _profile(job))
    store.put(_section_key(job, number), data, token)
    flipped = session.execute(update(JobSection).where(
        JobSection.id == row.id, JobSection.done.is_(False)).values(done=True, storage_key=_section_key(job, number)))
    if flipped.rowcount != 1:
        session.rollback()
        return False
    done = session.execute(update(Job).where(Job.id == job_id).values(
        sections_done=Job.sections_done + 1).returning(Job.sections_done)).scalar_one()
    total = job.sections_total
    session.commit()
    jobs.set_progress(session, job_id, 0.95 * done / max(total, 1), f"spoken {done} of {total} sections", token)
    return done == total


def assemble(session, job_id: int, token: str) -> None:
    """Join the sections into the final files and finish the job for the run holding `token`
    (idempotent: a finished job, or one another run has taken over, is left alone)."""
    job = session.get(Job, job_id)
    if job is None or job.state != "running":
        return
    store = storage.default()
    stored = _load_plan(job)
    wavs = {s.index: store.get(_section_key(job, s.index)) for s in stored["plan"]}
    if not jobs.set_progress(session, job_id, 0.96, "speaking the introduction, encoding MP3 and chapters", token):
        return
    files = _audio_module().assemble(stored["doc"], wavs, _profile(job))
    prefix = storage.output_prefix(job.key)
    keys = []
    for name, data in files.items():
        key = f"{prefix}/audio/{name}"
        store.put(key, data, token)
        keys.append(key)
    jobs.finish(session, job_id, token, files=keys, size=sum(len(d) for d in files.values()))
