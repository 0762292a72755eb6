"""Timing helpers shared by the benchmarks (run as scripts: `python bench/NAME.py`)."""
from __future__ import annotations

import subprocess
import tempfile
import time


def best_of(fn, repeat: int = 3) -> float:
    """The fastest of `repeat` runs of fn(), in seconds: the least disturbed by other load."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def timed_child(argv: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit code) of one child, measured by /usr/bin/time
    (so the benchmark's own memory is not counted in the child's peak)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        run = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", report.name, *argv],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds, kilobytes = report.read().split()[-2:]
    return float(seconds), int(kilobytes) / 1024, run.returncode
