"""Check results -> JSON, SARIF 2.1.0, JUnit XML, GitHub Actions annotations and terminal text."""
from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree as ET

from .. import provenance
from .check import DocumentCheck

RULES = {
    "max_reading_age": "Reading age above the limit",
    "min_flesch_reading_ease": "Flesch Reading Ease below the limit",
    "max_average_sentence_words": "Average sentence too long",
    "max_sentence_words": "Sentence longer than the limit",
    "max_long_sentence_share": "Too many long sentences",
    "max_hard_word_share": "Too many hard words",
    "max_passive_share": "Too much passive voice",
    "hard-sentence": "Hard sentence (reading age 15 or more)",
    "very-hard-sentence": "Very hard sentence (reading age 19 or more)",
    "unreadable-file": "The file could not be checked",
}
JSON_SCHEMA_VERSION = 1  # converter/data/readability-check.schema.json; bump when a key changes
HELP_URI = "https://www.gov.uk/guidance/content-design/writing-for-gov-uk"


def display_path(path: Path) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return path.as_posix()


def to_json(checks: list[DocumentCheck]) -> str:
    docs = []
    for c in checks:
        item = {"path": display_path(c.path), "profile": c.profile, "passed": c.passed, "error": c.error,
                "thresholds": asdict(c.thresholds) if c.thresholds else None,
                "failures": [asdict(f) for f in c.failures], "warnings": c.warnings}
        if c.score:
            item["figures"] = asdict(c.score.figures)
            item["sections"] = [{"title": s.title, "figures": asdict(s.figures)} for s in c.score.sections]
            item["sentences"] = [_sentence_json(s) for s in c.score.sentences]
            item["findings"] = [{"rule": f.rule, "level": f.level, "message": f.message, "line": f.line,
                                 "text": f.sentence.text} for f in c.findings]
        docs.append(item)
    return json.dumps({"schema_version": JSON_SCHEMA_VERSION, "generator": provenance.generator_string(),
                       "documents": docs}, indent=2) + "\n"


def _sentence_json(s) -> dict:
    return {"text": s.text, "kind": s.kind, "section": s.section, "words": s.words, "grade": s.grade,
            "reading_age": s.reading_age, "difficulty": s.difficulty, "hard_words": s.hard_words,
            "passive": s.passive}


def artifact_uri(path: Path) -> str:
    """The path as a relative URI reference (RFC 3986): spaces, %, : and the like percent-encoded."""
    return quote(display_path(path), safe="/")


def _location(path: Path, line: int | None) -> dict:
    physical = {"artifactLocation": {"uri": artifact_uri(path)}}
    if line:
        physical["region"] = {"startLine": line}
    return {"physicalLocation": physical}


def to_sarif(checks: list[DocumentCheck]) -> str:
    rule_ids = list(RULES)
    results, notes = [], []
    for c in checks:
        if c.error:
            notes.append({"level": "error", "message": {"text": c.error},
                          "locations": [_location(c.path, None)]})
            continue
        for f in c.failures:
            results.append({"ruleId": f.rule, "ruleIndex": rule_ids.index(f.rule), "level": "error",
                            "message": {"text": f"{f.message} (profile {c.profile})"},
                            "locations": [_location(c.path, 1)]})
        for f in c.findings:
            results.append({"ruleId": f.rule, "ruleIndex": rule_ids.index(f.rule), "level": f.level,
                            "message": {"text": f"{f.message}: \"{f.sentence.text}\""},
                            "locations": [_location(c.path, f.line)]})
    driver = {"name": "altformats", "version": provenance.generator_string().split()[-1].lstrip("v"),
              "informationUri": HELP_URI,
              "rules": [{"id": rid, "name": rid.replace("-", "_"), "shortDescription": {"text": text},
                         "helpUri": HELP_URI} for rid, text in RULES.items()]}
    run = {"tool": {"driver": driver}, "results": results,
           "properties": {"profiles": {display_path(c.path): {"profile": c.profile, **asdict(c.thresholds)}
                                       for c in checks if c.thresholds}},
           "invocations": [{"executionSuccessful": not notes, "toolExecutionNotifications": notes}]}
    log = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2) + "\n"


def to_junit(checks: list[DocumentCheck]) -> str:
    suite = ET.Element("testsuite", name="altformats readability", tests=str(len(checks)),
                       failures=str(sum(bool(c.failures) for c in checks)),
                       errors=str(sum(bool(c.error) for c in checks)))
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="generator", value=provenance.generator_string())
    for c in checks:
        case = ET.SubElement(suite, "testcase", classname=f"readability.{c.profile}", name=display_path(c.path))
        if c.error:
            ET.SubElement(case, "error", message="The file could not be checked").text = c.error
        elif c.failures:
            text = "\n".join(f.message for f in c.failures)
            hardest = [f'  line {f.line or "?"}: {f.sentence.text}' for f in c.findings[:5]]
            if hardest:
                text += "\nHardest sentences:\n" + "\n".join(hardest)
            ET.SubElement(case, "failure", message="; ".join(f.message for f in c.failures)).text = text
        if c.score:
            f = c.score.figures
            limits = ", ".join(f"{k}={v}" for k, v in asdict(c.thresholds).items() if v is not None)
            ET.SubElement(case, "system-out").text = (
                f"reading age {f.reading_age}, Flesch Reading Ease {f.flesch_reading_ease}, "
                f"{f.words} words, {f.sentences} sentences; profile {c.profile}: {limits}")
    root = ET.Element("testsuites")
    root.append(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(checks: list[DocumentCheck]) -> str:
    """GitHub Actions workflow commands: ::error file=…,line=…,title=…::message"""
    lines = []
    for c in checks:
        where = _escape_property(display_path(c.path))
        if c.error:
            lines.append(f"::error file={where},line=1,title=Cannot check::{_escape_data(c.error)}")
            continue
        for f in c.failures:
            lines.append(f"::error file={where},line=1,title={_escape_property(RULES[f.rule])}::"
                         f"{_escape_data(f.message)}")
        for f in c.findings:
            lines.append(f"::{f.level} file={where},line={f.line or 1},title={_escape_property(RULES[f.rule])}::"
                         f"{_escape_data(f.message + ': ' + f.sentence.text)}")
    return "\n".join(lines) + ("\n" if lines else "")


FORMATTERS = {"json": to_json, "sarif": to_sarif, "junit": to_junit, "github": to_github}
