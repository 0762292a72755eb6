"""A PostgreSQL server for tests: the one at ALTFORMATS_TEST_PG (or postgres@127.0.0.1:5432) if it answers,
else the machine's installed cluster once started, else a private cluster made here with initdb (trust
authentication, a free port, a temporary folder) and stopped afterwards. A new Debian machine's own cluster
asks for a password over TCP, so the private cluster is what lets the tests run there."""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from contextlib import contextmanager

from .servers import free_port

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def answers(url: str) -> bool:
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=3).close()
        return True
    except psycopg.OperationalError:
        return False


def _start_machine_cluster() -> None:
    """Start the installed cluster when it is there but stopped."""
    versions = sorted(os.listdir("/etc/postgresql")) if os.path.isdir("/etc/postgresql") else []
    if versions and shutil.which("pg_ctlcluster"):
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "start"],
                       check=False, capture_output=True)


def _as_postgres_user(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the postgres user then."""
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", "postgres", "--", *args]


@contextmanager
def private_cluster():
    """A throwaway cluster: yields its admin URL."""
    bindirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not bindirs:
        raise AssertionError("PostgreSQL is not installed: run scripts/setup (Debian package postgresql) "
                             "or set ALTFORMATS_TEST_PG to a running server.")
    bindir = bindirs[-1]
    folder = tempfile.mkdtemp(prefix="altformats-pg-")
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    data, port = os.path.join(folder, "data"), free_port()
    try:
        subprocess.run(_as_postgres_user([f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "postgres",
                                          "--no-sync"]), check=True, capture_output=True)
        subprocess.run(_as_postgres_user([f"{bindir}/pg_ctl", "-D", data, "-w", "-t", "60", "-l",
                                          os.path.join(folder, "log"), "-o",
                                          f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off",
                                          "start"]), check=True, capture_output=True)
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_postgres_user([f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"]),
                       check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def server():
    """The admin URL of a running PostgreSQL server for this test session."""
    url = os.environ.get("ALTFORMATS_TEST_PG")
    if url == "private":  # always a throwaway cluster (as on a new machine)
        with private_cluster() as private_url:
            yield private_url
        return
    if url:  # named by whoever runs the tests: it must work
        if not answers(url):
            raise AssertionError(f"ALTFORMATS_TEST_PG={url} does not accept connections.")
        yield url
        return
    if not answers(DEFAULT_URL):
        _start_machine_cluster()
    if answers(DEFAULT_URL):
        yield DEFAULT_URL
        return
    with private_cluster() as private_url:
        yield private_url
