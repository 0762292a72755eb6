"""Timing helpers shared by the benchmarks (run as scripts: `python bench/NAME.py`)."""
from __future__ import annotations

import time


def best_of(fn, repeat: int = 3) -> float:
    """The fastest of `repeat` runs of fn(), in seconds: the least disturbed by other load."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best
