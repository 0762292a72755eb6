"""`altformats check`: exit codes, config and overrides, ignore markers, and every output format."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from junitparser import Error, Failure, JUnitXml

ROOT = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = ROOT / "tests" / "schemas" / "sarif-2.1.0-rtm.5.json"
EASY = "We pick up your bins every week.\n\nPut your bin out by 7am.\n\nCall us if we miss it.\n"
HARD = ("Notwithstanding the aforementioned considerations, the authority's discretionary determination "
        "regarding eligibility remains fundamentally contingent upon comprehensive documentation substantiating "
        "the applicant's circumstances.\n")


def run_check(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "converter", "check", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    (tmp_path / ".altformats.toml").write_text('profile = "plain-english"\n', encoding="utf-8")
    (tmp_path / "easy.txt").write_text(EASY, encoding="utf-8")
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / "hard.md").write_text("# Eligibility\n\n" + HARD, encoding="utf-8")
    return tmp_path


def test_exit_code_is_0_when_every_document_passes(docs):
    result = run_check("easy.txt", cwd=docs)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASS easy.txt" in result.stdout


def test_exit_code_is_1_when_a_document_fails_and_hardest_sentence_is_listed(docs):
    result = run_check(".", cwd=docs)
    assert result.returncode == 1
    assert "FAIL guides/hard.md" in result.stdout and "PASS easy.txt" in result.stdout
    assert "very hard (line 3" in result.stdout


@pytest.mark.parametrize("args,setup", [
    (["missing.txt"], None),
    (["broken.docx"], lambda d: (d / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")),
    (["easy.txt"], lambda d: (d / ".altformats.toml").write_text("max_reading_age = 'nine'\n")),
    (["easy.txt"], lambda d: (d / ".altformats.toml").write_text("max_reading_agee = 9\n")),
    (["easy.txt"], lambda d: (d / ".altformats.toml").write_text("profile = [unclosed\n")),
    (["easy.txt", "--format", "yaml"], None),
])
def test_exit_code_is_2_when_the_check_cannot_run_with_a_plain_message(docs, args, setup):
    if setup:
        setup(docs)
    result = run_check(*args, cwd=docs)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_config_override_applies_easy_read_limits_to_matching_paths(docs):
    (docs / ".altformats.toml").write_text(
        'profile = "plain-english"\n[[overrides]]\npaths = ["easy/*"]\nprofile = "easy-read"\n', encoding="utf-8")
    (docs / "easy").mkdir()
    long_sentence = "We will pick up your green garden waste bin from the end of your drive every other Monday morning.\n"
    (docs / "easy" / "bins.txt").write_text(long_sentence, encoding="utf-8")
    (docs / "bins.txt").write_text(long_sentence, encoding="utf-8")
    data = json.loads(run_check("bins.txt", "easy/bins.txt", "--format", "json", cwd=docs).stdout)
    by_path = {d["path"]: d for d in data["documents"]}
    assert by_path["easy/bins.txt"]["profile"] == "easy-read"
    assert "max_sentence_words" in [f["rule"] for f in by_path["easy/bins.txt"]["failures"]]
    assert "max_sentence_words" not in [f["rule"] for f in by_path["bins.txt"]["failures"]]


def test_pyproject_tool_altformats_section_is_read(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.altformats]\nmax_reading_age = 45\nmin_flesch_reading_ease = -200\n"
                                             "max_long_sentence_share = 1\nmax_average_sentence_words = 40\n", encoding="utf-8")
    (tmp_path / "hard.txt").write_text(HARD, encoding="utf-8")
    assert run_check("hard.txt", cwd=tmp_path).returncode == 0


def test_ignore_markers_remove_a_passage_in_text_markdown_and_html(tmp_path):
    (tmp_path / "a.txt").write_text(EASY + "\naltformats: ignore-start\n" + HARD + "altformats: ignore-end\n")
    (tmp_path / "b.md").write_text(EASY + "\n<!-- altformats: ignore-start -->\n" + HARD + "<!-- altformats: ignore-end -->\n")
    (tmp_path / "c.html").write_text("<p>We pick up your bins every week.</p><!-- altformats: ignore-start --><p>"
                                     + HARD + "</p><!-- altformats: ignore-end --><p>Call us if we miss it.</p>")
    result = run_check(".", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    for doc in json.loads(result.stdout)["documents"]:
        assert "Notwithstanding" not in json.dumps(doc["sentences"])


def test_sarif_output_validates_against_the_sarif_2_1_0_schema(docs):
    (docs / "broken.docx").write_bytes(b"PK\x03\x04 damaged")
    result = run_check(".", "--format", "sarif", cwd=docs)
    log = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    assert any(r["ruleId"] == "max_reading_age" and r["level"] == "error" for r in results)
    hard = [r for r in results if r["ruleId"] == "very-hard-sentence"]
    assert hard[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_junit_output_loads_in_junitparser_with_one_case_per_document(docs):
    out = docs / "results.xml"
    result = run_check(".", "--format", "junit", "--output", out, cwd=docs)
    assert result.returncode == 1 and result.stdout == ""
    suites = list(JUnitXml.fromfile(str(out)))
    cases = {case.name: case for case in suites[0]}
    assert set(cases) == {"easy.txt", "guides/hard.md"}
    assert cases["easy.txt"].is_passed
    assert isinstance(cases["guides/hard.md"].result[0], Failure)


def test_junit_records_an_unreadable_file_as_an_error(docs):
    (docs / "broken.docx").write_bytes(b"PK\x03\x04 damaged")
    result = run_check("broken.docx", "--format", "junit", cwd=docs)
    case = next(iter(next(iter(JUnitXml.fromstring(result.stdout.encode("utf-8"))))))
    assert isinstance(case.result[0], Error)


def test_github_annotations_use_the_workflow_command_form(docs):
    result = run_check(".", "--format", "github", cwd=docs)
    lines = result.stdout.strip().splitlines()
    assert lines
    for line in lines:
        assert re.fullmatch(r"::(error|warning) file=[^,:]+,line=\d+,title=[^:]+::\S.*", line), line
    assert any(line.startswith("::warning file=guides/hard.md,line=3,") for line in lines)


def test_json_output_has_document_section_and_sentence_figures(docs):
    data = json.loads(run_check("guides/hard.md", "--format", "json", cwd=docs).stdout)
    doc = data["documents"][0]
    assert doc["figures"]["sentences"] == 2 and doc["sections"][0]["title"] == "Eligibility"
    assert doc["sentences"][1]["difficulty"] == "very hard"


def test_profile_option_overrides_the_config_profile(docs):
    data = json.loads(run_check("easy.txt", "--profile", "easy-read", "--format", "json", cwd=docs).stdout)
    assert data["documents"][0]["profile"] == "easy-read"


def test_docx_from_the_corpus_is_checked(corpus, tmp_path):
    path = corpus / "documents" / "docx" / "uk_green_party_soc_rulings_report.docx"
    result = run_check(path, "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    figures = json.loads(result.stdout)["documents"][0]["figures"]
    assert figures["sentences"] > 100 and figures["words"] > 5000


def test_pdf_from_the_corpus_is_checked_and_an_encrypted_one_exits_2(corpus, tmp_path):
    good = corpus / "documents" / "pdf" / "uk_green_party_housing_retrofit_policy_5pp_tagged.pdf"
    result = run_check(good, "--format", "json", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(result.stdout)["documents"][0]["figures"]["words"] > 500
    locked = corpus / "documents" / "pdf" / "encrypted_user_password_required.pdf"
    result = run_check(locked, cwd=tmp_path)
    assert result.returncode == 2 and "ERROR" in result.stdout


def test_ignore_marker_paragraphs_remove_a_passage_in_a_word_document(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Bins", level=1)
    document.add_paragraph("We pick up your bins every week.")
    document.add_paragraph("altformats: ignore-start")
    document.add_paragraph(HARD.strip())
    document.add_paragraph("altformats: ignore-end")
    document.add_paragraph("Call us if we miss it.")
    document.save(tmp_path / "bins.docx")
    result = run_check("bins.docx", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    texts = [s["text"] for s in json.loads(result.stdout)["documents"][0]["sentences"]]
    assert texts == ["Bins", "We pick up your bins every week.", "Call us if we miss it."]


def test_convert_scores_the_source_and_each_output_in_its_manifest(tmp_path):
    source = tmp_path / "bins.md"
    source.write_text("# Bins\n\nWe pick up your bins every week.\n\n- Green bin\n- Black bin\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "converter", "convert", str(source), "--to", "text",
                             "--out", str(tmp_path / "out"), "--quiet"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "out" / "bins-manifest.json").read_text(encoding="utf-8"))
    assert manifest["source"]["readability"]["sentences"] == 4
    assert manifest["outputs"][0]["readability"]["reading_age"] > 0


def test_colour_flag_colours_the_text_and_pipes_stay_plain(docs):
    coloured = run_check(".", "--colour", cwd=docs).stdout
    plain = run_check(".", cwd=docs).stdout
    assert "\x1b[" in coloured and "\x1b[" not in plain


def test_text_output_lists_the_hardest_sentence_first(docs):
    (docs / "mixed.txt").write_text(
        "The council's revenues department processes applications for discretionary housing payments weekly.\n\n"
        + HARD, encoding="utf-8")
    out = run_check("mixed.txt", "--hardest", "2", cwd=docs).stdout
    listed = [line for line in out.splitlines() if "hard (line" in line]
    assert listed[0].lstrip().startswith("very hard (line 3")


def test_pre_commit_hook_runs_the_check_command_on_document_files():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "altformats-check")
    assert hook["entry"] == "altformats check" and hook["language"] == "python"
    for name in ("a.docx", "b.pdf", "c.html", "d.md", "e.txt"):
        assert re.search(hook["files"], name)
    assert not re.search(hook["files"], "setup.py")


def test_ignore_marker_paragraphs_remove_a_passage_in_a_pdf(tmp_path):
    source = tmp_path / "bins.md"
    source.write_text("# Bins\n\nWe pick up your bins every week.\n\naltformats: ignore-start\n\n" + HARD
                      + "\naltformats: ignore-end\n\nCall us if we miss it.\n", encoding="utf-8")
    made = subprocess.run([sys.executable, "-m", "converter", "convert", str(source), "--to", "large-print-pdf",
                           "--out", str(tmp_path / "out"), "--quiet"], capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    result = run_check("out/bins-large-print.pdf", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    texts = [s["text"] for s in json.loads(result.stdout)["documents"][0]["sentences"]]
    assert "We pick up your bins every week." in texts and "Call us if we miss it." in texts
    assert not any("Notwithstanding" in t or "altformats" in t.lower() and "ignore" in t for t in texts)
