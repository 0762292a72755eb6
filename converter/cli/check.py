"""`altformats check PATH...`: readability of documents against thresholds, for people and CI."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..errors import SettingsError
from ..pipeline import write_atomic


def colour_by_default(output_path) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM is dumb."""
    if output_path is not None or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


@click.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json", "sarif", "junit", "github"]),
              default="text", show_default=True, help="How to write the results.")
@click.option("--profile", type=click.Choice(["plain-english", "easy-read", "custom"]), default=None,
              help="Thresholds to check against (default: the config file's, else plain-english).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Config file (.altformats.toml or pyproject.toml) for every path. "
                   "Default: for each file, the nearest one in its folder or above.")
@click.option("--output", "output_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the results to this file instead of the screen.")
@click.option("--report-html", "report_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write an accessible HTML report with highlighted hard sentences and words.")
@click.option("--hardest", type=click.IntRange(0, 1000), default=5, show_default=True,
              help="How many of the hardest sentences to list per document (text format).")
@click.option("--colour/--no-colour", "colour", default=None,
              help="Colour the text output (default: on a terminal, unless NO_COLOR is set).")
def check(paths, output_format, profile, config_path, output_path, report_path, hardest, colour):
    """Check the readability of PATHS (DOCX, PDF, HTML, Markdown, text files or folders).

    Exit 0: every document passed; 1: a document failed its thresholds;
    2: the check could not run (a file could not be read, bad settings).
    """
    from ..readability.check import check_paths, exit_code
    from ..readability.config import load_file
    from ..readability.outputs import FORMATTERS
    from ..readability.terminal import to_text

    config = load_file(config_path) if config_path else None  # None: each file's nearest config
    checks = check_paths(list(paths), config, profile)
    if not checks:
        raise SettingsError("No documents to check in the paths given.",
                            hint="Name .docx, .pdf, .html, .md or .txt files, or folders holding them.")
    use_colour = False
    if output_format == "text":
        use_colour = colour if colour is not None else colour_by_default(output_path)
        text = to_text(checks, colour=use_colour, hardest=hardest)
    else:
        text = FORMATTERS[output_format](checks)
    if output_path:
        write_atomic(output_path, text.encode("utf-8"))
    else:
        click.echo(text, nl=False, color=use_colour)
    if report_path:
        from ..readability.report import render_report

        write_atomic(report_path, render_report(checks).encode("utf-8"))
    sys.exit(exit_code(checks))
