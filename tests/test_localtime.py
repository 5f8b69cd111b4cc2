"""The user's time zone: a date alone covers that whole day there, and dates are shown in it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from jobops import validation as check
from jobops.humanize import local_date
from jobops.localtime import start_of_day


@pytest.fixture
def machine_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run as if the machine were in Tokyo and no JOBOPS_TIMEZONE were set."""
    monkeypatch.delenv("JOBOPS_TIMEZONE", raising=False)
    monkeypatch.setenv("JOBOPS_SECRETS_FILE", "/nonexistent/secrets.toml")
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_date_alone_starts_at_midnight_in_the_configured_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBOPS_TIMEZONE", "America/Los_Angeles")

    assert check.moment("appliedAt", "2026-03-02") == datetime(2026, 3, 2, 8, tzinfo=UTC)
    assert check.moment("appliedAt", date(2026, 7, 2)) == datetime(2026, 7, 2, 7, tzinfo=UTC)


def test_without_a_setting_the_machines_zone_is_the_users(machine_zone: None) -> None:
    assert start_of_day(date(2026, 3, 2)) == datetime(2026, 3, 1, 15, tzinfo=UTC)


def test_an_unknown_zone_name_falls_back_to_the_machines_zone(
    machine_zone: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBOPS_TIMEZONE", "Mars/Olympus_Mons")

    assert start_of_day(date(2026, 3, 2)) == datetime(2026, 3, 1, 15, tzinfo=UTC)


def test_dates_are_shown_as_the_day_in_the_users_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBOPS_TIMEZONE", "Pacific/Auckland")

    assert local_date(datetime(2026, 3, 1, 20, tzinfo=UTC)) == "Mon 02 Mar 2026"
