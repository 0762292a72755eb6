"""Parse untrusted files under size, time and memory limits.

run_limited() runs a function in a forked child process with an address-space
limit (RLIMIT_AS) and a wall-clock timeout, so a hostile or broken file cannot
hang or exhaust the service. Errors raised in the child come back as the same
AltformatsError type with their message, path and hint.
"""
from __future__ import annotations

import multiprocessing
import os
import resource
import threading
import traceback
from dataclasses import dataclass

from .errors import AltformatsError, FileTooLargeError, ParseLimitError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_mb: float = 50.0  # largest input file accepted
    max_unpacked_mb: float = 500.0  # largest total a DOCX (zip) may declare once unpacked
    max_compression_ratio: float = 200.0  # a zip member packed tighter than this is a bomb
    parse_seconds: float = 120.0  # wall-clock limit for parsing one file
    parse_memory_mb: int = 2048  # address-space limit for the parsing child

    @classmethod
    def from_env(cls) -> "Limits":
        def num(name, default):
            raw = os.environ.get(name)
            return type(default)(raw) if raw else default

        d = cls()
        return cls(
            max_file_mb=num("ALTFORMATS_MAX_FILE_MB", d.max_file_mb),
            max_unpacked_mb=num("ALTFORMATS_MAX_UNPACKED_MB", d.max_unpacked_mb),
            max_compression_ratio=num("ALTFORMATS_MAX_COMPRESSION_RATIO", d.max_compression_ratio),
            parse_seconds=num("ALTFORMATS_PARSE_SECONDS", d.parse_seconds),
            parse_memory_mb=num("ALTFORMATS_PARSE_MEMORY_MB", d.parse_memory_mb),
        )


def check_size(size: int, limits: Limits, path: str | None = None) -> None:
    if size > limits.max_file_mb * MB:
        raise FileTooLargeError(
            f"The file is {size / MB:.1f} MB, over the {limits.max_file_mb:g} MB limit.",
            path=path,
            hint="Split the document, compress its pictures, or raise ALTFORMATS_MAX_FILE_MB.",
        )


def _child(conn, func, args, kwargs, memory_mb):
    try:
        if memory_mb:
            limit = int(memory_mb) * MB
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        conn.send(("ok", func(*args, **kwargs)))
    except AltformatsError as exc:
        conn.send(("error", (type(exc), exc.message, exc.path, exc.hint)))
    except MemoryError:
        conn.send(("memory", None))
    except BaseException as exc:  # report, never hang the parent
        conn.send(("crash", f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=6)}"))
    finally:
        conn.close()


_FORK_SERVER_REFUSED: list[str] = []  # why a fork server could not start children in this process


def _child_contexts() -> list:
    """Forking is quickest, but a fork copies only the calling thread: a lock another thread holds
    at that moment (in logging, a database driver, an allocator) stays held in the child for ever,
    and the read hangs until its time limit. When this process has other threads, children come
    from a single-threaded fork server instead, where one can be used (a Celery pool process
    refuses to pickle its process identity to one: then a plain fork it is)."""
    fork = multiprocessing.get_context("fork")
    if threading.active_count() > 1 and not _FORK_SERVER_REFUSED:
        return [multiprocessing.get_context("forkserver"), fork]
    return [fork]


def _start_child(memory_mb: int, func, args, kwargs):
    """The started child process and the parent's end of its pipe."""
    for ctx in _child_contexts():
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_child, args=(child, func, args, kwargs, memory_mb), daemon=True)
        try:
            proc.start()
        except Exception as exc:  # only the fork server can refuse; the plain fork is tried next
            parent.close()
            child.close()
            if ctx.get_start_method() == "fork":
                raise
            _FORK_SERVER_REFUSED.append(f"{type(exc).__name__}: {exc}")
            continue
        child.close()
        return proc, parent
    raise RuntimeError("no way to start a child process")  # not reached: fork either starts or raises


def run_limited(func, *args, seconds: float, memory_mb: int, path: str | None = None, **kwargs):
    """func(*args, **kwargs) in a child process; func, its arguments and its return value must pickle."""
    proc, parent = _start_child(memory_mb, func, args, kwargs)
    try:
        if not parent.poll(seconds):
            raise ParseLimitError(
                f"Reading the file took longer than {seconds:g} seconds and was stopped.",
                path=path,
                hint="The file may be damaged or built to hang a reader. Re-save it from its "
                "original program, or raise ALTFORMATS_PARSE_SECONDS if it is simply very long.",
            )
        try:
            status, payload = parent.recv()
        except EOFError:
            status, payload = "died", proc.exitcode
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
    if status == "ok":
        return payload
    if status == "error":
        cls, message, err_path, hint = payload
        raise cls(message, path=err_path or path, hint=hint)
    if status in ("memory", "died"):
        raise ParseLimitError(
            f"Reading the file needed more than {memory_mb} MB of memory and was stopped.",
            path=path,
            hint="The file may be damaged or a decompression bomb. Re-save it from its original "
            "program, or raise ALTFORMATS_PARSE_MEMORY_MB if it is genuine.",
        )
    raise ParseLimitError(
        "The reader failed on this file.",
        path=path,
        hint="The file may be damaged; re-save it from its original program. "
        f"Details for support staff: {payload.splitlines()[0] if payload else 'none'}",
    )
