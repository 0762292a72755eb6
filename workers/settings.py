"""Environment variables -> the service's settings (database, broker, storage, limits)."""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

PROJECT_REDIS_PORT = 6390


def _num(name: str, default):
    raw = os.environ.get(name)
    return type(default)(raw) if raw not in (None, "") else default


def _secret_key(data_dir: Path) -> str:
    """ALTFORMATS_SECRET_KEY, or a random key kept in the data folder (made once)."""
    given = os.environ.get("ALTFORMATS_SECRET_KEY")
    if given:
        return given
    path = data_dir / "secret-key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    broker_url: str
    storage_dir: Path
    upload_max_mb: float
    session_minutes: int
    task_soft_seconds: int
    task_hard_seconds: int
    job_lease_seconds: int
    visibility_timeout: int
    secret_key: str
    cookie_secure: bool
    queue: str
    housekeeping_seconds: float

    @classmethod
    def from_env(cls) -> "Settings":
        data_dir = Path(os.environ.get("ALTFORMATS_DATA_DIR", Path.cwd() / "var")).resolve()
        soft = _num("ALTFORMATS_TASK_SOFT_SECONDS", 900)
        hard = _num("ALTFORMATS_TASK_HARD_SECONDS", soft + 60)
        return cls(
            data_dir=data_dir,
            database_url=os.environ.get("ALTFORMATS_DATABASE_URL")
            or f"sqlite:///{data_dir / 'altformats.sqlite3'}",
            broker_url=os.environ.get("ALTFORMATS_BROKER_URL")
            or f"redis://127.0.0.1:{PROJECT_REDIS_PORT}/0",
            storage_dir=Path(os.environ.get("ALTFORMATS_STORAGE_DIR", data_dir / "files")).resolve(),
            upload_max_mb=_num("ALTFORMATS_UPLOAD_MAX_MB", 50.0),
            session_minutes=_num("ALTFORMATS_SESSION_MINUTES", 480),
            task_soft_seconds=soft,
            task_hard_seconds=hard,
            # A run's claim on a job lasts this long past its last progress report. Longer than the
            # hard limit, so under Celery a lease only runs out once its run has been killed.
            job_lease_seconds=_num("ALTFORMATS_JOB_LEASE_SECONDS", hard + 60),
            visibility_timeout=_num("ALTFORMATS_VISIBILITY_TIMEOUT", 3600),
            secret_key=_secret_key(data_dir),
            cookie_secure=os.environ.get("ALTFORMATS_COOKIE_SECURE", "") in ("1", "true", "yes"),
            queue=os.environ.get("ALTFORMATS_QUEUE") or "altformats",
            housekeeping_seconds=_num("ALTFORMATS_HOUSEKEEPING_SECONDS", 3600.0),
        )


_current: Settings | None = None


def get() -> Settings:
    """The settings of this process, read from the environment once."""
    global _current
    if _current is None:
        _current = Settings.from_env()
    return _current


def reset() -> None:
    """Forget cached settings (tests change the environment between runs)."""
    global _current
    _current = None
