"""Paths -> readability check results: find files, read, drop ignored passages, score, judge.

A document fails when any figure is past its limit (config.Thresholds).
Sentences are located back in text, Markdown and HTML sources so machine
outputs can point at a line; DOCX and PDF findings point at the file.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import AltformatsError
from ..model import Document, Paragraph, inline_text
from . import DocumentScore, ScoringOptions, SentenceScore, score_document
from .config import Config, Thresholds, config_for

CHECKABLE = (".docx", ".pdf", ".html", ".htm", ".md", ".markdown", ".txt")
TEXT_LIKE = (".html", ".htm", ".md", ".markdown", ".txt")
IGNORE_START, IGNORE_END = "altformats: ignore-start", "altformats: ignore-end"
_COMMENT_REGION = re.compile(r"<!--\s*altformats:\s*ignore-start\s*-->.*?(?:<!--\s*altformats:\s*ignore-end\s*-->|\Z)",
                             re.DOTALL | re.IGNORECASE)
_LINE_REGION = re.compile(r"(?im)^[^\n]*altformats:\s*ignore-start.*?(?:altformats:\s*ignore-end[^\n]*|\Z)", re.DOTALL)


@dataclass
class Failure:
    rule: str  # the threshold's name, e.g. "max_reading_age"
    message: str
    actual: float
    limit: float


@dataclass
class Finding:
    """One sentence worth pointing at: too long, hard or very hard."""

    sentence: SentenceScore
    rule: str  # "max_sentence_words", "very-hard-sentence", "hard-sentence"
    level: str  # "error" fails the document; "warning" does not
    message: str
    line: int | None = None


@dataclass
class DocumentCheck:
    path: Path
    profile: str
    thresholds: Thresholds | None = None
    score: DocumentScore | None = None
    failures: list[Failure] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # the file could not be checked
    warnings: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.error is None and not self.failures


SKIPPED_FOLDERS = {"node_modules", "__pycache__", "site-packages"}  # and every hidden folder (.git, .venv)


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_FOLDERS


def walk_folder(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Checkable files under folder (sorted, hidden and tool folders skipped), and folders that could not be read."""
    found: list[Path] = []
    unreadable: list[tuple[Path, str]] = []

    def note(error: OSError) -> None:
        unreadable.append((Path(error.filename or folder), error.strerror or str(error)))

    for root, dirs, files in os.walk(folder, onerror=note):
        dirs[:] = sorted(d for d in dirs if not _skipped(d))
        found += [Path(root, f) for f in sorted(files)
                  if not f.startswith(".") and Path(f).suffix.lower() in CHECKABLE]
    return found, unreadable


def collect_paths(paths: list[Path], config: Config | None = None, cache: dict | None = None
                  ) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files named, and checkable files in folders named (recursively), minus excluded ones;
    and the folders that could not be read, with why. config None: each file's nearest config."""
    cache = {} if cache is None else cache
    found: list[Path] = []
    unreadable: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            files, bad = walk_folder(path)
            found += files
            unreadable += bad
        else:
            found.append(path)
    return [p for p in found if not (config or config_for(p, cache)).excluded(p)], unreadable


def strip_ignored_source(text: str, suffix: str) -> str:
    """Blank out ignored passages, keeping line numbers."""
    pattern = _LINE_REGION if suffix == ".txt" else _COMMENT_REGION
    return pattern.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def strip_ignored_blocks(doc: Document) -> Document:
    """Drop top-level blocks between paragraphs that hold the ignore markers (DOCX, PDF)."""
    kept, ignoring = [], False
    for block in doc.blocks:
        text = inline_text(block.inlines).lower() if isinstance(block, Paragraph) else ""
        if IGNORE_START in text:
            ignoring = True
        elif IGNORE_END in text:
            ignoring = False
        elif not ignoring:
            kept.append(block)
    return doc.with_blocks(kept)


def read_for_check(path: Path) -> tuple[Document, str | None, list[str]]:
    """The document with ignored passages removed, its source text (text-like files) and warnings."""
    from ..pipeline import read_bytes, read_path

    suffix = path.suffix.lower()
    if suffix in TEXT_LIKE and path.is_file():
        from ..readers.text import decode
        from ..result import MessageLog

        raw = path.read_bytes()
        log = MessageLog()
        source = decode(raw, str(path), log) if raw.strip() else ""
        stripped = strip_ignored_source(source, suffix)
        result = read_bytes(stripped.encode("utf-8") if stripped != source else raw, str(path))
        return result.value, source, [str(m) for m in result.warnings]
    result = read_path(path)
    return strip_ignored_blocks(result.value), None, [str(m) for m in result.warnings]


