"""Jobs: create, read, update, close with an outcome, delete."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, and_, func, not_, or_, select, update
from sqlalchemy.orm import Session

from jobops import validation as check
from jobops.errors import Conflict, InvalidInput
from jobops.inbox_routing import rematch_waiting
from jobops.models import Job, MailMessage, StageEvent, utcnow
from jobops.stages import ACTIVE_STATUSES, APPLIED, CLOSED, JOB_STATUSES, OUTCOMES, STANDINGS, stage_label
from jobops.tracking import (
    get_job_row,
    keep_applied_first,
    recompute_job,
    restore_event,
    row_snapshot,
    set_applied_date,
    transition_stage,
)

NEXT_STEP_FIELDS = ("nextStep", "nextStepDue", "nextStepTime")
JOB_FIELDS = (
    "title",
    "employer",
    "jobUrl",
    "location",
    "source",
    "notes",
    "salary",
    "recruiterName",
    "recruiterEmail",
    "status",
    "appliedAt",
    *NEXT_STEP_FIELDS,
)
TEXT_FIELDS = {
    "title": "title",
    "employer": "employer",
    "location": "location",
    "source": "source",
    "recruiterName": "recruiter_name",
}
MAX_SALARY = 200
MAX_NEXT_STEP = 300
# A due day outside these years is a typo, not a plan.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def job_to_dict(job: Job) -> dict[str, Any]:
    """The job as the API and the pages see it."""
    return {
        "id": job.id,
        "title": job.title,
        "employer": job.employer,
        "jobUrl": job.job_url,
        "location": job.location,
        "source": job.source,
        "notes": job.notes,
        "salary": job.salary,
        "recruiterName": job.recruiter_name,
        "recruiterEmail": job.recruiter_email,
        "nextStep": job.next_step,
        "nextStepDue": job.next_step_due.isoformat() if job.next_step_due else None,
        "nextStepTime": job.next_step_time.strftime("%H:%M") if job.next_step_time else None,
        "status": job.status,
        "currentStage": job.current_stage,
        "stageChangedAt": job.stage_changed_at,
        "lastEventAt": job.last_event_at,
        "appliedAt": job.applied_at,
        "outcome": job.outcome,
        "closedAt": job.closed_at,
        "isSample": job.is_sample,
        "createdAt": job.created_at,
        "updatedAt": job.updated_at,
    }


def _apply_fields(job: Job, data: dict[str, Any]) -> None:
    """Copy validated fields from a request body onto a job."""
    for key, attr in TEXT_FIELDS.items():
        if key in data:
            required = key in ("title", "employer")
            setattr(job, attr, check.text(key, data[key], required=required))
    if "jobUrl" in data:
        job.job_url = check.url("jobUrl", data["jobUrl"])
    if "notes" in data:
        job.notes = check.text("notes", data["notes"], max_len=check.MAX_TEXT)
    if "salary" in data:
        job.salary = check.text("salary", data["salary"], max_len=MAX_SALARY)
    if "recruiterEmail" in data:
        job.recruiter_email = check.email("recruiterEmail", data["recruiterEmail"])
    if "appliedAt" in data:
        job.applied_at = check.moment("appliedAt", data["appliedAt"])
    if any(key in data for key in NEXT_STEP_FIELDS):
        _apply_next_step(job, data)


def _apply_next_step(job: Job, data: dict[str, Any]) -> None:
    """Set or clear the next step; a step needs a due day, and a day or time needs a step."""
    step = (
        check.text("nextStep", data["nextStep"], max_len=MAX_NEXT_STEP)
        if "nextStep" in data
        else job.next_step
    )
    due = _day("nextStepDue", data["nextStepDue"]) if "nextStepDue" in data else job.next_step_due
    at = _clock("nextStepTime", data["nextStepTime"]) if "nextStepTime" in data else job.next_step_time
    if step is None:
        if data.get("nextStepDue") or data.get("nextStepTime"):
            raise InvalidInput("nextStep is required when a due date or time is given.", field="nextStep")
        due = at = None
    elif due is None:
        raise InvalidInput(
            "nextStepDue is required for a next step, as a date such as 2026-12-02.", field="nextStepDue"
        )
    job.next_step, job.next_step_due, job.next_step_time = step, due, at


def _day(field: str, value: Any) -> date | None:
    """A calendar day from `2026-12-02` (or a date), or None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        day = value
    else:
        try:
            day = date.fromisoformat(value.strip()) if isinstance(value, str) else None
        except ValueError:
            day = None
        if day is None:
            raise InvalidInput(f"{field} must be a date such as 2026-12-02.", field=field)
    if not FIRST_YEAR <= day.year < LAST_YEAR:
        raise InvalidInput(f"{field} must fall between {FIRST_YEAR} and {LAST_YEAR}.", field=field)
    return day


