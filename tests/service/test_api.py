"""The JSON API: a full round trip with a real worker, and schemathesis against its OpenAPI description."""
from __future__ import annotations

import base64

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings as hypothesis_settings
from schemathesis.checks import not_a_server_error

from workers.web.app import create_app

from .conftest import SAMPLE_DOCX, STAFF_PASSWORD, add_staff

AUTH = {"Authorization": "Basic " + base64.b64encode(f"staff:{STAFF_PASSWORD}".encode()).decode()}


def test_no_api_operation_answers_with_a_server_error(service):
    """schemathesis generates requests for every operation in /api/openapi.json (as staff)."""
    add_staff()
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", create_app())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 7
    for operation in operations:
        @given(case=operation.as_strategy())
        @hypothesis_settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck),
                             database=None)
        def check(case):
            case.call_and_validate(headers=AUTH, checks=[not_a_server_error])

        check()


def test_a_document_submitted_through_the_api_is_converted_and_downloadable(live_web):
    with httpx.Client(base_url=live_web, auth=("staff", STAFF_PASSWORD), timeout=60) as client:
        with SAMPLE_DOCX.open("rb") as fh:
            made = client.post("/api/documents", data={"title": "Domestic abuse strategy", "formats": ["text"]},
                               files={"file": (SAMPLE_DOCX.name, fh)})
        assert made.status_code == 201, made.text
        (job,) = made.json()["jobs"]
        from workers import catalogue

        assert catalogue.wait_for(job["id"], timeout=120).state == "done"
        finished = client.get(f"/api/jobs/{job['id']}").json()
        download = client.get(finished["files"][0])
        assert download.status_code == 200 and download.headers["content-type"].startswith("text/plain")
        assert "Domestic abuse" in download.text or "domestic abuse" in download.text.lower()
        spec = client.get("/api/openapi.json").json()
        assert "/api/documents" in spec["paths"] and "/api/jobs/{job_id}" in spec["paths"]