def locate_lines(source: str, sentences: list[SentenceScore]) -> list[int | None]:
    """Line number of each sentence in the source, searching forward from the last one found."""
    lines, position = [], 0
    for sentence in sentences:
        words = re.findall(r"\w+", sentence.text)[:6]
        if not words:
            lines.append(None)
            continue
        pattern = re.compile(r"\W+(?:[^\w<]*<[^>]*>)*\W*".join(map(re.escape, words)))
        match = pattern.search(source, position) or pattern.search(source)
        if match:
            position = match.start()
            lines.append(source.count("\n", 0, match.start()) + 1)
        else:
            lines.append(None)
    return lines


def judge(score: DocumentScore, limits: Thresholds) -> list[Failure]:
    f = score.figures
    checks = [
        ("max_reading_age", f.reading_age, limits.max_reading_age, "Reading age {a} is above {l}", max),
        ("min_flesch_reading_ease", f.flesch_reading_ease, limits.min_flesch_reading_ease,
         "Flesch Reading Ease {a} is below {l}", min),
        ("max_average_sentence_words", f.average_sentence_words, limits.max_average_sentence_words,
         "Average sentence is {a} words, over {l}", max),
        ("max_sentence_words", f.longest_sentence_words, limits.max_sentence_words,
         "Longest sentence is {a} words, over {l}", max),
        ("max_long_sentence_share", round(100 * f.long_sentence_share, 1),
         _percent(limits.max_long_sentence_share),
         "{a}% of sentences are over " + str(limits.long_sentence_words) + " words (limit {l}%)", max),
        ("max_hard_word_share", round(100 * f.hard_word_share, 1), _percent(limits.max_hard_word_share),
         "{a}% of words are hard words (limit {l}%)", max),
        ("max_passive_share", round(100 * f.passive_share, 1), _percent(limits.max_passive_share),
         "{a}% of sentences look passive (limit {l}%)", max),
    ]
    failures = []
    for rule, actual, limit, text, kind in checks:
        if limit is None or not f.words:
            continue
        if (kind is max and actual > limit) or (kind is min and actual < limit):
            failures.append(Failure(rule, text.format(a=actual, l=limit), actual, limit))
    return failures


def _percent(share: float | None) -> float | None:
    return None if share is None else round(100 * share, 1)


def findings_for(score: DocumentScore, limits: Thresholds, lines: list[int | None]) -> list[Finding]:
    out = []
    for sentence, line in zip(score.sentences, lines):
        if limits.max_sentence_words is not None and sentence.words > limits.max_sentence_words:
            out.append(Finding(sentence, "max_sentence_words", "error",
                               f"Sentence of {sentence.words} words (limit {limits.max_sentence_words})", line))
        elif sentence.difficulty != "easy":
            rule = sentence.difficulty.replace(" ", "-") + "-sentence"
            out.append(Finding(sentence, rule, "warning",
                               f"{sentence.difficulty.capitalize()} sentence: reading age {sentence.reading_age}, "
                               f"{sentence.words} words", line))
    out.sort(key=lambda f: (f.level != "error", -f.sentence.reading_age))
    return out


def check_file(path: Path, config: Config, profile: str | None = None) -> DocumentCheck:
    name, limits = config.thresholds_for(path, profile)
    result = DocumentCheck(path, name, limits)
    try:
        doc, source, result.warnings = read_for_check(path)
    except AltformatsError as exc:
        result.error = str(exc) if exc.path else f"{path}: {exc}"
        return result
    except OSError as exc:
        result.error = cannot_read(path, exc)
        return result
    options = ScoringOptions(long_sentence_words=limits.long_sentence_words, allow_words=config.allow_words)
    result.score = score_document(doc, options)
    result.warnings += result.score.warnings
    if not result.score.figures.words:
        result.warnings.append("There is no text to score (pictures only, or everything ignored); it passes.")
    lines = locate_lines(source, result.score.sentences) if source else [None] * len(result.score.sentences)
    result.failures = judge(result.score, limits)
    result.findings = findings_for(result.score, limits, lines)
    return result


def cannot_read(path: Path, exc: OSError) -> str:
    return (f"{path}: cannot be read ({exc.strerror or exc}).\n"
            "  What to do: check that the file exists and that you have permission to read it.")


def check_paths(paths: list[Path], config: Config | None = None, profile: str | None = None) -> list[DocumentCheck]:
    """Check every file in paths. config None: each file uses the config file nearest to it."""
    cache: dict = {}
    files, unreadable = collect_paths(paths, config, cache)
    checks = [check_file(path, config or config_for(path, cache), profile) for path in files]
    for folder, why in unreadable:
        checks.append(DocumentCheck(folder, profile or "plain-english",
                                    error=f"{folder}: this folder cannot be read ({why}), so its documents "
                                          "were not checked.\n  What to do: check that you have permission "
                                          "to open it, or leave it out of the paths checked."))
    return checks


def exit_code(checks: list[DocumentCheck]) -> int:
    """0 all passed, 1 a document failed its thresholds, 2 a file could not be checked."""
    if not checks or any(c.error for c in checks):
        return 2
    return 1 if any(c.failures for c in checks) else 0
