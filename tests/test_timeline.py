"""A job's timeline in order: the Applied event comes first, and the applied date moves with it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from jobops import tracking
from jobops.errors import InvalidInput
from jobops.jobs import get_job
from tests.builders import NOW, add_job, edit_event
from tests.builders import applied_ago as applied_job
from tests.builders import move_ago as move


def day_start(moment: datetime) -> datetime:
    """The start of that day in the tests' time zone (UTC)."""
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def test_an_event_older_than_the_application_moves_the_applied_date_back_to_its_day(session: Session) -> None:
    job_id = applied_job(session, days_ago=10)
    screen_at = NOW - timedelta(days=20)

    event = move(session, job_id, "recruiter_screen", occurred_at=screen_at)

    assert event.applied_moved_to == day_start(screen_at)
    events = tracking.list_events(session, job_id)
    assert [(e.to_stage, e.occurred_at) for e in events] == [
        ("applied", day_start(screen_at)),
        ("recruiter_screen", screen_at),
    ]
    assert events[0].metadata.reason_code == tracking.APPLIED_MOVED
    job = get_job(session, job_id)
    assert (job.applied_at, job.current_stage, job.status) == (
        day_start(screen_at),
        "recruiter_screen",
        "in_progress",
    )


def test_an_event_after_the_application_leaves_the_applied_date_alone(session: Session) -> None:
    job_id = applied_job(session, days_ago=10)

    event = move(session, job_id, "recruiter_screen", days_ago=5)

    assert event.applied_moved_to is None
    assert get_job(session, job_id).applied_at == NOW - timedelta(days=10)


def test_closing_a_job_added_today_as_of_last_week_closes_it(session: Session) -> None:
    job_id = add_job(session, **{"title": "Backend Engineer", "employer": "Acme"}).id

    move(session, job_id, "closed", days_ago=7, outcome="rejected")

    job = get_job(session, job_id)
    assert [e.to_stage for e in tracking.list_events(session, job_id)] == ["applied", "closed"]
    assert (job.current_stage, job.outcome, job.closed_at) == (
        "closed",
        "rejected",
        NOW - timedelta(days=7),
    )


def test_a_back_dated_note_takes_the_stage_the_job_was_in_then(session: Session) -> None:
    job_id = applied_job(session, days_ago=30)
    move(session, job_id, "recruiter_screen", days_ago=20)
    move(session, job_id, "technical_interview", days_ago=5)

    note = move(session, job_id, "no_change", days_ago=10, metadata={"note": "Sent a thank-you mail"})

    assert note.to_stage == "recruiter_screen"
    assert get_job(session, job_id).current_stage == "technical_interview"


def test_editing_an_event_to_before_the_application_moves_the_applied_date(session: Session) -> None:
    job_id = applied_job(session, days_ago=10)
    screen = move(session, job_id, "recruiter_screen", days_ago=5)

    edited = edit_event(session, job_id, screen.id, **{"occurredAt": NOW - timedelta(days=15)})

    assert edited.applied_moved_to == day_start(NOW - timedelta(days=15))
    assert [e.to_stage for e in tracking.list_events(session, job_id)] == ["applied", "recruiter_screen"]


def test_redating_the_applied_event_moves_the_applied_date_with_it(session: Session) -> None:
    job_id = applied_job(session, days_ago=10)
    (applied,) = tracking.list_events(session, job_id)

    edit_event(session, job_id, applied.id, **{"occurredAt": NOW - timedelta(days=12)})

    assert get_job(session, job_id).applied_at == NOW - timedelta(days=12)


def test_the_applied_event_cannot_be_dated_after_another_event(session: Session) -> None:
    job_id = applied_job(session, days_ago=10)
    move(session, job_id, "recruiter_screen", days_ago=5)
    applied = tracking.list_events(session, job_id)[0]

    with pytest.raises(InvalidInput) as exc:
        edit_event(session, job_id, applied.id, **{"occurredAt": NOW - timedelta(days=1)})

    assert exc.value.field == "occurredAt"
    assert "Recruiter Screen" in exc.value.message
