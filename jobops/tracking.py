"""The stage rules: log, edit, delete and bring back stage events; each job's stage follows its timeline."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic.alias_generators import to_camel
from sqlalchemy import inspect
from sqlalchemy.orm import Session

from jobops.errors import Conflict, InvalidInput, NotFound
from jobops.localtime import local_day
from jobops.models import Job, MailMessage, StageEvent, utcnow
from jobops.schemas.events import (
    EventMetadata,
    EventOut,
    EventPatch,
    EventPreview,
    LoggedEvent,
    StageChange,
    metadata_of,
)
from jobops.schemas.jobs import Deleted
from jobops.stages import APPLIED, CLOSED, NO_CHANGE, OUTCOMES, STAGES, stage_label, stage_rank
from jobops.timeline import (
    APPLIED_MOVED,
    applied_event,
    is_stage_change,
    keep_applied_first,
    ordered_events,
    recompute_job,
    standing_at,
    standing_of,
)

__all__ = ["APPLIED_MOVED", "keep_applied_first", "recompute_job", "standing_at"]


def get_job_row(session: Session, job_id: str, *, lock: bool = False) -> Job:
    """The job, or NotFound; `lock` reads it afresh and holds its row, so stage writes to one job queue up.

    SQLite serialises every writer anyway; on PostgreSQL two writers that both read the job and its events
    would otherwise each derive its stage without the other's event. The lock is FOR NO KEY UPDATE, which
    rows referring to the job (an event, linked mail) do not wait for, so a writer that already linked
    mail to the job cannot deadlock with another one taking the lock.
    """
    job = None
    if isinstance(job_id, str):
        locking = {"key_share": True} if lock else None
        job = session.get(Job, job_id, with_for_update=locking, populate_existing=lock)
    if job is None:
        raise NotFound(f"No job with id {str(job_id)[:64]!r}.", field="jobId")
    return job


def clean_metadata(raw: Any, *, default_event_type: str) -> dict[str, Any]:
    """Validate a metadata object and fill in actor and event type: what an event stores."""
    meta = metadata_of(raw) or EventMetadata()
    return _stored(meta, default_event_type)


def _stored(meta: EventMetadata, default_event_type: str) -> dict[str, Any]:
    """The metadata as the event stores it: actor and event type always, the rest when given."""
    filled = meta.model_copy(
        update={"actor": meta.actor or "user", "event_type": meta.event_type or default_event_type}
    )
    return filled.model_dump(by_alias=True)


def _check_outcome(to_stage: str, outcome: str | None) -> str | None:
    """An outcome belongs to a closing event only."""
    if outcome is not None and to_stage != CLOSED:
        raise InvalidInput("outcome can only be given when toStage is closed.", field="outcome")
    return outcome


def _default_title(to_stage: str, moved: bool, meta: dict[str, Any], outcome: str | None) -> str:
    """A readable title when the caller gives no label."""
    if meta.get("eventLabel"):
        return str(meta["eventLabel"])
    if not moved:
        return "Interview logged" if meta["eventType"] == "interview_log" else "Note"
    if to_stage == CLOSED and outcome:
        return f"Closed: {stage_label(outcome)}"
    return f"Moved to {stage_label(to_stage)}"


def transition_stage(
    session: Session, job_id: str, change: StageChange, *, message_id: str | None = None
) -> LoggedEvent:
    """Log a stage event (or a `no_change` note) for a job and update the job's stage and status."""
    when = change.occurred_at or utcnow()
    job = get_job_row(session, job_id, lock=True)
    moved = change.to_stage != NO_CHANGE
    meta = _stored(change.metadata or EventMetadata(), "status_update" if moved else "note")
    stage = change.to_stage if moved else (standing_at(session, job, when)[0] or APPLIED)
    closing_outcome = _check_outcome(stage, change.outcome)
    event = StageEvent(
        job_id=job.id,
        from_stage=job.current_stage,
        to_stage=stage,
        title=change.title or _default_title(stage, moved, meta, closing_outcome),
        occurred_at=when,
        outcome=closing_outcome,
        meta=meta,
        message_id=message_id,
    )
    status = job.status
    session.add(event)
    session.flush()
    applied_moved_to = keep_applied_first(session, job)
    recompute_job(session, job)
    if not moved:
        job.status = status  # a note or interview log never changes where the job stands
    return _logged(event, applied_moved_to)


