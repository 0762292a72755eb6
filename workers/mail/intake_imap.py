"""An IMAP mailbox -> each new message handled once, then flagged (or moved) as handled."""
from __future__ import annotations

import logging
import threading
import time

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from converter.errors import AltformatsError

from .. import db
from . import language, store
from .config import MailSettings
from .handle import Outcome, handle
from .privacy import install
from .send import SendError, tls_context

log = install()
HANDLED = "$AltformatsHandled"  # an IMAP keyword: set only after the reply is sent or the hand-over recorded


class MailboxError(AltformatsError):
    """The mailbox could not be reached or read."""


def connect(settings: MailSettings) -> IMAPClient:
    try:
        context = tls_context(settings.imap_cafile)
        client = IMAPClient(settings.imap_host, settings.imap_port, ssl=settings.imap_ssl,
                            ssl_context=context, timeout=60)
        if settings.imap_starttls and not settings.imap_ssl:
            client.starttls(context)
        client.login(settings.imap_user, settings.imap_password)
        return client
    except (OSError, IMAPClientError) as exc:
        raise MailboxError(f"Could not sign in to the mailbox at {settings.imap_host}:{settings.imap_port}: "
                           f"{type(exc).__name__}.",
                           hint="Check the ALTFORMATS_MAIL_IMAP_* settings (host, port, TLS, user, password).") from None


def _unhandled_uids(client: IMAPClient, folder: str) -> tuple[int, list[int]]:
    """UIDVALIDITY and the UIDs after our position that are not yet flagged handled, oldest first."""
    info = client.select_folder(folder)
    uidvalidity = int(info[b"UIDVALIDITY"])
    client.altformats_exists = int(info.get(b"EXISTS", 0))  # to notice mail that arrives while we work
    with db.session() as s:
        pos = store.position(s, folder)
        last = pos.last_uid if pos.uidvalidity == uidvalidity else 0  # a new UIDVALIDITY: read from the start
    uids = client.search(["UID", f"{last + 1}:*", "UNKEYWORD", HANDLED, "UNDELETED"])
    return uidvalidity, sorted(u for u in uids if u > last)


def mark_handled(client: IMAPClient, uid: int, settings: MailSettings) -> None:
    client.add_flags([uid], [HANDLED.encode(), b"\\Seen"])
    if settings.imap_done_folder:
        client.move([uid], settings.imap_done_folder)


def poll_once(client: IMAPClient, settings: MailSettings, stop: threading.Event | None = None) -> list[Outcome]:
    """Handle every unhandled message once. A message whose reply could not be sent stays for the next poll."""
    folder = settings.imap_folder
    uidvalidity, uids = _unhandled_uids(client, folder)
    outcomes, blocked = [], False
    for uid in uids:
        if stop is not None and stop.is_set():
            break
        fetched = client.fetch([uid], ["BODY.PEEK[]"]).get(uid)
        if not fetched or b"BODY[]" not in fetched:
            continue  # expunged meanwhile
        try:
            outcomes.append(handle(fetched[b"BODY[]"], settings))
        except SendError as exc:
            log.warning("a reply could not be sent; will try again: %s", exc.message)
            blocked = True
            continue
        mark_handled(client, uid, settings)
        if not blocked:  # the position only passes messages that are all handled
            with db.session() as s:
                store.advance(s, folder, uidvalidity, uid)
    return outcomes


def run(settings: MailSettings, stop: threading.Event, once: bool = False) -> None:
    """Poll the mailbox until stopped; reconnect after faults; purge old personal data every hour."""
    last_purge, backoff = 0.0, 1.0
    language.load()
    while not stop.is_set():
        if time.monotonic() - last_purge > 3600:
            with db.session() as s:
                purged = store.purge(s, settings.retention_days)
            log.info("retention purge: %d old requests cleared", purged)
            last_purge = time.monotonic()
        try:
            client = connect(settings)
            try:
                while not stop.is_set():
                    outcomes = poll_once(client, settings, stop)
                    while outcomes and not stop.is_set():  # mail that came while we worked: its
                        log.info("handled %d messages", len(outcomes))  # arrival notice is already used up
                        outcomes = poll_once(client, settings, stop)
                    backoff = 1.0
                    if once:
                        return
                    wait_for_mail(client, settings.poll_seconds, stop)
                    if time.monotonic() - last_purge > 3600:
                        break
            finally:
                _logout(client)
        except (MailboxError, OSError, IMAPClientError) as exc:
            log.warning("mailbox problem, trying again in %.0f s: %s", backoff, getattr(exc, "message", type(exc).__name__))
            if once:
                raise
            stop.wait(backoff)
            backoff = min(backoff * 2, 300)


# Why wait_for_mail returned
MAIL, TIMEOUT, STOPPED = "mail", "timeout", "stopped"


def wait_for_mail(client: IMAPClient, seconds: float, stop: threading.Event) -> str:
    """Wait until the server says something arrived (IMAP IDLE) or the poll interval passes; which of
    MAIL, TIMEOUT or STOPPED ended the wait."""
    if b"IDLE" not in client.capabilities():
        return STOPPED if stop.wait(seconds) else TIMEOUT
    pending = getattr(client._imap, "untagged_responses", {})  # notices imaplib kept from earlier replies
    seen = getattr(client, "altformats_exists", None)
    counts = [int(v) for v in pending.pop("EXISTS", []) if str(v).isdigit() or isinstance(v, bytes)]
    pending.pop("RECENT", None)
    if seen is not None and counts and max(counts) > seen:
        return MAIL  # mail arrived while we worked on the last poll
    client.idle()
    try:
        if "EXISTS" in pending or _already_read(client):
            return MAIL  # mail arrived just before IDLE began: its notice came with the IDLE reply
        deadline = time.monotonic() + min(seconds, 25 * 60)  # servers drop IDLE after about 30 minutes
        while not stop.is_set() and time.monotonic() < deadline:
            if client.idle_check(timeout=min(1.0, max(0.05, deadline - time.monotonic()))):
                return MAIL
        return STOPPED if stop.is_set() else TIMEOUT
    finally:
        client.idle_done()


def _already_read(client: IMAPClient) -> bool:
    """True when server lines already sit in imaplib's read buffer, where idle_check cannot see them.

    idle_check waits on the socket, but when mail came just before IDLE began Dovecot sends "* 3 EXISTS"
    in the same packet as "+ idling": reading the "+ idling" line pulls both into the buffer, the socket
    then stays quiet, and the notice would wait for the next poll (the 50-60 s waits bench/mail.py saw).
    """
    sock = client.socket()
    sock.setblocking(False)
    try:
        return bool(client._imap.file.peek(1))  # buffered bytes, else one read that must not block
    except (OSError, ValueError):  # nothing buffered and nothing on the socket (ssl.SSLWantReadError)
        return False
    finally:
        sock.setblocking(True)
        client._set_read_timeout()


def _logout(client: IMAPClient) -> None:
    try:
        client.logout()
    except (OSError, IMAPClientError):
        pass
