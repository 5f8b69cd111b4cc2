"""A job's timeline read in order: where the job stands at any moment, and its stage, status and dates derived."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jobops.localtime import local_day, start_of_day
from jobops.models import Job, StageEvent
from jobops.stages import APPLIED, CLOSED

# Set on the Applied event when older mail or an older event moved it back, so the job page can say so.
APPLIED_MOVED = "applied_date_moved"


def ordered_events(session: Session, job_id: str) -> list[StageEvent]:
    """Events of a job by when they happened, then by when they were logged."""
    query = (
        select(StageEvent)
        .where(StageEvent.job_id == job_id)
        .order_by(StageEvent.occurred_at, StageEvent.created_at)
    )
    return list(session.scalars(query))


def is_stage_change(event: StageEvent) -> bool:
    """A status update moves the job; a note or interview log only records something in the stage it is in."""
    return (event.meta or {}).get("eventType", "status_update") == "status_update"


def applied_event(events: list[StageEvent]) -> StageEvent | None:
    """The event that starts the application: the first move to Applied (a note in that stage is not it)."""
    for event in events:
        if event.to_stage == APPLIED and is_stage_change(event):
            return event
    return None


def standing_at(session: Session, job: Job, when: datetime) -> tuple[str | None, str | None]:
    """The stage (and outcome, if closed) the job was in at that moment.

    Before its first event a job stands where that event put it: mail older than the application moves the
    Applied event back rather than coming before it.
    """
    stage, outcome = None, None
    for event in ordered_events(session, job.id):
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


def standing_of(rows: list[tuple[Any, ...]]) -> tuple[str | None, str | None]:
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


def keep_applied_first(session: Session, job: Job, also: datetime | None = None) -> datetime | None:
    """Move the Applied event (and the applied date) back to the day of anything older; say where to.

    `also` is a moment the timeline must cover without an event of its own, such as mail linked to the job.
    """
    events = ordered_events(session, job.id)
    applied = applied_event(events)
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


def recompute_job(session: Session, job: Job) -> None:
    """Derive stage, status, outcome and dates of a job from its events."""
    events = ordered_events(session, job.id)
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