def _logged(event: StageEvent, applied_moved_to: datetime | None) -> LoggedEvent:
    """The event as logged, and where the Applied event moved to because of it."""
    return LoggedEvent.of(event).model_copy(update={"applied_moved_to": applied_moved_to})


def list_events(session: Session, job_id: str, *, newest_first: bool = False) -> list[EventOut]:
    """A job's timeline, oldest first unless asked otherwise."""
    job = get_job_row(session, job_id)
    events = [EventOut.of(e) for e in ordered_events(session, job.id)]
    return events[::-1] if newest_first else events


def preview_event_update(session: Session, job_id: str, event_id: str, changes: EventPatch) -> EventPreview:
    """Where the job would stand if the event's stage, date or outcome changed so, and whether it moves back."""
    event = _get_event(session, job_id, event_id, lock=False)
    stage = changes.to_stage if changes.given("to_stage") and changes.to_stage else event.to_stage
    when = changes.occurred_at if changes.given("occurred_at") and changes.occurred_at else event.occurred_at
    outcome = changes.outcome if changes.given("outcome") else event.outcome
    rows = [
        (when, e.created_at, stage, outcome, is_stage_change(e))
        if e is event
        else (e.occurred_at, e.created_at, e.to_stage, e.outcome, is_stage_change(e))
        for e in ordered_events(session, job_id)
    ]
    after_stage, after_outcome = standing_of(sorted(rows, key=lambda r: (r[0], r[1])))
    job = event.job
    return EventPreview(
        stage_before=job.current_stage,
        outcome_before=job.outcome,
        stage_after=after_stage,
        outcome_after=after_outcome,
        moves_back=stage_rank(after_stage) < stage_rank(job.current_stage),
    )


def update_event(session: Session, job_id: str, event_id: str, changes: EventPatch) -> LoggedEvent:
    """Edit an event's stage, date, outcome, title or metadata; the job's stage follows."""
    event = _get_event(session, job_id, event_id)
    before = event.occurred_at
    if changes.given("to_stage") and changes.to_stage is not None:
        if changes.to_stage != event.to_stage and not is_stage_change(event):
            raise InvalidInput(
                "A note does not change the stage: log a stage change instead.", field="toStage"
            )
        event.to_stage = changes.to_stage
    if changes.given("occurred_at") and changes.occurred_at is not None:
        event.occurred_at = changes.occurred_at
    if changes.given("title") and changes.title is not None:
        event.title = changes.title
    if changes.metadata is not None:
        given = {
            to_camel(name): getattr(changes.metadata, name) for name in changes.metadata.model_fields_set
        }
        merged = {**(event.meta or {}), **given}
        event.meta = clean_metadata(merged, default_event_type=merged.get("eventType") or "status_update")
    if changes.given("outcome"):
        event.outcome = _check_outcome(event.to_stage, changes.outcome)
    elif event.to_stage != CLOSED:
        event.outcome = None
    session.flush()
    job = event.job
    if event.occurred_at != before and event is applied_event(ordered_events(session, job.id)):
        _redate_applied(session, job, event)
    applied_moved_to = keep_applied_first(session, job)
    recompute_job(session, job)
    return _logged(event, applied_moved_to)


def set_applied_date(session: Session, job: Job, when: datetime | None) -> None:
    """The user gave the applied date: the Applied event moves with it, and nothing may come before it."""
    job.applied_at = when
    applied = applied_event(ordered_events(session, job.id))
    if applied is None or when is None or applied.occurred_at == when:
        return
    applied.occurred_at = when
    session.flush()
    _redate_applied(session, job, applied, field="appliedAt")
    recompute_job(session, job)


