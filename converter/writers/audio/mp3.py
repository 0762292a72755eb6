"""16-bit mono PCM becomes constant-bit-rate MP3 (lameenc, no ffmpeg), tagged with ID3; MP3 lengths by frame count."""
from __future__ import annotations

import importlib.util
import io
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

from mutagen.id3 import ID3, TALB, TCON, TIT2, TLAN, TPE1, TRCK, TSSE, TXXX

from ... import provenance
from ...errors import OutputError
from .encode_child import encode

ENGINE_SAMPLE_RATE = 22050  # espeak-ng's voices all speak at 22.05 kHz
LAME_QUALITY = 5  # LAME's default "good" algorithm; 2 is three times slower for no audible gain in speech
ENCODE_SCRIPT = Path(__file__).resolve().with_name("encode_child.py")


def silence(seconds: float, sample_rate: int = ENGINE_SAMPLE_RATE) -> bytes:
    return b"\x00\x00" * int(round(seconds * sample_rate))


def encode_mp3(pcm: bytes, profile, in_rate: int = ENGINE_SAMPLE_RATE) -> bytes:
    """Mono CBR MP3 at the profile's bit rate and sample rate, in this process."""
    return encode(pcm, in_rate, profile.sample_rate, profile.bitrate_kbps, LAME_QUALITY)


@lru_cache(maxsize=1)
def _lameenc_search_path() -> str:
    spec = importlib.util.find_spec("lameenc")
    if spec is None or not spec.origin:
        raise OutputError("lameenc is not installed.", hint="Install it: pip install lameenc.")
    return str(Path(spec.origin).resolve().parent)


def encode_mp3_in_child(pcm: bytes, profile, in_rate: int = ENGINE_SAMPLE_RATE) -> bytes:
    """The same, in a child process, so several sections encode at once on several cores."""
    args = [sys.executable, "-S", str(ENCODE_SCRIPT), str(in_rate), str(profile.sample_rate),
            str(profile.bitrate_kbps), str(LAME_QUALITY), _lameenc_search_path()]
    done = subprocess.run(args, input=pcm, capture_output=True, check=False)
    if done.returncode != 0 or not done.stdout:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise OutputError(f"MP3 encoding failed: {reason[0]}",
                          hint="Check that lameenc is installed in the altformats environment.")
    return done.stdout


# MPEG audio frame header tables (Layer III only; lameenc makes nothing else).
BITRATES_KBPS = {"1": (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
                 "2": (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)}
SAMPLE_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def mp3_seconds(mp3: bytes) -> float:
    """Exact decoded length of an untagged Layer III stream: frames x samples per frame."""
    position, samples, rate = 0, 0, 0
    while position + 4 <= len(mp3):
        header = int.from_bytes(mp3[position:position + 4], "big")
        version, layer = (header >> 19) & 3, (header >> 17) & 3
        bitrate_index, rate_index = (header >> 12) & 15, (header >> 10) & 3
        if header >> 21 != 0x7FF or layer != 1 or version == 1 or bitrate_index in (0, 15) or rate_index == 3:
            raise OutputError(f"Not an MPEG Layer III frame at byte {position} of the encoded audio.")
        mpeg1 = version == 3
        rate = SAMPLE_RATES[version][rate_index]
        kbps = BITRATES_KBPS["1" if mpeg1 else "2"][bitrate_index]
        padding = (header >> 9) & 1
        position += (144 if mpeg1 else 72) * kbps * 1000 // rate + padding
        samples += 1152 if mpeg1 else 576
    return samples / rate if rate else 0.0


def base_tags(title: str, artist: str, album: str, profile, track: str | None = None) -> ID3:
    """Title, artist, album, genre, language and the settings and version that made the file."""
    tags = ID3()
    tags.add(TIT2(encoding=3, text=[title]))
    tags.add(TPE1(encoding=3, text=[artist]))
    tags.add(TALB(encoding=3, text=[album]))
    tags.add(TCON(encoding=3, text=["Speech"]))
    tags.add(TLAN(encoding=3, text=["eng"]))
    tags.add(TSSE(encoding=3, text=[provenance.generator_string()]))
    tags.add(TXXX(encoding=3, desc="altformats settings", text=[provenance.settings_string(profile)]))
    if track:
        tags.add(TRCK(encoding=3, text=[track]))
    return tags


def with_tags(mp3: bytes, tags: ID3) -> bytes:
    """The MP3 with an ID3v2.4 tag in front."""
    buffer = io.BytesIO(mp3)
    tags.save(buffer, v2_version=4)
    return buffer.getvalue()
