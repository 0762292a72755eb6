"""Benchmark: service jobs per minute with one and two worker processes, and upload-to-first-output latency.

For the sample strategy (or the document given), every format except audio:
- reference: the same outputs made in this process, one after another, by
  converter.pipeline.convert (the library without the service), as jobs per minute;
- service: a real redis-server, `altformats serve`, and one, then two `celery worker`
  processes (each --concurrency 1); the document is uploaded through the JSON API and
  the clock stops when every job is done. Each round uses a fresh job store and
  storage folder, so nothing is reused from an earlier round.
It prints jobs per minute for each, the ratios service/reference and two/one worker,
and the latency from the start of the upload to the first finished output.
Run: .venv/bin/python bench/service.py [DOCUMENT] [--rounds N]
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
SAMPLE = ROOT / "samples" / "kent-and-medway-domestic-abuse-strategy.docx"
PASSWORD = "benchmark password"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise SystemExit(f"gave up waiting for {what}")


def spawn(args, env, log: Path) -> subprocess.Popen:
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def reference_jobs_per_minute(document: Path, names: list[str]) -> float:
    from converter.pipeline import convert

    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        report = convert(document, names, out)
        seconds = time.perf_counter() - started
    failed = [o.name for o in report.outputs if not o.ok]
    if failed:
        raise SystemExit(f"reference conversion failed for {failed}")
    return len(names) / seconds * 60


def service_round(document: Path, names: list[str], workers: int, redis_port: int, redis_db: int):
    """(jobs per minute, seconds to the first output) for one fresh service with `workers` workers."""
    import httpx

    data = Path(tempfile.mkdtemp(prefix="altformats-bench-"))
    env = {**os.environ, "ALTFORMATS_DATA_DIR": str(data),
           "ALTFORMATS_BROKER_URL": f"redis://127.0.0.1:{redis_port}/{redis_db}",
           "ALTFORMATS_NEW_PASSWORD": PASSWORD}
    subprocess.run([BIN / "altformats", "db", "upgrade"], env=env, check=True, capture_output=True)
    subprocess.run([BIN / "altformats", "users", "add", "bench"], env=env, check=True, capture_output=True)
    port = free_port()
    procs = [spawn([BIN / "altformats", "serve", "--port", str(port), "--no-upgrade"], env, data / "web.log")]
    for n in range(workers):
        procs.append(spawn([BIN / "celery", "-A", "workers.celery_app", "worker", "-n", f"bench{n}@%h",
                            "--concurrency", "1", "-Q", "altformats", "--loglevel", "INFO", "--without-gossip",
                            "--without-mingle"], env, data / f"worker{n}.log"))
    try:
        for n in range(workers):
            wait_for(lambda n=n: b" ready." in (data / f"worker{n}.log").read_bytes(), 60, "a worker")
        url = f"http://127.0.0.1:{port}"
        wait_for(lambda: _up(url), 60, "the web app")
        with httpx.Client(base_url=url, auth=("bench", PASSWORD), timeout=120) as client:
            started = time.perf_counter()
            with document.open("rb") as fh:
                made = client.post("/api/documents", data={"title": "Benchmark", "formats": names},
                                   files={"file": (document.name, fh)}).json()
            ids, first, done = [j["id"] for j in made["jobs"]], None, {}
            while len(done) < len(ids):
                for job_id in ids:
                    if job_id not in done:
                        job = client.get(f"/api/jobs/{job_id}").json()
                        if job["state"] in ("done", "failed"):
                            done[job_id] = job["state"]
                            first = first or time.perf_counter() - started
                time.sleep(0.05)
            seconds = time.perf_counter() - started
        failed = [i for i, state in done.items() if state != "done"]
        if failed:
            raise SystemExit(f"jobs {failed} failed; see {data}")
        return len(ids) / seconds * 60, first
    finally:
        for proc in procs:
            stop(proc)


def _up(url: str) -> bool:
    import httpx

    try:
        return httpx.get(url + "/sign-in", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("document", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--rounds", type=int, default=2, help="fresh service runs per setting (best kept)")
    args = parser.parse_args()
    from workers.catalogue import ready_formats

    names = [n for n in ready_formats() if n != "audio"]
    print(f"{args.document.name}: {len(names)} formats ({', '.join(names)}), {os.cpu_count()} CPUs")
    reference = reference_jobs_per_minute(args.document, names)
    print(f"reference (pipeline.convert in one process): {reference:6.1f} jobs/min")
    port = free_port()
    redis = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                              "--appendonly", "no"], stdout=subprocess.DEVNULL, start_new_session=True)
    try:
        results = {}
        for workers in (1, 2):
            rounds = [service_round(args.document, names, workers, port, r + 4 * workers)
                      for r in range(args.rounds)]
            rate = max(r[0] for r in rounds)
            latency = min(r[1] for r in rounds)
            results[workers] = rate
            print(f"service, {workers} worker process(es): {rate:6.1f} jobs/min "
                  f"(x{rate / reference:.2f} of reference); upload to first output {latency:.2f} s")
        print(f"two workers / one worker: x{results[2] / results[1]:.2f}")
    finally:
        stop(redis)


if __name__ == "__main__":
    main()
