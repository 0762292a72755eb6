"""Our reply -> the council's SMTP relay, over STARTTLS with authentication."""
from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage

from converter.errors import AltformatsError

from .config import MailSettings


class SendError(AltformatsError):
    """The reply could not be handed to the mail relay (the message stays unhandled and is tried again)."""


def tls_context(cafile: str = "") -> ssl.SSLContext:
    context = ssl.create_default_context()
    if cafile:
        context.load_verify_locations(cafile=cafile)
    return context


def send(message: EmailMessage, settings: MailSettings) -> None:
    """Send to the one recipient in To:, from our address (the envelope sender is ours, so bounces come back)."""
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=60) as smtp:
            smtp.ehlo()
            if settings.smtp_starttls:
                smtp.starttls(context=tls_context(settings.smtp_cafile))
                smtp.ehlo()
            if settings.smtp_user:
                smtp.login(settings.smtp_user, settings.smtp_password)
            smtp.send_message(message, from_addr=settings.from_address, to_addrs=[message["To"]])
    except (OSError, smtplib.SMTPException) as exc:
        raise SendError(f"The reply could not be sent through {settings.smtp_host}:{settings.smtp_port}: "
                        f"{type(exc).__name__}.",
                        hint="Check the ALTFORMATS_MAIL_SMTP_* settings and that the relay is reachable; "
                        "the message will be tried again.") from None
