"""Jobs: create, read, update, close with an outcome, delete."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, func, not_, or_, select, update
from sqlalchemy.orm import Session

from jobops import validation as check
from jobops.errors import Conflict, InvalidInput
from jobops.inbox_routing import rematch_waiting
from jobops.models import Job, MailMessage, StageEvent, utcnow
from jobops.schemas.events import EventMetadata, StageChange
from jobops.schemas.jobs import Deleted, JobIn, JobList, JobOut, JobPatch, OutcomeIn
from jobops.stages import ACTIVE_STATUSES, APPLIED, CLOSED, JOB_STATUSES, STANDINGS, stage_label
from jobops.tracking import (
    get_job_row,
    keep_applied_first,
    recompute_job,
    restore_event,
    row_snapshot,
    set_applied_date,
    transition_stage,
)

NEXT_STEP_FIELDS = ("next_step", "next_step_due", "next_step_time")
# Copied as given: a patch sets exactly the fields it names (null clears an optional one).
PLAIN_FIELDS = (
    "title",
    "employer",
    "location",
    "source",
    "recruiter_name",
    "job_url",
    "notes",
    "salary",
    "recruiter_email",
    "applied_at",
)


def job_out(job: Job) -> JobOut:
    """The job as the API and the pages see it."""
    return JobOut.model_validate(job)


def _apply_fields(job: Job, data: JobPatch) -> None:
    """Copy the fields a request named onto a job (each already checked by the model)."""
    for name in PLAIN_FIELDS:
        if data.given(name):
            setattr(job, name, getattr(data, name))
    if any(data.given(name) for name in NEXT_STEP_FIELDS):
        _apply_next_step(job, data)


def _apply_next_step(job: Job, data: JobPatch) -> None:
    """Set or clear the next step; a step needs a due day, and a day or time needs a step."""
    step = data.next_step if data.given("next_step") else job.next_step
    due = data.next_step_due if data.given("next_step_due") else job.next_step_due
    at = data.next_step_time if data.given("next_step_time") else job.next_step_time
    if step is None:
        if data.next_step_due or data.next_step_time:
            raise InvalidInput("nextStep is required when a due date or time is given.", field="nextStep")
        due = at = None
    elif due is None:
        raise InvalidInput(
            "nextStepDue is required for a next step, as a date such as 2026-12-02.", field="nextStepDue"
        )
    job.next_step, job.next_step_due, job.next_step_time = step, due, at


def create_job(session: Session, data: JobIn, *, is_sample: bool = False, rematch: bool = True) -> JobOut:
    """Add a job; an applied one starts its timeline at appliedAt (default now).

    Mail waiting for review is then matched again, unless the caller adds many jobs and does that once at the end.
    """
    job = Job(status=data.status, is_sample=is_sample)
    _apply_fields(job, data)
    session.add(job)
    session.flush()
    if data.status in ACTIVE_STATUSES:
        _log_applied(session, job)
        if rematch:
            rematch_waiting(session)
    return job_out(job)


def _log_applied(session: Session, job: Job) -> None:
    """Record the `Applied` event that starts a job's timeline."""
    job.applied_at = job.applied_at or utcnow()
    metadata = EventMetadata(actor="user", event_type="status_update", event_label="Applied")
    transition_stage(
        session, job.id, StageChange(to_stage=APPLIED, occurred_at=job.applied_at, metadata=metadata)
    )


def get_job(session: Session, job_id: str) -> JobOut:
    """One job, or NotFound."""
    return job_out(get_job_row(session, job_id))


def _not_closed() -> ColumnElement[bool]:
    """Jobs whose stage is not closed (a job without a stage is not closed)."""
    return or_(Job.current_stage.is_(None), Job.current_stage != CLOSED)


def standing_clause(standing: str) -> ColumnElement[bool]:
    """The SQL twin of `stages.standing`: jobs that stand where `standing` says."""
    if standing == CLOSED:
        return Job.current_stage == CLOSED
    if standing in (APPLIED, "in_progress"):
        at_applied = or_(Job.current_stage.is_(None), Job.current_stage == APPLIED)
        stage = at_applied if standing == APPLIED else not_(at_applied)
        return and_(Job.status.in_(ACTIVE_STATUSES), stage, _not_closed())
    return and_(Job.status == standing, _not_closed())


