"""The jobs API over HTTP: every endpoint, every kind of bad input, the envelope and the guards."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, text
from starlette.testclient import TestClient

SEED_TRANSITION = {
    "toStage": "technical_interview",
    "metadata": {"actor": "user", "eventType": "status_update", "eventLabel": "Moved to Technical Interview"},
}
JSON = {"content-type": "application/json"}


def add_job(api: TestClient, **fields: Any) -> dict[str, Any]:
    body = {"title": "Backend Engineer", "employer": "Stripe", **fields}
    response = api.post("/api/jobs", json=body)
    assert response.status_code == 201, response.text
    return response.json()["data"]


def add_event(api: TestClient, job_id: str, **body: Any) -> dict[str, Any]:
    response = api.post(f"/api/jobs/{job_id}/stages", json=body or SEED_TRANSITION)
    assert response.status_code == 201, response.text
    return response.json()["data"]


def snapshot(engine: Engine) -> list[tuple]:
    """Every row of the tables a job request can touch, to prove a refusal changed nothing."""
    with engine.connect() as conn:
        return [
            *conn.execute(text("SELECT * FROM jobs ORDER BY id")).all(),
            *conn.execute(text("SELECT * FROM stage_events ORDER BY id")).all(),
        ]


def assert_error(response: Any, status: int, code: str, field: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert body["meta"]["requestId"] == response.headers["x-request-id"]
    if field is not None:
        assert body["error"]["details"]["field"] == field
    return body["error"]


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


# POST /api/jobs


def test_creating_a_job_answers_201_with_the_applied_job(api: TestClient, engine: Engine) -> None:
    response = api.post("/api/jobs", json={"title": "Backend Engineer", "employer": "Stripe"})

    job = response.json()["data"]
    assert response.status_code == 201
    assert (job["status"], job["currentStage"]) == ("applied", "applied")
    assert job["appliedAt"].endswith("Z")
    assert api.get(f"/api/jobs/{job['id']}").json()["data"]["title"] == "Backend Engineer"


def test_a_job_may_be_created_with_an_earlier_applied_date_and_another_status(api: TestClient) -> None:
    earlier = add_job(api, appliedAt="2026-09-01T08:00:00Z")
    later = add_job(api, title="Maybe later", status="discovered")

    assert earlier["appliedAt"] == "2026-09-01T08:00:00Z"
    assert (later["status"], later["appliedAt"]) == ("discovered", None)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"employer": "Stripe"}, "title"),
        ({"title": "Engineer"}, "employer"),
        ({"title": 5, "employer": "Stripe"}, "title"),
        ({"title": "Engineer", "employer": "Stripe", "status": "hired"}, "status"),
        ({"title": "Engineer", "employer": "Stripe", "appliedAt": "yesterday"}, "appliedAt"),
        ({"title": "Engineer", "employer": "Stripe", "appliedAt": "2999-01-01"}, "appliedAt"),
        ({"title": "Engineer", "employer": "Stripe", "jobUrl": "javascript:alert(1)"}, "jobUrl"),
        ({"title": "Engineer", "employer": "Stripe", "salary": 100}, "salary"),
    ],
)
def test_a_bad_job_is_refused_naming_the_field_and_nothing_is_stored(
    api: TestClient, engine: Engine, body: dict, field: str
) -> None:
    before = snapshot(engine)

    response = api.post("/api/jobs", json=body)

    assert_error(response, 400, "INVALID_REQUEST", field)
    assert snapshot(engine) == before


# GET /api/jobs and /api/jobs/{id}


def test_jobs_are_listed_with_a_total_and_filtered_by_status(api: TestClient) -> None:
    moving = add_job(api, title="Platform Engineer")
    add_job(api, title="Data Engineer")
    add_event(api, moving["id"])

    everything = api.get("/api/jobs").json()["data"]
    in_progress = api.get("/api/jobs", params={"status": "in_progress"}).json()["data"]
    paged = api.get("/api/jobs", params={"limit": "1", "offset": "1"}).json()["data"]

    assert everything["total"] == 2 and len(everything["items"]) == 2
    assert [j["title"] for j in in_progress["items"]] == ["Platform Engineer"]
    assert paged["total"] == 2 and len(paged["items"]) == 1


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "hired"}, "status"),
        ({"limit": "0"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"limit": "²"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"sort": "title"}, "sort"),
    ],
)
def test_a_bad_list_query_is_refused_naming_the_parameter(api: TestClient, params: dict, field: str) -> None:
    assert_error(api.get("/api/jobs", params=params), 400, "INVALID_REQUEST", field)


def test_an_unknown_job_is_a_404_on_every_job_route(api: TestClient) -> None:
    missing = "/api/jobs/00000000-0000-0000-0000-000000000000"

    assert_error(api.get(missing), 404, "NOT_FOUND")
    assert_error(api.patch(missing, json={"notes": "x"}), 404, "NOT_FOUND")
    assert_error(api.delete(missing), 404, "NOT_FOUND")
    assert_error(api.patch(f"{missing}/outcome", json={"outcome": "rejected"}), 404, "NOT_FOUND")
    assert_error(api.post(f"{missing}/stages", json=SEED_TRANSITION), 404, "NOT_FOUND")
    assert_error(api.get(f"{missing}/events"), 404, "NOT_FOUND")
    assert_error(api.patch(f"{missing}/events/e1", json={"title": "x"}), 404, "NOT_FOUND")
    assert_error(api.delete(f"{missing}/events/e1"), 404, "NOT_FOUND")


# PATCH /api/jobs/{id}, DELETE /api/jobs/{id}


def test_patching_a_job_changes_only_the_given_fields(api: TestClient) -> None:
    job = add_job(api, location="Berlin")

    response = api.patch(f"/api/jobs/{job['id']}", json={"notes": "Referral from Sam"})

    patched = response.json()["data"]
    assert response.status_code == 200
    assert (patched["notes"], patched["location"]) == ("Referral from Sam", "Berlin")
    assert patched["title"] == job["title"]


def test_a_bad_patch_is_refused_and_changes_nothing(api: TestClient, engine: Engine) -> None:
    job = add_job(api)
    before = snapshot(engine)

    for body, field in (
        ({"notes": "fine", "status": "hired"}, "status"),
        ({"title": ""}, "title"),
        ({"currentStage": "offer"}, "currentStage"),
        ({"appliedAt": "2026-02-30"}, "appliedAt"),
    ):
        assert_error(api.patch(f"/api/jobs/{job['id']}", json=body), 400, "INVALID_REQUEST", field)

    assert snapshot(engine) == before


def test_deleting_a_job_removes_it_and_its_events(api: TestClient) -> None:
    job = add_job(api)

    response = api.delete(f"/api/jobs/{job['id']}")

    assert response.json()["data"] == {"id": job["id"], "deleted": True}
    assert_error(api.get(f"/api/jobs/{job['id']}/events"), 404, "NOT_FOUND")


# PATCH /api/jobs/{id}/outcome


def test_setting_an_outcome_closes_the_job(api: TestClient) -> None:
    job = add_job(api, appliedAt="2026-11-01")

    response = api.patch(
        f"/api/jobs/{job['id']}/outcome", json={"outcome": "rejected", "closedAt": "2026-11-20T10:00:00Z"}
    )

    closed = response.json()["data"]
    assert response.status_code == 200
    assert (closed["currentStage"], closed["outcome"], closed["closedAt"]) == (
        "closed",
        "rejected",
        "2026-11-20T10:00:00Z",
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "outcome"),
        ({"outcome": "hired"}, "outcome"),
        ({"outcome": "rejected", "closedAt": 7}, "closedAt"),
        ({"outcome": "rejected", "reason": "x"}, "reason"),
    ],
)
def test_a_bad_outcome_is_refused_and_changes_nothing(
    api: TestClient, engine: Engine, body: dict, field: str
) -> None:
    job = add_job(api)
    before = snapshot(engine)

    assert_error(api.patch(f"/api/jobs/{job['id']}/outcome", json=body), 400, "INVALID_REQUEST", field)
    assert snapshot(engine) == before


# POST /api/jobs/{id}/stages


def test_the_seed_curl_moves_a_job_to_technical_interview(api: TestClient) -> None:
    job = add_job(api)

    response = api.post(
        f"/api/jobs/{job['id']}/stages",
        headers={"content-type": "application/json"},
        content=json.dumps(SEED_TRANSITION),
    )

    event = response.json()["data"]
    assert response.status_code == 201
    assert (event["toStage"], event["fromStage"], event["title"]) == (
        "technical_interview",
        "applied",
        "Moved to Technical Interview",
    )
    assert event["metadata"] == SEED_TRANSITION["metadata"]
    moved = api.get(f"/api/jobs/{job['id']}").json()["data"]
    assert (moved["currentStage"], moved["status"]) == ("technical_interview", "in_progress")


def test_a_back_dated_closing_event_records_outcome_and_closed_at(api: TestClient) -> None:
    job = add_job(api, appliedAt="2026-10-01")

    add_event(api, job["id"], toStage="closed", outcome="withdrawn", occurredAt="2026-10-20")

    closed = api.get(f"/api/jobs/{job['id']}").json()["data"]
    assert (closed["outcome"], closed["closedAt"]) == ("withdrawn", "2026-10-20T00:00:00Z")


def test_the_workflow_documents_unix_seconds_are_accepted_for_every_date(api: TestClient) -> None:
    job = add_job(api, appliedAt=1761998400)  # 2025-11-01T12:00:00Z

    event = add_event(api, job["id"], toStage="recruiter_screen", occurredAt=1763900000)
    closed = api.patch(
        f"/api/jobs/{job['id']}/outcome", json={"outcome": "rejected", "closedAt": 1764000000.5}
    )

    assert job["appliedAt"] == "2025-11-01T12:00:00Z"
    assert event["occurredAt"] == "2025-11-23T12:13:20Z"
    assert closed.json()["data"]["closedAt"] == "2025-11-24T16:00:00.500000Z"


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("stages", {"toStage": "offer", "occurredAt": 1763900000000}, "occurredAt"),
        ("stages", {"toStage": "offer", "occurredAt": 42}, "occurredAt"),
        ("stages", {"toStage": "offer", "occurredAt": 4102444800}, "occurredAt"),
        ("outcome", {"outcome": "rejected", "closedAt": -1763900000}, "closedAt"),
        ("", {"appliedAt": 1e300}, "appliedAt"),
    ],
)
def test_unix_seconds_out_of_range_are_refused_naming_the_field(
    api: TestClient, engine: Engine, path: str, body: dict, field: str
) -> None:
    job = add_job(api)
    before = snapshot(engine)
    url = f"/api/jobs/{job['id']}/{path}".rstrip("/")

    response = api.post(url, json=body) if path == "stages" else api.patch(url, json=body)

    assert_error(response, 400, "INVALID_REQUEST", field)
    assert snapshot(engine) == before


def test_an_event_older_than_the_application_moves_the_applied_date_and_says_so(api: TestClient) -> None:
    job = add_job(api)  # applied today: no date typed

    event = add_event(api, job["id"], toStage="closed", outcome="rejected", occurredAt="2025-11-20T15:00:00Z")

    assert event["appliedMovedTo"] == "2025-11-20T00:00:00Z"
    closed = api.get(f"/api/jobs/{job['id']}").json()["data"]
    assert (closed["currentStage"], closed["outcome"], closed["closedAt"], closed["appliedAt"]) == (
        "closed",
        "rejected",
        "2025-11-20T15:00:00Z",
        "2025-11-20T00:00:00Z",
    )
    events = api.get(f"/api/jobs/{job['id']}/events").json()["data"]["items"]
    assert [(e["toStage"], e["metadata"].get("reasonCode")) for e in events] == [
        ("applied", "applied_date_moved"),
        ("closed", None),
    ]


def test_a_date_only_applied_date_starts_that_day_in_the_configured_zone(
    api: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBOPS_TIMEZONE", "Europe/Paris")

    job = add_job(api, appliedAt="2026-10-01")

    assert job["appliedAt"] == "2026-09-30T22:00:00Z"


def test_the_applied_event_cannot_be_moved_after_a_later_event(api: TestClient, engine: Engine) -> None:
    job = add_job(api, appliedAt="2026-10-01")
    add_event(api, job["id"], toStage="recruiter_screen", occurredAt="2026-10-05")
    applied = api.get(f"/api/jobs/{job['id']}/events").json()["data"]["items"][0]
    before = snapshot(engine)

    edit = api.patch(f"/api/jobs/{job['id']}/events/{applied['id']}", json={"occurredAt": "2026-10-09"})
    patch = api.patch(f"/api/jobs/{job['id']}", json={"appliedAt": "2026-10-09"})

    assert_error(edit, 400, "INVALID_REQUEST", "occurredAt")
    assert_error(patch, 400, "INVALID_REQUEST", "appliedAt")
    assert snapshot(engine) == before


def test_a_no_change_event_stays_in_the_current_stage(api: TestClient) -> None:
    job = add_job(api)
    add_event(api, job["id"])

    metadata = {"eventType": "note", "note": "Sent thanks"}
    note = add_event(api, job["id"], toStage="no_change", metadata=metadata)

    assert note["toStage"] == "technical_interview"
    assert api.get(f"/api/jobs/{job['id']}").json()["data"]["status"] == "in_progress"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "toStage"),
        ({"toStage": "phone_screen"}, "toStage"),
        ({"toStage": ["offer"]}, "toStage"),
        ({"toStage": "offer", "outcome": "rejected"}, "outcome"),
        ({"toStage": "closed", "outcome": "hired"}, "outcome"),
        ({"toStage": "offer", "occurredAt": "next week"}, "occurredAt"),
        ({"toStage": "offer", "occurredAt": "0001-01-01T00:00:00+05:00"}, "occurredAt"),
        ({"toStage": "offer", "occurredAt": "9999-12-31T23:00:00-05:00"}, "occurredAt"),
        ({"toStage": "offer", "occurredAt": True}, "occurredAt"),
        ({"toStage": "offer", "metadata": "urgent"}, "metadata"),
        ({"toStage": "offer", "metadata": {"actor": "robot"}}, "metadata.actor"),
        ({"toStage": "offer", "metadata": {"eventType": "party"}}, "metadata.eventType"),
        ({"toStage": "offer", "metadata": {"externalUrl": "file:///etc/passwd"}}, "metadata.externalUrl"),
        ({"toStage": "offer", "metadata": {"mood": "great"}}, "mood"),
        ({"toStage": "offer", "stage": "offer"}, "stage"),
    ],
)
def test_a_bad_stage_change_is_refused_naming_the_field_and_changes_nothing(
    api: TestClient, engine: Engine, body: dict, field: str
) -> None:
    job = add_job(api)
    before = snapshot(engine)

    assert_error(api.post(f"/api/jobs/{job['id']}/stages", json=body), 400, "INVALID_REQUEST", field)
    assert snapshot(engine) == before


# GET, PATCH, DELETE /api/jobs/{id}/events


def test_events_are_listed_oldest_first_and_newest_first_on_request(api: TestClient) -> None:
    job = add_job(api, appliedAt="2026-10-01")
    add_event(api, job["id"], toStage="onsite", occurredAt="2026-10-20")
    add_event(api, job["id"], toStage="recruiter_screen", occurredAt="2026-10-05")

    oldest = api.get(f"/api/jobs/{job['id']}/events").json()["data"]
    newest = api.get(f"/api/jobs/{job['id']}/events", params={"order": "desc"}).json()["data"]

    assert oldest["total"] == 3
    assert [e["toStage"] for e in oldest["items"]] == ["applied", "recruiter_screen", "onsite"]
    assert [e["toStage"] for e in newest["items"]] == ["onsite", "recruiter_screen", "applied"]
    assert_error(
        api.get(f"/api/jobs/{job['id']}/events", params={"order": "random"}), 400, "INVALID_REQUEST", "order"
    )


def test_editing_an_event_recomputes_the_job(api: TestClient) -> None:
    job = add_job(api)
    event = add_event(api, job["id"])

    response = api.patch(
        f"/api/jobs/{job['id']}/events/{event['id']}",
        json={"toStage": "closed", "outcome": "offer_accepted", "title": "Signed!"},
    )

    assert response.status_code == 200
    assert response.json()["data"]["title"] == "Signed!"
    closed = api.get(f"/api/jobs/{job['id']}").json()["data"]
    assert (closed["currentStage"], closed["outcome"]) == ("closed", "offer_accepted")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"toStage": "no_change"}, "toStage"),
        ({"occurredAt": None}, "occurredAt"),
        ({"title": ""}, "title"),
        ({"outcome": "rejected"}, "outcome"),
        ({"metadata": []}, "metadata"),
        ({"jobId": "x"}, "jobId"),
    ],
)
def test_a_bad_event_edit_is_refused_and_changes_nothing(
    api: TestClient, engine: Engine, body: dict, field: str
) -> None:
    job = add_job(api)
    event = add_event(api, job["id"])
    before = snapshot(engine)

    response = api.patch(f"/api/jobs/{job['id']}/events/{event['id']}", json=body)
    assert_error(response, 400, "INVALID_REQUEST", field)
    assert snapshot(engine) == before


def test_deleting_an_event_falls_back_to_the_previous_stage(api: TestClient) -> None:
    job = add_job(api)
    event = add_event(api, job["id"])

    response = api.delete(f"/api/jobs/{job['id']}/events/{event['id']}")

    assert response.json()["data"] == {"id": event["id"], "deleted": True}
    back = api.get(f"/api/jobs/{job['id']}").json()["data"]
    assert (back["currentStage"], back["status"]) == ("applied", "applied")


def test_an_event_is_only_reachable_through_its_own_job(api: TestClient, engine: Engine) -> None:
    first, second = add_job(api), add_job(api, title="Other")
    event = add_event(api, first["id"])
    before = snapshot(engine)

    wrong_path = f"/api/jobs/{second['id']}/events/{event['id']}"
    assert_error(api.patch(wrong_path, json={"title": "x"}), 404, "NOT_FOUND")
    assert_error(api.delete(wrong_path), 404, "NOT_FOUND")
    assert snapshot(engine) == before


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
    job = add_job(api)
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
    job = add_job(api)
    event = add_event(api, job["id"])
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


def test_dates_in_answers_are_utc_with_a_z(api: TestClient) -> None:
    job = add_job(api, appliedAt="2026-10-01T10:00:00+02:00")

    assert job["appliedAt"] == "2026-10-01T08:00:00Z"
    created = datetime.fromisoformat(job["createdAt"].replace("Z", "+00:00"))
    assert abs(created - datetime.now(UTC)) < timedelta(seconds=10)


def test_salary_and_recruiter_are_saved_edited_and_read_back(api: TestClient) -> None:
    job = add_job(api, salary="€60–70k", recruiterName="Anna Berg", recruiterEmail="anna@acme.example")

    patched = api.patch(f"/api/jobs/{job['id']}", json={"recruiterName": "Anna B."})
    read = api.get(f"/api/jobs/{job['id']}").json()["data"]

    assert patched.status_code == 200
    assert (read["salary"], read["recruiterName"], read["recruiterEmail"]) == (
        "€60–70k",
        "Anna B.",
        "anna@acme.example",
    )


def test_a_bad_recruiter_address_is_a_400_naming_the_field_and_changes_nothing(
    api: TestClient, engine: Engine
) -> None:
    job = add_job(api, recruiterEmail="anna@acme.example")
    before = snapshot(engine)

    response = api.patch(f"/api/jobs/{job['id']}", json={"recruiterEmail": "anna at acme"})

    assert_error(response, 400, "INVALID_REQUEST", "recruiterEmail")
    assert snapshot(engine) == before
