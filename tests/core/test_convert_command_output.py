"""What `altformats convert` and `altformats formats` print: progress on a terminal, then the summary."""
from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import docx

from converter.formats import OUTPUTS

ALTFORMATS = Path(sys.executable).with_name("altformats")


def on_a_terminal(argv: list[str]) -> tuple[int, str]:
    """Run with stdout and stderr on a pseudo-terminal (so the command thinks a person is watching)."""
    leader, follower = pty.openpty()
    child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower,
                             env={**os.environ, "COLUMNS": "160", "TERM": "xterm"})
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return child.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_formats_lists_every_output_by_name():
    listed = subprocess.run([str(ALTFORMATS), "formats"], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "COLUMNS": "200"})
    assert listed.returncode == 0, listed.stderr
    assert [name for name in OUTPUTS if name not in listed.stdout] == []


def test_progress_is_shown_on_a_terminal_before_the_summary_table(tmp_path):
    word = docx.Document()
    word.add_heading("Street lighting", level=1)
    word.add_paragraph("We repair broken street lights within five working days.")
    word.save(tmp_path / "lights.docx")
    code, shown = on_a_terminal([str(ALTFORMATS), "convert", str(tmp_path / "lights.docx"), "--to", "text,html",
                                 "--out", str(tmp_path / "out"), "--no-scores"])
    assert code == 0, shown
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown)
    progress_at = plain.find("reading")
    assert progress_at != -1 and "lights.docx" in plain[progress_at:progress_at + 200], plain
    summary_at = plain.find("Made in")
    assert summary_at > progress_at, plain
    assert "lights.txt" in plain[summary_at:] and "lights.html" in plain[summary_at:]
