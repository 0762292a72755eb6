"""The `altformats` command. Each sub-command lives in its own module, loaded when used."""
from __future__ import annotations

import importlib
import sys

import click

from ..errors import EXIT_BAD_INPUT, AltformatsError

# command name -> "module:attribute" (a click.Command)
COMMANDS = {
    "convert": "converter.cli.convert:convert",
    "formats": "converter.cli.convert:formats_command",
    "check": "converter.cli.check:check",
    "easy-read": "converter.cli.easy_read:easy_read",
    "voices": "converter.cli.voices:voices",
    "submit": "workers.cli:submit",
    "status": "workers.cli:status",
    "serve": "workers.cli:serve",
    "users": "workers.cli:users",
    "db": "workers.cli:db",
    "mail": "workers.mail.cli:mail",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return [name for name in COMMANDS if self._load(name) is not None]

    def get_command(self, ctx, name):
        return self._load(name)

    @staticmethod
    def _load(name):
        dotted = COMMANDS.get(name)
        if not dotted:
            return None
        module, _, attr = dotted.partition(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as exc:
            if getattr(exc, "name", None) and not str(getattr(exc, "name", "")).startswith(
                ("converter", "workers")
            ):
                raise
            return None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="altformats", message="altformats %(version)s")
def cli():
    """Make accessible alternative formats from council documents.

    Exit codes: 0 everything made or passed; 1 some outputs failed or a
    document failed its readability thresholds; 2 bad input or usage.
    """


def main(argv=None):
    """Console entry point: clear errors and documented exit codes, no tracebacks."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        code = cli.main(args=argv, prog_name="altformats", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Stopped.", err=True)
        sys.exit(130)
    except click.UsageError as exc:
        exc.show()
        sys.exit(EXIT_BAD_INPUT)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except AltformatsError as exc:
        if debug:
            raise
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
