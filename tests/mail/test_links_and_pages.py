"""Files over the email budget go as signed links the web app serves until they expire; staff see the log and queue."""
from __future__ import annotations

import re
import time

import itsdangerous.timed

from fastapi.testclient import TestClient
from service.conftest import STAFF_PASSWORD, add_staff
from test_mailbox import intake_once, message_id_of, replies_to, request

from workers.mail import links
from workers.web.app import create_app


def sign_in(client):
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/sign-in").text).group(1)
    client.post("/sign-in", data={"username": "staff", "password": STAFF_PASSWORD, "csrf_token": token})


def test_files_over_the_size_budget_are_sent_as_links_that_download_the_file(mail_env, dovecot, smtp_sink,
                                                                            monkeypatch):
    monkeypatch.setenv("ALTFORMATS_MAIL_ATTACHMENT_BUDGET_MB", "0.000001")
    monkeypatch.setenv("ALTFORMATS_MAIL_PUBLIC_URL", "https://formats.council.example")
    raw = request("The housing strategy in plain text please")
    dovecot.append(raw)
    intake_once()
    [reply] = replies_to(smtp_sink, message_id_of(raw))
    assert not list(reply.iter_attachments())
    text = reply.get_body(("plain",)).get_content()
    [url] = re.findall(r"https://formats\.council\.example(/mail/files/\S+)", text)
    assert "7 days" in text
    html = reply.get_body(("html",)).get_content()
    assert f'href="https://formats.council.example{url}"' in html and "<img" not in html  # no tracking pixel
    with TestClient(create_app(), raise_server_exceptions=False, follow_redirects=False) as client:
        response = client.get(url)
        assert response.status_code == 200 and "Housing Strategy 2022" in response.text
        assert client.get(url[:-3] + "abc").status_code == 404  # a tampered link


def test_a_link_older_than_the_link_days_is_refused_kindly(mail_env, monkeypatch):
    eight_days_ago = int(time.time()) - 8 * 86400
    with monkeypatch.context() as m:
        m.setattr(itsdangerous.timed.TimestampSigner, "get_timestamp", lambda self: eight_days_ago)
        token = links.make_token(1, 0)
    with TestClient(create_app(), raise_server_exceptions=False, follow_redirects=False) as client:
        response = client.get(f"/mail/files/{token}")
    assert response.status_code == 404 and "expired" in response.text


def test_staff_see_the_request_log_and_the_queue_and_can_close_an_item(mail_env, dovecot, smtp_sink):
    dovecot.append(request("Could I have the housing strategy in braille?", sender="braille.reader@example.org"))
    intake_once()
    add_staff()
    with TestClient(create_app(), raise_server_exceptions=False, follow_redirects=False) as client:
        assert client.get("/mail").status_code == 303  # sign-in needed
        sign_in(client)
        page = client.get("/mail").text
        assert "braille.reader@example.org" in page and "handover" in page and "Request log" in page
        request_id = re.search(r'action="/mail/(\d+)/close"', page).group(1)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        assert client.post(f"/mail/{request_id}/close", data={"csrf_token": token}).status_code == 303
        assert "Nothing is waiting for staff" in client.get("/mail").text


def test_our_download_link_quoted_back_after_it_expired_still_says_which_document(mail_env, dovecot, smtp_sink,
                                                                                   monkeypatch):
    eight_days_ago = int(time.time()) - 8 * 86400
    job_id = _a_job_of("Housing Strategy 2022")  # a plain-text file made earlier; the link to it has expired
    with monkeypatch.context() as m:
        m.setattr(itsdangerous.timed.TimestampSigner, "get_timestamp", lambda self: eight_days_ago)
        old_link = links.link_for("https://formats.council.example", job_id, 0)
    raw = request(f"This link does not work any more: {old_link}\nCould I have it in large print instead?")
    dovecot.append(raw)
    intake_once()
    [reply] = replies_to(smtp_sink, message_id_of(raw))
    assert "Housing Strategy 2022" in reply.get_body(("plain",)).get_content()
    assert sorted(p.get_filename().rsplit(".", 1)[1] for p in reply.iter_attachments()) == ["docx", "pdf"]


def _a_job_of(title: str) -> int:
    from workers import db
    from workers.models import Document, DocumentVersion, Job

    with db.session() as s:
        return s.query(Job.id).join(DocumentVersion, Job.version_id == DocumentVersion.id) \
            .join(Document, DocumentVersion.document_id == Document.id).filter(Document.title == title).first()[0]


def test_staff_see_a_safeguarding_tag_on_a_request_that_shows_signs_of_danger(mail_env, dovecot, smtp_sink):
    dovecot.append(request("Could I have the housing strategy in large print please? Please don't post it, "
                           "my partner reads my post.", sender="quiet.reader@example.org"))
    intake_once()
    add_staff()
    with TestClient(create_app(), raise_server_exceptions=False, follow_redirects=False) as client:
        sign_in(client)
        page = client.get("/mail").text
    assert "quiet.reader@example.org" in page
    assert '<strong class="govuk-tag govuk-tag--red">Safeguarding</strong>' in page
