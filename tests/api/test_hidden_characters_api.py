"""The API and the pages share one text check: hidden characters are stripped or refused."""

from __future__ import annotations

from starlette.testclient import TestClient


def test_a_job_posted_with_an_override_and_nul_is_stored_without_them(api: TestClient) -> None:
    body = {"title": "Backend\u202e Engineer\x00", "employer": "Stripe\u2066", "notes": "a\x00b\nc"}
    created = api.post("/api/jobs", json=body)

    assert created.status_code == 201, created.json()
    job = api.get(f"/api/jobs/{created.json()['data']['id']}").json()["data"]
    assert (job["title"], job["employer"], job["notes"]) == ("Backend Engineer", "Stripe", "ab\nc")


def test_a_posting_url_with_a_right_to_left_override_is_a_400(api: TestClient) -> None:
    body = {"title": "Engineer", "employer": "Stripe", "jobUrl": "https://stripe.com/\u202egpj.exe"}
    refused = api.post("/api/jobs", json=body)

    assert refused.status_code == 400
    assert refused.json()["error"]["details"] == {"field": "jobUrl"}
    assert api.get("/api/jobs").json()["data"]["total"] == 0
