"""Passwords -> argon2 hashes; signed, expiring session cookies; CSRF tokens (signed double-submit)."""
from __future__ import annotations

import base64
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Request
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import settings
from ..models import User

SESSION_COOKIE = "altformats_session"
CSRF_COOKIE = "altformats_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
_hasher = PasswordHasher()
# A real hash to verify against when the user does not exist, so timing does not reveal names.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(8))


class NotSignedIn(Exception):
    """Raised by pages and API calls that need a signed-in member of staff."""


class CsrfFailure(Exception):
    """A form or API call without the matching CSRF token."""


def hash_password(password: str) -> str:
    if len(password) < 10:
        from converter.errors import SettingsError

        raise SettingsError("Passwords need at least 10 characters.", hint="Use three random words.")
    return _hasher.hash(password)


def verify(session: Session, username: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user and _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.get().secret_key, salt=salt)


def session_cookie_value(user: User) -> str:
    return _serializer("session").dumps({"uid": user.id, "n": secrets.token_hex(8)})


def user_id_from(request: Request) -> int | None:
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw:
        return None
    try:
        data = _serializer("session").loads(raw, max_age=settings.get().session_minutes * 60)
    except (BadSignature, SignatureExpired):
        return None
    return data.get("uid") if isinstance(data, dict) else None


def basic_auth_user(request: Request, session: Session) -> User | None:
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("basic "):
        return None
    try:
        username, _, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
    except (ValueError, UnicodeDecodeError):
        return None
    return verify(session, username, password)


def cookie_options(max_age: int | None = None) -> dict:
    return dict(httponly=True, samesite="lax", secure=settings.get().cookie_secure, path="/",
                max_age=max_age)


def csrf_token(request: Request) -> str:
    """This visitor's token (from the cookie, or a new one the response middleware will set)."""
    token = getattr(request.state, "csrf_token", None)
    if token:
        return token
    raw = request.cookies.get(CSRF_COOKIE, "")
    try:
        token = _serializer("csrf").loads(raw) if raw else None
    except BadSignature:
        token = None
    request.state.csrf_token = token or secrets.token_urlsafe(24)
    request.state.csrf_new = token is None
    return request.state.csrf_token


def csrf_cookie_value(token: str) -> str:
    return _serializer("csrf").dumps(token)


def check_csrf(request: Request, submitted: str | None) -> None:
    expected = csrf_token(request)
    if getattr(request.state, "csrf_new", True) or not submitted or not hmac.compare_digest(
            str(submitted), expected):
        raise CsrfFailure()
