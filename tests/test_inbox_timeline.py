"""What linked mail logs on its job's timeline: nothing before the application, no stage twice, closed jobs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from jobops import inbox, inbox_lists, inbox_routing, job_emails, tracking
from jobops.jobs import get_job
from jobops.schemas.inbox import Decision
from tests.builders import add_job, close_job
from tests.inbox_mail import (
    INTERVIEW_INVITE,
    MAY_1,
    REJECTION,
    VAGUE_INVITE,
    applied_job,
    routed,
    timeline,
)

# --- one timeline: nothing comes before the application ---------------------------------------


def start_of(moment: datetime) -> datetime:
    """The start of that day in the tests' time zone (UTC)."""
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def test_approving_last_weeks_rejection_on_a_job_added_today_closes_it_after_its_application(
    session: Session,
) -> None:
    job_id = add_job(session, **{"title": "Backend Engineer", "employer": "Stripe"}).id  # no date typed
    last_week = datetime.now(UTC) - timedelta(days=7)
    message = routed(session, VAGUE_INVITE, received_at=last_week)

    result = inbox.approve(session, message.id, Decision(stage_target="rejected"))

    assert result.applied_moved_to == start_of(last_week)
    events = timeline(session, job_id)
    assert [(e.to_stage, e.occurred_at) for e in events] == [
        ("applied", start_of(last_week)),
        ("closed", last_week),
    ]
    assert events[0].metadata.reason_code == tracking.APPLIED_MOVED
    job = get_job(session, job_id)
    assert (job.status, job.current_stage, job.outcome) == ("in_progress", "closed", "rejected")
    assert (job.closed_at, job.applied_at) == (last_week, start_of(last_week))


def test_an_automatic_link_of_older_mail_moves_the_applied_date_back_too(session: Session) -> None:
    job_id = add_job(session, **{"title": "Backend Engineer", "employer": "Stripe"}).id
    last_week = datetime.now(UTC) - timedelta(days=7)

    message = routed(session, REJECTION, received_at=last_week)

    assert message.processing_status == "auto_linked"
    assert [e.to_stage for e in timeline(session, job_id)] == ["applied", "closed"]
    job = get_job(session, job_id)
    assert (job.current_stage, job.outcome, job.applied_at) == (
        "closed",
        "rejected",
        start_of(last_week),
    )


def test_linking_older_mail_without_a_stage_still_moves_the_applied_date(session: Session) -> None:
    job_id = add_job(session, **{"title": "Backend Engineer", "employer": "Stripe"}).id
    three_days_ago = datetime.now(UTC) - timedelta(days=3)
    message = routed(session, VAGUE_INVITE, received_at=three_days_ago)

    result = inbox.approve(session, message.id, Decision(stage_target="applied"))

    assert result.event is None
    assert result.applied_moved_to == start_of(three_days_ago)
    assert [(e.to_stage, e.occurred_at) for e in timeline(session, job_id)] == [
        ("applied", start_of(three_days_ago)),
    ]


