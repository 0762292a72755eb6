"""A made output file -> a signed download link that expires, and back (served by workers/web/mail_links.py)."""
from __future__ import annotations

import re

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from .. import settings

SALT = "altformats-mail-download"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.get().secret_key, salt=SALT)


def make_token(job_id: int, file_number: int) -> str:
    return _serializer().dumps([int(job_id), int(file_number)])


def link_for(base_url: str, job_id: int, file_number: int) -> str:
    return f"{base_url.rstrip('/')}/mail/files/{make_token(job_id, file_number)}"


def read_token(token: str, max_age_days: int) -> tuple[int, int] | None:
    """(job id, file number) for a good, unexpired token; None otherwise."""
    try:
        job_id, number = _serializer().loads(token, max_age=max_age_days * 86400)
        return int(job_id), int(number)
    except (BadSignature, SignatureExpired, ValueError, TypeError):
        return None


_LINK = re.compile(r"/mail/files/([A-Za-z0-9_.-]{10,400})")


def jobs_linked(text: str) -> list[int]:
    """Job ids of our own download links in a message: expired links too, since the signature still says which
    file it was ("the link has expired, can I have it again?"). Tampered tokens are ignored."""
    found = []
    for token in _LINK.findall(text):
        try:
            job_id, _number = _serializer().loads(token)
        except (BadSignature, ValueError, TypeError):
            continue
        found.append(int(job_id))
    return list(dict.fromkeys(found))
