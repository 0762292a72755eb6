"""`altformats easy-read draft|render|figures`: a document -> an editable easy-read draft -> finished documents."""
from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from .. import formats
from ..errors import EXIT_OK, EXIT_PARTIAL, AltformatsError
from ..pipeline import output_basename, read_path, write_atomic, write_output
from ..profiles import EasyReadProfile

RENDERED = ("docx", "html", "pdf")


def _profile(approved: bool = False, font_size: float | None = None) -> EasyReadProfile:
    return EasyReadProfile(approved=approved, **({"font_size": font_size} if font_size else {}))


def _read_draft(path: Path):
    from ..readers.easy_read_draft import parse_draft
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise AltformatsError("The draft does not exist.", path=str(path), hint="Check the name and folder.") from None
    except UnicodeDecodeError:
        raise AltformatsError("The draft is not UTF-8 text.", path=str(path),
                              hint="Save it as plain UTF-8 text, or make it again with 'altformats easy-read draft'.") from None
    return parse_draft(text, source_name=path.name)


def _warn(messages) -> None:
    for message in messages:
        if message.level != "info":
            click.echo(f"  note: {message}", err=True)


@click.group("easy-read")
def easy_read():
    """Easy read: make a draft staff can edit, then the finished documents.

    \b
      altformats easy-read draft strategy.docx            -> out/strategy-easy-read-draft.md
      altformats easy-read render out/strategy-easy-read-draft.md --approved
      altformats easy-read figures strategy.docx --compare human-easy-read.txt
    """


@easy_read.command("draft")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path))
def draft(file: Path, out_dir: Path):
    """Write the easy-read draft of FILE (DOCX or PDF) for staff to edit."""
    source = read_path(file)
    _warn(source.messages)
    report = write_output(source.value, formats.output("easy-read-draft"), out_dir, file.stem, score=False)
    if not report.ok:
        raise AltformatsError(report.error or "The draft could not be made.", path=str(file))
    _warn(report.messages)
    click.echo(f"Draft written: {report.paths[0]}")
    click.echo(f"Edit it, then run: altformats easy-read render {report.paths[0]} --approved")
    return EXIT_OK


@easy_read.command("render")
@click.argument("draft_file", metavar="DRAFT", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--approved", is_flag=True, help="A person has checked the draft: no DRAFT label.")
@click.option("--to", "to", default=",".join(RENDERED), show_default=True, help="Which of docx, html, pdf to make.")
@click.option("--out", "out_dir", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the documents (default: the draft's folder).")
@click.option("--font-size", type=click.FloatRange(14, 24), default=None, help="Body text size, 14 to 24 (default 16).")
def render(draft_file: Path, approved: bool, to: str, out_dir: Path | None, font_size: float | None):
    """Make the easy-read documents from a DRAFT (edited or not)."""
    kinds = [k.strip().lower().removeprefix("easy-read-") for k in to.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in RENDERED]
    if unknown:
        raise click.UsageError(f"Unknown --to value(s): {', '.join(unknown)}. Choose from {', '.join(RENDERED)}.")
    parsed = _read_draft(draft_file)
    _warn(parsed.messages)
    profile = _profile(approved, font_size)
    out = out_dir or draft_file.parent
    stem = draft_file.stem.removesuffix("-easy-read-draft").removesuffix("-easy-read")
    failed = False
    for kind in kinds:
        spec = formats.output(f"easy-read-{kind}")
        try:
            written = formats.load(spec.writer)(parsed.value, profile)
        except AltformatsError as exc:
            click.echo(f"{spec.name} failed: {exc}", err=True)
            failed = True
            continue
        target = out / output_basename(stem, spec)
        write_atomic(target, written.value)
        _warn(written.messages)
        click.echo(f"{'Approved' if approved else 'DRAFT'} {kind}: {target}")
    return EXIT_PARTIAL if failed else EXIT_OK


@easy_read.command("figures")
@click.argument("file", metavar="FILE_OR_DRAFT", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--compare", "compare", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A reference easy read as plain text (for example one a person wrote).")
@click.option("--source", "source_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The full document a draft was made from (for the contact and section figures).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def figures(file: Path, compare: Path | None, source_file: Path | None, as_json: bool):
    """Print the easy-read quality figures (STANDARDS.md) for FILE or a draft, beside a reference.

    Exit 0 when ours meets every figure, 1 when it misses one, 2 when a file cannot be read.
    """
    from ..transforms.easy_read import to_easy_read
    from ..transforms.easy_read.figures import measure, pdf_pages
    profile = _profile()
    if file.suffix.lower() == ".md":
        easy = _read_draft(file).value
        source = read_path(source_file).value if source_file else None
    else:
        source = read_path(file).value
        easy = to_easy_read(source, profile).value
    ours = measure(easy, profile, source, pages=pdf_pages(easy, profile))
    theirs = None
    if compare:
        reference = read_path(compare).value
        theirs = measure(reference, profile, source, text=compare.read_text(encoding="utf-8", errors="replace"))
    _print_figures(ours, theirs, file, compare, as_json)
    return EXIT_OK if all(f.passed is not False for f in ours) else EXIT_PARTIAL


def _print_figures(ours, theirs, file: Path, compare: Path | None, as_json: bool) -> None:
    if as_json:
        rows = [{"figure": f.name, "target": f.target, "ours": f.value, "ours_pass": f.passed,
                 **({"reference": t.value, "reference_pass": t.passed} if t else {})}
                for f, t in zip(ours, theirs or [None] * len(ours))]
        click.echo(json.dumps(rows, indent=2))
        return
    table = Table(title=f"Easy read figures: {file.name}", title_justify="left")
    for column in ("figure", "target", "ours") + ((f"reference ({compare.name})",) if compare else ()):
        table.add_column(column)
    mark = {True: "", False: " ✗", None: ""}
    for index, figure in enumerate(ours):
        cells = [figure.name, figure.target, figure.value + mark[figure.passed]]
        if theirs:
            cells.append(theirs[index].value + mark[theirs[index].passed])
        table.add_row(*cells)
    Console(width=140).print(table)
    click.echo("Measured with altformats' own scorer (converter.readability); ✗ marks a missed target.")
