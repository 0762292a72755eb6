"""Shared pieces for the scripts that write request corpora (requests/, heldout*/).

Each corpus folder holds NNN-<slug>.eml files, expected.tsv (file, documents, formats, decision)
and catalogue.toml. The scripts differ in their messages; the message shapes (HTML-only,
forwarded, quoted replies, automatic mail) and the writing of the folder are here.
"""
from __future__ import annotations

import csv
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Iterable, NamedTuple


class Case(NamedTuple):
    """One written message and what it should lead to."""
    name: str  # file name, NNN-<slug>.eml
    raw: bytes
    documents: str  # comma-separated catalogue ids
    formats: str  # comma-separated format families / staff needs
    decision: str  # send | ask | handover | handover+send | not-available | ignore | no-action | staff-queue


def new_message(*, sender: str, to: str, subject: str, date: datetime, message_id: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = message_id
    return msg


def replace_header(msg: EmailMessage, name: str, value: str) -> None:
    del msg[name]
    msg[name] = value


def set_html(msg: EmailMessage, html: str) -> None:
    msg.set_content(html, subtype="html")


def gmail_forward(from_: str, subject: str, text: str, *, date: str = "", to: str = "") -> str:
    """The block Gmail puts under a forwarded message."""
    head = "---------- Forwarded message ---------\nFrom: " + from_ + "\n"
    head += f"Date: {date}\n" if date else ""
    head += f"Subject: {subject}\n"
    head += f"To: {to}\n" if to else ""
    return head + "\n" + text


def outlook_quote(from_: str, sent: str, subject: str, text: str, *, to: str = "") -> str:
    """The header block Outlook puts above the message being answered (no leading rule)."""
    return (f"From: {from_}\nSent: {sent}\n" + (f"To: {to}\n" if to else "")
            + f"Subject: {subject}\n\n" + text)


def gmail_quote(attribution: str, text: str) -> str:
    """'On ..., X wrote:' and the earlier text with '> ' before each line."""
    return attribution + "\n" + "\n".join("> " + line for line in text.splitlines())


def in_thread(msg: EmailMessage, in_reply_to: str | None, references: str) -> None:
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    msg["References"] = references


# Headers that make a message automatic mail (never to be answered), by name.
AUTOMATIC_HEADERS = {
    "auto-replied": (("Auto-Submitted", "auto-replied"),),
    "list": (("List-Id", "<news.council.example>"), ("List-Unsubscribe", "<mailto:leave@council.example>")),
    "newsletter": (("List-Unsubscribe", "<mailto:leave@news.example.net>"), ("Precedence", "bulk")),
    "bulk": (("Precedence", "bulk"),),
}


def mark_automatic(msg: EmailMessage, kind: str) -> None:
    for name, value in AUTOMATIC_HEADERS[kind]:
        msg[name] = value


def write_corpus(folder: Path, cases: Iterable[Case]) -> int:
    """Replace the folder's .eml files and expected.tsv with these cases; returns how many."""
    for old in folder.glob("*.eml"):
        old.unlink()
    rows = []
    for case in cases:
        (folder / case.name).write_bytes(case.raw)
        rows.append((case.name, case.documents, case.formats, case.decision))
    with open(folder / "expected.tsv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(("file", "documents", "formats", "decision"))
        writer.writerows(rows)
    return len(rows)


def write_numbered_set(folder: Path, cases, build, first: int, digits: int = 0) -> None:
    """Write each (slug, subject, body, kind, documents, formats, decision) case as 'N-slug.eml', numbered from
    `first` (zero-padded to `digits`), the message made by build(n, slug, subject, body, kind)."""
    written = write_corpus(folder, (
        Case(f"{n:0{digits}d}-{slug}.eml", build(n, slug, subject, body, kind), docs, formats, decision)
        for n, (slug, subject, body, kind, docs, formats, decision) in enumerate(cases, first)))
    print(f"wrote {written} messages to {folder}")
