"""A speech request becomes an answer from a fresh engine process: forked from a fork server, or a subprocess.

Every request gets a process of its own that starts the pyttsx3 engine, does one
thing and exits (see engine_child.py for why). Two ways to start it:
- fork server (the default): a server process that has imported pyttsx3 but never
  started the engine forks one child per request, so a child costs a fork and an
  espeak initialisation, not an interpreter start and imports (nor a re-run of the
  parent's main script: see fork_server_preload.py);
- subprocess (`python -S engine_child.py`): used where multiprocessing cannot make
  children (inside a daemonic process, or when starting one fails, as in a Celery
  prefork worker) or when ALTFORMATS_SPEECH_PROCESS=subprocess.
Either way the child is stopped at the time limit and its failure comes back as BadAudio.
"""
from __future__ import annotations

import importlib.util
import json
import multiprocessing
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

from ...errors import SettingsError
from . import engine_child
from .wav_check import BadAudio

CHILD_SCRIPT = Path(__file__).resolve().with_name("engine_child.py")
PRELOAD = ["pyttsx3", "pyttsx3.drivers.espeak", "converter.writers.audio.engine_child",
           "converter.writers.audio.fork_server_preload"]


@lru_cache(maxsize=1)
def _pyttsx3_search_path() -> str:
    """The folder pyttsx3 is installed in, found without importing (or starting) it."""
    spec = importlib.util.find_spec("pyttsx3")
    if spec is None or not spec.origin:
        raise SettingsError("pyttsx3 is not installed.", hint="Install it: pip install pyttsx3.")
    return str(Path(spec.origin).resolve().parent.parent)


@lru_cache(maxsize=1)
def _fork_server_context():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


_FORK_SERVER_BROKEN: list[str] = []  # why the fork server could not be used in this process


def use_fork_server() -> bool:
    if _FORK_SERVER_BROKEN or os.environ.get("ALTFORMATS_SPEECH_PROCESS", "").lower() == "subprocess":
        return False
    return ("forkserver" in multiprocessing.get_all_start_methods()
            and not multiprocessing.current_process().daemon)


def timeout_error(timeout_s: float) -> BadAudio:
    return BadAudio(f"the speech engine took longer than {timeout_s:g} seconds and was stopped")


def run_forked(request: dict, timeout_s: float) -> object:
    context = _fork_server_context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=engine_child.answer_on_pipe, args=(request, sender), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout_s):
            raise timeout_error(timeout_s)
        try:
            return receiver.recv()
        except EOFError:
            child.join(5)
            raise BadAudio(f"the speech engine crashed (exit {child.exitcode})") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receiver.close()


def run_subprocess(request: dict, timeout_s: float) -> object:
    try:
        done = subprocess.run(
            [sys.executable, "-S", str(CHILD_SCRIPT), _pyttsx3_search_path()],
            input=json.dumps(request).encode("utf-8"), capture_output=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired:
        raise timeout_error(timeout_s) from None
    if done.returncode < 0:
        raise BadAudio(f"the speech engine crashed (signal {-done.returncode})")
    try:
        return json.loads(done.stdout.decode("utf-8") or "null")
    except ValueError:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise BadAudio(f"the speech engine gave no answer (exit {done.returncode}: {tail[0]})") from None


def run_engine(request: dict, timeout_s: float) -> object:
    """The child's answer (a dict for speech, a list for voices); BadAudio or SettingsError on failure."""
    answer = None
    if use_fork_server():
        try:
            answer = run_forked(request, timeout_s)
        except (BadAudio, SettingsError):
            raise
        except Exception as exc:  # e.g. inside a Celery (billiard) worker: multiprocessing refuses
            _FORK_SERVER_BROKEN.append(f"{type(exc).__name__}: {exc}")
    if answer is None:
        answer = run_subprocess(request, timeout_s)
    if not isinstance(answer, (dict, list)):
        raise BadAudio("the speech engine gave no answer")
    if isinstance(answer, dict) and answer.get("kind") == "settings":
        raise SettingsError(f"The voice setting is wrong: {answer.get('error')}.",
                            hint="Run 'altformats voices' to list the installed voices.")
    if isinstance(answer, dict) and answer.get("ok") is False:
        raise BadAudio(f"the speech engine failed: {answer.get('error')}")
    return answer
