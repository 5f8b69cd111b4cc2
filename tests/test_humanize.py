"""Dates as people read them: relative phrases and local dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from jobops.humanize import as_local, days_between, local_date, local_datetime, relative_time

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("ago", "phrase"),
    [
        (timedelta(seconds=20), "just now"),
        (timedelta(minutes=1), "1 minute ago"),
        (timedelta(minutes=45), "45 minutes ago"),
        (timedelta(hours=1), "1 hour ago"),
        (timedelta(hours=5), "5 hours ago"),
        (timedelta(days=1, hours=2), "yesterday"),
        (timedelta(days=3), "3 days ago"),
        (timedelta(days=7), "1 week ago"),
        (timedelta(days=20), "2 weeks ago"),
        (timedelta(days=61), "2 months ago"),
        (timedelta(days=400), "1 year ago"),
        (-timedelta(days=1, hours=1), "tomorrow"),
        (-timedelta(days=2, hours=1), "in 2 days"),
        (-timedelta(minutes=10), "in 10 minutes"),
    ],
)
def test_relative_time_reads_like_speech(ago: timedelta, phrase: str) -> None:
    assert relative_time(NOW - ago, now=NOW) == phrase


def test_a_missing_moment_reads_never_or_a_dash() -> None:
    assert relative_time(None) == "never"
    assert local_date(None) == local_datetime(None) == "—"
    assert days_between(None) is None


def test_naive_moments_are_taken_as_utc() -> None:
    naive = (NOW - timedelta(days=3)).replace(tzinfo=None)

    assert relative_time(naive, now=NOW) == "3 days ago"
    assert days_between(naive, NOW) == 3
    assert as_local(naive) == NOW - timedelta(days=3)


def test_local_dates_are_shown_in_the_machines_time_zone() -> None:
    local = NOW.astimezone()

    assert local_date(NOW) == local.strftime("%a %d %b %Y")
    assert local_datetime(NOW) == local.strftime("%d %b %Y, %H:%M")


def test_days_between_counts_whole_days_and_never_goes_negative() -> None:
    assert days_between(NOW - timedelta(days=2, hours=23), NOW) == 2
    assert days_between(NOW + timedelta(days=1), NOW) == 0