def _clock(field: str, value: Any) -> time | None:
    """A wall-clock time from `14:30` (or a time), to the minute, or None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    text = value.strip() if isinstance(value, str) else ""
    if len(text) != 5 or text[2] != ":" or not (text[:2] + text[3:]).isdigit():
        raise InvalidInput(f"{field} must be a time such as 14:30.", field=field)
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{field} must be a time such as 14:30.", field=field) from None


def create_job(
    session: Session, data: dict[str, Any], *, is_sample: bool = False, rematch: bool = True
) -> dict[str, Any]:
    """Add a job; an applied one starts its timeline at appliedAt (default now).

    Mail waiting for review is then matched again, unless the caller adds many jobs and does that once at the end.
    """
    check.reject_unknown(data, JOB_FIELDS)
    check.text("title", data.get("title"), required=True)
    check.text("employer", data.get("employer"), required=True)
    status = check.choice("status", data.get("status"), JOB_STATUSES) or APPLIED
    job = Job(status=status, is_sample=is_sample)
    _apply_fields(job, data)
    session.add(job)
    session.flush()
    if status in (APPLIED, "in_progress"):
        _log_applied(session, job)
        if rematch:
            rematch_waiting(session)
    return job_to_dict(job)


def _log_applied(session: Session, job: Job) -> None:
    """Record the `Applied` event that starts a job's timeline."""
    job.applied_at = job.applied_at or utcnow()
    transition_stage(
        session,
        job.id,
        APPLIED,
        occurred_at=job.applied_at,
        metadata={"actor": "user", "eventType": "status_update", "eventLabel": "Applied"},
    )


def get_job(session: Session, job_id: str) -> dict[str, Any]:
    """One job, or NotFound."""
    return job_to_dict(get_job_row(session, job_id))


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
) -> dict[str, Any]:
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
    return {"items": [job_to_dict(j) for j in rows], "total": total}


def update_job(session: Session, job_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Edit a job's details; setting status `applied` on a job with no timeline starts one.

    A new applied date moves the Applied event with it; a change the router reads matches waiting mail again.
    """
    check.reject_unknown(changes, JOB_FIELDS)
    job = get_job_row(session, job_id)
    routed_by = _routing_facts(job)
    _apply_fields(job, changes)
    if "appliedAt" in changes:
        set_applied_date(session, job, job.applied_at)
    if "status" in changes:
        status = check.choice("status", changes["status"], JOB_STATUSES, required=True)
        has_events = session.scalar(select(func.count()).where(StageEvent.job_id == job.id))
        if status in (APPLIED, "in_progress") and not has_events:
            job.status = APPLIED
            _log_applied(session, job)
        elif status in (APPLIED, "in_progress"):
            recompute_job(session, job)
        else:
            job.status = status
    session.flush()
    if _routing_facts(job) != routed_by:
        rematch_waiting(session)
    return job_to_dict(job)


def _routing_facts(job: Job) -> tuple[str | None, ...]:
    """What the router reads of a job: when it changes, mail waiting for review is matched again."""
    return (job.title, job.employer, job.job_url, job.status)


def mark_applied(session: Session, job_id: str) -> dict[str, Any]:
    """Mark a discovered or ready job as applied today."""
    return update_job(session, job_id, {"status": APPLIED})


def set_outcome(session: Session, job_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Close a job with an outcome, or amend the outcome of a closed job."""
    check.reject_unknown(data, ("outcome", "closedAt", "note"))
    outcome = check.choice("outcome", data.get("outcome"), OUTCOMES, required=True)
    closed_at = check.moment("closedAt", data.get("closedAt"))
    note = check.text("note", data.get("note"), max_len=check.MAX_TEXT)
    job = get_job_row(session, job_id)
    closing = _closing_event(session, job) if job.current_stage == CLOSED else None
    if closing is None:
        metadata: dict[str, Any] = {"actor": "user", "eventLabel": f"Closed: {stage_label(outcome)}"}
        if note:
            metadata["note"] = note
        transition_stage(session, job.id, CLOSED, occurred_at=closed_at, outcome=outcome, metadata=metadata)
    else:
        closing.outcome = outcome
        closing.title = f"Closed: {stage_label(outcome)}"
        if closed_at is not None:
            closing.occurred_at = closed_at
        session.flush()
        keep_applied_first(session, job)
        recompute_job(session, job)
    return job_to_dict(job)


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


def restore_job(session: Session, snapshot: dict[str, Any]) -> dict[str, Any]:
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
    return job_to_dict(job)


def delete_job(session: Session, job_id: str) -> dict[str, Any]:
    """Remove a job with its timeline; linked messages stay, unlinked."""
    job = get_job_row(session, job_id)
    session.delete(job)
    session.flush()
    return {"id": job_id, "deleted": True}
