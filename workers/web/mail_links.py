"""Signed, expiring download links sent in email replies -> the made file (no sign-in; the signature is the key)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy.orm import Session

from ..mail import config, links
from ..models import PUBLISHED, Job
from .deps import get_session
from .pages import file_response

router = APIRouter(include_in_schema=False)


@router.get("/mail/files/{token}")
def mail_download(token: str, session: Session = Depends(get_session, scope="function")):
    found = links.read_token(token, config.load().link_days) if len(token) < 400 else None
    if found is None:
        raise HTTPException(404, "This download link is not valid or has expired. "
                                 "Reply to our email and we will send a new one.")
    job = session.get(Job, found[0])
    if job is None or job.version.document.status != PUBLISHED:
        raise HTTPException(404, "This document is no longer available.")
    return file_response(job, found[1])
