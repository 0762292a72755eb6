"""Benchmark: seconds of audio made per second, our synthesis against the espeak-ng command line.

For the sample strategy (or the document given) it plans the sections once, then
compares, on the same prepared text:
- ours: converter.writers.audio's synthesis of every section (a fresh pyttsx3/espeak-ng
  child per section, forked from the fork server, under the time limit; the WAV read
  back and checked: header, length for the word count, not silent), `workers` at a time;
- cli: `espeak-ng -v VOICE -s RATE -p PITCH -w out.wav -f section.txt`, one process
  per section, the same number at a time, each WAV's header read for its length.
Both write WAV to the same kind of place (/dev/shm where there is one). Neither side
encodes MP3; the whole writer (introduction, MP3 encoding, tags, chapters) is timed
separately at the end.

"1 core" and "N cores" are enforced, not just the number of workers: each measurement
runs in a child process pinned (sched_setaffinity) to the first 1 or N CPUs, and every
process either side starts (fork server, engine children, espeak-ng) inherits that.
Ours and the CLI run alternately --repeat times (default 5) in that child, so load from
other work hits both alike; each pair gives one ratio ours/cli. Printed: the median
and the range (lowest to highest) of the rates and of the per-pair ratios. Because
wall-clock rates on a shared machine move with other people's work, it also prints
audio seconds per CPU second (user + system time of every process each side ran:
the bench process, the fork server, the engine children, the espeak-ng processes),
which other work does not change much.
Run: .venv/bin/python bench/audio.py [DOCUMENT] [--repeat N]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from multiprocessing import forkserver
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from converter.pipeline import read_path  # noqa: E402
from converter.profiles import AudioProfile  # noqa: E402
from converter.writers.audio import plan_sections, synthesise_all, write  # noqa: E402
from converter.writers.audio.synthesis import SCRATCH  # noqa: E402

SAMPLE = ROOT / "samples" / "kent-and-medway-domestic-abuse-strategy.docx"


def cli_section(section, profile, folder: Path) -> float:
    """Speak one section with the espeak-ng command line; seconds of audio made."""
    text_path = folder / f"{section.index:03d}.txt"
    wav_path = folder / f"{section.index:03d}.wav"
    text_path.write_text(section.text, encoding="utf-8")
    subprocess.run(["espeak-ng", "-v", profile.voice, "-s", str(profile.rate_wpm), "-p", str(profile.pitch),
                    "-w", str(wav_path), "-f", str(text_path)], check=True, capture_output=True)
    with wave.open(str(wav_path)) as wav:
        seconds = wav.getnframes() / wav.getframerate()
    wav_path.unlink()
    return seconds


def cpu_seconds() -> float:
    """CPU time used so far by this process, its reaped children, and the fork server and the
    engine children it has reaped (the fork server is not our reaped child until it exits)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    server = getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)
    if server:
        fields = Path(f"/proc/{server}/stat").read_text().rpartition(")")[2].split()
        total += sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime stime cutime cstime
    return total


def run_cli(sections, profile) -> tuple[float, float, float]:
    """(audio seconds, wall seconds, CPU seconds) for the command line, profile.worker_count at a time."""
    with tempfile.TemporaryDirectory(prefix="bench-espeak-", dir=SCRATCH) as folder:
        started, cpu = time.perf_counter(), cpu_seconds()
        with ThreadPoolExecutor(profile.worker_count) as pool:
            audio = sum(pool.map(lambda s: cli_section(s, profile, Path(folder)), sections))
        return audio, time.perf_counter() - started, cpu_seconds() - cpu


def run_ours(sections, profile) -> tuple[float, float, float]:
    started, cpu = time.perf_counter(), cpu_seconds()
    results = synthesise_all(sections, profile)
    return sum(a.seconds for a in results.values()), time.perf_counter() - started, cpu_seconds() - cpu


def measure(document: str, cores: int, repeat: int) -> dict:
    """In this (pinned) process: ours and the CLI alternately, `repeat` times each."""
    sections = plan_sections(read_path(document).value, AudioProfile())
    profile = replace(AudioProfile(), workers=cores)
    run_ours(sections[:1], profile)  # start the fork server outside the timing
    ours, cli = [], []
    for _ in range(repeat):
        ours.append(run_ours(sections, profile))
        cli.append(run_cli(sections, profile))
    return {"ours": ours, "cli": cli}


def measure_pinned(document: str, cores: int, repeat: int) -> dict:
    """measure() in a child process that, and all it starts, may use the first `cores` CPUs only."""
    cpus = sorted(os.sched_getaffinity(0))[:cores]
    done = subprocess.run([sys.executable, __file__, document, "--repeat", str(repeat), "--inner", str(cores)],
                          preexec_fn=lambda: os.sched_setaffinity(0, cpus), capture_output=True, check=True)
    return json.loads(done.stdout)


def spread(values: list[float], fmt: str = "{:.0f}") -> str:
    return f"median {fmt.format(statistics.median(values))} (range {fmt.format(min(values))} to " \
           f"{fmt.format(max(values))})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("document", nargs="?", default=str(SAMPLE))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--inner", type=int, help=argparse.SUPPRESS)  # the pinned child
    args = parser.parse_args()
    if args.inner:
        print(json.dumps(measure(args.document, args.inner, args.repeat)))
        return
    doc = read_path(args.document).value
    base = AudioProfile()
    sections = plan_sections(doc, base)
    words = sum(s.words for s in sections)
    all_cores = len(os.sched_getaffinity(0))
    print(f"{Path(args.document).name}: {len(sections)} sections, {words} words prepared for speech")
    print(f"voice {base.voice}, rate {base.rate_wpm} wpm; {all_cores} CPU cores; {args.repeat} alternating runs; "
          f"load average before {os.getloadavg()[0]:.1f}")
    medians = {}
    for cores in sorted({1, all_cores}):
        runs = measure_pinned(args.document, cores, args.repeat)
        ours = [audio / wall for audio, wall, _ in runs["ours"]]
        cli = [audio / wall for audio, wall, _ in runs["cli"]]
        ratios = [o / c for o, c in zip(ours, cli)]
        medians[cores] = (statistics.median(ours), statistics.median(cli))
        print(f"{cores} core(s), seconds of audio per second: ours {spread(ours)} | espeak-ng CLI {spread(cli)} | "
              f"ratio ours/cli {spread(ratios, '{:.2f}')}  [{runs['ours'][0][0]:.0f} s of audio a run]")
        ours_cpu = [audio / cpu for audio, _, cpu in runs["ours"]]
        cli_cpu = [audio / cpu for audio, _, cpu in runs["cli"]]
        print(f"    per CPU second (all processes, load-independent): ours {spread(ours_cpu)} | "
              f"CLI {spread(cli_cpu)} | ratio {spread([o / c for o, c in zip(ours_cpu, cli_cpu)], '{:.2f}')}")
    if len(medians) > 1:
        top = max(medians)
        print(f"scaling 1 -> {top} cores (medians): ours x{medians[top][0] / medians[1][0]:.2f}, "
              f"cli x{medians[top][1] / medians[1][1]:.2f} (linear would be x{top})")
    profile = replace(base, workers=all_cores)
    started = time.perf_counter()
    files = write(doc, profile).value
    wall = time.perf_counter() - started
    audio_seconds = runs["ours"][0][0]
    print(f"whole writer ({profile.worker_count} workers: sections, introduction, MP3, chapters): "
          f"{wall:.2f} s for {len(files)} files, {sum(map(len, files.values())) / 1e6:.1f} MB, "
          f"{audio_seconds / wall:.1f} s of audio per second; load average after {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
