"""A lock for tests/core/test_limits.py: held by one thread of the parent while a file is read."""
from __future__ import annotations

import threading

LOCK = threading.Lock()


def lock_is_free_in_child() -> bool:
    """True when the child can take LOCK, i.e. it did not inherit a copy held by another thread."""
    got = LOCK.acquire(timeout=3)
    if got:
        LOCK.release()
    return got
