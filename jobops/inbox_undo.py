"""Taking back inbox decisions: a link (approved by the user or made automatically) or a dismissal."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jobops.errors import Conflict, JobOpsError, NotFound
from jobops.inbox_lists import inbox_item
from jobops.link_refusals import refuse
from jobops.localtime import local_day
from jobops.models import Job, MailMessage, SenderMemory, StageEvent
from jobops.schemas.undo import DISMISSAL, LINK, UndoFailure, Undone, UndoReport, UndoRequest
from jobops.stages import APPLIED, AUTO_LINKED, IGNORED, MANUAL_LINKED, PENDING_USER
from jobops.tracking import APPLIED_MOVED, delete_event

LINKED = (AUTO_LINKED, MANUAL_LINKED)
NOTHING_TO_UNDO = {
    PENDING_USER: "This mail already waits in the Tracking Inbox: there is nothing to undo.",
    IGNORED: "JobOps set this mail aside as not about an application: there is no decision of yours to undo.",
}


def undo_decision(session: Session, message_id: str, request: UndoRequest) -> Undone:
    """Take back what was decided about a message; it waits in the Tracking Inbox again.

    `decision` ("link" or "dismissal") and `jobId` say what the user means to undo: when the message was
    decided otherwise since, nothing changes and the answer says why.
    """
    expected, job_id = request.decision, request.job_id
    message = _locked_message(session, message_id, request.provider, request.account_key)
    current = _current_decision(message)
    if expected and current and expected != current:
        raise Conflict(_changed_since(message), field="messageId")
    if current == LINK:
        return _unlink(session, message, job_id)
    if current == DISMISSAL:
        return _bring_back(session, message, job_id)
    raise Conflict(
        NOTHING_TO_UNDO.get(
            message.processing_status, "This mail has not been sorted yet: there is nothing to undo."
        ),
        field="messageId",
    )


def undo_many(session: Session, items: list[tuple[str, UndoRequest]]) -> UndoReport:
    """Take back several decisions, each on its own."""
    failed = []
    for message_id, request in items:
        try:
            with session.begin_nested():
                undo_decision(session, message_id, request)
        except JobOpsError as exc:
            failed.append(UndoFailure(message_id=message_id, message=exc.message))
    return UndoReport(undone=len(items) - len(failed), failed=failed)


def describe_undo(report: UndoReport) -> str:
    """What undo_many did, in one line: how many came back, and why the first refused one was not undone."""
    parts = [f"Undone: {report.undone} back in the inbox."] if report.undone else []
    if report.failed:
        parts.append(f"Not undone ({len(report.failed)}): {report.failed[0].message}")
    return " ".join(parts)


def _unlink(session: Session, message: MailMessage, job_id: str | None = None) -> Undone:
    """Unlink a message and remove what it logged; the job's stage follows the events that remain.

    An automatic link taken back is remembered, so routing again does not link this mail or its sender's
    next mail to that job by itself. An event edited since it was logged stays on the timeline.
    """
    linked_to = message.matched_job_id
    if job_id and linked_to != job_id:
        raise Conflict(_changed_since(message), field="jobId")
    removed, kept = _take_back_events(session, message, linked_to)
    if message.processing_status == AUTO_LINKED and linked_to:
        refuse(session, message, linked_to)
    message.processing_status = PENDING_USER
    message.decided_at = None
    message.relevant = True
    _forget_sender(session, message, linked_to)
    session.flush()
    left_at = _applied_date_left(session, message, linked_to)
    return _answer(session, message, LINK, removed=removed, kept=kept, applied_left_at=left_at)


def _bring_back(session: Session, message: MailMessage, job_id: str | None = None) -> Undone:
    """Bring a dismissed message back to the Tracking Inbox, suggesting the job it was suggested for."""
    message.processing_status = PENDING_USER
    message.decided_at = None
    message.relevant = True
    message.matched_job_id = job_id if job_id and session.get(Job, job_id) is not None else None
    session.flush()
    return _answer(session, message, DISMISSAL, removed=[], kept=[])


def _locked_message(session: Session, message_id: str, provider: str, account_key: str) -> MailMessage:
    """The message of that account, locked so that a decision made meanwhile waits; or NotFound."""
    message = (
        session.get(MailMessage, message_id, with_for_update={"key_share": True}, populate_existing=True)
        if isinstance(message_id, str)
        else None
    )
    if message is None or (message.provider, message.account_key) != (provider, account_key):
        raise NotFound(
            f"No message {str(message_id)[:64]!r} for {provider}/{account_key}.", field="messageId"
        )
    return message


def _current_decision(message: MailMessage) -> str | None:
    """What there is to undo: a link, the user's dismissal, or nothing."""
    if message.processing_status in LINKED:
        return LINK
    if message.processing_status == IGNORED and message.decided_at is not None:
        return DISMISSAL
    return None


