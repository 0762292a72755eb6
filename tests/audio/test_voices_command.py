"""`altformats voices` lists the installed voices and marks the default."""
from __future__ import annotations

from click.testing import CliRunner

from converter.cli import cli


def test_voices_lists_british_english_marked_as_default():
    result = CliRunner().invoke(cli, ["voices", "--language", "en"])
    assert result.exit_code == 0, result.output
    default_lines = [line for line in result.output.splitlines() if line.startswith("*")]
    assert len(default_lines) == 1
    assert "en-gb" in default_lines[0] and "English (Great Britain)" in default_lines[0]
    assert "en-us" in result.output


def test_voices_lists_every_installed_voice_with_id_language_and_name():
    result = CliRunner().invoke(cli, ["voices"])
    assert result.exit_code == 0
    header, *rows, summary = result.output.splitlines()
    assert header.split() == ["id", "language", "name"]
    assert summary.startswith(f"{len(rows)} voice(s).") and len(rows) > 50
