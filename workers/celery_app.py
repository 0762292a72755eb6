"""The Celery application: broker URL and reliability settings from workers.settings."""
from __future__ import annotations

from datetime import datetime

from celery import Celery
from celery.signals import worker_init, worker_process_init, worker_ready

from . import settings

app = Celery("altformats", include=["workers.tasks", "workers.housekeeping"])


def configure(celery: Celery = app) -> Celery:
    """Apply the current settings (called at import; tests call it again after changing them)."""
    s = settings.get()
    celery.conf.update(
        broker_url=s.broker_url,
        broker_connection_retry_on_startup=True,
        task_acks_late=True,  # a message is acknowledged after the task ends, so a crash re-delivers it
        task_reject_on_worker_lost=True,  # a killed child process puts its message back
        worker_prefetch_multiplier=1,  # a worker holds one job at a time; others stay queued for the rest
        task_soft_time_limit=s.task_soft_seconds,
        task_time_limit=s.task_hard_seconds,
        task_ignore_result=True,  # results live in the job store, not a result backend
        broker_transport_options={"visibility_timeout": s.visibility_timeout},
        worker_send_task_events=True,  # for Flower and `celery events`
        task_send_sent_event=True,
        task_default_queue=s.queue,
        worker_hijack_root_logger=False,
        # Run by `celery beat`: exactly one beat process per deployment (Procfile, docs/service.md).
        beat_schedule={
            "purge-expired-personal-data": {
                "task": "altformats.purge_expired",
                "schedule": s.housekeeping_seconds,
                "options": {"expires": s.housekeeping_seconds},  # a missed run is not queued twice
            },
        },
    )
    return celery


configure()

_worker_started_at: datetime | None = None


def worker_started_at() -> datetime | None:
    """When this worker (the main process, before its pool started) began; None outside a worker.
    A job still 'running' for this worker's name but claimed before then was left by a killed one."""
    return _worker_started_at


@worker_init.connect
def _remember_when_the_worker_started(**_kwargs) -> None:
    global _worker_started_at
    from .models import utcnow

    _worker_started_at = utcnow()


@worker_init.connect
def _load_converters_before_fork(**_kwargs) -> None:
    """Import every reader and writer, and load the readability word data, once in the main
    process, so pool children start warm and the first job is not slowed by imports."""
    from converter import formats
    from converter.model import Document, Paragraph, Text

    from .catalogue import ready_formats

    ready_formats()
    for spec in formats.READERS.values():
        try:
            formats.load(spec.reader)
        except (ImportError, AttributeError):
            pass
    try:
        from converter.readability import summary_for_document
    except ImportError:
        return
    summary_for_document(Document(blocks=(Paragraph((Text("We will warm up the word lists."),)),)))


@worker_process_init.connect
def _prepare_worker_child(**_kwargs) -> None:
    """Fresh database connections after the fork, and allow the reader's limited child process."""
    import multiprocessing

    from . import db

    db.dispose_all()
    # Pool children are marked daemonic, and daemonic processes may not start children;
    # converter.limits.run_limited parses untrusted files in one, which it reaps itself.
    multiprocessing.current_process()._config["daemon"] = False


@worker_ready.connect
def _requeue_orphaned_jobs(sender=None, **_kwargs) -> None:
    """A worker restarted after being killed: queue again the jobs it left half done (claimed before
    this start; jobs.claim lets this worker take them over at once, without waiting for the lease)."""
    from . import db, jobs, tasks
    from .models import utcnow

    hostname = getattr(sender, "hostname", None)
    if not hostname:
        return
    with db.session() as s:
        orphaned = jobs.orphaned_by(s, hostname, worker_started_at() or utcnow())
        for job_id in orphaned:
            jobs.record(s, job_id, "requeued", f"{hostname} restarted while running it")
    for job_id in orphaned:
        tasks.run_job.delay(job_id)
