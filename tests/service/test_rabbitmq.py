"""The broker by URL: a real `celery worker` process on a real RabbitMQ broker completes jobs."""
from __future__ import annotations

from sqlalchemy import select

from workers import catalogue, db, settings
from workers.models import DONE, JobEvent

from .conftest import make_docx


def test_a_celery_worker_on_rabbitmq_completes_jobs_including_the_audio_fan_out(rabbitmq_service, tmp_path):
    assert settings.get().broker_url.startswith("amqp://")
    rabbitmq_service.start_worker("rabbit", concurrency=2)
    path = make_docx(tmp_path / "parking.docx", "Parking permits", paragraphs=4)
    with db.session() as s:
        document = catalogue.add_document(s, "Parking permits")
        version = catalogue.add_version(s, document, path.read_bytes(), path.name)
        ids = [catalogue.request_conversion(s, version, name).id for name in ("text", "large-print-pdf", "audio")]
    finished = [catalogue.wait_for(job_id, timeout=300) for job_id in ids]
    assert {j.format: j.state for j in finished} == {"text": DONE, "large-print-pdf": DONE, "audio": DONE}, \
        {j.format: j.error for j in finished}
    text = catalogue.output_paths(finished[0])[0].read_text(encoding="utf-8")
    assert "Parking permits" in text and "point 4" in text
    audio = finished[2]
    assert audio.sections_total >= 1 and audio.sections_done == audio.sections_total
    with db.session() as s:
        events = list(s.scalars(select(JobEvent.kind).where(JobEvent.job_id == audio.id)))
    assert events.count("done") == 1
    worker_log = (rabbitmq_service.data_dir / "worker-rabbit.log").read_text(errors="replace")
    assert "amqp://guest:**@127.0.0.1" in worker_log  # the worker really used RabbitMQ
