"""Storage keys -> bytes on the local filesystem, behind an interface an object store could implement."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

from converter.pipeline import write_atomic

from . import settings

_SAFE_SEGMENT = re.compile(r"^[^/\\\x00]{1,255}$")
# A temporary file written for a job run: '.NAME.run-TOKEN.RANDOM.part'
_RUN_TAG = re.compile(r"\.run-([0-9a-f]{32})\.")


class Storage(Protocol):
    """What the service needs from a place to keep files. Keys are 'a/b/c.ext' strings."""

    def put(self, key: str, data: bytes, owner: str | None = None) -> None: ...
    def get(self, key: str) -> bytes: ...
    def exists(self, key: str) -> bool: ...
    def size(self, key: str) -> int: ...
    def local_path(self, key: str) -> Path: ...


class LocalStorage:
    """Files under one folder; every write is atomic (temporary file, fsync, rename)."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        parts = key.split("/")
        if any(p in (".", "..") or p.startswith(".") or not _SAFE_SEGMENT.match(p) for p in parts):
            raise ValueError(f"unsafe storage key: {key!r}")
        return self.root / key

    def put(self, key: str, data: bytes, owner: str | None = None) -> None:
        """Write atomically; `owner` (a job run's claim token) is put in the temporary file's name."""
        write_atomic(self._path(key), data, owner)

    def get(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def size(self, key: str) -> int:
        return self._path(key).stat().st_size

    def local_path(self, key: str) -> Path:
        """A filesystem path for the key (an object store would download to a temp file)."""
        return self._path(key)


def source_key(sha256: str) -> str:
    return f"sources/{sha256[:2]}/{sha256}"


def model_key(sha256: str) -> str:
    return f"models/{sha256[:2]}/{sha256}.pickle"


def output_prefix(job_key: str) -> str:
    return f"outputs/{job_key[:2]}/{job_key}"


def default() -> Storage:
    return LocalStorage(settings.get().storage_dir)


def partial_owner(name: str) -> str | None:
    """The run token in a temporary file's name, or None (written without one)."""
    found = _RUN_TAG.search(name)
    return found.group(1) if found else None


def remove_partial_files(storage: Storage, prefix: str, live_token: str) -> int:
    """Delete temporary '.part' files under prefix left by runs that no longer hold the job (killed,
    or taken over); keep those of the run holding it (`live_token`). Return how many went."""
    if not isinstance(storage, LocalStorage):
        return 0
    folder = storage.local_path(prefix)
    removed = 0
    if folder.is_dir():
        for leftover in folder.rglob(".*.part"):
            if partial_owner(leftover.name) != live_token:
                leftover.unlink(missing_ok=True)
                removed += 1
    return removed
