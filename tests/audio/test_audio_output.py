"""The audio output with the real engine: files, tags, chapters, playlist, decoded lengths."""
from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from converter import formats
from converter.pipeline import write_output
from converter.profiles import AudioProfile
from converter.writers.audio import write

from .documents import support_strategy

EXPECTED_FILES = ["00 Introduction.mp3", "01 Foreword.mp3", "02 Getting help.mp3",
                  "03 Our priorities.mp3", "04 Notes.mp3",
                  "Domestic Abuse Strategy.mp3", "Domestic Abuse Strategy.m3u"]
SECTION_FILES = EXPECTED_FILES[:5]
WHOLE = "Domestic Abuse Strategy.mp3"


def decoded_seconds(mp3: bytes, tmp_path: Path, name: str = "decode.mp3") -> float:
    """Decode every sample with sox (libsox-fmt-mp3) and count them."""
    path = tmp_path / name
    path.write_bytes(mp3)
    raw = subprocess.run(["sox", str(path), "-t", "raw", "-e", "signed", "-b", "16", "-c", "1",
                          "-r", "22050", "-"], capture_output=True, check=True).stdout
    return len(raw) / 2 / 22050


@pytest.fixture(scope="module")
def made():
    """(files, progress calls) for the small strategy, made once for this module."""
    calls = []
    result = write(support_strategy(), AudioProfile(), progress=lambda f, what: calls.append((f, what)))
    return result.value, calls


def test_writer_makes_introduction_sections_whole_document_and_playlist(made):
    files, _ = made
    assert sorted(files) == sorted(EXPECTED_FILES)


def test_every_mp3_is_mono_64_kbps_at_22050_hz(made):
    files, _ = made
    for name, data in files.items():
        if name.endswith(".mp3"):
            info = MP3(io.BytesIO(data)).info
            assert (info.channels, info.bitrate, info.sample_rate) == (1, 64000, 22050), name


def test_every_mp3_has_title_artist_and_album_tags(made):
    files, _ = made
    for name, data in files.items():
        if name.endswith(".mp3"):
            tags = ID3(io.BytesIO(data))
            assert tags["TPE1"].text == ["Kent County Council"], name
            assert tags["TALB"].text == ["Domestic Abuse Strategy"], name
            assert tags["TIT2"].text[0], name
            assert tags["TSSE"].text[0].startswith("altformats"), name
    assert ID3(io.BytesIO(files["02 Getting help.mp3"]))["TIT2"].text == ["Getting help"]


def test_chapters_match_the_sections_in_title_order_and_timing(made, tmp_path):
    files, _ = made
    tags = ID3(io.BytesIO(files[WHOLE]))
    toc = tags.getall("CTOC")
    assert len(toc) == 1 and toc[0].flags == 3  # top level and ordered
    chapters = {c.element_id: c for c in tags.getall("CHAP")}
    ordered = [chapters[element_id] for element_id in toc[0].child_element_ids]
    assert [c.sub_frames["TIT2"].text[0] for c in ordered] == \
        ["Introduction", "Foreword", "Getting help", "Our priorities", "Notes"]
    assert ordered[0].start_time == 0
    for before, after in zip(ordered, ordered[1:]):
        assert before.end_time == after.start_time
    for chapter, name in zip(ordered, SECTION_FILES):
        section_seconds = decoded_seconds(files[name], tmp_path, "section.mp3")
        chapter_seconds = (chapter.end_time - chapter.start_time) / 1000
        assert chapter_seconds == pytest.approx(section_seconds, abs=0.05), name


def test_whole_document_decodes_to_the_length_of_its_chapters(made, tmp_path):
    files, _ = made
    last_end = max(c.end_time for c in ID3(io.BytesIO(files[WHOLE])).getall("CHAP")) / 1000
    assert decoded_seconds(files[WHOLE], tmp_path) == pytest.approx(last_end, abs=0.2)
    assert last_end > 30


def test_section_files_decode_to_speech_of_plausible_length(made, tmp_path):
    files, _ = made
    for name in SECTION_FILES:
        assert decoded_seconds(files[name], tmp_path) > 2.0, name


def test_playlist_lists_the_section_files_in_order(made):
    files, _ = made
    lines = files["Domestic Abuse Strategy.m3u"].decode("utf-8").splitlines()
    assert lines[0] == "#EXTM3U"
    assert [line for line in lines if not line.startswith("#")] == SECTION_FILES
    assert lines[2].startswith("#EXTINF:") and lines[2].endswith(",Introduction")


def test_progress_is_reported_as_sections_finish_and_ends_at_one(made):
    _, calls = made
    fractions = [fraction for fraction, _ in calls]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert sum(1 for _, what in calls if what.startswith("spoke section")) == 4


def test_pipeline_writes_the_audio_files_into_a_folder(tmp_path):
    report = write_output(support_strategy(), formats.output("mp3"), tmp_path, "strategy",
                          settings={"rate_wpm": 200}, score=False)
    assert report.ok, report.error
    assert sorted(p.name for p in report.paths) == sorted(EXPECTED_FILES)
    assert all(p.parent == tmp_path / "strategy-audio" for p in report.paths)
    assert report.settings["rate_wpm"] == 200


def test_44100_hz_setting_gives_44100_hz_files_whose_chapters_still_match(tmp_path):
    from .documents import numbered_sections
    files = write(numbered_sections(2), AudioProfile(sample_rate=44100)).value
    whole = files["Council Plan.mp3"]
    assert MP3(io.BytesIO(whole)).info.sample_rate == 44100
    last_end = max(c.end_time for c in ID3(io.BytesIO(whole)).getall("CHAP")) / 1000
    path = tmp_path / "whole.mp3"
    path.write_bytes(whole)
    raw = subprocess.run(["sox", str(path), "-t", "raw", "-e", "signed", "-b", "16", "-c", "1", "-"],
                         capture_output=True, check=True).stdout
    assert len(raw) / 2 / 44100 == pytest.approx(last_end, abs=0.2)


def rms_dbfs(mp3: bytes, tmp_path: Path, name: str) -> float:
    """Loudness of the decoded speech (silence at the end left out), in dB below full scale."""
    import array
    import math

    path = tmp_path / name
    path.write_bytes(mp3)
    raw = subprocess.run(["sox", str(path), "-t", "raw", "-e", "signed", "-b", "16", "-c", "1", "-"],
                         capture_output=True, check=True).stdout
    samples = [s for s in array.array("h", raw) if abs(s) > 64]  # speech, not the pauses
    return 20 * math.log10(math.sqrt(sum(s * s for s in samples) / len(samples)) / 32768)


def test_every_section_file_has_the_same_loudness_within_2_db(made, tmp_path):
    # STANDARDS.md: even loudness, so a listener does not reach for the volume between sections.
    files, _ = made
    levels = [rms_dbfs(files[name], tmp_path, f"{n}.mp3") for n, name in enumerate(SECTION_FILES)]
    assert max(levels) - min(levels) <= 2.0, levels
    assert all(-30 <= level <= -10 for level in levels), levels  # audible, and not clipping
