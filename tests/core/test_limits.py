"""run_limited: the child process that parses untrusted files under time and memory limits."""
from __future__ import annotations

import threading

import held_lock
import pytest

from converter.errors import ParseLimitError
from converter.limits import run_limited


def test_a_read_started_while_another_thread_holds_a_lock_does_not_inherit_it():
    # A worker or web server with threads: another thread holds a lock at the moment of the read.
    # A plain fork would copy the held lock into the child, which would then wait for ever.
    taken, release = threading.Event(), threading.Event()

    def hold():
        with held_lock.LOCK:
            taken.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert taken.wait(10)
        assert run_limited(held_lock.lock_is_free_in_child, seconds=60, memory_mb=0) is True
    finally:
        release.set()
        holder.join(10)


def test_a_child_over_its_time_limit_is_stopped_with_a_clear_error():
    import time

    with pytest.raises(ParseLimitError, match="longer than 0.5 seconds"):
        run_limited(time.sleep, 30, seconds=0.5, memory_mb=0, path="slow.pdf")


def test_where_a_fork_server_refuses_to_start_a_child_a_plain_fork_is_used(monkeypatch):
    # As in a Celery pool process, which will not pickle its process identity for a fork server.
    import multiprocessing

    from converter import limits

    def refuse(self):
        raise TypeError("Pickling an AuthenticationString object is disallowed for security reasons")

    monkeypatch.setattr(multiprocessing.get_context("forkserver").Process, "start", refuse)
    monkeypatch.setattr(limits, "_FORK_SERVER_REFUSED", [])
    release = threading.Event()
    other = threading.Thread(target=release.wait, args=(30,))
    other.start()
    try:
        assert run_limited(sum, [1, 2, 3], seconds=30, memory_mb=0) == 6
        assert limits._FORK_SERVER_REFUSED and "AuthenticationString" in limits._FORK_SERVER_REFUSED[0]
    finally:
        release.set()
        other.join(10)
