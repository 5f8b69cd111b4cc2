"""The Tracking Inbox: route synced messages, and the user's approve and deny decisions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from jobops import validation as check
from jobops.errors import Conflict, InvalidInput, JobOpsError, NotFound
from jobops.models import Job, MailAccount, MailMessage, SenderMemory, StageEvent, utcnow
from jobops.router import Decision, JobFacts, MailFacts, Router, RouterMemory
from jobops.router.job_draft import employer_guess, title_guess
from jobops.router.senders import sender_kind
from jobops.schemas.events import StageChange
from jobops.schemas.jobs import JobIn
from jobops.stages import (
    ACTIVE_STATUSES,
    AUTO_LINKED,
    CLOSED,
    IGNORED,
    MANUAL_LINKED,
    NO_CHANGE,
    PENDING,
    PENDING_USER,
    ROUTER_TARGETS,
    TARGET_OUTCOMES,
    stage_label,
    stage_rank,
)
from jobops.tracking import get_job_row, keep_applied_first, standing_at, transition_stage

DECIDED = (AUTO_LINKED, MANUAL_LINKED, IGNORED)
DECISION_FIELDS = ("provider", "accountKey", "jobId", "stageTarget", "note")
BULK_FIELDS = ("provider", "accountKey", "action", "messageIds", "jobId", "stageTarget")
MAX_BULK = 500
ORPHAN_JOB_FIELDS = ("provider", "accountKey", "title", "employer", "stageTarget")


def source_url(message: MailMessage) -> str | None:
    """Where the user can read the message in their mail client."""
    if message.provider == "gmail" and message.external_thread_id:
        return f"https://mail.google.com/mail/u/0/#all/{quote(message.external_thread_id, safe='')}"
    return None


def message_to_dict(message: MailMessage) -> dict[str, Any]:
    """A synced message as the API and the pages see it (plain text only, never credentials)."""
    return {
        "id": message.id,
        "provider": message.provider,
        "accountKey": message.account_key,
        "externalMessageId": message.external_message_id,
        "externalThreadId": message.external_thread_id,
        "fromAddress": message.from_address,
        "fromDomain": message.from_domain,
        "senderName": message.sender_name,
        "subject": message.subject,
        "receivedAt": message.received_at,
        "snippet": message.snippet,
        "matchedJobId": message.matched_job_id,
        "matchConfidence": message.match_confidence,
        "stageTarget": message.stage_target,
        "messageType": message.message_type,
        "processingStatus": message.processing_status,
        "reason": message.reason,
        "decidedAt": message.decided_at,
    }


def _job_brief(session: Session, job_id: str | None) -> dict[str, Any] | None:
    """{id, title, employer} of a job, or None."""
    job = session.get(Job, job_id) if job_id else None
    return {"id": job.id, "title": job.title, "employer": job.employer} if job else None


def _item(session: Session, message: MailMessage) -> dict[str, Any]:
    """An inbox item: the message and its suggested or linked job."""
    return {"message": message_to_dict(message), "matchedJob": _job_brief(session, message.matched_job_id)}


# --- routing -------------------------------------------------------------------------------


def candidate_jobs(session: Session) -> list[Job]:
    """The jobs mail can be about: the open ones, then the closed ones, most recently closed first."""
    rows = list(
        session.scalars(
            select(Job)
            .where(or_(Job.status.in_(ACTIVE_STATUSES), Job.current_stage == CLOSED))
            .order_by(Job.created_at, Job.id)
        )
    )
    closed = [j for j in rows if j.current_stage == CLOSED]
    closed.sort(key=lambda j: j.closed_at or j.created_at, reverse=True)
    return [j for j in rows if j.current_stage != CLOSED] + closed


def active_jobs(session: Session) -> list[JobFacts]:
    """What the router knows of each job mail can be about, in candidate order."""
    return [
        JobFacts(
            id=j.id, title=j.title, employer=j.employer, current_stage=j.current_stage, job_url=j.job_url
        )
        for j in candidate_jobs(session)
    ]


def job_choices(session: Session) -> list[dict[str, Any]]:
    """The jobs a user can link mail to, in candidate order, each saying whether it is closed."""
    return [
        {"id": j.id, "title": j.title, "employer": j.employer, "closed": j.current_stage == CLOSED}
        for j in candidate_jobs(session)
    ]


def router_memory(session: Session) -> RouterMemory:
    """Threads already linked to a job, and senders the user approved for one."""
    linked = session.execute(
        select(MailMessage.external_thread_id, MailMessage.matched_job_id).where(
            MailMessage.processing_status.in_((AUTO_LINKED, MANUAL_LINKED)),
            MailMessage.matched_job_id.is_not(None),
            MailMessage.external_thread_id.is_not(None),
        )
    )
    senders = session.execute(select(SenderMemory.from_address, SenderMemory.job_id))
    waiting = session.execute(
        select(MailMessage.external_thread_id, MailMessage.matched_job_id)
        .where(
            MailMessage.processing_status == PENDING_USER,
            MailMessage.relevant.is_(True),
            MailMessage.external_thread_id.is_not(None),
        )
        .order_by(MailMessage.received_at, MailMessage.external_message_id)
    )
    sender_jobs = {address: job for address, job in senders}
    return RouterMemory(
        thread_jobs={t: j for t, j in linked},
        sender_jobs=sender_jobs,
        review_threads={t: j or "" for t, j in waiting},
        domain_jobs=_own_domains(sender_jobs),
    )


def _own_domains(sender_jobs: dict[str, str]) -> dict[str, str]:
    """Organisations' own domains (not hiring platforms, job boards or free mail) of the senders the user approved."""
    domains = {address.rpartition("@")[2]: job for address, job in sorted(sender_jobs.items())}
    return {domain: job for domain, job in domains.items() if domain and sender_kind(domain) is None}


