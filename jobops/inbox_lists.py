"""What the Tracking Inbox lists: waiting mail by account or by filters, the jobs to link to, the count."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from jobops.inbox_routing import candidate_jobs
from jobops.models import Job, MailMessage
from jobops.schemas.inbox import InboxItem, InboxList, InboxMessage, InboxQuery, JobBrief, JobChoice
from jobops.stages import AUTO_LINK_MIN, CLOSED, LIKELY_MIN, PENDING_USER, SUGGEST_MIN


def inbox_item(session: Session, message: MailMessage) -> InboxItem:
    """An inbox item: the message and its suggested or linked job."""
    job = session.get(Job, message.matched_job_id) if message.matched_job_id else None
    return InboxItem(
        message=InboxMessage.model_validate(message),
        matched_job=JobBrief.model_validate(job) if job else None,
    )


def job_choices(session: Session) -> list[JobChoice]:
    """The jobs a user can link mail to, in candidate order, each saying whether it is closed."""
    return [
        JobChoice(id=j.id, title=j.title, employer=j.employer, closed=j.current_stage == CLOSED)
        for j in candidate_jobs(session)
    ]


def _page(session: Session, query: Select[MailMessage], offset: int, limit: int) -> InboxList:
    """One page of a message query, newest first, and the query's total."""
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(MailMessage.received_at.desc(), MailMessage.id).offset(offset).limit(limit)
    )
    return InboxList(items=[inbox_item(session, m) for m in rows], total=total)


def list_inbox(session: Session, wanted: InboxQuery | None = None) -> InboxList:
    """Messages of a mailbox in one processing status (waiting for the user by default), newest first."""
    wanted = wanted or InboxQuery()
    query = select(MailMessage).where(
        MailMessage.processing_status == wanted.status,
        MailMessage.provider == wanted.provider,
        MailMessage.account_key == wanted.account_key,
    )
    return _page(session, query, 0, wanted.limit)


@dataclass(frozen=True)
class ConfidenceBand:
    """A range of the router's confidence the user can narrow the review to."""

    label: str
    low: int = 0
    high: int = 100
    orphans_only: bool = False  # mail with no suggested job


ALL_CONFIDENCES = ConfidenceBand("All")


def confidence_bands() -> tuple[ConfidenceBand, ...]:
    """The review's confidence filters, from the router's own thresholds."""
    return (
        ALL_CONFIDENCES,
        ConfidenceBand(f"Likely ({LIKELY_MIN}–{AUTO_LINK_MIN - 1})", LIKELY_MIN, AUTO_LINK_MIN - 1),
        ConfidenceBand(f"Possible ({SUGGEST_MIN}–{LIKELY_MIN - 1})", SUGGEST_MIN, LIKELY_MIN - 1),
        ConfidenceBand("No job found (orphans)", 0, SUGGEST_MIN - 1, orphans_only=True),
    )


@dataclass(frozen=True)
class ReviewFilter:
    """What the Tracking Inbox narrows to: a confidence band, message types, a suggested job."""

    band: ConfidenceBand = ALL_CONFIDENCES
    types: tuple[str, ...] = ()
    job_id: str | None = None


def review_page(session: Session, filters: ReviewFilter, *, offset: int, limit: int) -> InboxList:
    """One page of the messages waiting for review that match the filters, newest first, and their total."""
    band = filters.band
    query = select(MailMessage).where(
        MailMessage.processing_status == PENDING_USER,
        func.coalesce(MailMessage.match_confidence, 0).between(band.low, band.high),
    )
    if filters.types:
        query = query.where(MailMessage.message_type.in_(filters.types))
    if filters.job_id:
        query = query.where(MailMessage.matched_job_id == filters.job_id)
    if band.orphans_only:
        query = query.where(MailMessage.matched_job_id.is_(None))
    return _page(session, query, offset, limit)


def pending_count(session: Session) -> int:
    """How many messages wait for review, across accounts."""
    return session.scalar(select(func.count()).where(MailMessage.processing_status == PENDING_USER)) or 0
