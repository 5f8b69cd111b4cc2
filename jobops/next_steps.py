"""Next steps: what each job asks of the user and when, the list of what is due, and the follow-up a quiet job suggests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from jobops.jobs import update_job
from jobops.localtime import as_local
from jobops.models import Job
from jobops.schemas.jobs import JobOut, JobPatch
from jobops.tracking import get_job_row

FOLLOW_UP_AFTER = timedelta(days=2)


@dataclass(frozen=True)
class DueStep:
    job_id: str
    employer: str
    title: str
    step: str
    due: date
    at: time | None
    overdue: bool
    text: str


def local_now(now: datetime | None = None) -> datetime:
    """The moment in the user's zone, naive: the clock that due days and times are read on."""
    return as_local(now or datetime.now(UTC)).replace(tzinfo=None)


def is_overdue(due: date, at: time | None, now: datetime) -> bool:
    """Past its day, or past its time on the day itself (`now` is the user's wall clock)."""
    return due < now.date() or (due == now.date() and at is not None and at < now.time())


def when_text(due: date, at: time | None, today: date) -> str:
    """`Overdue 3 d`, `Due today 14:30`, `Due tomorrow`, `Due Wed 2 Dec 09:00`."""
    clock = f" {at:%H:%M}" if at else ""
    days = (due - today).days
    if days < 0:
        return f"Overdue {-days} d"
    if days == 0:
        return f"Due today{clock}"
    if days == 1:
        return f"Due tomorrow{clock}"
    return f"Due {due:%a} {due.day} {due:%b}{clock}"


def step_text(step: str, due: date, at: time | None, now: datetime) -> str:
    """The step with when it is due: `Overdue 2 d: Call Anna`."""
    late = is_overdue(due, at, now)
    when = "Overdue" if late and due == now.date() else when_text(due, at, now.date())
    return f"{when}: {step}"


def due_step(job: Job, now: datetime) -> DueStep | None:
    """The job's next step as shown, or None when it has none."""
    if not job.next_step or job.next_step_due is None:
        return None
    return DueStep(
        job_id=job.id,
        employer=job.employer,
        title=job.title,
        step=job.next_step,
        due=job.next_step_due,
        at=job.next_step_time,
        overdue=is_overdue(job.next_step_due, job.next_step_time, now),
        text=step_text(job.next_step, job.next_step_due, job.next_step_time, now),
    )


def due_list(session: Session, now: datetime | None = None) -> list[DueStep]:
    """Every job with a next step: overdue first, then the soonest; a step with no time comes last on its day."""
    clock = local_now(now)
    rows = session.scalars(select(Job).where(Job.next_step.is_not(None), Job.next_step_due.is_not(None)))
    steps = [step for job in rows if (step := due_step(job, clock)) is not None]
    return sorted(steps, key=lambda s: (not s.overdue, s.due, s.at or time.max, s.employer.casefold()))


def set_follow_up(session: Session, job_id: str, now: datetime | None = None) -> JobOut:
    """Fill the job's next step with a follow-up to its employer, due two days from today."""
    job = get_job_row(session, job_id)
    due = local_now(now).date() + FOLLOW_UP_AFTER
    step = f"Follow up with {job.employer}"[:300]
    return update_job(session, job_id, JobPatch(next_step=step, next_step_due=due, next_step_time=None))
