"""A job's emails: the mail linked to it, newest first, each with its text and the event it logged."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jobops.inbox_timeline import source_url
from jobops.models import MailAccount, MailMessage, StageEvent
from jobops.schemas.inbox import EmailEvent, InboxMessage, JobEmail, JobEmailList
from jobops.stages import AUTO_LINKED, MANUAL_LINKED
from jobops.tracking import get_job_row


def job_emails(session: Session, job_id: str, *, limit: int = 50) -> JobEmailList:
    """Messages linked to a job, newest first, each with a link to its thread."""
    job = get_job_row(session, job_id)
    query = select(MailMessage).where(
        MailMessage.matched_job_id == job.id,
        MailMessage.processing_status.in_((AUTO_LINKED, MANUAL_LINKED)),
    )
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(MailMessage.received_at.desc()).limit(limit))
    items = [
        JobEmail(
            message=InboxMessage.model_validate(m),
            source_url=source_url(m),
            account_display_name=_account_name(session, m),
            body_text=m.body_text or m.snippet or "",
            event=_event_of(session, m),
        )
        for m in rows
    ]
    return JobEmailList(items=items, total=total)


def _event_of(session: Session, message: MailMessage) -> EmailEvent | None:
    """The timeline event a message logged, or None."""
    event = session.scalar(
        select(StageEvent).where(StageEvent.message_id == message.id).order_by(StageEvent.created_at).limit(1)
    )
    return EmailEvent.model_validate(event) if event else None


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
