"""Scheduled sync syncs every connected account at its interval and stops cleanly."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import Engine

from jobops.config import Settings
from jobops.db import session_scope
from jobops.gmail import client, sync
from jobops.gmail.schedule import ScheduledSync, start_scheduled_sync
from tests.fake_google import FakeGoogle
from tests.gmail.conftest import connect


def test_a_zero_interval_schedules_nothing(engine: Engine) -> None:
    assert start_scheduled_sync(engine, 0) is None


def test_each_round_syncs_the_connected_accounts(
    engine: Engine, settings: Settings, google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client, "PACING_UNITS_PER_SECOND", 1_000_000)
    connect(engine, settings, "default")
    connect(engine, settings, "work")
    google.add_message()

    schedule = ScheduledSync(engine, 0.05, settings=settings).start()
    deadline = time.monotonic() + 5
    while schedule.rounds < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    schedule.stop()

    with session_scope(engine) as session:
        runs = sync.list_runs(session, "gmail", limit=50)
    assert {r["accountKey"] for r in runs} == {"default", "work"}
    assert all(r["status"] == "completed" for r in runs)
    assert schedule.rounds >= 2
