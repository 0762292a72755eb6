"""A real headless Chromium: sign in, upload the sample strategy, watch progress, download; axe on each page;
and nothing on any page is blocked by the Content-Security-Policy."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from accessibility import AXE_JS, CHROMIUM, CHROMIUM_ARGS, DEFAULT_TAGS

from .conftest import SAMPLE_DOCX, STAFF_PASSWORD


def axe(page) -> list[dict]:
    """axe-core's violations on the page as it is now, each with the failing elements. axe is evaluated
    through the DevTools protocol, not added as an inline <script>, which our CSP rightly blocks."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                           DEFAULT_TAGS)
    return [{"page": page.url, "id": v["id"], "help": v["help"],
             "targets": [n["target"] for n in v["nodes"]]} for v in result["violations"]]


def add_mail_request_for_staff() -> str:
    """An email request handed to staff (a BSL video), so the queue and the log both have a row."""
    import uuid

    from workers import db
    from workers.mail.models import DONE, OPEN, MailRequest

    reference = f"AF-{uuid.uuid4().int % 10**6:06d}"
    with db.session() as s:
        s.add(MailRequest(message_key=f"<{uuid.uuid4().hex}@resident.example>", reference=reference, state=DONE,
                          kind="request", action="handover", reason="British Sign Language video",
                          documents=["Domestic abuse strategy"], formats=["bsl"], staff_status=OPEN,
                          sender_address="resident@resident.example", subject="BSL version please",
                          body="Could I have the strategy as a BSL video?"))
    return reference


def is_csp_report(text: str) -> bool:
    return "Content Security Policy" in text or "Content-Security-Policy" in text


@pytest.fixture
def browser_page():
    """A page whose .csp_blocked lists every CSP violation Chromium reports on the console."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(accept_downloads=True)
        page = context.new_page()
        page.csp_blocked = []
        page.on("console", lambda message: is_csp_report(message.text)
                and page.csp_blocked.append(f"{page.url}: {message.text}"))
        yield page
        browser.close()


def test_staff_sign_in_upload_watch_progress_and_download_with_no_axe_violations(live_web, browser_page,
                                                                                 tmp_path):
    page, violations = browser_page, []
    page.goto(live_web + "/")
    assert page.url.endswith("/sign-in")
    violations += axe(page)
    page.get_by_label("Username").fill("staff")
    page.get_by_label("Password").fill("wrong password here")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("not right")
    violations += axe(page)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Documents")).to_be_visible()
    violations += axe(page)

    page.get_by_role("button", name="Upload a document").click()
    expect(page.get_by_role("heading", name="Upload a document")).to_be_visible()
    violations += axe(page)
    page.get_by_role("button", name="Upload and convert").click()  # nothing filled in
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the title")
    violations += axe(page)
    page.get_by_label("Title").fill("Domestic abuse strategy")
    page.get_by_label("Other names (optional)").fill("DA strategy, abuse plan")
    page.set_input_files("#file", str(SAMPLE_DOCX))
    for box in page.locator("input[name=formats]").all():
        box.set_checked(box.get_attribute("value") in ("text", "html"))
    page.get_by_role("button", name="Upload and convert").click()

    expect(page.get_by_role("heading", name="Domestic abuse strategy")).to_be_visible()
    rows = page.locator("#jobs tr[data-job]")
    expect(rows).to_have_count(2)
    expect(page.locator("#jobs")).to_contain_text("text")
    violations += axe(page)  # while the jobs are queued or running
    link = page.locator("a[download]").first
    expect(link).to_be_visible(timeout=120_000)
    expect(page.locator("#jobs .govuk-tag--green")).to_have_count(2, timeout=120_000)
    violations += axe(page)
    with page.expect_download() as info:
        page.locator("a[download]", has_text=".txt").first.click()
    saved = Path(tmp_path / "out.txt")
    info.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert "domestic abuse" in text.lower() and len(text) > 10_000

    readability = page.get_by_role("link", name="Readability of text")
    if readability.count():
        readability.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Readability")
        violations += axe(page)
        page.go_back()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".govuk-tag--green", has_text="Published")).to_be_visible()
    violations += axe(page)
    page.goto(live_web + "/documents/99999")
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    violations += axe(page)

    reference = add_mail_request_for_staff()
    page.get_by_role("link", name="Email requests").click()  # in the menu because mail is configured
    expect(page.get_by_role("heading", name="Email requests", level=1)).to_be_visible()
    expect(page.get_by_role("button", name=f"Mark {reference} done")).to_be_visible()  # queue and log filled
    violations += axe(page)
    page.get_by_role("link", name="API").click()
    expect(page.get_by_role("heading", name="The JSON API")).to_be_visible()
    expect(page.locator("code", has_text="POST /api/documents").first).to_be_visible()
    violations += axe(page)
    # GOV.UK Frontend ran from its static file: it marks the body and initialises the header
    assert "govuk-frontend-supported" in page.evaluate("document.body.className")
    expect(page.locator("[data-module=govuk-header][data-govuk-header-init]")).to_have_count(1)
    assert violations == []
    assert page.csp_blocked == []


def test_the_csp_listener_reports_an_inline_script(live_web, browser_page):
    """The check above can fail: an inline script added to our page is blocked and reported."""
    browser_page.goto(live_web + "/sign-in")
    browser_page.evaluate("""() => { const s = document.createElement('script');
                             s.textContent = 'window.inlineRan = true'; document.body.appendChild(s); }""")
    expect(browser_page.get_by_role("heading", name="Sign in")).to_be_visible()
    browser_page.wait_for_function("() => true")
    assert browser_page.evaluate("window.inlineRan === undefined")
    assert any("inline script" in report for report in browser_page.csp_blocked), browser_page.csp_blocked
