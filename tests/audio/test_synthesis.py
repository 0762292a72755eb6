"""Speaking one section with the real pyttsx3 + espeak-ng engine, in a child process, verified."""
from __future__ import annotations

import io
import wave

import pytest

from converter.errors import OutputError, SettingsError
from converter.profiles import AudioProfile
from converter.writers.audio.synthesis import SpeechSection, installed_voices, synthesise_audio, synthesise_section
from converter.writers.audio.wav_check import BadAudio, check_wav

PROSE = ("Councils across the country provide many services to residents every day, including "
         "housing support, social care, libraries, waste collection and help for people who are "
         "experiencing domestic abuse at home. ")


def words_per_minute(words: int, seconds: float) -> float:
    return words / seconds * 60


def test_section_becomes_mono_16_bit_wav_at_22050_hz():
    wav = synthesise_section(SpeechSection(1, "Services", PROSE), AudioProfile())
    with wave.open(io.BytesIO(wav)) as audio:
        assert (audio.getnchannels(), audio.getsampwidth(), audio.getframerate()) == (1, 2, 22050)
        assert audio.getnframes() > 22050


@pytest.mark.parametrize("rate", [120, 160, 240])
def test_speech_lasts_within_a_plausible_words_per_minute_band_for_the_rate(rate):
    section = SpeechSection(1, "Services", PROSE * 2)
    audio = synthesise_audio(section, AudioProfile(rate_wpm=rate))
    assert 0.6 * rate <= words_per_minute(section.words, audio.seconds) <= 1.2 * rate


def test_faster_rate_gives_proportionally_shorter_audio():
    section = SpeechSection(1, "Services", PROSE * 2)
    slow = synthesise_audio(section, AudioProfile(rate_wpm=120)).seconds
    fast = synthesise_audio(section, AudioProfile(rate_wpm=240)).seconds
    assert 1.6 <= slow / fast <= 2.4


def test_long_section_is_spoken_to_the_end():
    section = SpeechSection(1, "Long", " ".join(f"Paragraph {n}. {PROSE}" for n in range(80)))
    audio = synthesise_audio(section, AudioProfile(rate_wpm=200))
    assert section.words > 2500
    assert 0.6 * 200 <= words_per_minute(section.words, audio.seconds) <= 1.2 * 200


def test_voice_can_be_named_by_language_id_or_name():
    section = SpeechSection(1, "Hello", "Hello, this is your council.")
    lengths = {voice: synthesise_audio(section, AudioProfile(voice=voice)).seconds
               for voice in ("en-gb", "gmw/en", "English (Great Britain)", "en-us")}
    assert lengths["en-gb"] == lengths["gmw/en"] == lengths["English (Great Britain)"]
    assert lengths["en-us"] != lengths["en-gb"]


def test_unknown_voice_is_a_settings_error_not_a_silent_fallback():
    with pytest.raises(SettingsError) as caught:
        synthesise_section(SpeechSection(1, "Hello", "Hello."), AudioProfile(voice="xx-martian"))
    assert "xx-martian" in caught.value.message and "altformats voices" in caught.value.hint


def test_section_over_its_time_limit_fails_after_a_retry_with_an_error_naming_it():
    # About 6,000 words: over a second of work for espeak-ng, far beyond a 0.05-second limit.
    slow = AudioProfile(section_timeout_s=0.05)
    with pytest.raises(OutputError) as caught:
        synthesise_section(SpeechSection(7, "Our priorities", PROSE * 200), slow)
    message = caught.value.message
    assert "section 07 'Our priorities'" in message
    assert message.count("longer than 0.05 seconds") == 2


def test_section_with_no_text_is_an_error_naming_it():
    with pytest.raises(OutputError, match="Section 3 'Empty' has no text"):
        synthesise_section(SpeechSection(3, "Empty", "  "), AudioProfile())


def test_installed_voices_include_british_english():
    voices = installed_voices()
    assert any("en-gb" in voice.languages for voice in voices)


