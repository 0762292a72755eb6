"""Security headers on every response of a real `altformats serve`: CSP, nosniff, no referrer, no framing,
and no caching of signed-in pages, API answers and downloads."""
from __future__ import annotations

import httpx
import pytest

from workers import catalogue, db, settings
from workers.mail import links

from .conftest import make_docx
from .test_sessions import signed_in

CSP_PARTS = ("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
             "form-action 'self'", "base-uri 'none'")


def assert_protected(response: httpx.Response, cached: bool = False) -> None:
    headers = response.headers
    csp = headers.get("content-security-policy", "")
    assert all(part in csp for part in CSP_PARTS), (response.url, csp)
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers.get("x-content-type-options") == "nosniff"
    assert headers.get("referrer-policy") == "no-referrer"
    assert headers.get("x-frame-options") == "DENY"
    if cached:
        assert "no-store" not in headers.get("cache-control", ""), response.url
    else:
        assert headers.get("cache-control") == "no-store", response.url


@pytest.fixture
def made_text(live_web, tmp_path):
    """A published document whose plain text the web app's worker has made: (job id, file link token)."""
    path = make_docx(tmp_path / "council-tax.docx", "Council tax support")
    with db.session() as s:
        document = catalogue.add_document(s, "Council tax support")
        version = catalogue.add_version(s, document, path.read_bytes(), path.name)
        job_id = catalogue.request_conversion(s, version, "text").id
        catalogue.publish(s, document)
    assert catalogue.wait_for(job_id, timeout=300).state == "done"
    return job_id, links.make_token(job_id, 0)


def test_pages_api_downloads_and_errors_carry_the_headers_and_are_not_stored(live_web, made_text):
    job_id, token = made_text
    anonymous = httpx.Client(base_url=live_web, follow_redirects=False)
    for response in (anonymous.get("/sign-in"), anonymous.get("/"), anonymous.get("/api/documents"),
                     anonymous.get("/no-such-page"), anonymous.get(f"/mail/files/{token}"),
                     anonymous.get("/mail/files/not-a-real-token")):
        assert_protected(response)
    resident_download = anonymous.get(f"/mail/files/{token}")
    assert resident_download.status_code == 200 and "Council tax support" in resident_download.text
    staff = signed_in(live_web)
    for path in ("/", "/documents/new", f"/jobs/{job_id}/files/0", f"/api/jobs/{job_id}", "/mail", "/api/docs",
                 "/api/openapi.json"):
        response = staff.get(path)
        assert response.status_code == 200, path
        assert_protected(response)
    for asset in ("/static/govuk-frontend.min.css", "/static/govuk-frontend.min.js", "/app-static/govuk-init.js"):
        response = anonymous.get(asset)
        assert response.status_code == 200
        assert_protected(response, cached=True)
    assert anonymous.get("/app-static/govuk-init.js").headers["content-type"].startswith("text/javascript")


def test_an_upload_refused_for_its_size_still_carries_the_headers(live_web):
    staff = signed_in(live_web)
    too_big = b"0" * int((settings.get().upload_max_mb + 1) * 1024 * 1024)
    response = staff.post("/documents", files={"file": ("big.pdf", too_big, "application/pdf")})
    assert response.status_code == 413
    assert_protected(response)
