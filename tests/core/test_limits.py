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
