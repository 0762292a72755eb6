"""Fifty sections spoken one after another, every file checked: the engine must never drop one."""
from __future__ import annotations

import io
import wave

from converter.profiles import AudioProfile
from converter.writers.audio.synthesis import SpeechSection, synthesise_section
from converter.writers.audio.wav_check import check_wav


def test_fifty_sections_in_a_row_each_give_a_complete_verified_wav():
    profile = AudioProfile()
    lengths = []
    for index in range(1, 51):
        text = f"Section {index}. Residents can ask for this document in large print, easy read or audio."
        section = SpeechSection(index, f"Part {index}", text)
        wav = synthesise_section(section, profile)
        with wave.open(io.BytesIO(wav)) as audio:
            assert (audio.getnchannels(), audio.getframerate()) == (1, 22050)
        lengths.append(check_wav(wav, section.words, profile.rate_wpm).seconds)
    assert len(lengths) == 50
    # Same words but the number: every section the same length to within a second,
    # so none came out truncated, empty or at another rate.
    assert max(lengths) - min(lengths) < 1.0


def test_ten_sections_in_a_row_through_the_subprocess_engine_each_verified(monkeypatch):
    monkeypatch.setenv("ALTFORMATS_SPEECH_PROCESS", "subprocess")
    profile = AudioProfile()
    for index in range(1, 11):
        section = SpeechSection(index, f"Part {index}", f"Part {index}. Bins are collected every week.")
        assert check_wav(synthesise_section(section, profile), section.words, profile.rate_wpm).seconds > 1
