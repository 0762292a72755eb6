"""`altformats check` on real folders: which config applies, what a folder walk skips,
files that cannot be read, and when the text output is coloured."""
from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EASY = "We pick up your bins every week.\n\nPut your bin out by 7am.\n"
HARD = ("Notwithstanding the aforementioned considerations, the authority's discretionary determination "
        "regarding eligibility remains fundamentally contingent upon comprehensive documentation substantiating "
        "the applicant's circumstances.\n")
LENIENT = ("max_reading_age = 50\nmin_flesch_reading_ease = -500\nmax_average_sentence_words = 100\n"
           "max_long_sentence_share = 1\n")


def run_check(*args, cwd: Path, prefix: list[str] | None = None, env: dict | None = None):
    return subprocess.run([*(prefix or []), sys.executable, "-m", "converter", "check", *map(str, args)],
                          cwd=cwd, capture_output=True, text=True, timeout=300, env=env)


def documents(result) -> dict:
    return {d["path"]: d for d in json.loads(result.stdout)["documents"]}


def test_the_config_nearest_to_each_checked_file_applies_not_the_one_where_the_command_runs(tmp_path):
    (tmp_path / ".altformats.toml").write_text('profile = "plain-english"\n', encoding="utf-8")
    (tmp_path / "legal").mkdir()
    (tmp_path / "legal" / "pyproject.toml").write_text("[tool.altformats]\n" + LENIENT, encoding="utf-8")
    (tmp_path / "legal" / "notice.txt").write_text(HARD, encoding="utf-8")
    (tmp_path / "notice.txt").write_text(HARD, encoding="utf-8")
    result = run_check("legal/notice.txt", "notice.txt", "--format", "json", cwd=tmp_path)
    by_path = documents(result)
    assert by_path["legal/notice.txt"]["passed"] and by_path["legal/notice.txt"]["thresholds"]["max_reading_age"] == 50
    assert not by_path["notice.txt"]["passed"]
    assert result.returncode == 1


def test_altformats_toml_wins_over_pyproject_toml_in_the_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.altformats]\nmax_reading_age = 12\n", encoding="utf-8")
    (tmp_path / ".altformats.toml").write_text("max_reading_age = 7\n", encoding="utf-8")
    (tmp_path / "easy.txt").write_text(EASY, encoding="utf-8")
    doc = documents(run_check("easy.txt", "--format", "json", cwd=tmp_path))["easy.txt"]
    assert doc["thresholds"]["max_reading_age"] == 7


def test_pyproject_overrides_give_matching_paths_their_own_profile_and_limits(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.altformats]\nprofile = "plain-english"\n'
        '[[tool.altformats.overrides]]\npaths = ["easy-read/*"]\nprofile = "easy-read"\nmax_sentence_words = 6\n',
        encoding="utf-8")
    (tmp_path / "easy-read" / "deep").mkdir(parents=True)
    (tmp_path / "easy-read" / "deep" / "bins.txt").write_text(EASY, encoding="utf-8")
    (tmp_path / "bins.txt").write_text(EASY, encoding="utf-8")
    by_path = documents(run_check(".", "--format", "json", cwd=tmp_path / "easy-read"))
    assert by_path["deep/bins.txt"]["profile"] == "easy-read"
    assert by_path["deep/bins.txt"]["thresholds"]["max_sentence_words"] == 6
    assert [f["rule"] for f in by_path["deep/bins.txt"]["failures"]] == ["max_sentence_words"]
    assert documents(run_check("bins.txt", "--format", "json", cwd=tmp_path))["bins.txt"]["profile"] == "plain-english"


def test_a_folder_is_checked_recursively_skipping_hidden_and_tool_folders(tmp_path):
    for folder in ("guides/deep", ".git", ".venv/lib", "node_modules/pkg", "guides/__pycache__"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "README.md").write_text(HARD, encoding="utf-8")
    (tmp_path / "guides" / "deep" / "README.md").write_text(EASY, encoding="utf-8")
    (tmp_path / "guides" / ".draft.md").write_text(HARD, encoding="utf-8")
    result = run_check(".", "--format", "json", cwd=tmp_path)
    assert list(documents(result)) == ["guides/deep/README.md"]
    assert result.returncode == 0


def _without_root_override() -> list[str]:
    """As root, file permissions do not stop reads; drop the capabilities that bypass them."""
    if os.geteuid() != 0:
        return []
    assert shutil.which("setpriv"), "setpriv (util-linux) is needed to test unreadable files as root"
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def test_unreadable_or_missing_files_and_folders_exit_2_with_a_clear_message_and_the_rest_are_still_reported(tmp_path):
    (tmp_path / "easy.txt").write_text(EASY, encoding="utf-8")
    (tmp_path / "locked.md").write_text(EASY, encoding="utf-8")
    (tmp_path / "locked.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "inside.txt").write_text(EASY, encoding="utf-8")
    for name in ("locked.md", "locked.docx", "closed"):
        (tmp_path / name).chmod(0)
    try:
        result = run_check(".", "gone.md", cwd=tmp_path, prefix=_without_root_override())
    finally:
        for name in ("locked.md", "locked.docx", "closed"):
            (tmp_path / name).chmod(0o700)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "PASS easy.txt" in result.stdout
    assert "locked.md: cannot be read (Permission denied)" in result.stdout
    assert "locked.docx: cannot be read (Permission denied)" in result.stdout
    assert "closed: this folder cannot be read (Permission denied)" in result.stdout
    assert "ERROR gone.md" in result.stdout
    assert "4 could not be checked" in result.stdout


def _run_on_a_terminal(args: list[str], cwd: Path, env: dict) -> str:
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "converter", "check", *args], cwd=cwd, env=env,
                               stdin=follower, stdout=follower, stderr=follower, close_fds=True)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=300)
    os.close(leader)
    return output.decode("utf-8", "replace")


def _terminal_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["TERM"] = "xterm-256color"
    return {**env, **extra}


def test_text_is_coloured_on_a_terminal(tmp_path):
    (tmp_path / "easy.txt").write_text(EASY, encoding="utf-8")
    assert "\x1b[" in _run_on_a_terminal(["easy.txt"], tmp_path, _terminal_env())


def test_no_color_turns_colour_off_on_a_terminal(tmp_path):
    (tmp_path / "easy.txt").write_text(EASY, encoding="utf-8")
    out = _run_on_a_terminal(["easy.txt"], tmp_path, _terminal_env(NO_COLOR="1"))
    assert "PASS easy.txt" in out and "\x1b[" not in out
