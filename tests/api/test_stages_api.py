"""Stage events over HTTP: log, list, edit and delete them; the job's stage follows, bad input changes nothing."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine
from starlette.testclient import TestClient

from tests.api.checks import assert_error, snapshot
from tests.builders import SEED_TRANSITION, post_event, post_job

# POST /api/jobs/{id}/stages


def test_the_seed_curl_moves_a_job_to_technical_interview(api: TestClient) -> None:
    job = post_job(api)

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
    job = post_job(api, appliedAt="2026-10-01")

    post_event(api, job["id"], toStage="closed", outcome="withdrawn", occurredAt="2026-10-20")

    closed = api.get(f"/api/jobs/{job['id']}").json()["data"]
    assert (closed["outcome"], closed["closedAt"]) == ("withdrawn", "2026-10-20T00:00:00Z")


def test_the_workflow_documents_unix_seconds_are_accepted_for_every_date(api: TestClient) -> None:
    job = post_job(api, appliedAt=1761998400)  # 2025-11-01T12:00:00Z

    event = post_event(api, job["id"], toStage="recruiter_screen", occurredAt=1763900000)
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
    job = post_job(api)
    before = snapshot(engine)
    url = f"/api/jobs/{job['id']}/{path}".rstrip("/")

    response = api.post(url, json=body) if path == "stages" else api.patch(url, json=body)

    assert_error(response, 400, "INVALID_REQUEST", field)
    assert snapshot(engine) == before


def test_an_event_older_than_the_application_moves_the_applied_date_and_says_so(api: TestClient) -> None:
    job = post_job(api)  # applied today: no date typed

    event = post_event(
        api, job["id"], toStage="closed", outcome="rejected", occurredAt="2025-11-20T15:00:00Z"
    )

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

    job = post_job(api, appliedAt="2026-10-01")

    assert job["appliedAt"] == "2026-09-30T22:00:00Z"


def test_the_applied_event_cannot_be_moved_after_a_later_event(api: TestClient, engine: Engine) -> None:
    job = post_job(api, appliedAt="2026-10-01")
    post_event(api, job["id"], toStage="recruiter_screen", occurredAt="2026-10-05")
    applied = api.get(f"/api/jobs/{job['id']}/events").json()["data"]["items"][0]
    before = snapshot(engine)

    edit = api.patch(f"/api/jobs/{job['id']}/events/{applied['id']}", json={"occurredAt": "2026-10-09"})
    patch = api.patch(f"/api/jobs/{job['id']}", json={"appliedAt": "2026-10-09"})

    assert_error(edit, 400, "INVALID_REQUEST", "occurredAt")
    assert_error(patch, 400, "INVALID_REQUEST", "appliedAt")
    assert snapshot(engine) == before


def test_a_no_change_event_stays_in_the_current_stage(api: TestClient) -> None:
    job = post_job(api)
    post_event(api, job["id"])

    metadata = {"eventType": "note", "note": "Sent thanks"}
    note = post_event(api, job["id"], toStage="no_change", metadata=metadata)

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
    job = post_job(api)
    before = snapshot(engine)

    assert_error(api.post(f"/api/jobs/{job['id']}/stages", json=body), 400, "INVALID_REQUEST", field)
    assert snapshot(engine) == before


# GET, PATCH, DELETE /api/jobs/{id}/events


def test_events_are_listed_oldest_first_and_newest_first_on_request(api: TestClient) -> None:
    job = post_job(api, appliedAt="2026-10-01")
    post_event(api, job["id"], toStage="onsite", occurredAt="2026-10-20")
    post_event(api, job["id"], toStage="recruiter_screen", occurredAt="2026-10-05")

    oldest = api.get(f"/api/jobs/{job['id']}/events").json()["data"]
    newest = api.get(f"/api/jobs/{job['id']}/events", params={"order": "desc"}).json()["data"]

    assert oldest["total"] == 3
    assert [e["toStage"] for e in oldest["items"]] == ["applied", "recruiter_screen", "onsite"]
    assert [e["toStage"] for e in newest["items"]] == ["onsite", "recruiter_screen", "applied"]
    assert_error(
        api.get(f"/api/jobs/{job['id']}/events", params={"order": "random"}), 400, "INVALID_REQUEST", "order"
    )


def test_editing_an_event_recomputes_the_job(api: TestClient) -> None:
    job = post_job(api)
    event = post_event(api, job["id"])

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
    job = post_job(api)
    event = post_event(api, job["id"])
    before = snapshot(engine)

    response = api.patch(f"/api/jobs/{job['id']}/events/{event['id']}", json=body)
    assert_error(response, 400, "INVALID_REQUEST", field)
    assert snapshot(engine) == before


def test_deleting_an_event_falls_back_to_the_previous_stage(api: TestClient) -> None:
    job = post_job(api)
    event = post_event(api, job["id"])

    response = api.delete(f"/api/jobs/{job['id']}/events/{event['id']}")

    assert response.json()["data"] == {"id": event["id"], "deleted": True}
    back = api.get(f"/api/jobs/{job['id']}").json()["data"]
    assert (back["currentStage"], back["status"]) == ("applied", "applied")


def test_an_event_is_only_reachable_through_its_own_job(api: TestClient, engine: Engine) -> None:
    first, second = post_job(api), post_job(api, title="Other")
    event = post_event(api, first["id"])
    before = snapshot(engine)

    wrong_path = f"/api/jobs/{second['id']}/events/{event['id']}"
    assert_error(api.patch(wrong_path, json={"title": "x"}), 404, "NOT_FOUND")
    assert_error(api.delete(wrong_path), 404, "NOT_FOUND")
    assert snapshot(engine) == before
