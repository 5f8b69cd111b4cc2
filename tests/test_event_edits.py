"""Editing, deleting and bringing back stage events: the job's stage follows the timeline that remains."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from jobops import tracking
from jobops.errors import Conflict, InvalidInput, NotFound
from jobops.jobs import get_job
from tests import builders
from tests.builders import NOW, edit_event
from tests.builders import applied_ago as applied_job
from tests.builders import move_ago as move


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
