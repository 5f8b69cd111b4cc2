"""What every route shares: the envelope and request id, malformed bodies, the token and origin guards."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import Engine
from starlette.testclient import TestClient

from tests.api.checks import JSON, assert_error, snapshot
from tests.builders import SEED_TRANSITION, post_event, post_job

# Health and the envelope


def test_health_answers_ok_with_the_database_reachable(api: TestClient) -> None:
    response = api.get("/api/health")

    body = response.json()
    assert response.status_code == 200
    assert body["ok"] is True
    assert body["data"]["status"] == "ok" and body["data"]["database"] is True
    assert body["meta"]["requestId"] == response.headers["x-request-id"]


def test_a_given_request_id_is_echoed_in_header_and_meta(api: TestClient) -> None:
    response = api.get("/api/jobs", headers={"x-request-id": "trace-123"})

    assert response.headers["x-request-id"] == "trace-123"
    assert response.json()["meta"]["requestId"] == "trace-123"


def test_an_unknown_api_path_answers_a_json_404_not_the_dashboard(api: TestClient) -> None:
    for method, path in (
        ("GET", "/api/nothing/here"),
        ("POST", "/api/nothing"),
        ("DELETE", "/api/x"),
        ("PUT", "/api/jobs"),
        ("OPTIONS", "/api/jobs"),
    ):
        response = api.request(method, path, headers=JSON, content=b"{}")
        assert response.headers["content-type"].startswith("application/json")
        assert_error(response, 404, "NOT_FOUND")


# Malformed requests


def test_malformed_json_is_a_400(api: TestClient, engine: Engine) -> None:
    before = snapshot(engine)

    for raw in (b'{"title": ', b"[1, 2]", b"\xff\xfe", b'"just a string"', b"[" * 100_000):
        assert_error(api.post("/api/jobs", headers=JSON, content=raw), 400, "INVALID_REQUEST")

    assert snapshot(engine) == before


def test_text_that_is_not_valid_unicode_is_a_400(api: TestClient, engine: Engine) -> None:
    before = snapshot(engine)

    response = api.post("/api/jobs", headers=JSON, content=b'{"title": "\\ud800", "employer": "Acme"}')

    assert_error(response, 400, "INVALID_REQUEST")
    assert snapshot(engine) == before


def test_a_body_that_is_not_json_is_a_415(api: TestClient, engine: Engine) -> None:
    job = post_job(api)
    before = snapshot(engine)

    for content_type in ("text/plain", "application/x-www-form-urlencoded", None):
        headers = {"content-type": content_type} if content_type else {}
        body = json.dumps(SEED_TRANSITION)
        response = api.post(f"/api/jobs/{job['id']}/stages", headers=headers, content=body)
        assert_error(response, 415, "UNSUPPORTED_MEDIA_TYPE")

    assert snapshot(engine) == before


def test_a_json_content_type_with_a_charset_is_accepted(api: TestClient) -> None:
    response = api.post(
        "/api/jobs",
        headers={"content-type": "application/json; charset=utf-8"},
        content=b'{"title": "Engineer", "employer": "Acme"}',
    )

    assert response.status_code == 201


def test_a_body_over_one_megabyte_is_a_413(api: TestClient, engine: Engine) -> None:
    before = snapshot(engine)
    body = json.dumps({"title": "Engineer", "employer": "Acme", "notes": "x" * 1_100_000})

    assert_error(api.post("/api/jobs", headers=JSON, content=body), 413, "PAYLOAD_TOO_LARGE")
    assert snapshot(engine) == before


def test_odd_inputs_never_cause_a_server_error(api: TestClient) -> None:
    job = post_job(api)
    event = post_event(api, job["id"])
    odd_values: list[Any] = [
        None,
        " ",
        -1,
        1e308,
        True,
        [],
        {"$gt": ""},
        "x" * 5000,
        "\u0000",
        "2026-11-20T25:00",
    ]
    requests: list[tuple[str, str, dict]] = []
    for value in odd_values:
        for field in ("title", "employer", "jobUrl", "location", "source", "notes", "status", "appliedAt"):
            requests.append(("POST", "/api/jobs", {"title": "T", "employer": "E", field: value}))
            requests.append(("PATCH", f"/api/jobs/{job['id']}", {field: value}))
        for field in ("toStage", "occurredAt", "metadata", "outcome", "title"):
            requests.append(("POST", f"/api/jobs/{job['id']}/stages", {"toStage": "offer", field: value}))
            requests.append(("PATCH", f"/api/jobs/{job['id']}/events/{event['id']}", {field: value}))
        for field in ("outcome", "closedAt", "note"):
            requests.append(
                ("PATCH", f"/api/jobs/{job['id']}/outcome", {"outcome": "rejected", field: value})
            )
        for key in ("actor", "eventType", "eventLabel", "note", "externalUrl"):
            requests.append(
                ("POST", f"/api/jobs/{job['id']}/stages", {"toStage": "offer", "metadata": {key: value}})
            )

    statuses = {api.request(method, path, json=body).status_code for method, path, body in requests}
    for query in ({"limit": "9" * 5000}, {"offset": "--1"}, {"q": "%_\u0000"}, {"status": ",,,"}):
        statuses.add(api.get("/api/jobs", params=query).status_code)
    for path in ("/api/jobs/%00", "/api/jobs/" + "a" * 5000, f"/api/jobs/{job['id']}/events/%ff"):
        statuses.add(api.get(path).status_code)

    assert max(statuses) < 500, statuses


# Token and origin guards


def test_with_a_token_set_requests_need_the_bearer_token_but_health_stays_open(
    api: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBOPS_API_TOKEN", "s3cret-token-for-tests")

    assert_error(api.get("/api/jobs"), 401, "UNAUTHORIZED")
    assert_error(api.get("/api/jobs", headers={"authorization": "Bearer wrong"}), 401, "UNAUTHORIZED")
    assert_error(api.post("/api/jobs", json={"title": "T", "employer": "E"}), 401, "UNAUTHORIZED")
    assert api.get("/api/jobs", headers={"authorization": "Bearer s3cret-token-for-tests"}).status_code == 200
    assert api.get("/api/health").status_code == 200


def test_a_cross_site_post_is_refused_and_changes_nothing(api: TestClient, engine: Engine) -> None:
    before = snapshot(engine)
    body = {"title": "Engineer", "employer": "Acme"}

    for headers in ({"origin": "https://evil.example"}, {"sec-fetch-site": "cross-site"}):
        assert_error(api.post("/api/jobs", json=body, headers=headers), 403, "FORBIDDEN")
    assert snapshot(engine) == before


def test_a_same_origin_post_from_the_dashboard_is_accepted(api: TestClient) -> None:
    response = api.post(
        "/api/jobs",
        json={"title": "Engineer", "employer": "Acme"},
        headers={"origin": "http://localhost:3001", "sec-fetch-site": "same-origin"},
    )

    assert response.status_code == 201
