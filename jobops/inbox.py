"""The Tracking Inbox's decisions: approve, deny, bulk, and a new job from an orphan message."""

from __future__ import annotations

from sqlalchemy.orm import Session

from jobops.errors import Conflict, InvalidInput, JobOpsError, NotFound
from jobops.inbox_lists import inbox_item
from jobops.inbox_routing import follow_approved_thread, rematch_waiting
from jobops.inbox_timeline import log_from_message
from jobops.jobs import create_job, get_job
from jobops.models import MailMessage, SenderMemory, utcnow
from jobops.router.job_draft import employer_guess, title_guess
from jobops.schemas.inbox import (
    Approved,
    BulkDecision,
    BulkReport,
    BulkResult,
    Decision,
    InboxItem,
    InboxMessage,
    JobDraft,
    JobFromMail,
    Mailbox,
    OrphanJob,
)
from jobops.schemas.jobs import JobIn
from jobops.stages import AUTO_LINKED, IGNORED, MANUAL_LINKED, NO_CHANGE

DECIDED = (AUTO_LINKED, MANUAL_LINKED, IGNORED)


def _get_message(session: Session, message_id: str, mailbox: Mailbox) -> MailMessage:
    """The message of that account, or NotFound; locked, so a second decision waits and sees the first."""
    message = (
        session.get(MailMessage, message_id, with_for_update={"key_share": True}, populate_existing=True)
        if isinstance(message_id, str)
        else None
    )
    if message is None or (message.provider, message.account_key) != (mailbox.provider, mailbox.account_key):
        raise NotFound(
            f"No inbox message {str(message_id)[:64]!r} for {mailbox.provider}/{mailbox.account_key}.",
            field="messageId",
        )
    return message


def _undecided(message: MailMessage) -> None:
    """Refuse a second decision on the same message."""
    if message.processing_status in DECIDED:
        raise Conflict(
            f"This message was already decided ({message.processing_status.replace('_', ' ')}).",
            field="messageId",
        )


def approve(session: Session, message_id: str, decision: Decision, *, follow: bool = True) -> Approved:
    """Link a message to a job (its suggestion or the one given), log its stage, remember the sender.

    Closed jobs accept mail too; an explicit stage may reopen one. The thread's other waiting mail is routed
    again, as later mail of a linked thread would be.
    """
    message = _get_message(session, message_id, decision)
    _undecided(message)
    job_id = decision.job_id or message.matched_job_id
    if not job_id:
        raise InvalidInput(
            "This message has no suggested job: choose the job it belongs to (jobId).", field="jobId"
        )
    target = decision.stage_target or message.stage_target or NO_CHANGE
    event, moved = log_from_message(session, message, job_id, target, actor="user", note=decision.note)
    message.matched_job_id = job_id
    message.stage_target = target
    message.processing_status = MANUAL_LINKED
    message.decided_at = utcnow()
    _remember_sender(session, message.from_address, job_id)
    session.flush()
    followed = follow_approved_thread(session, message) if follow else []
    return Approved(
        **dict(inbox_item(session, message)), event=event, applied_moved_to=moved, thread_linked=followed
    )


def _remember_sender(session: Session, address: str, job_id: str) -> None:
    """Later mail from this sender leans to this job."""
    if not address:
        return
    key = address.lower()
    memory = session.get(SenderMemory, key)
    if memory is None:
        session.add(SenderMemory(from_address=key, job_id=job_id))
    else:
        memory.job_id = job_id


def deny(session: Session, message_id: str, mailbox: Mailbox) -> InboxItem:
    """Mark a message as not about any job; nothing else changes."""
    message = _get_message(session, message_id, mailbox)
    _undecided(message)
    message.processing_status = IGNORED
    message.matched_job_id = None
    message.decided_at = utcnow()
    session.flush()
    return inbox_item(session, message)


def bulk(session: Session, request: BulkDecision) -> BulkReport:
    """Approve or deny many messages; each succeeds or fails on its own."""
    decision = Decision(
        provider=request.provider,
        account_key=request.account_key,
        job_id=request.job_id,
        stage_target=request.stage_target,
    )
    results = [_bulk_one(session, request.action, message_id, decision) for message_id in request.message_ids]
    if request.action == "approve":
        _follow_threads(session, results)
    return BulkReport(
        requested=len(results),
        succeeded=sum(r.status == "succeeded" for r in results),
        failed=sum(r.status == "failed" for r in results),
        skipped=sum(r.status == "skipped" for r in results),
        results=results,
    )


def _follow_threads(session: Session, results: list[BulkResult]) -> None:
    """Once every chosen message is approved, route their threads' other waiting mail again."""
    for result in results:
        message = session.get(MailMessage, result.message_id) if result.status == "succeeded" else None
        if message is not None:
            result.thread_linked = follow_approved_thread(session, message)


def _bulk_one(session: Session, action: str, message_id: str, decision: Decision) -> BulkResult:
    """One message of a bulk action, in its own savepoint."""
    try:
        with session.begin_nested():
            if action == "deny":
                deny(session, message_id, decision)
                return BulkResult(message_id=message_id, status="succeeded")
            message = _get_message(session, message_id, decision)
            if not (decision.job_id or message.matched_job_id) and message.processing_status not in DECIDED:
                return BulkResult(
                    message_id=message_id,
                    status="skipped",
                    code="NO_SUGGESTED_MATCH",
                    message="No suggested job: approve it on its own with a job.",
                )
            moved = approve(session, message_id, decision, follow=False).applied_moved_to
            return BulkResult(message_id=message_id, status="succeeded", applied_moved_to=moved)
    except JobOpsError as exc:
        return BulkResult(message_id=message_id, status="failed", code=exc.code, message=exc.message)


def job_draft(message: InboxMessage | MailMessage) -> JobDraft:
    """The job an orphan message seems to be about, to prefill the form that creates it."""
    return JobDraft(
        employer=employer_guess(message.from_address, message.from_domain, message.sender_name or ""),
        title=title_guess(message.subject),
    )


def create_job_from_message(session: Session, message_id: str, orphan: OrphanJob) -> JobFromMail:
    """Add the job a waiting message is about, link the message to it and log its stage.

    The job counts as applied when the mail arrived; the rest of the waiting mail is matched again afterwards,
    so the thread and sender just linked help it find the new job.
    """
    message = _get_message(session, message_id, orphan)
    _undecided(message)
    applied_at = min(message.received_at, utcnow()) if message.received_at else None
    fields = {"title": orphan.title, "employer": orphan.employer, "appliedAt": applied_at}
    job = create_job(session, JobIn.model_validate(fields), rematch=False)
    decision = Decision(
        provider=orphan.provider,
        account_key=orphan.account_key,
        job_id=job.id,
        stage_target=orphan.stage_target,
    )
    linked = approve(session, message.id, decision)
    rematch_waiting(session)
    return JobFromMail(**dict(linked), job=get_job(session, job.id))
