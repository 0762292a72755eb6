"""A document prepared for speech becomes spoken MP3s: one per section, a chaptered whole, a playlist.

The per-section API, for callers that fan out (the Celery worker):
  plan_sections(doc, profile) -> list[SpeechSection]   (the front matter goes to the introduction)
  synthesise_section(section, profile) -> bytes        (verified WAV; child process; one retry)
  assemble(doc, sections_audio, profile) -> dict[str, bytes]
write() runs the same three steps here, synthesising sections in parallel.
See docs/audio.md.
"""
from __future__ import annotations

from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

from ...model import Document
from ...result import MessageLog, Result
from .assemble import assemble, encode_section, section_file_name
from .plan import RecordingPlan, plan_recording, plan_sections
from .synthesis import SpeechSection, installed_voices, synthesise_audio, synthesise_section

SYNTHESIS_SHARE = 0.9  # of the progress bar: speaking and encoding the sections


def speak_and_encode(section: SpeechSection, profile):
    """(checked audio, untagged MP3) for one section: two child processes, one after the other."""
    audio = synthesise_audio(section, profile)
    return audio, encode_section(audio, profile)


def synthesise_all(sections: list[SpeechSection], profile, progress=None, *, encode: bool = False) -> dict:
    """{index: checked audio} for every section (or {index: (audio, mp3)} with encode=True),
    `profile.worker_count` sections at a time, each in its own child processes."""
    job = speak_and_encode if encode else synthesise_audio
    results: dict = {}
    with ThreadPoolExecutor(max_workers=max(1, profile.worker_count),
                            thread_name_prefix="speech") as pool:
        futures = {pool.submit(job, s, profile): s for s in sections}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_EXCEPTION)
            for future in done:
                section = futures[future]
                if future.exception() is not None:
                    for other in pending:
                        other.cancel()
                    raise future.exception()
                results[section.index] = future.result()
                if progress:
                    progress(SYNTHESIS_SHARE * len(results) / len(sections),
                             f"spoke section {len(results)} of {len(sections)}: {section.title}")
    return results


def write(doc: Document, profile, *, progress=None) -> Result[dict[str, bytes]]:
    """The registry's audio writer: file name -> bytes for the pipeline to write into a folder."""
    log = MessageLog()
    sections = plan_sections(doc, profile)
    if not sections:
        from ...errors import OutputError

        raise OutputError("The document has no text to speak.",
                          hint="Check that the document has text, not only pictures of text.")
    if progress:
        progress(0.0, f"speaking {len(sections)} sections with {profile.worker_count} workers")
    spoken = synthesise_all(sections, profile, progress, encode=True)
    if progress:
        progress(SYNTHESIS_SHARE, "speaking the introduction, adding tags and chapters")
    files = assemble(doc, {i: audio for i, (audio, _) in spoken.items()}, profile,
                     encoded={i: mp3 for i, (_, mp3) in spoken.items()})
    log.info(f"{len(sections)} sections, {len(files)} files")
    if progress:
        progress(1.0, "done")
    return log.result(files)


__all__ = ["write", "plan_sections", "plan_recording", "RecordingPlan",
           "synthesise_section", "assemble", "encode_section", "SpeechSection",
           "installed_voices", "section_file_name", "synthesise_all"]
