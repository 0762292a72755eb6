"""Sessions live in the database: a cookie replayed after sign-out or expiry is refused (real HTTP server)."""
from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta, timezone

import httpx
from sqlalchemy import update

from workers import db
from workers.models import StaffSession
from workers.web import auth

from .conftest import STAFF_PASSWORD


def token_from(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def signed_in(url: str) -> httpx.Client:
    client = httpx.Client(base_url=url, follow_redirects=False, timeout=30)
    token = token_from(client.get("/sign-in").text)
    response = client.post("/sign-in", data={"username": "staff", "password": STAFF_PASSWORD, "csrf_token": token})
    assert response.status_code == 303 and response.headers["location"] == "/"
    return client


def replay(url: str, cookie: str) -> tuple[httpx.Response, httpx.Response]:
    """A different client (no shared state) sending only the copied cookie: a page and an API call."""
    with httpx.Client(base_url=url, cookies={auth.SESSION_COOKIE: cookie}, follow_redirects=False) as other:
        return other.get("/"), other.get("/api/documents")


def test_a_session_cookie_replayed_after_sign_out_is_refused(live_web):
    browser = signed_in(live_web)
    copied = browser.cookies[auth.SESSION_COOKIE]
    page, api = replay(live_web, copied)
    assert page.status_code == 200 and api.status_code == 200  # the copy works while signed in
    signed_out = browser.post("/sign-out", data={"csrf_token": token_from(browser.get("/").text)})
    assert signed_out.status_code == 303 and signed_out.headers["location"] == "/sign-in"
    page, api = replay(live_web, copied)
    assert page.status_code == 303 and page.headers["location"] == "/sign-in"
    assert api.status_code == 401


def test_a_session_cookie_replayed_after_its_session_expired_is_refused(live_web):
    browser = signed_in(live_web)
    copied = browser.cookies[auth.SESSION_COOKIE]
    assert replay(live_web, copied)[0].status_code == 200
    sid = auth._serializer("session").loads(copied)["sid"]  # the cookie's signature stays valid for hours
    with db.session() as s:
        s.execute(update(StaffSession).where(StaffSession.token_sha256 == hashlib.sha256(sid.encode()).hexdigest())
                  .values(expires_at=datetime.now(timezone.utc) - timedelta(seconds=1)))
    page, api = replay(live_web, copied)
    assert page.status_code == 303 and api.status_code == 401


def test_signing_in_again_after_sign_out_makes_a_new_session(live_web):
    first = signed_in(live_web)
    old = first.cookies[auth.SESSION_COOKIE]
    first.post("/sign-out", data={"csrf_token": token_from(first.get("/").text)})
    second = signed_in(live_web)
    assert second.cookies[auth.SESSION_COOKIE] != old
    assert second.get("/").status_code == 200 and replay(live_web, old)[0].status_code == 303
