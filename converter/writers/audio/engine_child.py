"""One section of prepared text becomes one WAV file, in a fresh process of its own.

Run as `python -S .../engine_child.py SITE_PACKAGES` (a plain script that imports only
pyttsx3, from the folder given) with a JSON request on
stdin: {"text", "out", "voice" or "voice_id", "rate", "pitch"} to synthesise ("voice_id"
when the parent has already looked the voice up), or {"list_voices": true}
to print the installed voices as JSON. The pyttsx3 espeak engine is started here
and nowhere else, so no parent process ever holds an initialised engine (a fork
after initialising it hangs the child) and every save happens in a fresh engine.

What goes wrong in pyttsx3 2.99's espeak driver, and what this module does:
- espeak runs in AUDIO_OUTPUT_RETRIEVAL mode, which is asynchronous, and
  runAndWait() ends its loop before synthesis has finished: the WAV is written
  later from espeak's thread, or never if the process exits first (long text
  gives no file or a segfault). We do not use runAndWait() (its loop also sleeps
  10 ms a turn): we start the driver's synthesis and wait for its
  'finished-utterance' notification, sent after the WAV is written, then until
  espeak is idle.
- its Synth() tells espeak the text is ten times longer than it is; in
  asynchronous mode espeak copies that many bytes, reading past the end of the
  buffer (long text segfaults). We pad the text with NULs to the stated size.
- audio is collected with `bytes +=` per callback (quadratic): a bytearray here.
- a second save in one process can silently write nothing: one save per process.
- Engine.setProperty() only queues the change; runAndWait() ends by calling the
  driver's stop(), which cancels espeak's command queue if espeak is still busy,
  so a queued rate or pitch is sometimes dropped and the text is spoken at the
  driver's default rate of 200 (about 1 run in 100 in our tests). We set the
  properties on the driver directly (pyttsx3's own setProperty, which also
  raises for a bad value instead of swallowing it) and wait for espeak to apply
  them before the text is queued.
"""
from __future__ import annotations

import contextlib
import json
import os
import sys
import time


def _linear_buffer_driver(driver) -> None:
    """Make the driver collect audio in a bytearray: `bytes +=` per callback is quadratic."""
    base = type(driver)

    class LinearBufferDriver(base):
        @property
        def _data_buffer(self):
            return self.__dict__["_linear_buffer"]

        @_data_buffer.setter
        def _data_buffer(self, value):
            self.__dict__["_linear_buffer"] = value if isinstance(value, bytearray) else bytearray(value)

    driver.__dict__["_linear_buffer"] = bytearray()
    driver.__class__ = LinearBufferDriver


def _pad_synth_text() -> None:
    """Give espeak a buffer as long as pyttsx3 says it is (len * 10 bytes)."""
    from pyttsx3.drivers import _espeak

    if getattr(_espeak.Synth, "padded", False):
        return
    def padded_synth(text, position=0, position_type=_espeak.POS_CHARACTER, end_position=0,
                     flags=0, user_data=None):
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        size = len(data) * 10
        buffer = data + b"\0" * (size - len(data) + 1)
        return _espeak.cSynth(buffer, size, position, position_type, end_position, flags,
                              None, user_data)

    padded_synth.padded = True
    _espeak.Synth = padded_synth


class UnknownVoice(Exception):
    """The voice setting names no installed voice (pyttsx3 would silently use the default)."""


def resolve_voice(voices, wanted: str) -> str | None:
    """The id espeak's SetVoiceByName accepts for `wanted`: an id, its last part, a language or a name.

    espeak only knows voices by file name ("gmw/en"), so a language code such as
    "en-gb" must be looked up in the voice list first.
    """
    wanted = wanted.strip().lower()
    tests = (lambda v: v.id.lower() == wanted,
             lambda v: v.id.lower().rpartition("/")[2] == wanted,
             lambda v: wanted in [lang.lower() for lang in (v.languages or [])],
             lambda v: (v.name or "").lower() == wanted)
    for test in tests:
        for voice in voices:
            if test(voice):
                return voice.id
    return None


def _engine(request: dict):
    import pyttsx3

    from pyttsx3.drivers import _espeak

    _pad_synth_text()
    engine = pyttsx3.init("espeak")
    wait_until_idle()  # let espeak apply the driver's own defaults (rate 200) first
    _linear_buffer_driver(engine.proxy._driver)
    driver = engine.proxy._driver
    if request.get("voice_id"):  # already looked up in the voice list by the parent
        driver.setProperty("voice", request["voice_id"])
    elif request.get("voice"):
        voice_id = resolve_voice(engine.getProperty("voices"), request["voice"])
        if voice_id is None:
            raise UnknownVoice(f"no installed voice is called '{request['voice']}'")
        driver.setProperty("voice", voice_id)
    if request.get("rate"):
        driver.setProperty("rate", int(request["rate"]))
    if request.get("pitch") is not None:
        driver.setProperty("pitch", int(request["pitch"]))
    wait_until_idle()  # every property applied before the text is queued
    return engine


def synthesise(request: dict) -> None:
    """Speak the text into request["out"] and return once the WAV is written.

    The driver is started directly rather than through runAndWait(), whose loop sleeps
    10 ms between checks and ends by cancelling espeak's queue: we wait on pyttsx3's own
    'finished-utterance' notification, which the driver sends after writing the WAV.
    """
    import threading

    engine = _engine(request)
    driver = engine.proxy._driver
    finished = threading.Event()
    engine.connect("finished-utterance", lambda name=None, completed=True: finished.set())
    driver.save_to_file(request["text"], request["out"])
    driver._start_synthesis(request["text"])
    finished.wait()  # the parent's time limit ends a child stuck here
    _wait_until_written(driver)


def wait_until_idle() -> None:
    """Return when espeak has carried out every queued command.

    What espeak_Synchronize() waits for, but it checks only every 20 ms (usleep(20000)
    in espeak-ng), which cost up to 20 ms of idle time per section; this checks every 0.5 ms."""
    from pyttsx3.drivers import _espeak

    while _espeak.IsPlaying():  # the parent's time limit ends a child stuck here
        time.sleep(0.0005)


def _wait_until_written(driver) -> None:
    """Block until espeak has finished and the driver's callback has written the WAV."""
    wait_until_idle()
    while driver._speaking:  # the parent's time limit ends a child stuck here
        time.sleep(0.001)


def list_voices() -> list[dict]:
    import pyttsx3

    engine = pyttsx3.init("espeak")
    return [
        {"id": v.id, "name": v.name, "languages": list(v.languages or []), "gender": v.gender}
        for v in engine.getProperty("voices")
    ]


def answer_for(request: dict) -> object:
    """The JSON-ready answer to one request; pyttsx3's own printing is thrown away."""
    with open(os.devnull, "w", encoding="utf-8") as sink, contextlib.redirect_stdout(sink):
        try:
            if request.get("list_voices"):
                return list_voices()
            synthesise(request)
            return {"ok": True}
        except UnknownVoice as exc:
            return {"ok": False, "error": str(exc), "kind": "settings"}
        except Exception as exc:  # reported to the parent as a reason, never a hang
            return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}


def answer_on_pipe(request: dict, connection) -> None:
    """Entry point for a child forked from the fork server (see synthesis.py)."""
    try:
        connection.send(answer_for(request))
    finally:
        connection.close()


def main() -> int:
    sys.path.extend(sys.argv[1:])  # where pyttsx3 lives (the child runs with -S)
    answer = answer_for(json.loads(sys.stdin.read()))
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()
    return 1 if isinstance(answer, dict) and answer.get("ok") is False else 0


if __name__ == "__main__":
    sys.exit(main())
