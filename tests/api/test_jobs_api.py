"""The jobs API over HTTP: create, list, read, edit, close and delete jobs, and every kind of bad input."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine
from starlette.testclient import TestClient

from tests.api.checks import assert_error, snapshot
from tests.builders import SEED_TRANSITION, post_event, post_job

# POST /api/jobs


def test_creating_a_job_answers_201_with_the_applied_job(api: TestClient, engine: Engine) -> None:
    response = api.post("/api/jobs", json={"title": "Backend Engineer", "employer": "Stripe"})

    job = response.json()["data"]
    assert response.status_code == 201
    assert (job["status"], job["currentStage"]) == ("applied", "applied")
    assert job["appliedAt"].endswith("Z")
    assert api.get(f"/api/jobs/{job['id']}").json()["data"]["title"] == "Backend Engineer"


def test_a_job_may_be_created_with_an_earlier_applied_date_and_another_status(api: TestClient) -> None:
    earlier = post_job(api, appliedAt="2026-09-01T08:00:00Z")
    later = post_job(api, title="Maybe later", status="discovered")

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
    moving = post_job(api, title="Platform Engineer")
    post_job(api, title="Data Engineer")
    post_event(api, moving["id"])

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
    job = post_job(api, location="Berlin")

    response = api.patch(f"/api/jobs/{job['id']}", json={"notes": "Referral from Sam"})

    patched = response.json()["data"]
    assert response.status_code == 200
    assert (patched["notes"], patched["location"]) == ("Referral from Sam", "Berlin")
    assert patched["title"] == job["title"]


def test_a_bad_patch_is_refused_and_changes_nothing(api: TestClient, engine: Engine) -> None:
    job = post_job(api)
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
    job = post_job(api)

    response = api.delete(f"/api/jobs/{job['id']}")

    assert response.json()["data"] == {"id": job["id"], "deleted": True}
    assert_error(api.get(f"/api/jobs/{job['id']}/events"), 404, "NOT_FOUND")


# PATCH /api/jobs/{id}/outcome


def test_setting_an_outcome_closes_the_job(api: TestClient) -> None:
    job = post_job(api, appliedAt="2026-11-01")

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
    job = post_job(api)
    before = snapshot(engine)

    assert_error(api.patch(f"/api/jobs/{job['id']}/outcome", json=body), 400, "INVALID_REQUEST", field)
    assert snapshot(engine) == before


def test_dates_in_answers_are_utc_with_a_z(api: TestClient) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    job = post_job(api, appliedAt="2026-10-01T10:00:00+02:00")
    after = datetime.now(UTC)

    assert job["appliedAt"] == "2026-10-01T08:00:00Z"
    assert job["createdAt"].endswith("Z")
    assert before <= datetime.fromisoformat(job["createdAt"].replace("Z", "+00:00")) <= after


def test_salary_and_recruiter_are_saved_edited_and_read_back(api: TestClient) -> None:
    job = post_job(api, salary="€60–70k", recruiterName="Anna Berg", recruiterEmail="anna@acme.example")

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
    job = post_job(api, recruiterEmail="anna@acme.example")
    before = snapshot(engine)

    response = api.patch(f"/api/jobs/{job['id']}", json={"recruiterEmail": "anna at acme"})

    assert_error(response, 400, "INVALID_REQUEST", "recruiterEmail")
    assert snapshot(engine) == before