def mail_facts(message: MailMessage) -> MailFacts:
    """What the router reads of a stored message."""
    return MailFacts(
        message_id=message.id,
        thread_id=message.external_thread_id,
        from_address=message.from_address,
        from_domain=message.from_domain,
        sender_name=message.sender_name,
        subject=message.subject,
        received_at=message.received_at,
        body_text=message.body_text,
        snippet=message.snippet,
        from_me=message.from_me,
    )


def route_pending(session: Session, message_ids: Iterable[str] | None = None) -> dict[str, int]:
    """Route stored messages not routed yet; auto-linked ones update their job's timeline."""
    query = (
        select(MailMessage)
        .where(MailMessage.processing_status == PENDING)
        .order_by(MailMessage.received_at, MailMessage.external_message_id)
        .with_for_update(skip_locked=True, key_share=True)  # mail another run is routing now is left to it
    )
    if message_ids is not None:
        query = query.where(MailMessage.id.in_(list(message_ids)))
    counts = {"classified": 0, "relevant": 0, "matched": 0}
    for decision in _route_in_order(session, list(session.scalars(query))):
        counts["classified"] += 1
        counts["relevant"] += int(decision.relevant)
        counts["matched"] += int(decision.bucket == AUTO_LINKED)
    return counts


def _route_in_order(
    session: Session, messages: list[MailMessage], keep: Callable[[Decision], bool] = lambda _decision: True
) -> Iterator[Decision]:
    """Route messages in the order given against the jobs as they are now, recording the decisions `keep` accepts;
    later mail of a thread follows what was decided for earlier mail."""
    if not messages:
        return
    router = Router(active_jobs(session))
    memory = router_memory(session)
    threads, waiting = dict(memory.thread_jobs), dict(memory.review_threads)
    memory = RouterMemory(thread_jobs=threads, sender_jobs=memory.sender_jobs, review_threads=waiting)
    for message in messages:
        decision = router.route(mail_facts(message), memory)
        if keep(decision):
            _record_decision(session, message, decision)
            _remember_thread(message.external_thread_id, decision, threads, waiting)
            yield decision


def _remember_thread(
    thread: str | None, decision: Decision, linked: dict[str, str], waiting: dict[str, str]
) -> None:
    """Later mail of a thread follows what the router made of this one."""
    if not thread or not decision.relevant:
        return
    if decision.bucket == AUTO_LINKED and decision.job_id:
        linked[thread] = decision.job_id
    elif decision.bucket == PENDING_USER and (decision.job_id or thread not in waiting):
        waiting[thread] = decision.job_id or ""