def test_mail_the_same_morning_as_a_date_only_application_comes_after_it(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBOPS_TIMEZONE", "Europe/Paris")
    job_id = add_job(
        session, **{"title": "Backend Engineer", "employer": "Stripe", "appliedAt": "2024-05-01"}
    ).id
    eight_in_paris = datetime(2024, 5, 1, 6, 0, tzinfo=UTC)
    message = routed(session, VAGUE_INVITE, received_at=eight_in_paris)

    result = inbox.approve(session, message.id, Decision())

    midnight_in_paris = datetime(2024, 4, 30, 22, 0, tzinfo=UTC)
    assert result.applied_moved_to is None
    assert [(e.to_stage, e.occurred_at) for e in timeline(session, job_id)] == [
        ("applied", midnight_in_paris),
        ("recruiter_screen", eight_in_paris),
    ]
    assert get_job(session, job_id).applied_at == midnight_in_paris


# --- the same stage twice --------------------------------------------------------------------


def test_approving_an_acknowledgement_on_a_job_at_applied_links_it_without_a_second_applied_event(
    session: Session,
) -> None:
    job_id = applied_job(session)
    message = routed(session, VAGUE_INVITE)

    result = inbox.approve(session, message.id, Decision(stage_target="applied"))

    assert result.event is None
    assert result.message.processing_status == "manual_linked"
    assert [e.to_stage for e in timeline(session, job_id)] == ["applied"]
    assert job_emails.job_emails(session, job_id).total == 1


def test_a_second_recruiter_screen_adds_no_second_stage_event_but_keeps_the_users_note(
    session: Session,
) -> None:
    job_id = applied_job(session)
    inbox.approve(session, routed(session, VAGUE_INVITE).id, Decision())
    quiet = routed(session, VAGUE_INVITE, received_at=MAY_1 + timedelta(days=1))
    noted = routed(session, VAGUE_INVITE, received_at=MAY_1 + timedelta(days=2))

    inbox.approve(session, quiet.id, Decision(stage_target="recruiter_screen"))
    result = inbox.approve(
        session, noted.id, Decision(stage_target="recruiter_screen", note="Moved to Friday")
    )

    events = timeline(session, job_id)
    assert [(e.to_stage, e.metadata.event_type) for e in events] == [
        ("applied", "status_update"),
        ("recruiter_screen", "status_update"),
        ("recruiter_screen", "note"),
    ]
    assert result.event is not None and result.event.metadata.note == "Moved to Friday"
    assert result.event.message_id == noted.id
    assert job_emails.job_emails(session, job_id).total == 3


def test_a_different_outcome_on_a_closed_job_is_logged_but_the_same_one_is_not(session: Session) -> None:
    job_id = applied_job(session)
    close_job(session, job_id, **{"outcome": "ghosted", "closedAt": MAY_1})
    same = routed(session, VAGUE_INVITE, received_at=MAY_1 + timedelta(days=1))
    other = routed(session, VAGUE_INVITE, received_at=MAY_1 + timedelta(days=2))

    inbox.approve(session, same.id, Decision(job_id=job_id, stage_target="closed"))
    inbox.approve(session, other.id, Decision(job_id=job_id, stage_target="rejected"))

    assert [(e.to_stage, e.outcome) for e in timeline(session, job_id)] == [
        ("applied", None),
        ("closed", "ghosted"),
        ("closed", "rejected"),
    ]
    assert get_job(session, job_id).outcome == "rejected"


# --- closed jobs accept mail -----------------------------------------------------------------


def test_a_rejection_for_a_job_closed_by_hand_is_linked_to_it_without_a_second_closing(
    session: Session,
) -> None:
    job_id = applied_job(session)
    close_job(session, job_id, **{"outcome": "rejected", "closedAt": MAY_1})

    message = routed(session, REJECTION, received_at=MAY_1 + timedelta(days=1))

    assert (message.processing_status, message.matched_job_id) == ("auto_linked", job_id)
    assert [e.to_stage for e in timeline(session, job_id)] == ["applied", "closed"]
    assert [i.message.id for i in job_emails.job_emails(session, job_id).items] == [message.id]


def test_an_invite_for_a_closed_job_is_suggested_for_it_but_never_reopens_it_by_itself(
    session: Session,
) -> None:
    job_id = applied_job(session)
    close_job(session, job_id, **{"outcome": "withdrawn", "closedAt": MAY_1})

    message = routed(session, INTERVIEW_INVITE, received_at=MAY_1 + timedelta(days=1))

    assert (message.processing_status, message.matched_job_id) == ("pending_user", job_id)
    assert [e.to_stage for e in timeline(session, job_id)] == ["applied", "closed"]
    job = get_job(session, job_id)
    assert (job.current_stage, job.outcome) == ("closed", "withdrawn")


def test_a_users_approval_with_a_stage_may_reopen_a_closed_job(session: Session) -> None:
    job_id = applied_job(session)
    close_job(session, job_id, **{"outcome": "no_response", "closedAt": MAY_1})
    message = routed(session, VAGUE_INVITE, received_at=MAY_1 + timedelta(days=3))

    inbox.approve(session, message.id, Decision(job_id=job_id, stage_target="technical_interview"))

    job = get_job(session, job_id)
    assert (job.current_stage, job.outcome, job.closed_at) == ("technical_interview", None, None)


def test_closed_jobs_are_candidates_after_the_open_ones_most_recently_closed_first(session: Session) -> None:
    closed_long_ago = applied_job(session, "Data Engineer", "Plaid")
    open_job = applied_job(session, "Backend Engineer", "Stripe")
    closed_lately = applied_job(session, "Designer", "Figma")
    close_job(session, closed_long_ago, **{"outcome": "rejected", "closedAt": MAY_1})
    close_job(session, closed_lately, **{"outcome": "ghosted", "closedAt": MAY_1 + timedelta(days=9)})
    add_job(session, **{"title": "Someday", "employer": "Acme", "status": "discovered"})

    choices = inbox_lists.job_choices(session)

    assert [(c.id, c.closed) for c in choices] == [
        (open_job, False),
        (closed_lately, True),
        (closed_long_ago, True),
    ]
    assert [j.id for j in inbox_routing.active_jobs(session)] == [c.id for c in choices]
