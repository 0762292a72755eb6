"""Messages delivered to us by SMTP (aiosmtpd, with a size limit) -> a spool folder -> each handled once."""
from __future__ import annotations

import hashlib
import threading
from pathlib import Path

from aiosmtpd.controller import Controller

from converter.pipeline import write_atomic

from . import language
from .config import MailSettings
from .handle import handle
from .privacy import install
from .send import SendError

log = install()


class SpoolHandler:
    """Accepts a message by writing it to the spool (durable before we say 250), then wakes the worker."""

    def __init__(self, spool: Path, wake: threading.Event):
        self.spool, self.wake = spool, wake

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        name = hashlib.sha256(raw).hexdigest()[:32] + ".eml"
        write_atomic(self.spool / name, raw)
        self.wake.set()
        return "250 Message accepted for delivery"


def drain(spool: Path, settings: MailSettings) -> int:
    """Handle every spooled message, oldest first; a handled one is removed. How many were handled."""
    done = 0
    for path in sorted(spool.glob("*.eml"), key=lambda p: p.stat().st_mtime):
        try:
            handle(path.read_bytes(), settings)
        except SendError as exc:
            log.warning("a reply could not be sent; will try again: %s", exc.message)
            continue
        path.unlink(missing_ok=True)
        done += 1
    return done


def serve(settings: MailSettings, spool: Path, stop: threading.Event) -> None:
    spool.mkdir(parents=True, exist_ok=True)
    language.load()
    wake = threading.Event()
    controller = Controller(SpoolHandler(spool, wake), hostname=settings.smtp_listen_host,
                            port=settings.smtp_listen_port,
                            data_size_limit=int(settings.smtp_max_message_mb * 1048576))
    controller.start()
    log.info("receiving mail on %s:%d", settings.smtp_listen_host, settings.smtp_listen_port)
    try:
        while not stop.is_set():
            drain(spool, settings)
            wake.wait(settings.poll_seconds)
            wake.clear()
    finally:
        controller.stop()