def rematch_waiting(session: Session) -> dict[str, int]:
    """Route the mail waiting for review again, against the jobs as they are now.

    A message that now matches surely is linked and logged as an automatic link would be; the others get
    the new suggestion. Mail the router now calls irrelevant stays waiting: only the user dismisses it.
    """
    query = select(MailMessage).where(MailMessage.processing_status == PENDING_USER)
    query = query.with_for_update(
        skip_locked=True, key_share=True
    )  # mail the user is deciding is left to them
    waiting = list(session.scalars(query.order_by(MailMessage.received_at, MailMessage.external_message_id)))
    counts = {"rematched": 0, "linked": 0}
    for decision in _route_in_order(session, waiting, keep=lambda decision: decision.relevant):
        counts["rematched"] += 1
        counts["linked"] += int(decision.bucket == AUTO_LINKED)
    return counts


def _record_decision(session: Session, message: MailMessage, decision: Decision) -> None:
    """Store what the router said; a sure match logs its stage event at once."""
    message.relevant = decision.relevant
    message.match_confidence = decision.confidence
    message.stage_target = decision.stage_target
    message.message_type = decision.message_type
    message.reason = decision.reason
    message.matched_job_id = decision.job_id
    message.processing_status = decision.bucket
    if decision.bucket == AUTO_LINKED and decision.job_id:
        message.decided_at = utcnow()
        _log_from_message(session, message, decision.job_id, decision.stage_target, actor="system")
    session.flush()


def _log_from_message(
    session: Session, message: MailMessage, job_id: str, target: str, *, actor: str, note: str | None = None
) -> dict[str, Any]:
    """Log what a linked message adds to its job's timeline, dated when the mail arrived.

    Answers the event (None when the mail is only linked) and where the Applied event moved to, if the
    mail is older than it.
    """
    job = get_job_row(session, job_id, lock=True)
    outcome = TARGET_OUTCOMES.get(target)
    stage = CLOSED if outcome else target
    entry = _timeline_entry(session, job, stage, outcome, message.received_at, actor=actor, note=note)
    if entry is None:
        return {"event": None, "appliedMovedTo": keep_applied_first(session, job, also=message.received_at)}
    label = stage_label(outcome or stage) if entry == "stage" else "Email"
    metadata: dict[str, Any] = {
        "actor": actor,
        "eventType": "status_update" if entry == "stage" else "note",
        "eventLabel": f"Logged from email: {label}",
    }
    url = source_url(message)
    if url:
        metadata["externalUrl"] = url
    if note:
        metadata["note"] = note
    change = StageChange(
        to_stage=stage if entry == "stage" else NO_CHANGE,
        occurred_at=message.received_at,
        metadata=metadata,
        outcome=outcome if entry == "stage" else None,
    )
    event = transition_stage(session, job.id, change, message_id=message.id)
    return {
        "event": event.model_dump(by_alias=True, exclude={"applied_moved_to"}),
        "appliedMovedTo": event.applied_moved_to,
    }


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


# --- decisions -----------------------------------------------------------------------------


def _account(data: dict[str, Any]) -> tuple[str, str]:
    """The provider and account key a decision is about."""
    from jobops.providers import (
        NAMES,
    )  # the registry sits above the mail runs, which route through this module

    provider = check.choice("provider", data.get("provider"), NAMES) or "gmail"
    account_key = check.text("accountKey", data.get("accountKey"), max_len=100) or "default"
    return provider, account_key


def _get_message(session: Session, message_id: str, provider: str, account_key: str) -> MailMessage:
    """The message of that account, or NotFound; locked, so a second decision waits and sees the first."""
    locking = {"with_for_update": {"key_share": True}, "populate_existing": True}
    message = session.get(MailMessage, message_id, **locking) if isinstance(message_id, str) else None
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
    logged = _log_from_message(session, message, job_id, target, actor="user", note=note)
    message.matched_job_id = job_id
    message.stage_target = target
    message.processing_status = MANUAL_LINKED
    message.decided_at = utcnow()
    _remember_sender(session, message.from_address, job_id)
    session.flush()
    return {**_item(session, message), **logged}


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
    return _item(session, message)


