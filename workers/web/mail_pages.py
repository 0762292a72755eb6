"""Staff pages for email requests: the request log and the staff queue (hand-overs, spam, faults)."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from ..mail import config, store
from ..mail.models import CLOSED, OPEN
from ..models import User
from . import auth
from .app import render
from .deps import RecordId, get_session, page_user

router = APIRouter(include_in_schema=False)


@router.get("/mail")
def mail_requests_page(request: Request, user: User = Depends(page_user), session: Session = Depends(get_session, scope="function")):
    return render(request, "mail_requests.html", title="Email requests", queue=store.staff_queue(session, OPEN),
                  log=store.request_log(session), retention_days=config.load().retention_days)


@router.post("/mail/{request_id}/close")
def close_item(request: Request, request_id: RecordId, csrf_token: str = Form(""),
               user: User = Depends(page_user), session: Session = Depends(get_session, scope="function")):
    auth.check_csrf(request, csrf_token)
    store.close_staff_item(session, request_id)
    return RedirectResponse("/mail", status_code=303)


__all__ = ["router", "CLOSED"]