def _wav(pcm: bytes, channels: int = 1, rate: int = 22050) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm)
    return buffer.getvalue()


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"RIFF\x00\x00not a wave file at all", "header is not valid"),
    (_wav(b""), "holds no audio"),
    (_wav(b"\x10\x27" * 22050 * 4, channels=2), "expected mono"),
    (_wav(b"\x00\x00" * 22050 * 4), "silent"),
    (_wav(b"\x10\x27\xf0\xd8" * 2000), "implausible"),
    (_wav(b"\x10\x27\xf0\xd8" * 22050 * 60), "implausible"),
])
def test_wav_check_rejects_missing_damaged_silent_or_implausible_audio(data, reason):
    with pytest.raises(BadAudio, match=reason):
        check_wav(data, words=10, rate_wpm=160)


def test_wav_check_accepts_audio_of_plausible_length():
    audio = check_wav(_wav(b"\x10\x27\xf0\xd8" * 22050 * 2), words=10, rate_wpm=160)
    assert audio.seconds == pytest.approx(4.0)


def test_subprocess_engine_gives_the_same_audio_as_the_fork_server(monkeypatch):
    section = SpeechSection(1, "Services", PROSE)
    forked = synthesise_section(section, AudioProfile())
    monkeypatch.setenv("ALTFORMATS_SPEECH_PROCESS", "subprocess")
    assert synthesise_section(section, AudioProfile()) == forked


def test_subprocess_engine_reports_an_unknown_voice_as_a_settings_error(monkeypatch):
    monkeypatch.setenv("ALTFORMATS_SPEECH_PROCESS", "subprocess")
    with pytest.raises(SettingsError):
        synthesise_section(SpeechSection(1, "Hello", "Hello."), AudioProfile(voice="xx-martian"))


def test_when_the_fork_server_cannot_start_a_child_the_subprocess_engine_is_used(monkeypatch):
    from converter.writers.audio import engine_process

    def refuse(request, timeout_s):  # what multiprocessing does inside a Celery prefork worker
        raise TypeError("Pickling an AuthenticationString object is disallowed for security reasons")

    monkeypatch.setattr(engine_process, "_FORK_SERVER_BROKEN", [])
    monkeypatch.setattr(engine_process, "run_forked", refuse)
    wav = synthesise_section(SpeechSection(1, "Hello", "Hello, this is your council."), AudioProfile())
    assert wav.startswith(b"RIFF")
    assert engine_process._FORK_SERVER_BROKEN and not engine_process.use_fork_server()


def test_a_voice_setting_is_looked_up_once_and_children_get_the_voice_id():
    from converter.writers.audio.synthesis import voice_request

    assert voice_request("en-gb") == {"voice_id": "gmw/en"}
    assert voice_request("English (Great Britain)") == {"voice_id": "gmw/en"}
    with pytest.raises(SettingsError):
        voice_request("xx-martian")


def test_engine_children_do_not_rerun_the_parents_main_script(tmp_path):
    """A child forked from multiprocessing's fork server re-runs the parent's main script
    (12 ms of imports a section for the altformats command) unless fork_server_preload stops it."""
    import subprocess
    import sys
    from pathlib import Path

    marker = tmp_path / "runs.txt"
    script = tmp_path / "main_script.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})\n"
        f"open({str(marker)!r}, 'a').write(__name__ + '\\n')\n"
        "from converter.profiles import AudioProfile\n"
        "from converter.writers.audio.synthesis import SpeechSection, synthesise_section\n"
        "if __name__ == '__main__':\n"
        "    for index in (1, 2, 3):\n"
        "        synthesise_section(SpeechSection(index, 'Hello', 'Hello, this is your council.'), AudioProfile())\n")
    subprocess.run([sys.executable, str(script)], check=True, capture_output=True, timeout=120)
    assert marker.read_text().splitlines() == ["__main__"]
