"""Jobs: adding, listing, editing, closing with an outcome and deleting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jobops import jobs, tracking
from jobops.errors import Conflict, InvalidInput, NotFound
from jobops.models import StageEvent
from tests.builders import add_job, close_job, edit_job, move

NOW = datetime.now(UTC)


def test_a_job_is_applied_by_default_and_applied_now(session: Session) -> None:
    before = datetime.now(UTC)
    job = add_job(session)
    after = datetime.now(UTC)

    assert job.status == "applied"
    assert job.current_stage == "applied"
    assert before <= job.applied_at <= after


def test_a_job_applied_earlier_starts_its_timeline_at_the_start_of_that_day(session: Session) -> None:
    job = add_job(session, appliedAt="2026-03-02")

    (event,) = tracking.list_events(session, job.id)

    assert event.occurred_at == datetime(2026, 3, 2, tzinfo=UTC)
    assert event.title == "Applied"


def test_a_job_not_applied_yet_has_no_timeline(session: Session) -> None:
    job = add_job(session, status="discovered")

    assert (job.status, job.current_stage, job.applied_at) == ("discovered", None, None)
    assert tracking.list_events(session, job.id) == []


def test_title_and_employer_are_required_and_trimmed(session: Session) -> None:
    with pytest.raises(InvalidInput) as exc:
        add_job(session, title="   ")
    assert exc.value.field == "title"
    with pytest.raises(InvalidInput) as exc:
        add_job(session, "Engineer", None)
    assert exc.value.field == "employer"

    assert add_job(session, title="  Engineer ", employer=" Acme ").title == "Engineer"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"status": "hired"}, "status"),
        ({"jobUrl": "ftp://example.com/job"}, "jobUrl"),
        ({"jobUrl": "http://[::1"}, "jobUrl"),
        ({"appliedAt": "last tuesday"}, "appliedAt"),
        ({"salary ": "100k"}, "salary "),
        ({"recruiterEmail": "anna at acme"}, "recruiterEmail"),
        ({"title": "x" * 301}, "title"),
    ],
)
def test_a_wrong_field_is_refused_by_name(session: Session, fields: dict, field: str) -> None:
    with pytest.raises(InvalidInput) as exc:
        add_job(session, **fields)

    assert exc.value.field == field


def test_jobs_are_listed_by_latest_activity_with_a_total(session: Session) -> None:
    old = add_job(session, "Old role", appliedAt=NOW - timedelta(days=30))
    new = add_job(session, "New role", appliedAt=NOW - timedelta(days=2))

    listing = jobs.list_jobs(session)

    assert [j.id for j in listing.items] == [new.id, old.id]
    assert listing.total == 2


def test_jobs_can_be_filtered_by_status_and_searched(session: Session) -> None:
    add_job(session, "Data Engineer", "Quarry")
    moving = add_job(session, "Platform Engineer", "Lumen", location="Berlin")
    move(session, moving.id, "recruiter_screen")
    add_job(session, "Designer", "Quarry", status="discovered")

    in_progress = jobs.list_jobs(session, status="in_progress")
    active = jobs.list_jobs(session, status="applied,in_progress")
    berlin = jobs.list_jobs(session, search="berlin")

    assert [j.title for j in in_progress.items] == ["Platform Engineer"]
    assert active.total == 2
    assert [j.title for j in berlin.items] == ["Platform Engineer"]


def test_listing_with_an_unknown_status_is_refused(session: Session) -> None:
    with pytest.raises(InvalidInput) as exc:
        jobs.list_jobs(session, status="applied,hired")

    assert exc.value.field == "status"


def test_editing_details_keeps_the_timeline(session: Session) -> None:
    job = add_job(session)

    edited = edit_job(session, job.id, **{"notes": "Referred by Sam", "location": "Remote"})

    assert (edited.notes, edited.location) == ("Referred by Sam", "Remote")
    assert edited.current_stage == "applied"


def test_marking_a_discovered_job_applied_starts_its_timeline(session: Session) -> None:
    job = add_job(session, status="discovered")

    marked = jobs.mark_applied(session, job.id)

    assert (marked.status, marked.current_stage) == ("applied", "applied")
    assert marked.applied_at is not None


def test_setting_an_active_status_on_a_job_with_events_keeps_the_derived_status(session: Session) -> None:
    job = add_job(session)
    move(session, job.id, "offer")

    edited = edit_job(session, job.id, **{"status": "applied"})

    assert edited.status == "in_progress"


def test_a_job_can_be_set_aside_as_skipped(session: Session) -> None:
    job = add_job(session)

    assert edit_job(session, job.id, **{"status": "skipped"}).status == "skipped"


def test_clearing_the_title_is_refused(session: Session) -> None:
    job = add_job(session)

    with pytest.raises(InvalidInput) as exc:
        edit_job(session, job.id, **{"title": ""})

    assert exc.value.field == "title"


def test_setting_an_outcome_closes_the_job_with_an_event(session: Session) -> None:
    job = add_job(session, appliedAt=NOW - timedelta(days=10))

    closed = close_job(
        session,
        job.id,
        **{"outcome": "ghosted", "closedAt": NOW - timedelta(days=1), "note": "No answer in a week"},
    )

    events = tracking.list_events(session, job.id)
    assert (closed.current_stage, closed.outcome) == ("closed", "ghosted")
    assert closed.closed_at == NOW - timedelta(days=1)
    assert events[-1].title == "Closed: Ghosted"
    assert events[-1].metadata.note == "No answer in a week"


def test_amending_the_outcome_of_a_closed_job_adds_no_second_closing_event(session: Session) -> None:
    job = add_job(session, appliedAt=NOW - timedelta(days=10))
    close_job(session, job.id, **{"outcome": "no_response"})

    amended = close_job(session, job.id, **{"outcome": "rejected"})

    events = tracking.list_events(session, job.id)
    assert amended.outcome == "rejected"
    assert [e.to_stage for e in events] == ["applied", "closed"]
    assert events[-1].title == "Closed: Rejected"


def test_an_unknown_outcome_is_refused(session: Session) -> None:
    job = add_job(session)

    with pytest.raises(InvalidInput) as exc:
        close_job(session, job.id, **{"outcome": "hired"})

    assert exc.value.field == "outcome"


def test_deleting_a_job_removes_its_timeline(session: Session) -> None:
    job = add_job(session)
    move(session, job.id, "offer")

    jobs.delete_job(session, job.id)

    with pytest.raises(NotFound):
        jobs.get_job(session, job.id)
    assert session.scalar(select(func.count()).select_from(StageEvent)) == 0


def test_changing_the_applied_date_moves_the_applied_event_with_it(session: Session) -> None:
    job = add_job(session, appliedAt=NOW - timedelta(days=10))

    edited = edit_job(session, job.id, **{"appliedAt": NOW - timedelta(days=14)})

    (event,) = tracking.list_events(session, job.id)
    assert edited.applied_at == event.occurred_at == NOW - timedelta(days=14)


def test_an_applied_date_after_a_logged_event_is_refused(session: Session) -> None:
    job = add_job(session, appliedAt=NOW - timedelta(days=10))
    move(session, job.id, "recruiter_screen", occurred_at=NOW - timedelta(days=5))

    with pytest.raises(InvalidInput) as exc:
        edit_job(session, job.id, **{"appliedAt": NOW - timedelta(days=2)})

    assert exc.value.field == "appliedAt"


def test_a_date_only_applied_date_starts_that_day_in_the_users_zone(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBOPS_TIMEZONE", "America/New_York")

    job = add_job(session, appliedAt="2026-03-02")

    assert job.applied_at == datetime(2026, 3, 2, 5, tzinfo=UTC)


def test_a_deleted_job_comes_back_with_its_timeline_and_its_linked_mail(session: Session) -> None:
    from jobops.models import MailMessage

    job = add_job(session, appliedAt=NOW - timedelta(days=20))
    move(session, job.id, "technical_interview", occurred_at=NOW - timedelta(days=3))
    mail = MailMessage(
        provider="gmail",
        account_key="default",
        external_message_id="m1",
        processing_status="auto_linked",
        matched_job_id=job.id,
    )
    session.add(mail)
    session.flush()
    before = (jobs.get_job(session, job.id), tracking.list_events(session, job.id))
    snapshot = jobs.deletable_job(session, job.id)
    jobs.delete_job(session, job.id)
    session.refresh(mail)
    assert mail.matched_job_id is None

    jobs.restore_job(session, snapshot)

    session.refresh(mail)
    after = (jobs.get_job(session, job.id), tracking.list_events(session, job.id))
    assert after[0].model_dump(exclude={"updated_at"}) == before[0].model_dump(exclude={"updated_at"})
    assert after[1] == before[1]
    assert mail.matched_job_id == job.id


def test_a_job_cannot_be_brought_back_twice(session: Session) -> None:
    job = add_job(session)
    snapshot = jobs.deletable_job(session, job.id)
    jobs.delete_job(session, job.id)
    jobs.restore_job(session, snapshot)

    with pytest.raises(Conflict):
        jobs.restore_job(session, snapshot)

    assert jobs.list_jobs(session).total == 1
