"""What linked mail adds to its job's timeline: its stage, a note, or nothing, dated when the mail arrived."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

from sqlalchemy.orm import Session

from jobops.models import Job, MailMessage
from jobops.schemas.events import EventMetadata, EventOut, StageChange
from jobops.stages import CLOSED, NO_CHANGE, TARGET_OUTCOMES, stage_label, stage_rank
from jobops.tracking import get_job_row, keep_applied_first, standing_at, transition_stage


def source_url(message: MailMessage) -> str | None:
    """Where the user can read the message in their mail client."""
    if message.provider == "gmail" and message.external_thread_id:
        return f"https://mail.google.com/mail/u/0/#all/{quote(message.external_thread_id, safe='')}"
    return None


def log_from_message(
    session: Session, message: MailMessage, job_id: str, target: str, *, actor: str, note: str | None = None
) -> tuple[EventOut | None, datetime | None]:
    """Log what a linked message adds to its job's timeline, dated when the mail arrived.

    Answers the event (None when the mail is only linked) and where the Applied event moved to, if the
    mail is older than it.
    """
    job = get_job_row(session, job_id, lock=True)
    outcome = TARGET_OUTCOMES.get(target)
    stage = CLOSED if outcome else target
    entry = _timeline_entry(session, job, stage, outcome, message.received_at, actor=actor, note=note)
    if entry is None:
        return None, keep_applied_first(session, job, also=message.received_at)
    label = stage_label(outcome or stage) if entry == "stage" else "Email"
    given = {"external_url": source_url(message), "note": note}
    metadata = EventMetadata(
        actor=actor,
        event_type="status_update" if entry == "stage" else "note",
        event_label=f"Logged from email: {label}",
        **{name: value for name, value in given.items() if value},
    )
    change = StageChange(
        to_stage=stage if entry == "stage" else NO_CHANGE,
        occurred_at=message.received_at,
        metadata=metadata,
        outcome=outcome if entry == "stage" else None,
    )
    event = transition_stage(session, job.id, change, message_id=message.id)
    return EventOut.model_validate(event.model_dump(exclude={"applied_moved_to"})), event.applied_moved_to


def _timeline_entry(
    session: Session,
    job: Job,
    stage: str,
    outcome: str | None,
    when: datetime,
    *,
    actor: str,
    note: str | None,
) -> str | None:
    """What linked mail adds: its stage, a note, or nothing.

    The system never moves a job backwards nor reopens a closed one; a user's approval may. A stage the
    job was already in when the mail arrived adds no second stage event; a user's note is still kept.
    """
    if actor == "system":
        if stage == NO_CHANGE or job.current_stage == CLOSED:
            return None
        return "stage" if stage_rank(stage) > stage_rank(job.current_stage) else None
    if stage != NO_CHANGE:
        was_stage, was_outcome = standing_at(session, job, when)
        if was_stage != stage or (outcome is not None and was_outcome != outcome):
            return "stage"
    return "note" if stage == NO_CHANGE or note else None
