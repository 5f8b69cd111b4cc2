"""A job's next step: set and checked, on the board's cards, in the Due list, as a follow-up."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy.orm import Session

from jobops import board, jobs, next_steps
from jobops.errors import InvalidInput
from jobops.localtime import as_local
from jobops.schemas.jobs import JobOut
from tests.builders import add_job, edit_job

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
TODAY = as_local(NOW).date()
INTERVIEW = {
    "nextStep": "Technical interview, room 4; bring ID",
    "nextStepDue": "2026-12-02",
    "nextStepTime": "14:30",
}


def add(session: Session, employer: str = "Acme", **fields: str) -> JobOut:
    return add_job(session, "Engineer", employer, **fields)


def day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


def test_a_job_keeps_its_next_step_with_its_day_and_time(session: Session) -> None:
    job = add(session, **INTERVIEW)

    stored = jobs.get_job(session, job.id)

    assert (stored.next_step, stored.next_step_due, stored.next_step_time) == (
        "Technical interview, room 4; bring ID",
        date(2026, 12, 2),
        time(14, 30),
    )


def test_a_next_step_without_a_time_is_due_on_its_day(session: Session) -> None:
    job = add(session, nextStep="Send references", nextStepDue="2026-12-03")

    assert (job.next_step_due, job.next_step_time) == (date(2026, 12, 3), None)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"nextStep": "Call Anna", "nextStepDue": ""}, "nextStepDue"),
        ({"nextStep": None, "nextStepDue": "2026-12-02"}, "nextStep"),
        ({"nextStep": "Call Anna", "nextStepDue": "02/12/2026"}, "nextStepDue"),
        ({"nextStep": "Call Anna", "nextStepDue": "1999-12-31"}, "nextStepDue"),
        ({"nextStep": "Call Anna", "nextStepDue": "2026-12-02", "nextStepTime": "2pm"}, "nextStepTime"),
        ({"nextStep": "Call Anna", "nextStepDue": "2026-12-02", "nextStepTime": "25:00"}, "nextStepTime"),
        ({"nextStep": "x" * 301, "nextStepDue": "2026-12-02"}, "nextStep"),
    ],
)
def test_a_next_step_that_cannot_be_kept_is_refused_by_field_and_nothing_changes(
    session: Session, changes: dict, field: str
) -> None:
    job = add(session, **INTERVIEW)
    session.commit()

    with pytest.raises(InvalidInput) as exc:
        edit_job(session, job.id, **changes)
    session.rollback()

    assert exc.value.field == field
    assert jobs.get_job(session, job.id).next_step == INTERVIEW["nextStep"]


def test_a_job_without_a_step_refuses_a_day_alone(session: Session) -> None:
    job = add(session)

    with pytest.raises(InvalidInput, match="nextStep is required") as exc:
        edit_job(session, job.id, **{"nextStepDue": "2026-12-02"})

    assert exc.value.field == "nextStep"


def test_clearing_the_step_clears_its_day_and_time(session: Session) -> None:
    job = add(session, **INTERVIEW)

    edit_job(session, job.id, **{"nextStep": ""})

    stored = jobs.get_job(session, job.id)
    assert (stored.next_step, stored.next_step_due, stored.next_step_time) == (None, None, None)


def test_moving_the_day_keeps_the_step_and_its_time(session: Session) -> None:
    job = add(session, **INTERVIEW)

    edit_job(session, job.id, **{"nextStepDue": "2026-12-04"})

    stored = jobs.get_job(session, job.id)
    assert (stored.next_step, stored.next_step_due, stored.next_step_time) == (
        INTERVIEW["nextStep"],
        date(2026, 12, 4),
        time(14, 30),
    )


def test_the_due_list_puts_overdue_steps_first_then_the_soonest(session: Session) -> None:
    add(session, "Later", nextStep="Prepare", nextStepDue=day(5))
    add(session, "Tomorrow", nextStep="Call", nextStepDue=day(1), nextStepTime="09:00")
    add(session, "Late", nextStep="Reply", nextStepDue=day(-3))
    add(session, "Tomorrow noon", nextStep="Interview", nextStepDue=day(1), nextStepTime="12:00")
    add(session, "Nothing planned")

    steps = next_steps.due_list(session, now=NOW)

    assert [s.employer for s in steps] == ["Late", "Tomorrow", "Tomorrow noon", "Later"]
    assert [s.overdue for s in steps] == [True, False, False, False]
    assert steps[0].text == "Overdue 3 d: Reply"
    assert steps[1].text == "Due tomorrow 09:00: Call"


def test_a_step_whose_time_has_passed_today_is_overdue(session: Session) -> None:
    earlier = (as_local(NOW) - timedelta(hours=1)).strftime("%H:%M")
    add(session, nextStep="Call Anna", nextStepDue=day(0), nextStepTime=earlier)

    (step,) = next_steps.due_list(session, now=NOW)

    assert step.overdue
    assert step.text == "Overdue: Call Anna"


def test_a_card_shows_an_overdue_step_before_mail_and_comes_first_in_its_column(session: Session) -> None:
    calm = add(session, "Calm")
    late = add(session, "Late", nextStep="Reply to Anna", nextStepDue=day(-2))
    soon = add(session, "Soon", nextStep="Prepare", nextStepDue=day(3))

    cards = board.board(session, now=NOW)["applied"]

    assert cards[0].job_id == late.id
    due = {c.job_id: c.due for c in cards}
    assert due[late.id] == "Overdue 2 d: Reply to Anna"
    assert due[soon.id].endswith(": Prepare") and due[soon.id].startswith("Due ")
    assert due[calm.id] is None


def test_a_quiet_job_suggests_a_follow_up_that_one_call_sets_two_days_ahead(session: Session) -> None:
    job = add(session, "Globex", appliedAt=(NOW - timedelta(days=20)).isoformat())
    (card,) = board.board(session, now=NOW)["applied"]
    assert card.suggests_follow_up

    next_steps.set_follow_up(session, job.id, now=NOW)

    stored = jobs.get_job(session, job.id)
    assert (stored.next_step, stored.next_step_due) == ("Follow up with Globex", TODAY + timedelta(days=2))
    (card,) = board.board(session, now=NOW)["applied"]
    assert not card.suggests_follow_up
    assert (
        card.due == f"Due {(TODAY + timedelta(days=2)):%a} {(TODAY + timedelta(days=2)).day} "
        f"{(TODAY + timedelta(days=2)):%b}: Follow up with Globex"
    )
