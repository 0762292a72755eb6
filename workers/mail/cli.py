"""`altformats mail ...`: the email intake and its tools."""
from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from converter.errors import EXIT_OK, EXIT_PARTIAL


@click.group("mail")
def mail():
    """Answer residents' email requests for alternative formats."""


@mail.command("evaluate")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--catalogue", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Catalogue TOML (default: FOLDER/catalogue.toml).")
@click.option("--min-accuracy", type=float, default=0.0, help="Exit 1 if the decision accuracy is below this (0-1).")
def evaluate_command(folder, catalogue, min_accuracy):
    """Measure how well requests in FOLDER (with expected.tsv) are understood."""
    from .evaluate import evaluate

    results = evaluate(folder, catalogue)
    console = Console()
    wrong = [r for r in results if not all(r.fields_ok)]
    if wrong:
        table = Table(title="Not as expected")
        for column in ("file", "expected (documents | formats | decision)", "actual"):
            table.add_column(column)
        for r in wrong:
            table.add_row(r.file, " | ".join(r.expected), " | ".join(r.actual))
        console.print(table)
    n = len(results)
    names = ("documents", "formats", "decision")
    for i, name in enumerate(names):
        ok = sum(r.fields_ok[i] for r in results)
        console.print(f"{name:>10}: {ok}/{n} = {ok / n:.1%}")
    all_ok = n - len(wrong)
    console.print(f"{'all three':>10}: {all_ok}/{n} = {all_ok / n:.1%}")
    decision_accuracy = sum(r.fields_ok[2] for r in results) / n
    return EXIT_PARTIAL if decision_accuracy < min_accuracy else EXIT_OK


def _settings(config_file):
    from .config import load

    return load(config_file)


def _stop_on_signals():
    import signal
    import threading

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    return stop


_config_option = click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                              default=None, help="A TOML file with a [mail] table (the environment wins).")


@mail.command("intake")
@_config_option
@click.option("--once", is_flag=True, help="Handle what is in the mailbox now, then stop.")
@click.option("--no-upgrade", is_flag=True, help="Do not bring the database schema up to date first.")
def intake_command(config_file, once, no_upgrade):
    """Poll the IMAP mailbox and answer requests (stops cleanly on Ctrl+C or SIGTERM)."""
    import logging

    from .. import db
    from .intake_imap import run

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = _settings(config_file)
    if not no_upgrade:
        db.upgrade()
    run(settings, _stop_on_signals(), once=once)
    return EXIT_OK


@mail.command("receive")
@_config_option
@click.option("--spool", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where accepted messages wait to be handled (default: DATA_DIR/mail-spool).")
def receive_command(config_file, spool):
    """Receive requests by SMTP directly (instead of IMAP) and answer them."""
    import logging

    from .. import db, settings as service_settings
    from .intake_smtp import serve

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = _settings(config_file)
    db.upgrade()
    serve(settings, spool or service_settings.get().data_dir / "mail-spool", _stop_on_signals())
    return EXIT_OK


@mail.command("purge")
@_config_option
def purge_command(config_file):
    """Delete requesters' addresses and words older than the retention days (run daily)."""
    from .. import db
    from . import store

    settings = _settings(config_file)
    db.upgrade()
    with db.session() as s:
        count = store.purge(s, settings.retention_days)
    click.echo(f"Cleared personal data from {count} requests older than {settings.retention_days} days.")
    return EXIT_OK
