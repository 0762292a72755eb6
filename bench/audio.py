"""Benchmark: seconds of audio made per second, our synthesis against the espeak-ng command line.

For the sample strategy (or the document given) it plans the sections once, then,
in the same run, on one core and on all cores:
- ours: converter.writers.audio's synthesis (a fresh pyttsx3/espeak-ng child process
  per section, WAV verified), `workers` sections at a time;
- cli: `espeak-ng -v VOICE -s RATE -p PITCH -w out.wav -f section.txt` on the same
  prepared text, one process per section, the same number at a time;
and prints seconds of audio per wall-clock second for each, the ratio ours/cli,
and how each scales from one core to all. It then times the whole writer (synthesis,
introduction, MP3 encoding, tags, chapters) to show what encoding adds.
Ours and the CLI run alternately; each figure is the best of --repeat runs (default 3).
The machine's load average is printed: other work on the machine slows both.
Run: .venv/bin/python bench/audio.py [DOCUMENT] [--repeat N]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import wave
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.pipeline import read_path  # noqa: E402
from converter.profiles import AudioProfile  # noqa: E402
from converter.writers.audio import plan_sections, synthesise_all, write  # noqa: E402

SAMPLE = ROOT / "samples" / "kent-and-medway-domestic-abuse-strategy.docx"


def cli_section(section, profile, folder: Path) -> float:
    """Speak one section with the espeak-ng command line; seconds of audio made."""
    text_path = folder / f"{section.index:03d}.txt"
    wav_path = folder / f"{section.index:03d}.wav"
    text_path.write_text(section.text, encoding="utf-8")
    subprocess.run(["espeak-ng", "-v", profile.voice, "-s", str(profile.rate_wpm), "-p", str(profile.pitch),
                    "-w", str(wav_path), "-f", str(text_path)], check=True, capture_output=True)
    with wave.open(str(wav_path)) as wav:
        return wav.getnframes() / wav.getframerate()


def run_cli(sections, profile) -> tuple[float, float]:
    """(audio seconds, wall seconds) for the command line, profile.worker_count at a time."""
    with tempfile.TemporaryDirectory(prefix="bench-espeak-") as folder:
        started = time.perf_counter()
        with ThreadPoolExecutor(profile.worker_count) as pool:
            audio = sum(pool.map(lambda s: cli_section(s, profile, Path(folder)), sections))
        return audio, time.perf_counter() - started


def run_ours(sections, profile) -> tuple[float, float]:
    started = time.perf_counter()
    results = synthesise_all(sections, profile)
    return sum(a.seconds for a in results.values()), time.perf_counter() - started


def best_of_alternating(first, second, repeat: int):
    """Run first and second alternately `repeat` times (so load from other work hits both
    alike); the fastest (audio seconds, wall seconds) of each."""
    a_runs, b_runs = [], []
    for _ in range(repeat):
        a_runs.append(first())
        b_runs.append(second())
    return min(a_runs, key=lambda r: r[1]), min(b_runs, key=lambda r: r[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("document", nargs="?", default=str(SAMPLE))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    doc = read_path(args.document).value
    base = AudioProfile()
    sections = plan_sections(doc, base)
    words = sum(s.words for s in sections)
    print(f"{Path(args.document).name}: {len(sections)} sections, {words} words prepared for speech")
    print(f"voice {base.voice}, rate {base.rate_wpm} wpm; {os.cpu_count()} CPU cores; best of {args.repeat}; "
          f"load average before {os.getloadavg()[0]:.1f}")
    rates = {}
    for cores in sorted({1, os.cpu_count() or 1}):
        profile = replace(base, workers=cores)
        (ours_audio, ours_wall), (cli_audio, cli_wall) = best_of_alternating(
            lambda: run_ours(sections, profile), lambda: run_cli(sections, profile), args.repeat)
        rates[cores] = (ours_audio / ours_wall, cli_audio / cli_wall)
        print(f"{cores} core(s): ours {ours_audio:7.1f} s audio in {ours_wall:6.2f} s = {rates[cores][0]:6.1f} s/s | "
              f"espeak-ng CLI {cli_audio:7.1f} s in {cli_wall:6.2f} s = {rates[cores][1]:6.1f} s/s | "
              f"ratio ours/cli {rates[cores][0] / rates[cores][1]:.2f}")
    if len(rates) > 1:
        top = max(rates)
        print(f"scaling 1 -> {top} cores: ours x{rates[top][0] / rates[1][0]:.2f}, "
              f"cli x{rates[top][1] / rates[1][1]:.2f} (linear would be x{top})")
    profile = replace(base, workers=0)
    started = time.perf_counter()
    files = write(doc, profile).value
    wall = time.perf_counter() - started
    print(f"whole writer ({profile.worker_count} workers: sections, introduction, MP3, chapters): "
          f"{wall:.2f} s for {len(files)} files, {sum(map(len, files.values())) / 1e6:.1f} MB, "
          f"{ours_audio / wall:.1f} s of audio per second; load average after {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