def bulk(session: Session, data: dict[str, Any]) -> dict[str, Any]:
    """Approve or deny many messages; each succeeds or fails on its own."""
    check.reject_unknown(data, BULK_FIELDS)
    action = check.choice("action", data.get("action"), ("approve", "deny"), required=True)
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
    from jobops.jobs import create_job, get_job  # jobs re-matches waiting mail through this module

    check.reject_unknown(data, ORPHAN_JOB_FIELDS)
    provider, account_key = _account(data)
    message = _get_message(session, message_id, provider, account_key)
    _undecided(message)
    applied_at = min(message.received_at, utcnow()) if message.received_at else None
    fields = {"title": data.get("title"), "employer": data.get("employer"), "appliedAt": applied_at}
    job = create_job(session, JobIn.model_validate(fields), rematch=False)
    decision = {"provider": provider, "accountKey": account_key, "jobId": job.id}
    if data.get("stageTarget") is not None:
        decision["stageTarget"] = data["stageTarget"]
    linked = approve(session, message.id, decision)
    rematch_waiting(session)
    return {**linked, "job": get_job(session, job.id).model_dump(by_alias=True)}


# --- reading -------------------------------------------------------------------------------


def list_inbox(
    session: Session,
    *,
    provider: str | None = "gmail",
    account_key: str | None = "default",
    status: str = PENDING_USER,
    limit: int = 100,
) -> dict[str, Any]:
    """Messages waiting for the user, newest first, with their suggested job."""
    query = select(MailMessage).where(MailMessage.processing_status == status)
    if provider:
        query = query.where(MailMessage.provider == provider)
    if account_key:
        query = query.where(MailMessage.account_key == account_key)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(MailMessage.received_at.desc()).limit(limit))
    return {"items": [_item(session, m) for m in rows], "total": total}


@dataclass(frozen=True)
class ReviewFilter:
    """What the Tracking Inbox narrows to: a confidence range, message types, a suggested job, orphans."""

    low: int = 0
    high: int = 100
    types: tuple[str, ...] = ()
    job_id: str | None = None
    orphans_only: bool = False


def review_page(session: Session, filters: ReviewFilter, *, offset: int, limit: int) -> dict[str, Any]:
    """One page of the messages waiting for review that match the filters, newest first, and their total."""
    query = select(MailMessage).where(
        MailMessage.processing_status == PENDING_USER,
        func.coalesce(MailMessage.match_confidence, 0).between(filters.low, filters.high),
    )
    if filters.types:
        query = query.where(MailMessage.message_type.in_(filters.types))
    if filters.job_id:
        query = query.where(MailMessage.matched_job_id == filters.job_id)
    if filters.orphans_only:
        query = query.where(MailMessage.matched_job_id.is_(None))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(MailMessage.received_at.desc(), MailMessage.id).offset(offset).limit(limit)
    )
    return {"items": [_item(session, m) for m in rows], "total": total}


def job_emails(session: Session, job_id: str, *, limit: int = 50) -> dict[str, Any]:
    """Messages linked to a job, newest first, each with a link to its thread."""
    job = get_job_row(session, job_id)
    query = select(MailMessage).where(
        MailMessage.matched_job_id == job.id,
        MailMessage.processing_status.in_((AUTO_LINKED, MANUAL_LINKED)),
    )
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(MailMessage.received_at.desc()).limit(limit))
    items = [
        {
            "message": message_to_dict(m),
            "sourceUrl": source_url(m),
            "accountDisplayName": _account_name(session, m),
            "bodyText": m.body_text or m.snippet or "",
            "event": _event_of(session, m),
        }
        for m in rows
    ]
    return {"items": items, "total": total}


def _event_of(session: Session, message: MailMessage) -> dict[str, Any] | None:
    """{id, title, toStage, outcome, occurredAt} of the timeline event a message logged, or None."""
    event = session.scalar(
        select(StageEvent).where(StageEvent.message_id == message.id).order_by(StageEvent.created_at).limit(1)
    )
    if event is None:
        return None
    return {
        "id": event.id,
        "title": event.title,
        "toStage": event.to_stage,
        "outcome": event.outcome,
        "occurredAt": event.occurred_at,
    }


def _account_name(session: Session, message: MailMessage) -> str:
    """The mailbox a message came from, as the user knows it."""
    account = session.scalar(
        select(MailAccount).where(
            MailAccount.provider == message.provider, MailAccount.account_key == message.account_key
        )
    )
    return (
        account.email if account and account.email else None
    ) or f"{message.provider} · {message.account_key}"


def pending_count(session: Session) -> int:
    """How many messages wait for review, across accounts."""
    return session.scalar(select(func.count()).where(MailMessage.processing_status == PENDING_USER)) or 0
