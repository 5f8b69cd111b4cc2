"""Writes that arrive at once keep the stage rules: a job always stands where its latest event puts it.

The API serves each request in its own thread and unit of work, so these tests write from many threads
released together. They run on SQLite by default and on PostgreSQL with `JOBOPS_TEST_DATABASE_URL`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, select

from jobops import inbox, inbox_routing, tracking
from jobops.db import session_scope
from jobops.errors import Conflict, InvalidInput
from jobops.jobs import get_job
from jobops.models import MailMessage, StageEvent
from jobops.schemas.events import EventOut
from jobops.schemas.inbox import Decision
from jobops.schemas.jobs import JobOut
from jobops.stages import OPEN_STAGES, PENDING, PENDING_USER
from tests.builders import edit_event, edit_job, move, stored_job
from tests.waiting import run_together

WRITERS = 40
APPLIED_AT = datetime(2024, 4, 1, 9, 0, tzinfo=UTC)
MAY_1 = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
INVITE = {
    "subject": "Invitation: technical interview for Backend Engineer",
    "from_address": "recruiting@stripe.com",
    "from_domain": "stripe.com",
    "sender_name": "Stripe Recruiting",
    "body_text": "Hi Alex,\n\nWe'd like to invite you to a technical interview for the Backend Engineer role. "
    "Please pick a time that works for you.\n\nMaya",
}


def all_at_once(work: Callable[[int], Any], count: int = WRITERS) -> list[BaseException]:
    """Run work(0) .. work(count - 1) in threads released together; the errors they raised."""
    outcomes = run_together(*(functools.partial(work, index) for index in range(count)))
    return [outcome for outcome in outcomes if isinstance(outcome, BaseException)]


def later_stage(number: int) -> str:
    """One of the open stages after Applied, in turn."""
    return OPEN_STAGES[1 + number % (len(OPEN_STAGES) - 1)]


def applied_job(engine: Engine) -> str:
    """A job applied for before any mail here arrived."""
    return stored_job(engine, applied_at=APPLIED_AT)


def stand_and_timeline(engine: Engine, job_id: str) -> tuple[JobOut, list[EventOut]]:
    """The job as lists show it, and its timeline oldest first."""
    with session_scope(engine) as session:
        return get_job(session, job_id), tracking.list_events(session, job_id)


def assert_job_stands_at_its_latest_event(engine: Engine, job_id: str) -> None:
    job, events = stand_and_timeline(engine, job_id)
    assert job.current_stage == events[-1].to_stage
    assert job.status == ("applied" if events[-1].to_stage == "applied" else "in_progress")
    assert [e.from_stage for e in events] == [None, *(e.to_stage for e in events[:-1])]


def test_forty_stage_moves_at_once_leave_the_job_at_its_latest_event(engine: Engine) -> None:
    job_id = applied_job(engine)

    def move_one(index: int) -> None:
        with session_scope(engine) as session:
            move(session, job_id, later_stage(index))

    errors = all_at_once(move_one)

    assert errors == []
    assert len(stand_and_timeline(engine, job_id)[1]) == 1 + WRITERS
    assert_job_stands_at_its_latest_event(engine, job_id)


def test_moves_edits_and_deletes_at_once_leave_the_job_at_its_latest_event(engine: Engine) -> None:
    job_id = applied_job(engine)
    with session_scope(engine) as session:
        earlier = [
            move(session, job_id, later_stage(i), occurred_at=APPLIED_AT + timedelta(days=1 + i)).id
            for i in range(WRITERS)
        ]

    def change(index: int) -> None:
        with session_scope(engine) as session:
            if index % 3 == 0:
                tracking.delete_event(session, job_id, earlier[index])
            elif index % 3 == 1:
                edit_event(session, job_id, earlier[index], **{"occurredAt": datetime.now(UTC)})
            else:
                move(session, job_id, "offer" if index % 2 else "onsite")

    errors = all_at_once(change)

    assert errors == []
    deleted, moved = len(range(0, WRITERS, 3)), len(range(2, WRITERS, 3))
    assert len(stand_and_timeline(engine, job_id)[1]) == 1 + WRITERS - deleted + moved
    assert_job_stands_at_its_latest_event(engine, job_id)


def stored_invite(
    engine: Engine, number: int, received_at: datetime, *, status: str = PENDING, job_id: str | None = None
) -> str:
    """A synced interview invitation for the Stripe job in the given processing status; its id."""
    with session_scope(engine) as session:
        message = MailMessage(
            provider="gmail",
            account_key="default",
            external_message_id=f"invite-{number}",
            external_thread_id=f"thread-{number}",
            snippet=INVITE["body_text"],
            received_at=received_at,
            processing_status=status,
            matched_job_id=job_id,
            stage_target="technical_interview" if job_id else None,
            **INVITE,
        )
        session.add(message)
        session.flush()
        return message.id


def events_from(engine: Engine, message_id: str) -> int:
    """How many timeline events the message produced."""
    with session_scope(engine) as session:
        return session.scalar(select(func.count()).where(StageEvent.message_id == message_id)) or 0


def test_approving_one_message_from_many_tabs_at_once_logs_it_once(engine: Engine) -> None:
    job_id = applied_job(engine)
    message_id = stored_invite(engine, 1, MAY_1, status=PENDING_USER, job_id=job_id)

    def approve(_index: int) -> None:
        with session_scope(engine) as session:
            inbox.approve(session, message_id, Decision())

    errors = all_at_once(approve, count=10)

    assert len(errors) == 9 and all(isinstance(e, Conflict) for e in errors)
    assert events_from(engine, message_id) == 1
    assert_job_stands_at_its_latest_event(engine, job_id)


def test_mail_routed_by_two_runs_at_once_is_linked_and_logged_once(engine: Engine) -> None:
    job_id = applied_job(engine)
    message_id = stored_invite(engine, 1, MAY_1)
    linked: list[int] = []

    def route(_index: int) -> None:
        with session_scope(engine) as session:
            linked.append(inbox_routing.route_pending(session, [message_id])["matched"])

    errors = all_at_once(route, count=10)

    assert errors == []
    assert sum(linked) == 1  # what the runs report as linked
    assert events_from(engine, message_id) == 1
    _, events = stand_and_timeline(engine, job_id)
    assert [e.to_stage for e in events] == ["applied", "technical_interview"]
    assert_job_stands_at_its_latest_event(engine, job_id)


def test_mail_linked_automatically_while_the_user_moves_the_job_leaves_it_at_its_latest_event(
    engine: Engine,
) -> None:
    job_id = applied_job(engine)
    now = datetime.now(UTC)
    ids = [stored_invite(engine, i, now - timedelta(seconds=WRITERS - i)) for i in range(WRITERS // 2)]

    def write(index: int) -> None:
        with session_scope(engine) as session:
            if index % 2:
                inbox_routing.route_pending(session, [ids[index // 2]])
            else:
                move(session, job_id, "recruiter_screen")

    errors = all_at_once(write)

    assert errors == []
    assert_job_stands_at_its_latest_event(engine, job_id)


def test_a_new_applied_date_racing_a_stage_event_never_leaves_an_event_before_the_application(
    engine: Engine,
) -> None:
    jobs_ids = [applied_job(engine) for _ in range(WRITERS // 2)]
    logged_on = APPLIED_AT + timedelta(days=5)
    applied_on = APPLIED_AT + timedelta(days=10)

    def write(index: int) -> None:
        job_id = jobs_ids[index // 2]
        with session_scope(engine) as session:
            if index % 2:
                edit_job(session, job_id, applied_at=applied_on)
            else:
                move(session, job_id, "recruiter_screen", occurred_at=logged_on)

    errors = all_at_once(write)

    assert all(isinstance(error, InvalidInput) and error.field == "appliedAt" for error in errors), errors
    for job_id in jobs_ids:
        job, events = stand_and_timeline(engine, job_id)
        assert (events[0].to_stage, events[0].occurred_at) == ("applied", job.applied_at)
        assert events[0].occurred_at <= events[1].occurred_at
