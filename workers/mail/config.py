"""Environment variables (or a TOML config file) -> the email intake's settings."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from converter.errors import SettingsError

PREFIX = "ALTFORMATS_MAIL_"
DEFAULT_SENSITIVE_WORDS = ("abuse", "violence", "safeguarding", "suicide", "self-harm", "mental health",
                           "sexual", "exploitation", "modern slavery", "homeless")
DEFAULT_SUPPORT_TEXT = ("If you need to talk to someone now: National Domestic Abuse Helpline 0808 2000 247 "
                        "(free, day and night). Samaritans 116 123 (free, day and night). "
                        "In an emergency call 999.")


@dataclass(frozen=True)
class MailSettings:
    imap_host: str = "127.0.0.1"
    imap_port: int = 993
    imap_ssl: bool = True
    imap_starttls: bool = False
    imap_user: str = ""
    imap_password: str = ""
    imap_folder: str = "INBOX"
    imap_done_folder: str = ""  # move handled messages here ("" = leave them, flagged)
    imap_cafile: str = ""
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 587
    smtp_starttls: bool = True
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_cafile: str = ""  # trust this CA as well as the system's (a council's own relay)
    smtp_listen_host: str = "127.0.0.1"  # receiving by SMTP directly instead of IMAP
    smtp_listen_port: int = 2525
    smtp_max_message_mb: float = 25.0
    from_address: str = "alternative.formats@council.example"
    from_name: str = "Alternative formats team"
    council_name: str = "the council"
    our_addresses: tuple[str, ...] = ()
    public_url: str = "http://127.0.0.1:8000"  # where residents reach the web app's download links
    attachment_budget_mb: float = 15.0
    link_days: int = 7
    replies_per_sender_per_day: int = 3
    retention_days: int = 30
    poll_seconds: float = 30.0
    conversion_wait_seconds: float = 900.0
    sensitive_words: tuple[str, ...] = DEFAULT_SENSITIVE_WORDS
    support_text: str = DEFAULT_SUPPORT_TEXT
    phone: str = ""  # the council's own contact number for the foot of replies

    @property
    def all_our_addresses(self) -> set[str]:
        return {a.lower() for a in (self.from_address, *self.our_addresses) if a}


_KIND_NAMES = {int: "a whole number", float: "a number"}


def _convert(name: str, kind, raw):
    try:
        if kind is bool:
            return raw if isinstance(raw, bool) else str(raw).strip().lower() in ("1", "true", "yes", "on")
        if kind is int:
            return int(raw)
        if kind is float:
            return float(raw)
        if kind == tuple[str, ...]:
            items = raw if isinstance(raw, (list, tuple)) else str(raw).split(",")
            return tuple(s.strip() for s in items if str(s).strip())
        return str(raw)
    except ValueError:
        raise SettingsError(f"The mail setting {name} has the value {raw!r}, which is not {_KIND_NAMES.get(kind, 'valid')}.",
                          hint=f"Set {PREFIX}{name.upper()} to a valid value.") from None


def load(config_file: Path | None = None) -> MailSettings:
    """Settings from a TOML file ([mail] table) if given, then the environment (which wins)."""
    values: dict = {}
    path = config_file or (Path(os.environ[PREFIX + "CONFIG"]) if os.environ.get(PREFIX + "CONFIG") else None)
    if path:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"The mail settings file could not be read: {exc}", path=str(path),
                              hint="Check the file exists and is valid TOML with a [mail] table.") from None
        values.update(data.get("mail", data))
    for f in fields(MailSettings):
        env = os.environ.get(PREFIX + f.name.upper())
        if env is not None:
            values[f.name] = env
    known = {f.name: f for f in fields(MailSettings)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise SettingsError(f"Unknown mail settings: {', '.join(unknown)}.", path=str(path) if path else None,
                          hint="See docs/email.md for the list of settings.")
    kinds = {f.name: type(getattr(MailSettings(), f.name)) for f in fields(MailSettings)}
    kinds["our_addresses"] = kinds["sensitive_words"] = tuple[str, ...]
    return MailSettings(**{k: _convert(k, kinds[k], v) for k, v in values.items()})
