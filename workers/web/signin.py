"""Sign-in form -> a server-side session and its cookie; sign-out ends the session on the server."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from .. import settings
from . import auth
from .app import render
from .deps import get_session

router = APIRouter(include_in_schema=False)


@router.get("/sign-in")
def sign_in_page(request: Request):
    return render(request, "sign_in.html", title="Sign in")


@router.post("/sign-in")
def sign_in(request: Request, username: str = Form(""), password: str = Form(""),
            csrf_token: str = Form(""), session: Session = Depends(get_session, scope="function")):
    auth.check_csrf(request, csrf_token)
    user = auth.verify(session, username, password) if username and password else None
    if user is None:
        errors = {"username": "Enter your username"} if not username else {}
        if not password:
            errors["password"] = "Enter your password"
        if not errors:
            errors["password"] = "The username or password is not right"
        return render(request, "sign_in.html", status_code=400, title="Sign in", errors=errors,
                      username=username)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(auth.SESSION_COOKIE, auth.start_session(session, user),
                        **auth.cookie_options(settings.get().session_minutes * 60))
    return response


@router.post("/sign-out")
def sign_out(request: Request, csrf_token: str = Form(""), session: Session = Depends(get_session, scope="function")):
    auth.check_csrf(request, csrf_token)
    auth.end_session(request, session)
    response = RedirectResponse("/sign-in", status_code=303)
    response.delete_cookie(auth.SESSION_COOKIE, path="/")
    return response
