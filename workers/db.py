"""A database URL -> an engine, sessions, and the schema brought up to date by Alembic."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from . import settings

HERE = Path(__file__).resolve().parent
_engines: dict[str, Engine] = {}


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers do not block the worker's writes
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def engine(url: str | None = None) -> Engine:
    url = url or settings.get().database_url
    if url not in _engines:
        if url.startswith("sqlite"):
            path = url.split("///", 1)[-1]
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            eng = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
            event.listen(eng, "connect", _sqlite_pragmas)
        else:
            eng = create_engine(url, pool_pre_ping=True)
        _engines[url] = eng
    return _engines[url]


def dispose_all() -> None:
    """Close pooled connections (after a fork, or between tests)."""
    for eng in _engines.values():
        eng.dispose()
    _engines.clear()


@contextmanager
def session(url: str | None = None):
    """A session that commits on success and rolls back on error."""
    maker = sessionmaker(engine(url), expire_on_commit=False)
    with maker() as s:
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise


def alembic_config(url: str | None = None):
    from alembic.config import Config

    cfg = Config(str(HERE / "alembic.ini"))
    cfg.set_main_option("script_location", str(HERE / "migrations"))
    cfg.set_main_option("sqlalchemy.url", (url or settings.get().database_url).replace("%", "%%"))
    return cfg


def upgrade(url: str | None = None) -> None:
    """Create or migrate the schema to the newest revision."""
    from alembic import command

    command.upgrade(alembic_config(url), "head")


def new_session(url: str | None = None) -> Session:
    return sessionmaker(engine(url), expire_on_commit=False)()
