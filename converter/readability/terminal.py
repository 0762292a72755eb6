"""Check results -> human text for a terminal (coloured when it is one), hardest sentences first."""
from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape

from .check import DocumentCheck
from .outputs import display_path


def _figures_line(c: DocumentCheck) -> str:
    f = c.score.figures
    return (f"reading age {f.reading_age}, Flesch Reading Ease {f.flesch_reading_ease}, "
            f"{f.words} words, {f.sentences} sentences, average {f.average_sentence_words} words, "
            f"longest {f.longest_sentence_words}, hard words {round(100 * f.hard_word_share, 1)}%, "
            f"passive {round(100 * f.passive_share, 1)}%")


def _document(console: Console, c: DocumentCheck, hardest: int) -> None:
    name = escape(display_path(c.path))
    if c.error:
        console.print(f"[bold red]ERROR[/] {name}")
        console.print(f"  {escape(c.error)}")
        return
    verdict = "[bold green]PASS[/]" if c.passed else "[bold red]FAIL[/]"
    console.print(f"{verdict} {name}  [dim](profile {c.profile})[/]")
    console.print(f"  {_figures_line(c)}")
    for failure in c.failures:
        console.print(f"  [red]✗[/] {escape(failure.message)}")
    shown = c.findings[:hardest]
    if shown:
        console.print("  Hardest sentences:")
    for f in shown:
        where = f"line {f.line}" if f.line else escape(f.sentence.section or f.sentence.kind)
        label = "[red]very hard[/]" if f.sentence.difficulty == "very hard" else "[yellow]hard[/]"
        if f.rule == "max_sentence_words":
            label = "[red]too long[/]"
        text = escape(f.sentence.text if len(f.sentence.text) < 200 else f.sentence.text[:197] + "...")
        console.print(f"    {label} ({where}, reading age {f.sentence.reading_age}, {f.sentence.words} words): {text}")
        if f.sentence.hard_words:
            console.print(f"      hard words: {escape(', '.join(dict.fromkeys(f.sentence.hard_words)))}")
    if len(c.findings) > hardest:
        console.print(f"    [dim]... and {len(c.findings) - hardest} more (use --hardest N or --format json)[/]")
    for warning in c.warnings:
        console.print(f"  [yellow]warning:[/] {escape(warning)}")


def to_text(checks: list[DocumentCheck], *, colour: bool = False, hardest: int = 5, width: int = 100) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=colour, no_color=not colour, width=width,
                      color_system="standard" if colour else None,
                      highlight=False, soft_wrap=True)
    for c in checks:
        _document(console, c, hardest)
    passed = sum(c.passed for c in checks)
    failed = sum(bool(c.failures) for c in checks)
    errors = sum(bool(c.error) for c in checks)
    console.print(f"\n{len(checks)} document(s): {passed} passed, {failed} failed, {errors} could not be checked.")
    return buffer.getvalue()
