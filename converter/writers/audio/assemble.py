"""Checked section audio becomes the output files: section MP3s, a chaptered whole, a playlist."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor

from ...errors import OutputError
from ...model import Document
from .chapters import add_chapters, chapters_for
from .mp3 import ENGINE_SAMPLE_RATE, base_tags, encode_mp3_in_child, mp3_seconds, silence, with_tags
from .names import file_title, section_file_name, unique_names
from .plan import introduction_section, organisation, plan_recording
from .playlist import m3u
from .synthesis import SpeechSection, synthesise_audio
from .wav_check import BadAudio, CheckedAudio, check_wav

GAP_SECONDS = 1.0  # silence at the end of each section (and so between chapters)


def _as_checked(section: SpeechSection, wav: bytes | CheckedAudio, profile) -> CheckedAudio:
    if isinstance(wav, CheckedAudio):
        return wav
    try:
        return check_wav(wav, section.words, profile.rate_wpm)
    except BadAudio as exc:
        raise OutputError(f"The audio for section {section.index:02d} '{section.title}' is not usable: {exc}.",
                          hint="Synthesise that section again.") from None


def _ordered_audio(planned: list[SpeechSection], sections_audio) -> list:
    if isinstance(sections_audio, Mapping):
        missing = [s.index for s in planned if s.index not in sections_audio]
        if missing:
            raise OutputError(f"Audio is missing for section(s) {', '.join(map(str, missing))}.",
                              hint="Synthesise every section from plan_sections() before assembling.")
        return [sections_audio[s.index] for s in planned]
    if not isinstance(sections_audio, Sequence) or len(sections_audio) != len(planned):
        raise OutputError(f"Expected audio for {len(planned)} sections, got "
                          f"{len(sections_audio) if isinstance(sections_audio, Sequence) else 'none'}.",
                          hint="Pass one WAV per section, in the order plan_sections() returned them.")
    return list(sections_audio)


def assemble(doc: Document, sections_audio, profile, *, introduction_audio=None,
             encoded: Mapping[int, bytes] | None = None) -> dict[str, bytes]:
    """All output files, name -> bytes.

    sections_audio: WAV bytes (or checked audio) per section, a list in plan order or a
    mapping {index: wav}. The introduction (which states the running time) is
    synthesised here unless given. `encoded` may hold MP3s already made by
    encode_section() for some indexes; the rest are encoded here, in parallel.
    """
    plan = plan_recording(doc, profile)
    planned = plan.sections
    audio = [_as_checked(s, a, profile) for s, a in zip(planned, _ordered_audio(planned, sections_audio))]
    body_seconds = sum(a.seconds for a in audio) + GAP_SECONDS * len(audio)
    draft = introduction_section(doc, planned, body_seconds, profile, plan.front_matter)
    intro = introduction_section(doc, planned, body_seconds + draft.words / profile.rate_wpm * 60, profile,
                                 plan.front_matter)
    intro_audio = (_as_checked(intro, introduction_audio, profile) if introduction_audio is not None
                   else synthesise_audio(intro, profile))
    parts = [intro] + planned
    parts_audio = [intro_audio] + audio
    for part, part_audio in zip(parts, parts_audio):
        if part_audio.sample_rate != ENGINE_SAMPLE_RATE:
            raise OutputError(f"Section {part.index:02d} audio is at {part_audio.sample_rate} Hz, "
                              f"not {ENGINE_SAMPLE_RATE} Hz.")
    mp3s = dict(encoded or {})
    missing = [(p.index, a) for p, a in zip(parts, parts_audio) if p.index not in mp3s]
    with ThreadPoolExecutor(max_workers=max(1, profile.worker_count)) as pool:
        for index, mp3 in zip([i for i, _ in missing],
                              pool.map(lambda item: encode_section(item[1], profile), missing)):
            mp3s[index] = mp3
    return build_files(doc, parts, [mp3s[p.index] for p in parts], profile)


def encode_section(audio: CheckedAudio, profile) -> bytes:
    """One section's untagged MP3, with the gap of silence that follows it, encoded in a child."""
    return encode_mp3_in_child(audio.pcm + silence(GAP_SECONDS), profile)


def build_files(doc: Document, parts: list[SpeechSection], mp3s: list[bytes], profile) -> dict[str, bytes]:
    """Tag each section MP3; join them (same encoder settings, so the frames simply follow
    one another) into the whole-document MP3 with one chapter per section; add the playlist."""
    title, artist = doc.title.strip() or "Untitled document", organisation(doc) or "Unknown organisation"
    files: dict[str, bytes] = {}
    playlist = []
    durations = [mp3_seconds(mp3) for mp3 in mp3s]
    whole_name = file_title(title)
    *section_names, whole_mp3, whole_m3u = unique_names(
        [section_file_name(p) for p in parts] + [f"{whole_name}.mp3", f"{whole_name}.m3u"])
    for part, mp3, seconds, name in zip(parts, mp3s, durations, section_names):
        tags = base_tags(part.title, artist, title, profile, track=f"{part.index + 1}/{len(parts)}")
        files[name] = with_tags(mp3, tags)
        playlist.append((name, part.title, seconds))
    chapters = chapters_for([p.title for p in parts], durations)
    whole_tags = add_chapters(base_tags(title, artist, title, profile), chapters, f"{title}: sections")
    files[whole_mp3] = with_tags(b"".join(mp3s), whole_tags)
    files[whole_m3u] = m3u(title, playlist)
    return files
