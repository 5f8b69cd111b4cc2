"""The stage rules: log, edit and delete stage events, and derive each job's stage from them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from jobops import validation as check
from jobops.errors import Conflict, InvalidInput, NotFound
from jobops.localtime import local_day, start_of_day
from jobops.models import Job, MailMessage, StageEvent, utcnow
from jobops.stages import (
    ACTORS,
    APPLIED,
    CLOSED,
    EVENT_TYPES,
    NO_CHANGE,
    OUTCOMES,
    STAGES,
    stage_label,
    stage_rank,
)

METADATA_FIELDS = (
    "actor",
    "eventType",
    "eventLabel",
    "note",
    "reasonCode",
    "externalUrl",
    "groupId",
    "groupLabel",
)
EVENT_EDIT_FIELDS = ("toStage", "occurredAt", "outcome", "title", "metadata")
# Set on the Applied event when older mail or an older event moved it back, so the job page can say so.
APPLIED_MOVED = "applied_date_moved"


def event_to_dict(event: StageEvent) -> dict[str, Any]:
    """The event as the API and the pages see it."""
    return {
        "id": event.id,
        "jobId": event.job_id,
        "fromStage": event.from_stage,
        "toStage": event.to_stage,
        "title": event.title,
        "occurredAt": event.occurred_at,
        "outcome": event.outcome,
        "metadata": dict(event.meta or {}),
        "messageId": event.message_id,
        "createdAt": event.created_at,
    }


def get_job_row(session: Session, job_id: str, *, lock: bool = False) -> Job:
    """The job, or NotFound; `lock` reads it afresh and holds its row, so stage writes to one job queue up.

    SQLite serialises every writer anyway; on PostgreSQL two writers that both read the job and its events
    would otherwise each derive its stage without the other's event. The lock is FOR NO KEY UPDATE, which
    rows referring to the job (an event, linked mail) do not wait for, so a writer that already linked
    mail to the job cannot deadlock with another one taking the lock.
    """
    locking = {"with_for_update": {"key_share": True}, "populate_existing": True} if lock else {}
    job = session.get(Job, job_id, **locking) if isinstance(job_id, str) else None
    if job is None:
        raise NotFound(f"No job with id {str(job_id)[:64]!r}.", field="jobId")
    return job


def clean_metadata(raw: Any, *, default_event_type: str) -> dict[str, Any]:
    """Validate the metadata object; fill in actor and event type."""
    data = check.mapping("metadata", raw)
    check.reject_unknown(data, METADATA_FIELDS, "metadata")
    meta: dict[str, Any] = {
        "actor": check.choice("metadata.actor", data.get("actor"), ACTORS) or "user",
        "eventType": check.choice("metadata.eventType", data.get("eventType"), EVENT_TYPES)
        or default_event_type,
    }
    for key in ("eventLabel", "reasonCode", "groupId", "groupLabel"):
        value = check.text(f"metadata.{key}", data.get(key))
        if value is not None:
            meta[key] = value
    note = check.text("metadata.note", data.get("note"), max_len=check.MAX_TEXT)
    if note is not None:
        meta["note"] = note
    external = check.url("metadata.externalUrl", data.get("externalUrl"))
    if external is not None:
        meta["externalUrl"] = external
    return meta


def _check_outcome(to_stage: str, outcome: Any) -> str | None:
    """An outcome belongs to a closing event only."""
    value = check.choice("outcome", outcome, OUTCOMES)
    if value is not None and to_stage != CLOSED:
        raise InvalidInput("outcome can only be given when toStage is closed.", field="outcome")
    return value


def _default_title(to_stage: str, moved: bool, meta: dict[str, Any], outcome: str | None) -> str:
    """A readable title when the caller gives no label."""
    if meta.get("eventLabel"):
        return meta["eventLabel"]
    if not moved:
        return "Interview logged" if meta["eventType"] == "interview_log" else "Note"
    if to_stage == CLOSED and outcome:
        return f"Closed: {stage_label(outcome)}"
    return f"Moved to {stage_label(to_stage)}"


def transition_stage(
    session: Session,
    job_id: str,
    to_stage: Any,
    *,
    occurred_at: Any = None,
    metadata: Any = None,
    outcome: Any = None,
    title: Any = None,
    message_id: str | None = None,
) -> dict[str, Any]:
    """Log a stage event (or a `no_change` note) for a job and update the job's stage and status."""
    target = check.choice("toStage", to_stage, (*STAGES, NO_CHANGE), required=True)
    when = check.moment("occurredAt", occurred_at) or utcnow()
    job = get_job_row(session, job_id, lock=True)
    moved = target != NO_CHANGE
    meta = clean_metadata(metadata, default_event_type="status_update" if moved else "note")
    stage = target if moved else (standing_at(session, job, when)[0] or APPLIED)
    closing_outcome = _check_outcome(stage, outcome)
    event = StageEvent(
        job_id=job.id,
        from_stage=job.current_stage,
        to_stage=stage,
        title=check.text("title", title) or _default_title(stage, moved, meta, closing_outcome),
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
    return {**event_to_dict(event), "appliedMovedTo": applied_moved_to}


def standing_at(session: Session, job: Job, when: datetime) -> tuple[str | None, str | None]:
    """The stage (and outcome, if closed) the job was in at that moment.

    Before its first event a job stands where that event put it: mail older than the application moves the
    Applied event back rather than coming before it.
    """
    stage, outcome = None, None
    for event in _ordered_events(session, job.id):
        if event.occurred_at > when and stage is not None:
            break
        if event.to_stage != CLOSED:
            outcome = None
        elif event.outcome:
            outcome = event.outcome
        stage = event.to_stage
    if stage is None:
        return job.current_stage, job.outcome
    return stage, outcome


def keep_applied_first(session: Session, job: Job, also: datetime | None = None) -> datetime | None:
    """Move the Applied event (and the applied date) back to the day of anything older; say where to.

    `also` is a moment the timeline must cover without an event of its own, such as mail linked to the job.
    """
    events = _ordered_events(session, job.id)
    applied = _applied_event(events)
    if applied is None:
        return None
    others = [e.occurred_at for e in events if e is not applied]
    earliest = min([*others, *([also] if also else [])], default=None)
    if earliest is None or earliest >= applied.occurred_at:
        return None
    applied.occurred_at = start_of_day(local_day(earliest))
    applied.meta = {**(applied.meta or {}), "reasonCode": APPLIED_MOVED}
    job.applied_at = applied.occurred_at
    session.flush()
    return applied.occurred_at


def _applied_event(events: list[StageEvent]) -> StageEvent | None:
    """The event that starts the application: the first move to Applied (a note in that stage is not it)."""
    for event in events:
        kind = (event.meta or {}).get("eventType", "status_update")
        if event.to_stage == APPLIED and kind == "status_update":
            return event
    return None


def list_events(session: Session, job_id: str, *, newest_first: bool = False) -> list[dict[str, Any]]:
    """A job's timeline, oldest first unless asked otherwise."""
    job = get_job_row(session, job_id)
    events = [event_to_dict(e) for e in _ordered_events(session, job.id)]
    return events[::-1] if newest_first else events


def is_stage_change(event: StageEvent) -> bool:
    """A status update moves the job; a note or interview log only records something in the stage it is in."""
    return (event.meta or {}).get("eventType", "status_update") == "status_update"


def preview_event_update(
    session: Session, job_id: str, event_id: str, changes: dict[str, Any]
) -> dict[str, Any]:
    """Where the job would stand if the event's stage, date or outcome changed so, and whether it moves back."""
    event = _get_event(session, job_id, event_id, lock=False)
    stage = check.choice("toStage", changes.get("toStage", event.to_stage), STAGES, required=True)
    when = check.moment("occurredAt", changes.get("occurredAt", event.occurred_at), required=True)
    outcome = check.choice("outcome", changes.get("outcome", event.outcome), OUTCOMES)
    rows = [
        (when, e.created_at, stage, outcome, is_stage_change(e))
        if e is event
        else (e.occurred_at, e.created_at, e.to_stage, e.outcome, is_stage_change(e))
        for e in _ordered_events(session, job_id)
    ]
    after_stage, after_outcome = _standing_of(sorted(rows, key=lambda r: (r[0], r[1])))
    job = event.job
    return {
        "stageBefore": job.current_stage,
        "outcomeBefore": job.outcome,
        "stageAfter": after_stage,
        "outcomeAfter": after_outcome,
        "movesBack": stage_rank(after_stage) < stage_rank(job.current_stage),
    }


def _standing_of(rows: list[tuple[Any, ...]]) -> tuple[str | None, str | None]:
    """The stage and outcome at the end of (when, logged, stage, outcome, moves) rows in time order."""
    stage, outcome = None, None
    for _, _, to_stage, event_outcome, moves in rows:
        if moves or stage is None:
            if to_stage != stage:
                outcome = None
            stage = to_stage
        if stage == CLOSED and moves and event_outcome:
            outcome = event_outcome
    return stage, outcome


def update_event(session: Session, job_id: str, event_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Edit an event's stage, date, outcome, title or metadata; the job's stage follows."""
    check.reject_unknown(changes, EVENT_EDIT_FIELDS)
    event = _get_event(session, job_id, event_id)
    before = event.occurred_at
    if "toStage" in changes:
        stage = check.choice("toStage", changes["toStage"], STAGES, required=True)
        if stage != event.to_stage and not is_stage_change(event):
            raise InvalidInput(
                "A note does not change the stage: log a stage change instead.", field="toStage"
            )
        event.to_stage = stage
    if "occurredAt" in changes:
        event.occurred_at = check.moment("occurredAt", changes["occurredAt"], required=True)
    if "title" in changes:
        event.title = check.text("title", changes["title"], required=True)
    if "metadata" in changes:
        merged = {**(event.meta or {}), **check.mapping("metadata", changes["metadata"])}
        event.meta = clean_metadata(merged, default_event_type=merged.get("eventType", "status_update"))
    if "outcome" in changes:
        event.outcome = _check_outcome(event.to_stage, changes["outcome"])
    elif event.to_stage != CLOSED:
        event.outcome = None
    session.flush()
    job = event.job
    if event.occurred_at != before and event is _applied_event(_ordered_events(session, job.id)):
        _redate_applied(session, job, event)
    applied_moved_to = keep_applied_first(session, job)
    recompute_job(session, job)
    return {**event_to_dict(event), "appliedMovedTo": applied_moved_to}


def set_applied_date(session: Session, job: Job, when: datetime | None) -> None:
    """The user gave the applied date: the Applied event moves with it, and nothing may come before it."""
    job.applied_at = when
    applied = _applied_event(_ordered_events(session, job.id))
    if applied is None or when is None or applied.occurred_at == when:
        return
    applied.occurred_at = when
    session.flush()
    _redate_applied(session, job, applied, field="appliedAt")
    recompute_job(session, job)


def _redate_applied(session: Session, job: Job, applied: StageEvent, *, field: str = "occurredAt") -> None:
    """The user dated the Applied event: the applied date follows, and nothing may come before it."""
    earlier = next((e for e in _ordered_events(session, job.id) if e is not applied), None)
    if earlier is not None and earlier.occurred_at < applied.occurred_at:
        raise InvalidInput(
            f"The Applied event must come first, but a {stage_label(earlier.to_stage)} event comes earlier "
            f"({local_day(earlier.occurred_at).isoformat()}): date the application on or before that day.",
            field=field,
        )
    applied.meta = {k: v for k, v in (applied.meta or {}).items() if (k, v) != ("reasonCode", APPLIED_MOVED)}
    job.applied_at = applied.occurred_at


def delete_event(session: Session, job_id: str, event_id: str) -> dict[str, Any]:
    """Remove an event; the job's stage falls back to what the remaining events say."""
    event = _get_event(session, job_id, event_id)
    job = event.job
    session.delete(event)
    session.flush()
    session.expire(job, ["events"])
    recompute_job(session, job)
    return {"id": event_id, "deleted": True}


def row_snapshot(row: Any) -> dict[str, Any]:
    """A row's column values by attribute name: enough to create it again after a delete."""
    return {attr.key: getattr(row, attr.key) for attr in inspect(row).mapper.column_attrs}


def deletable_event(session: Session, job_id: str, event_id: str) -> dict[str, Any]:
    """What restore_event needs to bring the event back once it is deleted."""
    return row_snapshot(_get_event(session, job_id, event_id, lock=False))


def restore_event(session: Session, snapshot: dict[str, Any]) -> dict[str, Any]:
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
    return event_to_dict(event)


def _get_event(session: Session, job_id: str, event_id: str, *, lock: bool = True) -> StageEvent:
    """The event of that job, or NotFound; the job is locked, as its stage follows the edit."""
    job = get_job_row(session, job_id, lock=lock)
    event = session.get(StageEvent, event_id) if isinstance(event_id, str) else None
    if event is None or event.job_id != job.id:
        raise NotFound(f"No event {str(event_id)[:64]!r} on this job.", field="eventId")
    return event


def _ordered_events(session: Session, job_id: str) -> list[StageEvent]:
    """Events of a job by when they happened, then by when they were logged."""
    query = (
        select(StageEvent)
        .where(StageEvent.job_id == job_id)
        .order_by(StageEvent.occurred_at, StageEvent.created_at)
    )
    return list(session.scalars(query))


def recompute_job(session: Session, job: Job) -> None:
    """Derive stage, status, outcome and dates of a job from its events."""
    events = _ordered_events(session, job.id)
    if not events:
        job.current_stage = None
        job.stage_changed_at = None
        job.last_event_at = None
        if job.status == "in_progress":
            job.status = APPLIED
        job.outcome, job.closed_at = None, None
        return
    previous = None
    for event in events:  # an edit or delete elsewhere in the timeline changes what came before
        if event.from_stage != previous:
            event.from_stage = previous
        if previous is not None and not is_stage_change(event) and event.to_stage != previous:
            event.to_stage, event.outcome = previous, None  # a note stays in the stage it was written in
        previous = event.to_stage
    latest = events[-1]
    current_run = _current_stage_run(events)
    job.current_stage = latest.to_stage
    job.last_event_at = latest.occurred_at
    job.stage_changed_at = current_run[0].occurred_at
    job.status = APPLIED if latest.to_stage == APPLIED else "in_progress"
    if job.applied_at is None:
        job.applied_at = events[0].occurred_at
    if latest.to_stage == CLOSED:
        job.outcome = next((e.outcome for e in reversed(current_run) if e.outcome), None)
        job.closed_at = current_run[0].occurred_at
    else:
        job.outcome, job.closed_at = None, None


def _current_stage_run(events: list[StageEvent]) -> list[StageEvent]:
    """The trailing events in the job's current stage: notes there do not reset when it began."""
    start = len(events) - 1
    while start > 0 and events[start - 1].to_stage == events[-1].to_stage:
        start -= 1
    return events[start:]


def move_choices() -> list[tuple[str, str]]:
    """What a job can be moved to from the board: each open stage, or closed with an outcome."""
    stages = [(stage, stage_label(stage)) for stage in STAGES if stage != CLOSED]
    closings = [(f"{CLOSED}:{outcome}", f"Closed: {stage_label(outcome)}") for outcome in OUTCOMES]
    return stages + closings


def move_job(
    session: Session, job_id: str, choice: str, *, occurred_at: Any = None, note: str | None = None
) -> dict[str, Any]:
    """Apply a board choice (`technical_interview` or `closed:rejected`) as a user stage event."""
    stage, _, outcome = choice.partition(":")
    label = f"Closed: {stage_label(outcome)}" if outcome else f"Moved to {stage_label(stage)}"
    metadata: dict[str, Any] = {"actor": "user", "eventType": "status_update", "eventLabel": label}
    if note:
        metadata["note"] = note
    return transition_stage(
        session, job_id, stage, occurred_at=occurred_at, metadata=metadata, outcome=outcome or None
    )