def _redate_applied(session: Session, job: Job, applied: StageEvent, *, field: str = "occurredAt") -> None:
    """The user dated the Applied event: the applied date follows, and nothing may come before it."""
    earlier = next((e for e in ordered_events(session, job.id) if e is not applied), None)
    if earlier is not None and earlier.occurred_at < applied.occurred_at:
        raise InvalidInput(
            f"The Applied event must come first, but a {stage_label(earlier.to_stage)} event comes earlier "
            f"({local_day(earlier.occurred_at).isoformat()}): date the application on or before that day.",
            field=field,
        )
    applied.meta = {k: v for k, v in (applied.meta or {}).items() if (k, v) != ("reasonCode", APPLIED_MOVED)}
    job.applied_at = applied.occurred_at


def delete_event(session: Session, job_id: str, event_id: str) -> Deleted:
    """Remove an event; the job's stage falls back to what the remaining events say."""
    event = _get_event(session, job_id, event_id)
    job = event.job
    session.delete(event)
    session.flush()
    session.expire(job, ["events"])
    recompute_job(session, job)
    return Deleted(id=event_id)


def row_snapshot(row: Any) -> dict[str, Any]:
    """A row's column values by attribute name: enough to create it again after a delete."""
    return {attr.key: getattr(row, attr.key) for attr in inspect(row).mapper.column_attrs}


def deletable_event(session: Session, job_id: str, event_id: str) -> dict[str, Any]:
    """What restore_event needs to bring the event back once it is deleted."""
    return row_snapshot(_get_event(session, job_id, event_id, lock=False))


def restore_event(session: Session, snapshot: dict[str, Any]) -> EventOut:
    """Bring back a deleted event; the job's stage follows as if it had never gone."""
    job = get_job_row(session, snapshot["job_id"], lock=True)
    if session.get(StageEvent, snapshot["id"]) is not None:
        raise Conflict("This event is already back on the timeline.", field="eventId")
    data = dict(snapshot)
    if data.get("message_id") and session.get(MailMessage, data["message_id"]) is None:
        data["message_id"] = None  # the mail it came from is gone since
    event = StageEvent(**data)
    session.add(event)
    session.flush()
    session.expire(job, ["events"])
    keep_applied_first(session, job)
    recompute_job(session, job)
    return EventOut.of(event)


def _get_event(session: Session, job_id: str, event_id: str, *, lock: bool = True) -> StageEvent:
    """The event of that job, or NotFound; the job is locked, as its stage follows the edit."""
    job = get_job_row(session, job_id, lock=lock)
    event = session.get(StageEvent, event_id) if isinstance(event_id, str) else None
    if event is None or event.job_id != job.id:
        raise NotFound(f"No event {str(event_id)[:64]!r} on this job.", field="eventId")
    return event


def move_choices() -> list[tuple[str, str]]:
    """What a job can be moved to from the board: each open stage, or closed with an outcome."""
    stages = [(stage, stage_label(stage)) for stage in STAGES if stage != CLOSED]
    closings = [(f"{CLOSED}:{outcome}", f"Closed: {stage_label(outcome)}") for outcome in OUTCOMES]
    return stages + closings


def move_job(
    session: Session, job_id: str, choice: str, *, occurred_at: Any = None, note: str | None = None
) -> LoggedEvent:
    """Apply a board choice (`technical_interview` or `closed:rejected`) as a user stage event."""
    stage, _, outcome = choice.partition(":")
    label = f"Closed: {stage_label(outcome)}" if outcome else f"Moved to {stage_label(stage)}"
    metadata = EventMetadata(actor="user", event_type="status_update", event_label=label, note=note or None)
    change = StageChange(to_stage=stage, occurred_at=occurred_at, metadata=metadata, outcome=outcome or None)
    return transition_stage(session, job_id, change)


def close_job(session: Session, job_id: str, outcome: str, *, note: str | None = None) -> LoggedEvent:
    """Close a job with this outcome now, as the user's stage change (a quiet job the user gives up on)."""
    return move_job(session, job_id, f"{CLOSED}:{outcome}", note=note)
