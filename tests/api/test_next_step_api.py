"""A job's next step over the API: set on create, changed and cleared with PATCH, read back, refused by field."""

from __future__ import annotations

from starlette.testclient import TestClient

from tests.api.checks import assert_error, snapshot
from tests.builders import post_job

STEP = {"nextStep": "Technical interview with Anna", "nextStepDue": "2026-12-02", "nextStepTime": "14:30"}


def test_a_job_created_with_a_next_step_reads_it_back(api: TestClient) -> None:
    job = post_job(api, **STEP)

    read = api.get(f"/api/jobs/{job['id']}").json()["data"]

    assert {k: read[k] for k in STEP} == STEP


def test_patch_moves_the_day_and_keeps_the_step(api: TestClient) -> None:
    job = post_job(api, **STEP)

    response = api.patch(f"/api/jobs/{job['id']}", json={"nextStepDue": "2026-12-04"})

    assert response.status_code == 200, response.text
    assert response.json()["data"]["nextStepDue"] == "2026-12-04"
    assert response.json()["data"]["nextStep"] == STEP["nextStep"]


def test_patch_with_an_empty_step_clears_it(api: TestClient) -> None:
    job = post_job(api, **STEP)

    data = api.patch(f"/api/jobs/{job['id']}", json={"nextStep": None}).json()["data"]

    assert (data["nextStep"], data["nextStepDue"], data["nextStepTime"]) == (None, None, None)


def test_a_step_without_a_day_is_a_400_naming_the_field_and_nothing_changes(api: TestClient, engine) -> None:
    job = post_job(api)
    before = snapshot(engine)

    response = api.patch(f"/api/jobs/{job['id']}", json={"nextStep": "Call Anna"})

    assert_error(response, 400, "INVALID_REQUEST", field="nextStepDue")
    assert snapshot(engine) == before


def test_a_time_that_is_not_a_clock_time_is_a_400(api: TestClient) -> None:
    response = api.post(
        "/api/jobs", json={"title": "Engineer", "employer": "Acme", **STEP, "nextStepTime": "2pm"}
    )

    assert_error(response, 400, "INVALID_REQUEST", field="nextStepTime")


def test_the_job_list_carries_next_steps(api: TestClient) -> None:
    post_job(api, **STEP)

    (item,) = api.get("/api/jobs").json()["data"]["items"]

    assert item["nextStepDue"] == "2026-12-02"
