"""`altformats convert` and `altformats formats`: one document into every format."""
from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from .. import formats
from ..errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_PARTIAL
from ..pipeline import convert as run_convert
from ..pipeline import default_outputs
from ..profiles import LargePrintProfile
from .notes import grouped_notes


def _human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return str(size)


def _reading_age(readability: dict | None) -> str:
    if not readability:
        return "-"
    age = readability.get("reading_age")
    return f"{age:.1f}" if isinstance(age, (int, float)) else "-"


def _flesch(readability: dict | None) -> str:
    if not readability:
        return "-"
    value = readability.get("flesch_reading_ease")
    return f"{value:.0f}" if isinstance(value, (int, float)) else "-"


@click.command("convert")
@click.argument("file", type=click.Path(path_type=Path))  # a folder is refused by read_path, with what to do
@click.option("--to", "to", default=None, metavar="FORMAT,...",
              help="Outputs to make, comma separated (see 'altformats formats'). Default: all.")
@click.option("--out", "out_dir", default="out", type=click.Path(path_type=Path),
              show_default=True, help="Folder for the outputs.")
@click.option("--font-size", type=float, default=None,
              help="Large print body size in points, 16 to 28 (default 18).")
@click.option("--voice", default=None, help="Voice for audio (see 'altformats voices').")
@click.option("--rate", "rate_wpm", type=click.IntRange(80, 400), default=None,
              help="Speaking rate for audio, words per minute (default 160).")
@click.option("--approved", is_flag=True, help="Mark the easy read as approved (no DRAFT label).")
@click.option("--password", default=None, help="Password for an encrypted PDF.")
@click.option("--no-scores", is_flag=True, help="Skip readability scores.")
@click.option("--quiet", is_flag=True, help="Print only the summary.")
@click.option("--debug", is_flag=True, help="Show full tracebacks for errors.")
def convert(file, to, out_dir, font_size, voice, rate_wpm, approved, password, no_scores, quiet, debug):
    """Convert FILE (DOCX or PDF) into accessible formats.

    Ends with a table of what was made. Exit 0: all made; 1: some outputs
    failed; 2: the file could not be read or the options are wrong.
    """
    names = [n.strip() for n in to.split(",") if n.strip()] if to else default_outputs()
    specs = [formats.output(n) for n in names]  # unknown names fail here, exit 2
    if font_size is not None:
        LargePrintProfile(font_size=font_size)  # out of 16-28: a SettingsError saying what to use instead, exit 2
    settings = {"font_size": font_size, "voice": voice, "rate_wpm": rate_wpm,
                "approved": approved or None}
    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        report = run_convert(file, [s.name for s in specs], out_dir, settings, None,
                             password=password, score=not no_scores)
    else:
        with Progress(SpinnerColumn(), TextColumn("{task.description:<18}"), BarColumn(),
                      TextColumn("{task.fields[detail]}"), TimeElapsedColumn(),
                      console=console, transient=True) as bar:
            tasks = {"read": bar.add_task("reading", total=None, detail=file.name)}
            for spec in specs:
                tasks[spec.name] = bar.add_task(spec.name, total=1.0, detail="waiting", start=False)

            def progress(name, fraction, detail):
                task = tasks.get(name)
                if task is None:
                    return
                if name != "read":
                    bar.update(tasks["read"], total=1, completed=1, detail="done")
                    bar.start_task(task)
                bar.update(task, completed=fraction if fraction is not None else 0, detail=detail)

            report = run_convert(file, [s.name for s in specs], out_dir, settings, progress,
                                 password=password, score=not no_scores)
    _print_summary(report, out_dir)
    return EXIT_PARTIAL if report.failed else EXIT_OK


def _print_summary(report, out_dir: Path) -> None:
    out = Console()
    if not out.is_terminal:  # logs and pipes: wide enough that names are never cut
        out = Console(width=160)
    doc = report.document
    out.print(f"[bold]{doc.title}[/bold] ({report.source.name}, read in {report.read_seconds:.1f} s)")
    for line in grouped_notes(report.read_messages):
        out.print(f"  [yellow]note:[/yellow] {escape(line)}")
    table = Table(title=f"Made in {out_dir}", title_justify="left")
    for column in ("format", "file", "size", "seconds", "reading age", "Flesch"):
        table.add_column(column, justify="right" if column in ("size", "seconds", "reading age", "Flesch") else "left")
    table.add_row("source", report.source.name, _human_size(report.source.stat().st_size),
                  f"{report.read_seconds:.1f}", _reading_age(report.source_readability),
                  _flesch(report.source_readability))
    for o in report.outputs:
        if o.ok:
            shown = o.paths[0].parent if len(o.paths) > 1 else (o.paths[0] if o.paths else Path("-"))
            label = f"{shown.name}/ ({len(o.paths)} files)" if len(o.paths) > 1 else shown.name
            table.add_row(o.name, label, _human_size(o.size), f"{o.seconds:.1f}",
                          _reading_age(o.readability), _flesch(o.readability))
        else:
            table.add_row(f"[red]{o.name}[/red]", "[red]FAILED[/red]", "-", f"{o.seconds:.1f}", "-", "-")
    out.print(table)
    for o in report.outputs:
        if not o.ok:
            out.print(f"[red]{o.name} failed:[/red] {o.error}")
        for line in grouped_notes(o.messages):
            out.print(f"  [yellow]{o.name}:[/yellow] {escape(line)}")


@click.command("formats")
def formats_command():
    """List the outputs altformats can make."""
    table = Table(title="Outputs")
    for column in ("name", "file", "what it is", "for"):
        table.add_column(column)
    available = formats.available_outputs()
    for name, spec in formats.OUTPUTS.items():
        status = "" if name in available else " (not installed)"
        table.add_row(name, spec.extension or "folder", spec.description + status, spec.audience)
    Console().print(table)
    return EXIT_OK


__all__ = ["convert", "formats_command", "EXIT_BAD_INPUT"]
