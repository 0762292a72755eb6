"""Real service components for tests: redis-server, PostgreSQL or SQLite, and `celery worker` processes."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from support.servers import free_port, stop_group, wait_until  # noqa: F401 (test modules import them from here)

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


@pytest.fixture(scope="session")
def amqp_url():
    """A real RabbitMQ broker: ALTFORMATS_TEST_AMQP_URL or 127.0.0.1:5672 if it answers, else a private node."""
    from support.rabbitmq import broker

    with broker() as url:
        yield url


@pytest.fixture
def rabbitmq_service(tmp_path_factory, amqp_url):
    """The service on RabbitMQ with SQLite, on a queue of its own (the broker may be shared); the queue
    is deleted afterwards."""
    import kombu

    queue = f"altformats-test-{uuid.uuid4().hex[:10]}"
    service = _make_service(tmp_path_factory, amqp_url, None, queue=queue)
    yield service
    service.stop_workers()
    with kombu.Connection(amqp_url) as conn:
        kombu.Queue(queue, channel=conn.default_channel).delete()


@pytest.fixture(scope="session")
def redis_port(tmp_path_factory):
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    port = free_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(tmp_path_factory.mktemp("redis"))],
                            stdout=subprocess.DEVNULL, start_new_session=True)
    import redis

    wait_until(lambda: _pings(redis.Redis(port=port)), 20, "redis-server")
    yield port
    stop_group(proc)


def _pings(client) -> bool:
    try:
        return client.ping()
    except Exception:
        return False


@pytest.fixture(scope="session")
def postgres_url():
    """A fresh database for this test session on a real PostgreSQL server (support/postgres.py), dropped afterwards."""
    import psycopg

    from support.postgres import server

    with server() as admin_url:
        name = f"altformats_test_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        yield admin_url.rsplit("/", 1)[0] + "/" + name
        from workers import db

        db.dispose_all()
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Service:
    """One configured service: its environment, and helpers to start workers against it."""

    def __init__(self, env: dict[str, str], data_dir: Path):
        self.env = env
        self.data_dir = data_dir
        self.workers: list[subprocess.Popen] = []

    def activate(self) -> None:
        from workers import celery_app, db, settings

        os.environ.update(self.env)
        settings.reset()
        db.dispose_all()
        celery_app.configure()
        import kombu.pools

        app = celery_app.app  # forget connections to the previous broker URL
        app._pool = None
        app.amqp._producer_pool = None
        kombu.pools.reset()

    def start_worker(self, name: str = "w1", concurrency: int = 1) -> subprocess.Popen:
        log = open(self.data_dir / f"worker-{name}.log", "ab")
        proc = subprocess.Popen(
            [str(VENV_BIN / "celery"), "-A", "workers.celery_app", "worker", "-n", f"{name}@%h",
             "--concurrency", str(concurrency), "--loglevel", "INFO",
             "-Q", self.env.get("ALTFORMATS_QUEUE", "altformats"),
             "--without-gossip", "--without-mingle"],
            cwd=ROOT, env={**os.environ, **self.env}, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
        self.workers.append(proc)
        wait_until(lambda: self._ready(name, proc), 60, f"celery worker {name}", 0.3)
        return proc

    def _ready(self, name: str, proc: subprocess.Popen) -> bool:
        if proc.poll() is not None:
            raise AssertionError(f"celery worker {name} exited: see {self.data_dir}/worker-{name}.log")
        return b" ready." in (self.data_dir / f"worker-{name}.log").read_bytes()

    def stop_workers(self) -> None:
        for proc in self.workers:
            stop_group(proc)
        self.workers.clear()


def _make_service(tmp_path_factory, broker_url: str, database_url: str | None,
                  queue: str = "altformats") -> Service:
    data_dir = tmp_path_factory.mktemp("service")
    env = {
        "ALTFORMATS_DATA_DIR": str(data_dir),
        "ALTFORMATS_DATABASE_URL": database_url or f"sqlite:///{data_dir / 'jobs.sqlite3'}",
        "ALTFORMATS_BROKER_URL": broker_url,
        "ALTFORMATS_QUEUE": queue,
        "ALTFORMATS_SECRET_KEY": uuid.uuid4().hex,
        "ALTFORMATS_VISIBILITY_TIMEOUT": "3600",
        "ALTFORMATS_UPLOAD_MAX_MB": "20",
    }
    if os.environ.get("ALTFORMATS_DEV_SHIM"):  # developer's stand-in modules, never in CI
        env["PYTHONPATH"] = os.environ["ALTFORMATS_DEV_SHIM"]
    service = Service(env, data_dir)
    service.activate()
    from workers import db

    db.upgrade()
    return service


def _running_service(tmp_path_factory, redis_port: int, redis_db: int, database_url: str | None):
    """A configured service for a whole test session; its workers are stopped at the end."""
    service = _make_service(tmp_path_factory, f"redis://127.0.0.1:{redis_port}/{redis_db}", database_url)
    yield service
    service.stop_workers()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def any_store(request, tmp_path_factory, redis_port):
    """The service with each job store in turn: SQLite, then PostgreSQL."""
    url = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    yield from _running_service(tmp_path_factory, redis_port, 1 if url else 0, url)


@pytest.fixture(scope="session")
def sqlite_store(tmp_path_factory, redis_port):
    yield from _running_service(tmp_path_factory, redis_port, 2, None)


def _activated(service: "Service") -> "Service":
    service.activate()
    return service


@pytest.fixture
def store_service(any_store):
    return _activated(any_store)


@pytest.fixture
def service(sqlite_store):
    return _activated(sqlite_store)


def make_docx(path: Path, title: str, paragraphs: int = 3) -> Path:
    """A small real Word document: a title heading, sections and plain paragraphs."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(title, level=1)
    for n in range(paragraphs):
        if n % 10 == 0:
            document.add_heading(f"Part {n // 10 + 1}", level=2)
        document.add_paragraph(f"We will help people in every part of the county. This is point {n + 1}. "
                               "Tell us what you think of the plan by the end of the month.")
    document.save(path)
    return path


SAMPLE_DOCX = ROOT / "samples" / "kent-and-medway-domestic-abuse-strategy.docx"
STAFF_PASSWORD = "correct horse battery"


def add_staff(username: str = "staff", password: str = STAFF_PASSWORD) -> str:
    from sqlalchemy import select

    from workers import db
    from workers.models import User
    from workers.web import auth

    with db.session() as s:
        if not s.scalar(select(User).where(User.username == username)):
            s.add(User(username=username, password_hash=auth.hash_password(password)))
    return username


@pytest.fixture
def live_web(service):
    """`altformats serve` on a free loopback port, with one worker and email requests configured;
    yields the base URL."""
    import httpx

    add_staff()
    service.start_worker("web")
    port = free_port()
    log = open(service.data_dir / "web.log", "ab")
    mail = {"ALTFORMATS_MAIL_FROM_ADDRESS": "alternative.formats@council.example"}  # email requests on
    proc = subprocess.Popen([str(VENV_BIN / "altformats"), "serve", "--port", str(port), "--no-upgrade"],
                            cwd=ROOT, env={**os.environ, **service.env, **mail}, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"

    def up():
        try:
            return httpx.get(url + "/sign-in", timeout=1).status_code == 200
        except httpx.HTTPError:
            assert proc.poll() is None, f"the web app exited: see {service.data_dir}/web.log"
            return False

    wait_until(up, 60, "the web app")
    yield url
    stop_group(proc)
