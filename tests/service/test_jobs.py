"""Jobs through a real redis-server and real `celery worker` processes, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from converter import provenance
from workers import catalogue, db, jobs
from workers.models import DONE, Job, JobEvent

from .conftest import make_docx


def submit(tmp_path, title: str, formats_: list[str], paragraphs: int = 3, settings=None):
    path = tmp_path / "plan.docx"
    if not path.exists():
        make_docx(path, title, paragraphs)
    with db.session() as s:
        doc = catalogue.add_document(s, title)
        version = catalogue.add_version(s, doc, path.read_bytes(), path.name)
        return [catalogue.request_conversion(s, version, name, settings).id for name in formats_]


def test_job_key_changes_with_bytes_settings_and_converter_version():
    base = jobs.job_key("a" * 64, "text", {"width": 70}, "1.0")
    assert jobs.job_key("a" * 64, "text", {"width": 70}, "1.0") == base
    assert jobs.job_key("b" * 64, "text", {"width": 70}, "1.0") != base
    assert jobs.job_key("a" * 64, "text", {"width": 80}, "1.0") != base
    assert jobs.job_key("a" * 64, "text", {"width": 70}, "1.1") != base
    assert jobs.job_key("a" * 64, "html", {"width": 70}, "1.0") != base


def test_default_settings_spelled_out_make_the_same_job_as_no_settings():
    spelled = jobs.canonical_settings("text", {})
    assert jobs.canonical_settings("text", dict(spelled)) == spelled


def test_the_same_submission_twice_makes_one_job(store_service, tmp_path):
    first = submit(tmp_path, "Parks plan", ["text"])
    second = submit(tmp_path, "Parks plan again", ["text"])
    assert first == second
    with db.session() as s:
        job = s.get(Job, first[0])
        assert job.converter_version == provenance.version()
        assert s.scalar(select(func.count()).select_from(Job).where(Job.key == job.key)) == 1


def test_the_sample_strategy_completes_in_every_format_on_real_workers(store_service):
    from .conftest import SAMPLE_DOCX

    store_service.start_worker("every", concurrency=2)
    names = catalogue.ready_formats()
    with db.session() as s:
        doc = catalogue.add_document(s, "Kent and Medway domestic abuse strategy")
        version = catalogue.add_version(s, doc, SAMPLE_DOCX.read_bytes(), SAMPLE_DOCX.name)
        ids = [catalogue.request_conversion(s, version, name).id for name in names]
    finished = [catalogue.wait_for(i, timeout=580) for i in ids]
    failures = {j.format: j.error or j.state for j in finished if j.state != DONE}
    assert not failures
    assert len(finished) == 9  # every format in the registry is installed in this project
    for job in finished:
        paths = catalogue.output_paths(job)
        assert paths and all(p.is_file() and p.stat().st_size > 0 for p in paths)
        assert job.size == sum(p.stat().st_size for p in paths)


def test_a_finished_job_asked_for_again_returns_the_stored_result_without_work(store_service, tmp_path):
    store_service.start_worker("repeat")
    (job_id,) = submit(tmp_path, "Library opening hours", ["text"])
    assert catalogue.wait_for(job_id, timeout=120).state == DONE
    (again,) = submit(tmp_path, "Library opening hours", ["text"])
    assert again == job_id
    with db.session() as s:
        kinds = list(s.scalars(select(JobEvent.kind).where(JobEvent.job_id == job_id)))
    assert kinds.count("started") == 1 and kinds.count("done") == 1


def test_a_job_run_twice_by_the_task_finishes_once(store_service, tmp_path):
    from workers import tasks

    (job_id,) = submit(tmp_path, "Waste collection", ["text"])
    # the task body, in this process, twice; a live worker may hold the job meanwhile ('busy')
    outcomes = [tasks.run_job.run(job_id), tasks.run_job.run(job_id)]
    assert outcomes[1] in ("already ended", "busy") and "taken over" not in outcomes
    assert catalogue.wait_for(job_id, timeout=120).state == DONE
    with db.session() as s:
        kinds = list(s.scalars(select(JobEvent.kind).where(JobEvent.job_id == job_id)))
    assert kinds.count("done") == 1 and kinds.count("started") == 1  # whoever ran it, one run


def test_find_published_matches_title_and_aliases_only_when_published(store_service):
    with db.session() as s:
        doc = catalogue.add_document(s, "Domestic Abuse Strategy 2024", ["DA strategy", "abuse plan"])
        assert catalogue.find_published(s, "domestic abuse strategy") == []
        catalogue.publish(s, doc)
        titles = [d.title for d, _score in catalogue.find_published(s, "the abuse plan")]
        assert "Domestic Abuse Strategy 2024" in titles
        catalogue.withdraw(s, doc)
        assert all(d.id != doc.id for d, _ in catalogue.find_published(s, "abuse plan"))


def test_audio_is_spoken_one_task_per_section_and_assembled_once(store_service, tmp_path):
    store_service.start_worker("audio", concurrency=2)
    (job_id,) = submit(tmp_path, "Bus pass renewals", ["audio"], paragraphs=25)
    job = catalogue.wait_for(job_id, timeout=600)
    assert job.state == DONE, job.error
    with db.session() as s:
        sections = s.get(Job, job_id).sections
        kinds = list(s.scalars(select(JobEvent.kind).where(JobEvent.job_id == job_id)))
    assert len(sections) >= 3 and all(row.done for row in sections)
    assert job.sections_total == job.sections_done == len(sections)
    assert kinds.count("done") == 1
    names = [p.name for p in catalogue.output_paths(job)]
    assert sum(n.endswith(".mp3") for n in names) == len(sections) + 2  # sections, introduction, whole
    assert any(n.endswith(".m3u") for n in names)


def test_a_worker_killed_mid_job_finishes_it_exactly_once_after_restart(store_service, tmp_path):
    import os
    import signal
    import time

    from pypdf import PdfReader

    from workers import storage

    from .conftest import SAMPLE_DOCX, wait_until

    store_service.stop_workers()  # only the worker we kill may take the job
    worker = store_service.start_worker("crash")
    with db.session() as s:
        doc = catalogue.add_document(s, "Domestic abuse strategy")
        version = catalogue.add_version(s, doc, SAMPLE_DOCX.read_bytes(), SAMPLE_DOCX.name)
        job_id = catalogue.request_conversion(s, version, "large-print-pdf", {"font_size": 22}).id

    def running():
        with db.session() as s:
            job = s.get(Job, job_id)
            return job.state == "running" and job.activity not in ("starting", "reading the document")

    wait_until(running, 120, "the job to start writing", 0.05)
    time.sleep(1.0)
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(10)
    with db.session() as s:
        assert s.get(Job, job_id).state == "running", "the job ended before the kill; use a longer document"
    store_service.workers.remove(worker)

    store_service.start_worker("crash")  # the same worker name, restarted
    job = catalogue.wait_for(job_id, timeout=300)
    assert job.state == DONE, job.error
    with db.session() as s:
        kinds = list(s.scalars(select(JobEvent.kind).where(JobEvent.job_id == job_id).order_by(JobEvent.id)))
    assert kinds.count("done") == 1 and kinds.count("requeued") == 1 and kinds.count("started") == 2
    (pdf,) = catalogue.output_paths(job)
    assert len(PdfReader(pdf).pages) > 10 and pdf.stat().st_size == job.size
    folder = storage.default().local_path(storage.output_prefix(job.key))
    assert [p.name for p in folder.rglob("*") if p.name.endswith(".part")] == []
