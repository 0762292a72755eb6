"""Errors a user can act on, each with a documented exit code.

Exit codes (the same for every command):
  0  everything asked for was made / passed
  1  some outputs failed (convert) or a document failed its thresholds (check)
  2  bad input or usage: the file cannot be read, the settings are wrong
"""
from __future__ import annotations

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_BAD_INPUT = 2


class AltformatsError(Exception):
    """An error with a plain explanation: what went wrong, where, and what to do."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.hint = hint

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        hint = f"\n  What to do: {self.hint}" if self.hint else ""
        return f"{where}{self.message}{hint}"


class BadInputError(AltformatsError):
    """The file is not something we can read (wrong type, damaged, empty)."""


class UnsupportedFormatError(BadInputError):
    """No reader or writer for the asked format."""


class FileTooLargeError(BadInputError):
    """Over the size limit, or declares more uncompressed data than allowed (zip bomb)."""


class PasswordRequiredError(BadInputError):
    """An encrypted PDF that needs a password to open."""


class ParseLimitError(BadInputError):
    """Parsing went over its time or memory limit (a hostile or broken file)."""


class NoTextError(BadInputError):
    """The document has no text layer (scanned pages) where text is needed."""


class SettingsError(AltformatsError):
    """A setting is out of range or unknown."""


class OutputError(AltformatsError):
    """One output could not be made; others may still succeed."""

    exit_code = EXIT_PARTIAL
