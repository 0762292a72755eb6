"""The tests' PostgreSQL: a private cluster where the machine has none that lets us in (a new Debian machine)."""
from __future__ import annotations

import psycopg
import pytest
from support.postgres import private_cluster


def test_a_private_cluster_starts_accepts_a_database_and_is_stopped_afterwards():
    with private_cluster() as url:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute('CREATE DATABASE "altformats_probe"')
            assert conn.execute("SELECT 1 FROM pg_database WHERE datname = 'altformats_probe'").fetchone() == (1,)
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=2).close()
