"""Passwords -> argon2 hashes; server-side sessions behind signed, expiring cookies; CSRF tokens (signed double-submit)."""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Request
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .. import settings
from ..models import StaffSession, User

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


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_session(session: Session, user: User) -> str:
    """A new server-side session for the user; returns the cookie value that names it."""
    token = secrets.token_urlsafe(32)
    minutes = settings.get().session_minutes
    session.add(StaffSession(token_sha256=_token_hash(token), user_id=user.id,
                             expires_at=datetime.now(timezone.utc) + timedelta(minutes=minutes)))
    session.flush()
    return _serializer("session").dumps({"sid": token})


def _session_token(request: Request) -> str | None:
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw:
        return None
    try:
        data = _serializer("session").loads(raw, max_age=settings.get().session_minutes * 60)
    except (BadSignature, SignatureExpired):
        return None
    token = data.get("sid") if isinstance(data, dict) else None
    return token if isinstance(token, str) else None


def user_id_from(request: Request, session: Session) -> int | None:
    """The signed-in user's id, if the cookie names a session that has not ended or expired."""
    token = _session_token(request)
    if token is None:
        return None
    return session.scalar(select(StaffSession.user_id).where(
        StaffSession.token_sha256 == _token_hash(token),
        StaffSession.expires_at > datetime.now(timezone.utc)))


def end_session(request: Request, session: Session) -> None:
    """Sign-out: the session is deleted, so its cookie is refused even if it is sent again."""
    token = _session_token(request)
    if token is not None:
        session.execute(delete(StaffSession).where(StaffSession.token_sha256 == _token_hash(token)))


def remove_ended_sessions(session: Session, at: datetime | None = None) -> int:
    """Delete expired sessions (the scheduled purge); how many."""
    result = session.execute(delete(StaffSession).where(
        StaffSession.expires_at <= (at or datetime.now(timezone.utc))))
    return result.rowcount


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
