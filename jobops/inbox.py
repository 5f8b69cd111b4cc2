"""The Tracking Inbox's decisions: approve, deny, bulk, and a new job from an orphan message."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from jobops import validation as check
from jobops.errors import Conflict, InvalidInput, JobOpsError, NotFound
from jobops.inbox_lists import inbox_item
from jobops.inbox_routing import rematch_waiting
from jobops.inbox_timeline import log_from_message
from jobops.jobs import create_job, get_job
from jobops.models import MailMessage, SenderMemory, utcnow
from jobops.providers import NAMES
from jobops.router.job_draft import employer_guess, title_guess
from jobops.stages import AUTO_LINKED, IGNORED, MANUAL_LINKED, NO_CHANGE, ROUTER_TARGETS

DECIDED = (AUTO_LINKED, MANUAL_LINKED, IGNORED)
DECISION_FIELDS = ("provider", "accountKey", "jobId", "stageTarget", "note")
BULK_FIELDS = ("provider", "accountKey", "action", "messageIds", "jobId", "stageTarget")
MAX_BULK = 500
ORPHAN_JOB_FIELDS = ("provider", "accountKey", "title", "employer", "stageTarget")


def _account(data: dict[str, Any]) -> tuple[str, str]:
    """The provider and account key a decision is about."""
    provider = check.choice("provider", data.get("provider"), NAMES) or "gmail"
    account_key = check.text("accountKey", data.get("accountKey"), max_len=100) or "default"
    return provider, account_key


def _get_message(session: Session, message_id: str, provider: str, account_key: str) -> MailMessage:
    """The message of that account, or NotFound; locked, so a second decision waits and sees the first."""
    message = (
        session.get(MailMessage, message_id, with_for_update={"key_share": True}, populate_existing=True)
        if isinstance(message_id, str)
        else None
    )
    if message is None or (message.provider, message.account_key) != (provider, account_key):
        raise NotFound(
            f"No inbox message {str(message_id)[:64]!r} for {provider}/{account_key}.", field="messageId"
        )
    return message


def _undecided(message: MailMessage) -> None:
    """Refuse a second decision on the same message."""
    if message.processing_status in DECIDED:
        raise Conflict(
            f"This message was already decided ({message.processing_status.replace('_', ' ')}).",
            field="messageId",
        )


def approve(session: Session, message_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Link a message to a job (its suggestion or the one given), log its stage, remember the sender.

    Closed jobs accept mail too; an explicit stage may reopen one.
    """
    check.reject_unknown(data, DECISION_FIELDS)
    provider, account_key = _account(data)
    message = _get_message(session, message_id, provider, account_key)
    _undecided(message)
    job_id = check.text("jobId", data.get("jobId"), max_len=36) or message.matched_job_id
    if not job_id:
        raise InvalidInput(
            "This message has no suggested job: choose the job it belongs to (jobId).", field="jobId"
        )
    target = (
        check.choice("stageTarget", data.get("stageTarget"), ROUTER_TARGETS)
        or message.stage_target
        or NO_CHANGE
    )
    note = check.text("note", data.get("note"), max_len=check.MAX_TEXT)
    logged = log_from_message(session, message, job_id, target, actor="user", note=note)
    message.matched_job_id = job_id
    message.stage_target = target
    message.processing_status = MANUAL_LINKED
    message.decided_at = utcnow()
    _remember_sender(session, message.from_address, job_id)
    session.flush()
    return {**inbox_item(session, message), **logged}


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


def deny(session: Session, message_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Mark a message as not about any job; nothing else changes."""
    check.reject_unknown(data, DECISION_FIELDS)
    provider, account_key = _account(data)
    message = _get_message(session, message_id, provider, account_key)
    _undecided(message)
    message.processing_status = IGNORED
    message.matched_job_id = None
    message.decided_at = utcnow()
    session.flush()
    return inbox_item(session, message)


def bulk(session: Session, data: dict[str, Any]) -> dict[str, Any]:
    """Approve or deny many messages; each succeeds or fails on its own."""
    check.reject_unknown(data, BULK_FIELDS)
    action = check.choice("action", data.get("action"), ("approve", "deny"), required=True) or ""
    ids = data.get("messageIds")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        raise InvalidInput("messageIds must be a non-empty list of message ids.", field="messageIds")
    if len(ids) > MAX_BULK:
        raise InvalidInput(f"At most {MAX_BULK} messages at a time.", field="messageIds")
    provider, account_key = _account(data)
    decision = {"provider": provider, "accountKey": account_key}
    for key in ("jobId", "stageTarget"):
        if data.get(key) is not None:
            decision[key] = data[key]
    results = [_bulk_one(session, action, message_id, decision) for message_id in dict.fromkeys(ids)]
    return {
        "requested": len(results),
        "succeeded": sum(r["status"] == "succeeded" for r in results),
        "failed": sum(r["status"] == "failed" for r in results),
        "skipped": sum(r["status"] == "skipped" for r in results),
        "results": results,
    }


def _bulk_one(session: Session, action: str, message_id: str, decision: dict[str, Any]) -> dict[str, Any]:
    """One message of a bulk action, in its own savepoint."""
    try:
        with session.begin_nested():
            if action == "approve":
                message = _get_message(session, message_id, decision["provider"], decision["accountKey"])
                if (
                    not (decision.get("jobId") or message.matched_job_id)
                    and message.processing_status not in DECIDED
                ):
                    return {
                        "messageId": message_id,
                        "status": "skipped",
                        "code": "NO_SUGGESTED_MATCH",
                        "message": "No suggested job: approve it on its own with a job.",
                    }
                moved = approve(session, message_id, decision)["appliedMovedTo"]
                if moved is not None:
                    return {"messageId": message_id, "status": "succeeded", "appliedMovedTo": moved}
            else:
                deny(session, message_id, decision)
    except JobOpsError as exc:
        return {"messageId": message_id, "status": "failed", "code": exc.code, "message": exc.message}
    return {"messageId": message_id, "status": "succeeded"}


def job_draft(message: dict[str, Any]) -> dict[str, str]:
    """The job an orphan message seems to be about, to prefill the form that creates it."""
    return {
        "employer": employer_guess(
            message["fromAddress"], message["fromDomain"], message["senderName"] or ""
        ),
        "title": title_guess(message["subject"]),
    }


def create_job_from_message(session: Session, message_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Add the job a waiting message is about, link the message to it and log its stage.

    The job counts as applied when the mail arrived; the rest of the waiting mail is matched again afterwards,
    so the thread and sender just linked help it find the new job.
    """
    check.reject_unknown(data, ORPHAN_JOB_FIELDS)
    provider, account_key = _account(data)
    message = _get_message(session, message_id, provider, account_key)
    _undecided(message)
    applied_at = min(message.received_at, utcnow()) if message.received_at else None
    job = create_job(
        session,
        {"title": data.get("title"), "employer": data.get("employer"), "appliedAt": applied_at},
        rematch=False,
    )
    decision = {"provider": provider, "accountKey": account_key, "jobId": job["id"]}
    if data.get("stageTarget") is not None:
        decision["stageTarget"] = data["stageTarget"]
    linked = approve(session, message.id, decision)
    rematch_waiting(session)
    return {**linked, "job": get_job(session, job["id"])}
