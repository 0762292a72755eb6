"""Imported in the speech fork server only (engine_process.PRELOAD), never in the parent.

A child forked from multiprocessing's fork server first re-runs the parent's main
script (the `altformats` command, the Celery worker, a benchmark) to rebuild
`__main__`, which costs about 12 ms of imports per section. The engine children do
not need it: their target, engine_child.answer_on_pipe, is found by module name.
So the fork server's children skip that step. (Python's own way, putting
'__main__' in the preload list, does not work in 3.11: the fork server is never
given the main path.) This changes only processes forked from our fork server.
"""
from __future__ import annotations

from multiprocessing import spawn

MAIN_MODULE_KEYS = ("init_main_from_path", "init_main_from_name")
_prepare = spawn.prepare


def prepare_without_main(data: dict) -> None:
    _prepare({key: value for key, value in data.items() if key not in MAIN_MODULE_KEYS})


spawn.prepare = prepare_without_main
