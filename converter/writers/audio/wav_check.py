"""WAV bytes become checked PCM: valid header, mono 16-bit, not empty, not silent, plausible length."""
from __future__ import annotations

import array
import io
import wave
from dataclasses import dataclass

# Words per minute espeak-ng actually reaches varies with punctuation, numbers and
# pauses; the band only has to catch empty, truncated or runaway output.
SLOWEST_FACTOR = 0.3  # a section may take up to 1/0.3 of its nominal time
FASTEST_FACTOR = 2.5  # ... and no less than 1/2.5 of it
SILENCE_PEAK = 200  # 16-bit peak below this is silence


@dataclass(frozen=True)
class CheckedAudio:
    pcm: bytes  # 16-bit signed little-endian mono
    sample_rate: int

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / self.sample_rate


class BadAudio(Exception):
    """The synthesised audio is missing, damaged or implausible (the reason says which)."""


def expected_seconds_band(words: int, rate_wpm: int) -> tuple[float, float]:
    """(shortest, longest) plausible duration for `words` spoken at `rate_wpm`."""
    nominal = words / rate_wpm * 60.0
    return nominal / FASTEST_FACTOR, nominal / SLOWEST_FACTOR + 3.0


def check_wav(data: bytes, words: int, rate_wpm: int) -> CheckedAudio:
    """The PCM inside `data`, or BadAudio saying what is wrong with it."""
    if not data:
        raise BadAudio("the WAV file is empty")
    try:
        with wave.open(io.BytesIO(data), "rb") as wav:
            channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
            pcm = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError) as exc:
        raise BadAudio(f"the WAV header is not valid ({exc})") from None
    if channels != 1 or width != 2:
        raise BadAudio(f"expected mono 16-bit audio, got {channels} channel(s) of {8 * width}-bit")
    audio = CheckedAudio(pcm, rate)
    if not pcm:
        raise BadAudio("the WAV file holds no audio")
    shortest, longest = expected_seconds_band(words, rate_wpm)
    if not shortest <= audio.seconds <= longest:
        raise BadAudio(f"{audio.seconds:.1f} s of audio for {words} words is implausible "
                       f"(expected {shortest:.1f} to {longest:.1f} s at {rate_wpm} words a minute)")
    if peak(pcm) < SILENCE_PEAK:
        raise BadAudio("the audio is silent")
    return audio


def peak(pcm: bytes, stride: int = 97) -> int:
    """Largest sample magnitude, looking at every `stride`-th sample (enough to tell silence).

    Only those samples are copied (a strided view gathered in C), not the whole PCM."""
    view = memoryview(pcm)[: len(pcm) - len(pcm) % 2].cast("h")[::stride]
    samples = array.array("h", view.tobytes())
    return max(max(samples, default=0), -min(samples, default=0))
