"""Logging stage events: a job's stage, status, outcome and dates follow what is logged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from jobops import tracking
from jobops.errors import InvalidInput, NotFound
from jobops.jobs import get_job
from jobops.models import StageEvent
from tests.builders import NOW, edit_job
from tests.builders import applied_ago as applied_job
from tests.builders import move_ago as move


def test_a_new_applied_job_starts_its_timeline_with_an_applied_event(session: Session) -> None:
    job_id = applied_job(session)

    events = tracking.list_events(session, job_id)

    assert [e.to_stage for e in events] == ["applied"]
    assert get_job(session, job_id).current_stage == "applied"
    assert get_job(session, job_id).status == "applied"


def test_the_current_stage_is_the_stage_of_the_latest_event(session: Session) -> None:
    job_id = applied_job(session)
    move(session, job_id, "recruiter_screen", days_ago=20)
    move(session, job_id, "technical_interview", days_ago=10)

    job = get_job(session, job_id)

    assert job.current_stage == "technical_interview"
    assert job.stage_changed_at == job.last_event_at


def test_a_back_dated_event_older_than_the_latest_does_not_become_the_current_stage(session: Session) -> None:
    job_id = applied_job(session)
    move(session, job_id, "technical_interview", days_ago=5)

    move(session, job_id, "recruiter_screen", days_ago=20)

    assert get_job(session, job_id).current_stage == "technical_interview"


def test_moving_past_applied_marks_job_in_progress(session: Session) -> None:
    job_id = applied_job(session)

    move(session, job_id, "recruiter_screen")

    assert get_job(session, job_id).status == "in_progress"


def test_moving_back_to_applied_makes_the_status_applied_again(session: Session) -> None:
    job_id = applied_job(session)
    move(session, job_id, "recruiter_screen", days_ago=10)

    move(session, job_id, "applied", days_ago=1)

    assert get_job(session, job_id).status == "applied"


def test_closing_records_the_outcome_and_closed_at(session: Session) -> None:
    job_id = applied_job(session)
    closed_on = NOW - timedelta(days=3)

    event = move(session, job_id, "closed", occurred_at=closed_on, outcome="rejected")

    job = get_job(session, job_id)
    assert event.outcome == "rejected"
    assert job.current_stage == "closed"
    assert job.outcome == "rejected"
    assert job.closed_at == closed_on
    assert job.status == "in_progress"


def test_reopening_a_closed_job_clears_its_outcome_and_closed_at(session: Session) -> None:
    job_id = applied_job(session)
    move(session, job_id, "closed", days_ago=5, outcome="ghosted")

    move(session, job_id, "recruiter_screen", days_ago=1)

    job = get_job(session, job_id)
    assert (job.outcome, job.closed_at, job.current_stage) == (None, None, "recruiter_screen")


def test_an_outcome_on_a_stage_other_than_closed_is_refused(session: Session) -> None:
    job_id = applied_job(session)

    with pytest.raises(InvalidInput) as exc:
        move(session, job_id, "offer", outcome="offer_accepted")

    assert exc.value.field == "outcome"
    assert len(tracking.list_events(session, job_id)) == 1


def test_occurred_at_defaults_to_now(session: Session) -> None:
    job_id = applied_job(session)

    before = datetime.now(UTC)
    event = move(session, job_id, "recruiter_screen")
    after = datetime.now(UTC)

    assert before <= event.occurred_at <= after


def test_occurred_at_may_be_back_dated_with_iso_text(session: Session) -> None:
    job_id = applied_job(session, days_ago=60)

    event = move(session, job_id, "recruiter_screen", occurred_at="2026-01-15T09:30:00+01:00")

    assert event.occurred_at == datetime(2026, 1, 15, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (1763900000, datetime(2025, 11, 23, 12, 13, 20, tzinfo=UTC)),
        (1763900000.25, datetime(2025, 11, 23, 12, 13, 20, 250000, tzinfo=UTC)),
    ],
)
def test_occurred_at_may_be_given_in_unix_seconds(
    session: Session, seconds: float, expected: datetime
) -> None:
    job_id = applied_job(session, appliedAt="2025-11-01")

    event = move(session, job_id, "recruiter_screen", occurred_at=seconds)

    assert event.occurred_at == expected


def test_milliseconds_are_refused_with_a_hint(session: Session) -> None:
    job_id = applied_job(session)

    with pytest.raises(InvalidInput) as exc:
        move(session, job_id, "recruiter_screen", occurred_at=1763900000000)

    assert exc.value.field == "occurredAt"
    assert "milliseconds" in exc.value.message


@pytest.mark.parametrize(
    "bad",
    [
        "tomorrow",
        "2026-02-30",
        "1969-12-31",
        "9999-12-31",
        42,
        -1,
        1e308,
        float("nan"),
        float("inf"),
        10**400,
        True,
        [1763900000],
        4_102_444_801,
    ],
)
def test_a_wrong_or_future_date_is_refused_naming_occurred_at(session: Session, bad: object) -> None:
    job_id = applied_job(session)

    with pytest.raises(InvalidInput) as exc:
        move(session, job_id, "recruiter_screen", occurred_at=bad)

    assert exc.value.field == "occurredAt"


def test_events_are_listed_oldest_first(session: Session) -> None:
    job_id = applied_job(session, days_ago=30)
    move(session, job_id, "technical_interview", days_ago=5)
    move(session, job_id, "recruiter_screen", days_ago=20)

    stages = [e.to_stage for e in tracking.list_events(session, job_id)]

    assert stages == ["applied", "recruiter_screen", "technical_interview"]
    newest = [e.to_stage for e in tracking.list_events(session, job_id, newest_first=True)]
    assert newest == stages[::-1]


def test_no_change_logs_an_event_in_the_current_stage_and_leaves_status_alone(session: Session) -> None:
    job_id = applied_job(session)
    move(session, job_id, "technical_interview", days_ago=5)
    before = get_job(session, job_id)

    note = move(session, job_id, "no_change", metadata={"note": "Thank-you mail sent"})

    after = get_job(session, job_id)
    assert note.to_stage == "technical_interview"
    assert note.from_stage == "technical_interview"
    assert note.metadata.event_type == "note"
    assert note.title == "Note"
    assert (after.current_stage, after.status) == ("technical_interview", before.status)
    # A note does not reset how long the job has been in its stage.
    assert after.stage_changed_at == before.stage_changed_at


def test_no_change_on_a_closed_job_keeps_its_outcome(session: Session) -> None:
    job_id = applied_job(session)
    move(session, job_id, "closed", days_ago=3, outcome="rejected")

    move(session, job_id, "no_change", metadata={"note": "Asked for feedback"})

    job = get_job(session, job_id)
    assert (job.current_stage, job.outcome) == ("closed", "rejected")


def test_no_change_on_a_skipped_job_leaves_it_skipped(session: Session) -> None:
    job_id = applied_job(session)
    edit_job(session, job_id, **{"status": "skipped"})

    move(session, job_id, "no_change", metadata={"note": "Decided not to continue"})

    assert get_job(session, job_id).status == "skipped"


def test_an_interview_log_without_a_label_is_titled_interview_logged(session: Session) -> None:
    job_id = applied_job(session)

    event = move(session, job_id, "no_change", metadata={"eventType": "interview_log"})

    assert event.title == "Interview logged"


def test_the_seed_metadata_is_kept_on_the_event(session: Session) -> None:
    job_id = applied_job(session)
    metadata = {"actor": "user", "eventType": "status_update", "eventLabel": "Moved to Technical Interview"}

    event = move(session, job_id, "technical_interview", metadata=metadata)

    assert event.title == "Moved to Technical Interview"
    assert event.metadata.dump() == metadata


def test_unknown_metadata_fields_are_refused(session: Session) -> None:
    job_id = applied_job(session)

    with pytest.raises(InvalidInput) as exc:
        move(session, job_id, "offer", metadata={"actor": "user", "mood": "great"})

    assert exc.value.field == "mood"


def test_an_unknown_stage_is_refused_naming_to_stage(session: Session) -> None:
    job_id = applied_job(session)

    with pytest.raises(InvalidInput) as exc:
        move(session, job_id, "phone_screen")

    assert exc.value.field == "toStage"


def test_a_stage_change_for_an_unknown_job_is_not_found(session: Session) -> None:
    with pytest.raises(NotFound):
        move(session, "no-such-job", "offer")


def test_the_board_menu_offers_open_stages_and_each_closing_outcome() -> None:
    choices = dict(tracking.move_choices())

    assert "closed" not in choices
    assert choices["technical_interview"] == "Technical Interview"
    assert choices["closed:rejected"] == "Closed: Rejected"


def test_moving_from_the_board_to_closed_rejected_closes_with_that_outcome(session: Session) -> None:
    job_id = applied_job(session)

    event = tracking.move_job(session, job_id, "closed:rejected", note="Generic mail")

    job = get_job(session, job_id)
    assert (job.current_stage, job.outcome) == ("closed", "rejected")
    assert event.title == "Closed: Rejected"
    assert event.metadata.note == "Generic mail"


def test_an_event_stored_with_metadata_no_field_reads_is_still_listed(session: Session) -> None:
    job_id = applied_job(session)
    event = move(session, job_id, "recruiter_screen", metadata={"note": "Call Anna"})
    stored = session.get(StageEvent, event.id)
    assert stored is not None
    stored.meta = {**stored.meta, "legacyKey": "kept by an older version"}
    session.flush()

    (_, listed) = tracking.list_events(session, job_id)

    assert listed.metadata.dump() == {"actor": "user", "eventType": "status_update", "note": "Call Anna"}
