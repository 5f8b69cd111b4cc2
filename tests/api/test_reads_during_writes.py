"""GET routes read without the write lock: they answer while an import or a sync is writing."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from starlette.testclient import TestClient

from tests.fakes.write_lock import impatient_database, write_lock_held


def test_listing_jobs_answers_while_another_connection_holds_the_write_lock(
    api: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = api.post("/api/jobs", json={"title": "Backend Engineer", "employer": "Stripe"}).json()["data"]
    engine: Engine = impatient_database(monkeypatch)

    with write_lock_held(engine):
        listing = api.get("/api/jobs")
        one = api.get(f"/api/jobs/{created['id']}/events")

    assert listing.status_code == 200, listing.json()
    assert [job["id"] for job in listing.json()["data"]["items"]] == [created["id"]]
    assert one.status_code == 200 and one.json()["data"]["items"][0]["toStage"] == "applied"


@pytest.mark.sqlite_only  # PostgreSQL has no database-wide write lock: writers to different rows go side by side
def test_a_change_still_waits_for_the_write_lock_and_says_the_database_is_busy(
    api: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = impatient_database(monkeypatch)

    with write_lock_held(engine):
        refused = api.post("/api/jobs", json={"title": "Backend Engineer", "employer": "Stripe"})

    assert refused.status_code == 503
    assert refused.json()["error"]["code"] == "SERVICE_UNAVAILABLE"
    assert api.get("/api/jobs").json()["data"]["total"] == 0
