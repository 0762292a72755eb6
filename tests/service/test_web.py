"""The staff web app in process: sign-in, CSRF, sessions, uploads checked by content and size, error pages."""
from __future__ import annotations

import os
import re
import time

import pytest
from fastapi.testclient import TestClient

from workers import db, settings
from workers.models import User
from workers.web import auth
from workers.web.app import create_app

from .conftest import make_docx

PASSWORD = "correct horse battery"


@pytest.fixture
def staff(service):
    from sqlalchemy import select

    with db.session() as s:
        if not s.scalar(select(User).where(User.username == "staff")):
            s.add(User(username="staff", password_hash=auth.hash_password(PASSWORD)))
    return "staff"


@pytest.fixture
def client(service, staff):
    with TestClient(create_app(), raise_server_exceptions=False, follow_redirects=False) as c:
        yield c


def token_from(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def sign_in(client, password=PASSWORD):
    token = token_from(client.get("/sign-in").text)
    return client.post("/sign-in", data={"username": "staff", "password": password, "csrf_token": token})


def test_pages_need_sign_in(client):
    response = client.get("/")
    assert response.status_code == 303 and response.headers["location"] == "/sign-in"


def test_the_api_asks_for_credentials(client):
    response = client.get("/api/documents")
    assert response.status_code == 401 and response.headers["www-authenticate"].startswith("Basic")


def test_a_wrong_password_shows_an_error_and_sets_no_session(client):
    response = sign_in(client, "not the password")
    assert response.status_code == 400
    assert "The username or password is not right" in response.text
    assert auth.SESSION_COOKIE not in response.cookies


def test_the_session_cookie_is_httponly_samesite_lax_and_expires(client):
    response = sign_in(client)
    assert response.status_code == 303
    cookie = [h for h in response.headers.get_list("set-cookie") if h.startswith(auth.SESSION_COOKIE)][0]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert f"Max-Age={settings.get().session_minutes * 60}" in cookie


def test_an_expired_session_is_refused(client, monkeypatch):
    sign_in(client)
    assert client.get("/").status_code == 200
    later = time.time() + settings.get().session_minutes * 60 + 5
    monkeypatch.setattr(time, "time", lambda: later)  # itsdangerous reads the clock here
    assert client.get("/").status_code == 303


def test_a_form_without_its_csrf_token_is_refused(client):
    sign_in(client)
    response = client.post("/documents/1/status", data={"status": "published"})
    assert response.status_code == 403 and "The form has expired" in response.text


def test_an_upload_is_checked_by_its_content_not_its_name(client, tmp_path):
    sign_in(client)
    token = token_from(client.get("/documents/new").text)
    response = client.post("/documents", data={"title": "Fake", "formats": ["text"], "csrf_token": token},
                           files={"file": ("report.docx", b"PK\x03\x04 not really a zip", "application/msword")})
    assert response.status_code == 400
    assert "damaged" in response.text and "Traceback" not in response.text


def test_an_upload_over_the_size_limit_is_refused(client, tmp_path):
    sign_in(client)
    token = token_from(client.get("/documents/new").text)
    big = b"0" * int((settings.get().upload_max_mb + 1) * 1024 * 1024)
    response = client.post("/documents", data={"title": "Big", "formats": ["text"], "csrf_token": token},
                           files={"file": ("big.pdf", big, "application/pdf")})
    assert response.status_code == 413 and "The file is too large" in response.text


def test_an_upload_becomes_a_document_with_one_job_per_format(client, tmp_path):
    sign_in(client)
    token = token_from(client.get("/documents/new").text)
    path = make_docx(tmp_path / "Our Plan (final).docx", "Our plan")
    response = client.post("/documents", data={"title": "Our plan", "aliases": "the plan, plan 2025",
                                               "formats": ["text", "html"], "csrf_token": token},
                           files={"file": (path.name, path.read_bytes(), "application/octet-stream")})
    assert response.status_code == 303
    page = client.get(response.headers["location"]).text
    assert "Our plan" in page and "the plan, plan 2025" in page
    assert page.count('data-job="') == 2


def test_a_missing_page_and_a_server_fault_show_pages_without_stack_traces(client, tmp_path):
    sign_in(client)
    missing = client.get("/documents/999999")
    assert missing.status_code == 404 and "Page not found" in missing.text
    traversal = client.get("/jobs/1/files/..%2F..%2Fsecret-key")
    assert traversal.status_code in (404, 422) and "Traceback" not in traversal.text


def test_every_page_has_a_title_a_language_and_one_main_landmark(client):
    sign_in(client)
    for path in ("/", "/documents/new", "/sign-in", "/no-such-page"):
        html = client.get(path).text
        assert '<html lang="en-GB"' in html and html.count('<main') == 1
        assert re.search(r"<title>[^<]+ – altformats</title>", html)


def test_an_approved_easy_read_draft_is_rendered_without_the_draft_label(client, service, tmp_path):
    from workers import catalogue
    from workers.models import Job

    service.start_worker("easy")
    sign_in(client)
    token = token_from(client.get("/documents/new").text)
    path = make_docx(tmp_path / "bins.docx", "Bin collections", paragraphs=6)
    made = client.post("/documents", data={"title": "Bin collections", "formats": ["easy-read-draft"],
                                           "csrf_token": token},
                       files={"file": (path.name, path.read_bytes(), "application/octet-stream")})
    document_id = int(made.headers["location"].rsplit("/", 1)[-1])
    with db.session() as s:
        from workers.models import Document

        version = s.get(Document, document_id).latest
        (draft_job,) = version.jobs
        version_id = version.id
    assert catalogue.wait_for(draft_job.id, timeout=300).state == "done"
    editor = client.get(f"/versions/{version_id}/easy-read").text
    draft = re.search(r'<textarea[^>]*>(.*?)</textarea>', editor, re.S).group(1)
    import html as html_lib

    edited = html_lib.unescape(draft).replace("Bin collections", "Bin collection days", 1)
    approved = client.post(f"/versions/{version_id}/easy-read",
                           data={"draft": edited, "action": "approve", "csrf_token": token_from(editor)})
    assert approved.status_code == 303
    with db.session() as s:
        rendered = [j for j in s.get(Document, document_id).latest.jobs if j.draft_sha256]
    assert sorted(j.format for j in rendered) == ["easy-read-docx", "easy-read-html", "easy-read-pdf"]
    finished = {j.format: catalogue.wait_for(j.id, timeout=300) for j in rendered}
    assert all(j.state == "done" for j in finished.values()), {f: j.error for f, j in finished.items()}
    (page,) = catalogue.output_paths(finished["easy-read-html"])
    text = page.read_text(encoding="utf-8")
    assert "Bin collection days" in text and "not yet approved" not in text
    with db.session() as s:
        assert s.get(Job, draft_job.id).state == "done"


def test_the_menu_links_email_requests_only_when_mail_is_configured(client, monkeypatch):
    for key in [k for k in os.environ if k.startswith("ALTFORMATS_MAIL_")]:
        monkeypatch.delenv(key)
    sign_in(client)
    assert 'href="/mail"' not in client.get("/").text
    monkeypatch.setenv("ALTFORMATS_MAIL_IMAP_HOST", "imap.council.example")
    assert '<a class="govuk-link" href="/mail">Email requests</a>' in client.get("/").text


def test_pages_have_no_inline_scripts_or_styles(client):
    """The CSP allows neither; every script is a file served by this service."""
    sign_in(client)
    for path in ("/", "/documents/new", "/sign-in", "/api/docs", "/no-such-page"):
        html = client.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert "<style" not in html and " style=" not in html, path