def _changed_since(message: MailMessage) -> str:
    """Why an undo was refused: the message was decided otherwise since."""
    status = {
        AUTO_LINKED: "is now linked to a job",
        MANUAL_LINKED: "is now linked to a job",
        PENDING_USER: "now waits in the Tracking Inbox",
        IGNORED: "is now dismissed",
    }.get(message.processing_status, "is being sorted")
    return f"This mail changed since: it {status}. Nothing was undone."


def _take_back_events(
    session: Session, message: MailMessage, job_id: str | None
) -> tuple[list[str], list[str]]:
    """Delete the events the message logged on its job, keeping those the user edited since; their titles."""
    if job_id is None:
        return [], []
    events = session.scalars(
        select(StageEvent).where(StageEvent.message_id == message.id, StageEvent.job_id == job_id)
    ).all()
    removed, kept = [], []
    for event in events:
        if _edited_since(event, message):
            event.message_id = None
            kept.append(event.title)
        else:
            removed.append(event.title)
            delete_event(session, job_id, event.id)
    return removed, kept


def _edited_since(event: StageEvent, message: MailMessage) -> bool:
    """An event whose label or date is no longer what the mail logged."""
    return event.title != (event.meta or {}).get("eventLabel") or event.occurred_at != message.received_at


def _applied_date_left(session: Session, message: MailMessage, job_id: str | None) -> datetime | None:
    """The job's applied date when this mail had moved it back: it stays, as the earlier date was not kept."""
    job = session.get(Job, job_id) if job_id else None
    if job is None or job.applied_at is None:
        return None
    applied = session.scalar(
        select(StageEvent)
        .where(StageEvent.job_id == job.id, StageEvent.to_stage == APPLIED)
        .order_by(StageEvent.occurred_at, StageEvent.created_at)
        .limit(1)
    )
    if applied is None or (applied.meta or {}).get("reasonCode") != APPLIED_MOVED:
        return None
    return job.applied_at if local_day(applied.occurred_at) == local_day(message.received_at) else None


def _forget_sender(session: Session, message: MailMessage, job_id: str | None) -> None:
    """The sender leans to the job of its latest approved mail that remains, or to none."""
    key = (message.from_address or "").strip().lower()
    memory = session.get(SenderMemory, key) if key else None
    if memory is None or memory.job_id != job_id:
        return
    still = session.scalar(
        select(MailMessage.matched_job_id)
        .where(
            func.lower(MailMessage.from_address) == key,
            MailMessage.processing_status == MANUAL_LINKED,
            MailMessage.matched_job_id.is_not(None),
            MailMessage.id != message.id,
        )
        .order_by(MailMessage.decided_at.desc())
        .limit(1)
    )
    if still is None:
        session.delete(memory)
    else:
        memory.job_id = still


def _answer(
    session: Session,
    message: MailMessage,
    undone: str,
    *,
    removed: list[str],
    kept: list[str],
    applied_left_at: datetime | None = None,
) -> Undone:
    """The message as it waits again, its suggested job, and what the undo changed on the timeline."""
    job = session.get(Job, message.matched_job_id) if message.matched_job_id else None
    item = inbox_item(session, message)
    return Undone(
        message=item.message,
        matched_job=item.matched_job,
        undone=undone,
        removed_events=removed,
        kept_events=kept,
        job_stage=job.current_stage if job else None,
        applied_date_left_at=applied_left_at,
    )
