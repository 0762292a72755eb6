"""A made output file -> a signed download link that expires, and back (served by workers/web/mail_links.py)."""
from __future__ import annotations

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
