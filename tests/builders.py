"""Small builders that arrange what a test needs: jobs and their stage events, through the services or HTTP."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic.alias_generators import to_camel, to_snake
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from jobops import jobs, tracking
from jobops.db import get_engine, session_scope
from jobops.schemas import parse
from jobops.schemas.events import EventPatch, EventPreview, LoggedEvent, StageChange
from jobops.schemas.jobs import JobIn, JobOut, JobPatch, OutcomeIn

TITLE, EMPLOYER = "Backend Engineer", "Stripe"
NOW = datetime.now(UTC)  # what "days ago" counts from, the same for a whole test run
# The stage change of the seed's curl example.
SEED_TRANSITION = {
    "toStage": "technical_interview",
    "metadata": {"actor": "user", "eventType": "status_update", "eventLabel": "Moved to Technical Interview"},
}


def as_request(fields: dict[str, Any]) -> dict[str, Any]:
    """Fields named in Python or JSON (applied_at or appliedAt), as a request names them."""
    return {to_camel(name): value for name, value in fields.items()}


def job_in(title: str = TITLE, employer: str = EMPLOYER, **fields: Any) -> JobIn:
    """A new job's fields, checked as a request's are."""
    return parse(JobIn, as_request({"title": title, "employer": employer, **fields}))


def add_job(session: Session, title: str = TITLE, employer: str = EMPLOYER, **fields: Any) -> JobOut:
    """A job added through the service."""
    return jobs.create_job(session, job_in(title, employer, **fields))


def stored_job(
    engine: Engine | None = None,
    title: str = TITLE,
    employer: str = EMPLOYER,
    *,
    stage: str | None = None,
    **fields: Any,
) -> str:
    """A job added in a unit of work of its own (as a page or request would), moved to `stage`; its id."""
    with session_scope(engine or get_engine()) as session:
        job = add_job(session, title, employer, **fields)
        if stage is not None and stage != job.current_stage:
            move(session, job.id, stage)
        return job.id


def edit_job(session: Session, job_id: str, **changes: Any) -> JobOut:
    """Change a job's fields, by JSON or Python name."""
    return jobs.update_job(session, job_id, parse(JobPatch, as_request(changes)))


def close_job(session: Session, job_id: str, **fields: Any) -> JobOut:
    """Close a job with an outcome (closed_at, note)."""
    return jobs.set_outcome(session, job_id, parse(OutcomeIn, as_request(fields)))


def move(session: Session, job_id: str, to_stage: str, **fields: Any) -> LoggedEvent:
    """Log a stage event (occurred_at, outcome, metadata, title by JSON or Python name)."""
    message_id = fields.pop("message_id", None)
    change = parse(StageChange, as_request({"to_stage": to_stage, **fields}))
    return tracking.transition_stage(session, job_id, change, message_id=message_id)


def applied_ago(session: Session, days_ago: int = 30, **fields: Any) -> str:
    """A job applied `days_ago` days ago, with its Applied event; its id."""
    return add_job(session, applied_at=NOW - timedelta(days=days_ago), **fields).id


def move_ago(
    session: Session, job_id: str, stage: str, days_ago: float | None = None, **fields: Any
) -> LoggedEvent:
    """Log a stage event `days_ago` days ago (now when not given)."""
    if days_ago is not None:
        fields["occurred_at"] = NOW - timedelta(days=days_ago)
    return move(session, job_id, stage, **fields)


def edit_event(session: Session, job_id: str, event_id: str, **changes: Any) -> LoggedEvent:
    """Change an event's fields, by JSON or Python name."""
    return tracking.update_event(session, job_id, event_id, parse(EventPatch, as_request(changes)))


def preview(session: Session, job_id: str, event_id: str, **changes: Any) -> EventPreview:
    """Where the job would stand after these changes to an event."""
    return tracking.preview_event_update(session, job_id, event_id, parse(EventPatch, as_request(changes)))


def post_job(api: TestClient, **fields: Any) -> dict[str, Any]:
    """A job added over HTTP; the answer's data."""
    response = api.post("/api/jobs", json={"title": TITLE, "employer": EMPLOYER, **fields})
    assert response.status_code == 201, response.text
    return response.json()["data"]


def post_event(api: TestClient, job_id: str, **body: Any) -> dict[str, Any]:
    """A stage event logged over HTTP (the seed's move to Technical Interview unless told); the answer's data."""
    response = api.post(f"/api/jobs/{job_id}/stages", json=body or SEED_TRANSITION)
    assert response.status_code == 201, response.text
    return response.json()["data"]


def job_answer(**fields: Any) -> JobOut:
    """A job as answers give it, without a database (for code that only formats a job)."""
    now = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    blank = {name: None for name in JobOut.model_fields}
    defaults = {"id": "j1", "title": TITLE, "employer": EMPLOYER, "status": "applied", "is_sample": False}
    given = {to_snake(name): value for name, value in fields.items()}
    return JobOut.model_validate({**blank, **defaults, "created_at": now, "updated_at": now, **given})
