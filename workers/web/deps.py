"""Request -> database session and signed-in user, for pages (cookie) and the API (cookie or Basic)."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Annotated, Iterator

from fastapi import Depends, HTTPException, Path, Request
from sqlalchemy.orm import Session

from .. import db
from ..models import Document, Job, User
from . import auth


MAX_ID = 2**31 - 1  # the database's integer range; larger numbers cannot name anything
RecordId = Annotated[int, Path(ge=1, le=MAX_ID, description="A record number")]
FileNumber = Annotated[int, Path(ge=0, le=10_000, description="Which file of the job, from 0")]


def get_session() -> Iterator[Session]:
    """One database session per request, committed when the route returns. Always used as
    Depends(get_session, scope="function"), so the commit happens before the response is sent:
    a browser following a redirect after a form (publish, save) sees the change."""
    with db.session() as s:
        yield s


def page_user(request: Request, session: Session = Depends(get_session, scope="function")) -> User:
    uid = auth.user_id_from(request, session)
    user = session.get(User, uid) if uid else None
    if user is None:
        raise auth.NotSignedIn()
    request.state.user = SimpleNamespace(id=user.id, username=user.username)  # safe after the session ends
    return user


def api_user(request: Request, session: Session = Depends(get_session, scope="function")) -> User:
    """Basic auth (scripts, the CLI) or the session cookie (the pages' own scripts, with a CSRF header)."""
    user = auth.basic_auth_user(request, session)
    if user is None:
        uid = auth.user_id_from(request, session)
        user = session.get(User, uid) if uid else None
        if user is not None and request.method not in ("GET", "HEAD", "OPTIONS"):
            auth.check_csrf(request, request.headers.get(auth.CSRF_HEADER))
    if user is None:
        raise auth.NotSignedIn()
    request.state.user = SimpleNamespace(id=user.id, username=user.username)  # safe after the session ends
    return user


def document_or_404(session: Session, document_id: int) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise HTTPException(404, "There is no document with that number.")
    return document


def job_or_404(session: Session, job_id: int) -> Job:
    job = session.get(Job, job_id)
    if job is None:
        raise HTTPException(404, "There is no job with that number.")
    return job
