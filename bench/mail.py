"""Benchmark: email requests handled per minute end to end, and arrival-to-reply latency.

Real servers on loopback: our own Dovecot (IMAPS) holding the mailbox, an aiosmtpd server
requiring STARTTLS + AUTH receiving the replies (tests/mail/servers.py), redis-server and one
`celery worker`. The catalogue's formats are made before the clock starts, so this measures the
email side: fetch, parse, classify, understand, decide, attach, send, flag.
- throughput: N requests are put in the mailbox at once, then `run(..., once=True)` handles them;
  requests per minute = N / elapsed.
- reference: in the same process, the bare floor of the same servers: fetch each message with
  BODY.PEEK, send a fixed reply with the same attachments over STARTTLS + AUTH, flag it.
  The ratio ours/reference shows what understanding and recording cost on top of the mail round-trips.
- latency: the intake runs in a thread waiting with IMAP IDLE; one request at a time is appended and
  the clock stops when its reply reaches the SMTP server (median and worst of M).
Run: .venv/bin/python bench/mail.py [--requests 100] [--latency 20]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "mail"), str(ROOT / "tests")]
BIN = Path(sys.executable).parent

from servers import Dovecot, SmtpSink, free_port, wait_for  # noqa: E402  (tests/mail/servers.py)


def start_service(data: Path) -> tuple[list[subprocess.Popen], dict]:
    redis_port = free_port()
    env = {"ALTFORMATS_DATA_DIR": str(data), "ALTFORMATS_DATABASE_URL": f"sqlite:///{data / 'jobs.sqlite3'}",
           "ALTFORMATS_BROKER_URL": f"redis://127.0.0.1:{redis_port}/0", "ALTFORMATS_SECRET_KEY": uuid.uuid4().hex}
    os.environ.update(env)
    redis = subprocess.Popen(["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
                              "--appendonly", "no", "--dir", str(data)], stdout=subprocess.DEVNULL,
                             start_new_session=True)
    from workers import celery_app, db, settings

    settings.reset()
    celery_app.configure()
    db.upgrade()
    worker = subprocess.Popen([str(BIN / "celery"), "-A", "workers.celery_app", "worker", "-n", "bench@%h",
                               "--concurrency", "1", "--loglevel", "INFO", "-Q", "altformats", "--without-gossip", "--without-mingle"],
                              cwd=ROOT, env={**os.environ}, stdout=open(data / "worker.log", "ab"),
                              stderr=subprocess.STDOUT, start_new_session=True)
    wait_for(lambda: b" ready." in (data / "worker.log").read_bytes(), 90, "celery worker")
    return [redis, worker], env


def build_catalogue(data: Path) -> None:
    from conftest import build_catalogue as build  # tests/mail/conftest.py

    build(data)


def request(n: int) -> bytes:
    from test_mailbox import request as make

    sender = f"bench{n}@example.org"  # one sender each, so the per-sender daily limit does not bite
    return make(f"Could I have the housing strategy in large print please? ({n})", sender=sender)


def throughput(dovecot: Dovecot, sink: SmtpSink, settings, count: int) -> float:
    from workers.mail.intake_imap import run

    for n in range(count):
        dovecot.append(request(n))
    before = len(sink.messages())
    started = time.perf_counter()
    run(settings, threading.Event(), once=True)
    seconds = time.perf_counter() - started
    assert len(sink.messages()) - before == count, "not every request was answered"
    return count / seconds * 60


def reference(dovecot: Dovecot, sink: SmtpSink, settings, count: int) -> float:
    """Fetch, send a fixed reply with the same two files, flag: the mail round-trips alone."""
    from email.message import EmailMessage

    from workers import catalogue, db
    from workers.mail.intake_imap import HANDLED, connect
    from workers.mail.send import send
    from workers.models import DONE, Job

    with db.session() as s:
        files = [p for job in s.query(Job).filter(Job.state == DONE, Job.format.like("large-print%")).limit(2)
                 for p in catalogue.output_paths(job)]
    for n in range(count):
        dovecot.append(request(100_000 + n))
    started = time.perf_counter()
    client = connect(settings)
    client.select_folder("INBOX")
    uids = client.search(["UNKEYWORD", HANDLED])  # only the reference's own messages: ours are flagged
    assert len(uids) == count, f"expected {count} new messages, found {len(uids)}"
    for uid in uids:
        client.fetch([uid], ["BODY.PEEK[]"])
        reply = EmailMessage()
        reply["From"], reply["To"], reply["Subject"] = settings.from_address, "resident@example.org", "Reply"
        reply.set_content("Here are your files.")
        for path in files:
            reply.add_attachment(path.read_bytes(), maintype="application", subtype="octet-stream", filename=path.name)
        send(reply, settings)
        client.add_flags([uid], [b"$RefDone", HANDLED.encode(), b"\\Seen"])
    client.logout()
    return count / (time.perf_counter() - started) * 60


def latency(dovecot: Dovecot, sink: SmtpSink, settings, samples: int) -> list[float]:
    from dataclasses import replace

    from workers.mail.intake_imap import run

    stop = threading.Event()
    thread = threading.Thread(target=run, args=(replace(settings, poll_seconds=60.0), stop), daemon=True)
    thread.start()
    time.sleep(1.0)  # let it connect and start waiting
    times = []
    for n in range(samples):
        raw = request(200_000 + n)
        wanted = raw.split(b"Message-ID: ", 1)[1].split(b"\n", 1)[0].strip().decode()
        started = time.perf_counter()
        dovecot.append(raw)
        found = wait_for(lambda: [m for m in sink.messages() if m["message"]["In-Reply-To"] == wanted], 120, "reply")
        times.append(found[0]["at"] - started)
    stop.set()
    thread.join(30)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--latency", type=int, default=20)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="altformats-mail-bench-"))
    procs: list[subprocess.Popen] = []
    dovecot = sink = None
    try:
        procs, _env = start_service(data)
        dovecot, sink = Dovecot(), SmtpSink(data)
        for key, value in {**dovecot.settings(), **sink.settings()}.items():
            os.environ[key] = value
        from workers.mail.config import load

        settings = load()
        build_catalogue(data)
        ours = throughput(dovecot, sink, settings, args.requests)
        floor = reference(dovecot, sink, settings, args.requests)
        times = latency(dovecot, sink, settings, args.latency)
        print(f"requests handled per minute (formats already made): {ours:.0f}  ({args.requests} requests)")
        print(f"reference (fetch + fixed reply + flag only):         {floor:.0f}")
        print(f"ratio ours/reference: {ours / floor:.2f}")
        print(f"arrival to reply sent: median {statistics.median(times):.2f} s, "
              f"worst {max(times):.2f} s over {len(times)} requests (IMAP IDLE)")
        print("each (s): " + " ".join(f"{t:.2f}" for t in times))
    finally:
        for server in (sink, dovecot):
            if server is not None:
                server.stop()
        for proc in procs:
            os.killpg(proc.pid, 15)
            proc.wait(30)


if __name__ == "__main__":
    main()
