"""Prepared section text becomes verified WAV audio, each in its own short-lived child process."""
from __future__ import annotations

import os
import tempfile
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from ...errors import OutputError, SettingsError
from .engine_child import resolve_voice
from .engine_process import run_engine
from .wav_check import BadAudio, CheckedAudio, check_wav

ATTEMPTS = 2  # the first try and one retry
# The WAV passes from child to parent through a file: in memory (/dev/shm) where there is one.
SCRATCH = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None


@dataclass(frozen=True)
class SpeechSection:
    """One part of the recording: its number, spoken title and prepared text."""

    index: int  # 0 is the introduction, 1.. the sections in order
    title: str
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "SpeechSection":
        return cls(int(data["index"]), str(data["title"]), str(data["text"]))


def synthesise_once(section: SpeechSection, profile) -> CheckedAudio:
    """One attempt: a fresh child speaks the text into a temporary WAV, which is then checked."""
    with tempfile.TemporaryDirectory(prefix="altformats-speech-", dir=SCRATCH) as folder:
        wav_path = Path(folder) / f"section-{section.index:03d}.wav"
        run_engine({"text": section.text, "out": str(wav_path), **voice_request(profile.voice),
                    "rate": profile.rate_wpm, "pitch": profile.pitch},
                   profile.section_timeout_s)
        if not wav_path.exists():
            raise BadAudio("the speech engine reported success but wrote no WAV file")
        return check_wav(wav_path.read_bytes(), section.words, profile.rate_wpm)


def synthesise_audio(section: SpeechSection, profile) -> CheckedAudio:
    """Checked audio for one section: up to two attempts, then an OutputError naming it."""
    if not section.text.strip():
        raise OutputError(f"Section {section.index} '{section.title}' has no text to speak.")
    reasons = []
    for _attempt in range(ATTEMPTS):
        try:
            return synthesise_once(section, profile)
        except BadAudio as exc:
            reasons.append(str(exc))
    raise OutputError(
        f"Speech for section {section.index:02d} '{section.title}' could not be made: "
        + "; then ".join(reasons) + ".",
        hint="Check that espeak-ng is installed ('altformats voices' lists its voices) and that "
        "the voice setting names one of them; a very long section may need a larger "
        "section_timeout_s.",
    )


def synthesise_section(section: SpeechSection, profile) -> bytes:
    """Verified WAV bytes (mono, 16-bit) for one section: the worker's per-section call."""
    import io
    import wave

    audio = synthesise_audio(section, profile)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(audio.sample_rate)
        wav.writeframes(audio.pcm)
    return buffer.getvalue()


@dataclass(frozen=True)
class InstalledVoice:
    id: str
    name: str
    languages: tuple[str, ...]
    gender: str | None = None


def installed_voices(timeout_s: float = 60.0) -> list[InstalledVoice]:
    """The voices pyttsx3's espeak driver can use, asked of a child process."""
    try:
        answer = run_engine({"list_voices": True}, timeout_s)
    except BadAudio as exc:
        raise SettingsError(f"The installed voices could not be listed: {exc}.",
                            hint="Install espeak-ng (apt-get install espeak-ng) and pyttsx3.") from None
    return [InstalledVoice(v["id"], v["name"], tuple(v.get("languages") or ()), v.get("gender"))
            for v in answer]


@lru_cache(maxsize=32)
def _voice_id(voice: str) -> str | None:
    """The installed voice id for a voice setting, looked up once per process (a child lists
    the voices), so each section's child need not list them again."""
    return resolve_voice(installed_voices(), voice)


def voice_request(voice: str) -> dict:
    """{"voice_id": id} for a known voice; SettingsError for an unknown one; {"voice": voice}
    (the child looks it up) if the voices could not be listed here."""
    if not voice:
        return {}
    try:
        found = _voice_id(voice)
    except SettingsError:
        return {"voice": voice}
    if found is None:
        raise SettingsError(f"The voice setting is wrong: no installed voice is called '{voice}'.",
                            hint="Run 'altformats voices' to list the installed voices.")
    return {"voice_id": found}
