"""Machine outputs of `altformats check` with awkward file names, and the documented JSON schema."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
JSON_SCHEMA = ROOT / "converter" / "data" / "readability-check.schema.json"
SARIF_SCHEMA = ROOT / "tests" / "schemas" / "sarif-2.1.0-rtm.5.json"
HARD = ("Notwithstanding the aforementioned considerations, the authority's discretionary determination "
        "regarding eligibility remains fundamentally contingent upon comprehensive documentation substantiating "
        "the applicant's circumstances.\n")
AWKWARD = "a,b:c 100%.md"  # a comma, a colon, a space and a percent sign
# RFC 3986 relative reference: unreserved, sub-delims, ":" "@" "/" and %XX only; no ":" before the first "/"
URI_REFERENCE = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=@/]|%[0-9A-F]{2})(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*")


def run_check(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "converter", "check", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def awkward(tmp_path: Path) -> Path:
    (tmp_path / AWKWARD).write_text("# Rules\n\n" + HARD, encoding="utf-8")
    return tmp_path


def _github_unescape(value: str) -> str:
    for code, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        value = value.replace(code, char)
    return value


def test_github_annotations_escape_comma_colon_and_percent_in_file_names(awkward):
    lines = run_check(".", "--format", "github", cwd=awkward).stdout.splitlines()
    assert lines
    for line in lines:
        match = re.fullmatch(r"::(error|warning) file=([^,:]+),line=(\d+),title=([^,:]+)::(.+)", line)
        assert match, line
        assert _github_unescape(match.group(2)) == AWKWARD
    assert any(line.startswith("::warning file=a%2Cb%3Ac 100%25.md,line=3,") for line in lines)


def test_github_annotation_messages_escape_percent_and_line_breaks(tmp_path):
    (tmp_path / "rates.txt").write_text(
        "Notwithstanding the aforementioned considerations, 100% of applicants' discretionary determinations "
        "remain fundamentally contingent upon comprehensive documentation substantiating circumstances.\n",
        encoding="utf-8")
    lines = run_check("rates.txt", "--format", "github", cwd=tmp_path).stdout.splitlines()
    hard = [line for line in lines if "Very hard sentence" in line]
    assert hard and "100%25 of applicants" in hard[0] and "100% " not in hard[0]


def test_sarif_locations_are_valid_uri_references_for_awkward_file_names(awkward):
    log = json.loads(run_check(".", "--format", "sarif", cwd=awkward).stdout)
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text("utf-8"))).validate(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert len(uris) == 1
    uri = uris.pop()
    assert URI_REFERENCE.fullmatch(uri) and unquote(uri) == AWKWARD, uri


def test_json_output_validates_against_its_documented_schema(awkward):
    (awkward / "broken.docx").write_bytes(b"PK\x03\x04 damaged")
    (awkward / "easy.txt").write_text("We pick up your bins every week.\n", encoding="utf-8")
    data = json.loads(run_check(".", "--format", "json", cwd=awkward).stdout)
    assert data["schema_version"] == 1 and len(data["documents"]) == 3
    jsonschema.Draft202012Validator(json.loads(JSON_SCHEMA.read_text("utf-8"))).validate(data)


def test_the_json_schema_refuses_keys_it_does_not_document(awkward):
    data = json.loads(run_check(".", "--format", "json", cwd=awkward).stdout)
    data["documents"][0]["figures"]["new_figure"] = 1.0
    validator = jsonschema.Draft202012Validator(json.loads(JSON_SCHEMA.read_text("utf-8")))
    assert not validator.is_valid(data)
