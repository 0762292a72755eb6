"""Log records -> the same records with email addresses hidden (requesters' addresses never reach a log)."""
from __future__ import annotations

import logging
import re

ADDRESS = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")


def redact(text: str) -> str:
    return ADDRESS.sub("[address]", text)


class RedactAddresses(logging.Filter):
    """Rewrites every record's message with addresses replaced by [address]."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a badly formed record: leave it to logging's own error handling
            return True
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        return True


def install(logger_name: str = "altformats.mail") -> logging.Logger:
    """The mail logger with the filter on it and on every handler of the root logger."""
    logger = logging.getLogger(logger_name)
    if not any(isinstance(f, RedactAddresses) for f in logger.filters):
        logger.addFilter(RedactAddresses())
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactAddresses) for f in handler.filters):
            handler.addFilter(RedactAddresses())
    return logger