def list_jobs(
    session: Session,
    *,
    status: str | None = None,
    standings: list[str] | None = None,
    include_closed: bool = True,
    search: str | None = None,
    limit: int = 500,
    offset: int = 0,
) -> JobList:
    """Jobs, newest activity first, with a total for paging.

    `standings` keeps jobs that stand there (see `stages.standing`); `include_closed=False` is the archive:
    closed jobs stay out unless `standings` asks for them.
    """
    statuses = [s.strip() for s in (status or "").split(",") if s.strip()]
    for value in statuses:
        check.choice("status", value, JOB_STATUSES)
    for value in standings or ():
        check.choice("standing", value, STANDINGS)
    query = select(Job)
    if statuses:
        query = query.where(Job.status.in_(statuses))
    if standings:
        query = query.where(or_(*(standing_clause(value) for value in standings)))
    elif not include_closed:
        query = query.where(_not_closed())
    if search and search.strip():
        like = f"%{search.strip()}%"
        query = query.where(or_(Job.title.ilike(like), Job.employer.ilike(like), Job.location.ilike(like)))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(func.coalesce(Job.last_event_at, Job.created_at).desc()).limit(limit).offset(offset)
    )
    return JobList(items=[job_out(j) for j in rows], total=total)


def update_job(session: Session, job_id: str, changes: JobPatch) -> JobOut:
    """Edit a job's details; setting status `applied` on a job with no timeline starts one.

    A new applied date moves the Applied event with it; a change the router reads matches waiting mail again.
    The job's row is locked as a stage change locks it, so an edit and a stage event for one job queue up.
    """
    job = get_job_row(session, job_id, lock=True)
    routed_by = _routing_facts(job)
    _apply_fields(job, changes)
    if changes.given("applied_at"):
        set_applied_date(session, job, job.applied_at)
    if changes.status is not None:
        has_events = session.scalar(select(func.count()).where(StageEvent.job_id == job.id))
        if changes.status in ACTIVE_STATUSES and not has_events:
            job.status = APPLIED
            _log_applied(session, job)
        elif changes.status in ACTIVE_STATUSES:
            recompute_job(session, job)
        else:
            job.status = changes.status
    session.flush()
    if _routing_facts(job) != routed_by:
        rematch_waiting(session)
    return job_out(job)


def _routing_facts(job: Job) -> tuple[str | None, ...]:
    """What the router reads of a job: when it changes, mail waiting for review is matched again."""
    return (job.title, job.employer, job.job_url, job.status)


def mark_applied(session: Session, job_id: str) -> JobOut:
    """Mark a discovered or ready job as applied today."""
    return update_job(session, job_id, JobPatch(status=APPLIED))


def set_outcome(session: Session, job_id: str, data: OutcomeIn) -> JobOut:
    """Close a job with an outcome, or amend the outcome of a closed job."""
    outcome, closed_at = data.outcome, data.closed_at
    job = get_job_row(session, job_id)
    closing = _closing_event(session, job) if job.current_stage == CLOSED else None
    if closing is None:
        metadata = EventMetadata(actor="user", event_label=f"Closed: {stage_label(outcome)}", note=data.note)
        change = StageChange(to_stage=CLOSED, occurred_at=closed_at, outcome=outcome, metadata=metadata)
        transition_stage(session, job.id, change)
    else:
        closing.outcome = outcome
        closing.title = f"Closed: {stage_label(outcome)}"
        if closed_at is not None:
            closing.occurred_at = closed_at
        session.flush()
        keep_applied_first(session, job)
        recompute_job(session, job)
    return job_out(job)


def _closing_event(session: Session, job: Job) -> StageEvent | None:
    """The newest event that moved the job to closed."""
    return session.scalars(
        select(StageEvent)
        .where(StageEvent.job_id == job.id, StageEvent.to_stage == CLOSED)
        .order_by(StageEvent.occurred_at.desc(), StageEvent.created_at.desc())
    ).first()


def deletable_job(session: Session, job_id: str) -> dict[str, Any]:
    """What restore_job needs to bring the job back once it is deleted: its row, its events, its mail."""
    job = get_job_row(session, job_id)
    linked = session.scalars(select(MailMessage.id).where(MailMessage.matched_job_id == job.id))
    return {
        "job": row_snapshot(job),
        "events": [row_snapshot(e) for e in job.events],
        "messages": list(linked),
    }


def restore_job(session: Session, snapshot: dict[str, Any]) -> JobOut:
    """Bring back a deleted job with its timeline, and link again the mail that was linked to it."""
    data = snapshot["job"]
    if session.get(Job, data["id"]) is not None:
        raise Conflict("This job is already back.", field="jobId")
    job = Job(**data)
    session.add(job)
    session.flush()
    for event in snapshot["events"]:
        restore_event(session, event)
    session.execute(
        update(MailMessage)
        .where(MailMessage.id.in_(snapshot["messages"]), MailMessage.matched_job_id.is_(None))
        .values(matched_job_id=job.id)
    )
    recompute_job(session, job)
    return job_out(job)


def delete_job(session: Session, job_id: str) -> Deleted:
    """Remove a job with its timeline; linked messages stay, unlinked."""
    job = get_job_row(session, job_id)
    session.delete(job)
    session.flush()
    return Deleted(id=job_id)
