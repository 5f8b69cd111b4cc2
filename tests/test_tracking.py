"""The stage rules: a job's stage, status, outcome and dates follow its events."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from jobops import tracking
from jobops.errors import Conflict, InvalidInput, NotFound
from jobops.jobs import get_job
from jobops.schemas.events import LoggedEvent
from tests import builders
from tests.builders import add_job, edit_event, edit_job

NOW = datetime.now(UTC)


def applied_job(session: Session, days_ago: int = 30, **fields: object) -> str:
    """A job applied to `days_ago` days ago, with its Applied event."""
    data = {"title": "Backend Engineer", "employer": "Acme", "appliedAt": NOW - timedelta(days=days_ago)}
    return add_job(session, **{**data, **fields}).id


def move(
    session: Session, job_id: str, stage: str, days_ago: float | None = None, **kwargs: object
) -> LoggedEvent:
    if days_ago is not None:
        kwargs["occurred_at"] = NOW - timedelta(days=days_ago)
    return builders.move(session, job_id, stage, **kwargs)


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

    event = move(session, job_id, "recruiter_screen")

    assert abs(event.occurred_at - datetime.now(UTC)) < timedelta(seconds=5)


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


def test_editing_an_event_stage_recomputes_the_job_stage(session: Session) -> None:
    job_id = applied_job(session)
    event = move(session, job_id, "recruiter_screen", days_ago=2)

    edit_event(session, job_id, event.id, **{"toStage": "onsite"})

    assert get_job(session, job_id).current_stage == "onsite"


def test_editing_an_event_date_reorders_the_timeline_and_the_current_stage(session: Session) -> None:
    job_id = applied_job(session)
    screen = move(session, job_id, "recruiter_screen", days_ago=10)
    move(session, job_id, "assessment", days_ago=5)

    edit_event(session, job_id, screen.id, **{"occurredAt": NOW - timedelta(days=1)})

    stages = [e.to_stage for e in tracking.list_events(session, job_id)]
    assert stages == ["applied", "assessment", "recruiter_screen"]
    assert get_job(session, job_id).current_stage == "recruiter_screen"


def test_editing_the_closing_event_into_an_open_stage_reopens_the_job(session: Session) -> None:
    job_id = applied_job(session)
    closing = move(session, job_id, "closed", days_ago=1, outcome="rejected")

    edited = edit_event(session, job_id, closing.id, **{"toStage": "offer"})

    job = get_job(session, job_id)
    assert edited.outcome is None
    assert (job.current_stage, job.outcome, job.closed_at) == ("offer", None, None)


def test_editing_an_event_into_closed_with_an_outcome_closes_the_job(session: Session) -> None:
    job_id = applied_job(session)
    event = move(session, job_id, "offer", days_ago=1)

    edit_event(session, job_id, event.id, **{"toStage": "closed", "outcome": "offer_accepted"})

    job = get_job(session, job_id)
    assert (job.current_stage, job.outcome) == ("closed", "offer_accepted")


def test_editing_an_event_merges_metadata_and_an_empty_note_removes_it(session: Session) -> None:
    job_id = applied_job(session)
    event = move(session, job_id, "recruiter_screen", metadata={"eventLabel": "Call", "note": "Anna"})

    edited = edit_event(session, job_id, event.id, **{"metadata": {"note": ""}})

    assert edited.metadata.dump() == {"actor": "user", "eventType": "status_update", "eventLabel": "Call"}


def test_a_rejected_edit_names_the_field(session: Session) -> None:
    job_id = applied_job(session)
    event = move(session, job_id, "recruiter_screen")

    for changes, field in (
        ({"toStage": "no_change"}, "toStage"),
        ({"occurredAt": "soon"}, "occurredAt"),
        ({"title": "  "}, "title"),
        ({"outcome": "rejected"}, "outcome"),
        ({"color": "red"}, "color"),
    ):
        with pytest.raises(InvalidInput) as exc:
            edit_event(session, job_id, event.id, **changes)
        assert exc.value.field == field


def test_deleting_the_latest_event_falls_back_to_the_previous_stage(session: Session) -> None:
    job_id = applied_job(session)
    move(session, job_id, "recruiter_screen", days_ago=10)
    latest = move(session, job_id, "closed", days_ago=1, outcome="withdrawn")

    tracking.delete_event(session, job_id, latest.id)

    job = get_job(session, job_id)
    assert (job.current_stage, job.status, job.outcome, job.closed_at) == (
        "recruiter_screen",
        "in_progress",
        None,
        None,
    )


def test_deleting_back_to_applied_makes_the_status_applied(session: Session) -> None:
    job_id = applied_job(session)
    screen = move(session, job_id, "recruiter_screen")

    tracking.delete_event(session, job_id, screen.id)

    assert get_job(session, job_id).status == "applied"


def test_deleting_every_event_leaves_no_stage(session: Session) -> None:
    job_id = applied_job(session)
    (only,) = tracking.list_events(session, job_id)

    tracking.delete_event(session, job_id, only.id)

    job = get_job(session, job_id)
    assert (job.current_stage, job.last_event_at) == (None, None)
    assert tracking.list_events(session, job_id) == []


def test_an_event_of_another_job_cannot_be_edited_or_deleted(session: Session) -> None:
    first, second = applied_job(session), applied_job(session, title="Other role")
    (event,) = tracking.list_events(session, first)

    with pytest.raises(NotFound):
        edit_event(session, second, event.id, **{"title": "Hijacked"})
    with pytest.raises(NotFound):
        tracking.delete_event(session, second, event.id)


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


def test_deleting_a_middle_event_links_the_next_event_to_the_stage_before_it(session: Session) -> None:
    job_id = applied_job(session)
    screen = move(session, job_id, "recruiter_screen", days_ago=20)
    move(session, job_id, "technical_interview", days_ago=10)

    tracking.delete_event(session, job_id, screen.id)

    events = tracking.list_events(session, job_id)
    assert [(e.from_stage, e.to_stage) for e in events] == [
        (None, "applied"),
        ("applied", "technical_interview"),
    ]


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


def test_moving_a_stage_change_before_a_note_keeps_the_note_a_note(session: Session) -> None:
    job_id = applied_job(session)
    move(session, job_id, "recruiter_screen", days_ago=20)
    note = move(session, job_id, "no_change", days_ago=10, metadata={"note": "Sent references"})
    interview = move(session, job_id, "technical_interview", days_ago=5)

    edit_event(session, job_id, interview.id, **{"occurredAt": NOW - timedelta(days=15)})

    events = tracking.list_events(session, job_id)
    assert [(e.id == note.id, e.to_stage) for e in events][-1] == (True, "technical_interview")
    assert events[-1].from_stage == events[-1].to_stage
    assert get_job(session, job_id).current_stage == "technical_interview"


def test_a_note_cannot_be_edited_into_a_stage_change(session: Session) -> None:
    job_id = applied_job(session)
    move(session, job_id, "recruiter_screen", days_ago=20)
    note = move(session, job_id, "no_change", days_ago=10)

    with pytest.raises(InvalidInput) as refused:
        edit_event(session, job_id, note.id, **{"toStage": "offer"})

    assert refused.value.field == "toStage"
    assert get_job(session, job_id).current_stage == "recruiter_screen"


def test_a_back_dated_interview_previews_the_stage_it_leaves_the_job_in(session: Session) -> None:
    job_id = applied_job(session)
    move(session, job_id, "recruiter_screen", days_ago=20)
    interview = move(session, job_id, "technical_interview", days_ago=5)

    preview = builders.preview(session, job_id, interview.id, **{"occurredAt": NOW - timedelta(days=25)})

    assert (preview.stage_before, preview.stage_after, preview.moves_back) == (
        "technical_interview",
        "recruiter_screen",
        True,
    )
    assert get_job(session, job_id).current_stage == "technical_interview"  # a preview changes nothing


def test_a_date_edit_that_keeps_the_order_does_not_move_the_job_back(session: Session) -> None:
    job_id = applied_job(session)
    move(session, job_id, "recruiter_screen", days_ago=20)
    interview = move(session, job_id, "technical_interview", days_ago=5)

    preview = builders.preview(session, job_id, interview.id, **{"occurredAt": NOW - timedelta(days=8)})

    assert (preview.stage_after, preview.moves_back) == ("technical_interview", False)


def test_a_preview_of_closing_gives_the_outcome(session: Session) -> None:
    job_id = applied_job(session)
    screen = move(session, job_id, "recruiter_screen", days_ago=20)

    preview = builders.preview(session, job_id, screen.id, **{"toStage": "closed", "outcome": "rejected"})

    assert (preview.stage_after, preview.outcome_after, preview.moves_back) == (
        "closed",
        "rejected",
        False,
    )


def test_a_deleted_event_can_be_brought_back_and_the_job_stands_where_it_did(session: Session) -> None:
    job_id = applied_job(session)
    move(session, job_id, "recruiter_screen", days_ago=20)
    offer = move(session, job_id, "offer", days_ago=5, metadata={"note": "Verbal offer"})
    before = tracking.list_events(session, job_id)
    snapshot = tracking.deletable_event(session, job_id, offer.id)
    tracking.delete_event(session, job_id, offer.id)
    assert get_job(session, job_id).current_stage == "recruiter_screen"

    tracking.restore_event(session, snapshot)

    assert tracking.list_events(session, job_id) == before
    assert get_job(session, job_id).current_stage == "offer"


def test_an_event_cannot_be_brought_back_twice(session: Session) -> None:
    job_id = applied_job(session)
    screen = move(session, job_id, "recruiter_screen", days_ago=20)
    snapshot = tracking.deletable_event(session, job_id, screen.id)
    tracking.delete_event(session, job_id, screen.id)
    tracking.restore_event(session, snapshot)

    with pytest.raises(Conflict):
        tracking.restore_event(session, snapshot)

    assert len(tracking.list_events(session, job_id)) == 2
