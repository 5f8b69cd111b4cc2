"""Mail to route and decide in the inbox tests: sample messages, a job applied for before them, builders."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jobops import inbox_routing, tracking
from jobops.models import MailMessage
from jobops.schemas.events import EventOut
from tests.builders import add_job

APPLIED_AT = datetime(2024, 4, 20, 9, 0, tzinfo=UTC)
MAY_1 = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
GMAIL = {"provider": "gmail", "accountKey": "default"}

INTERVIEW_INVITE = {
    "subject": "Invitation: technical interview for Backend Engineer",
    "sender": "recruiting@stripe.com",
    "sender_name": "Stripe Recruiting",
    "body": "Hi Alex,\n\nWe'd like to invite you to a technical interview for the Backend Engineer role. "
    "Please pick a time that works for you.\n\nMaya",
}
ACKNOWLEDGEMENT = {
    "subject": "Thank you for applying to Stripe",
    "sender": "recruiting@stripe.com",
    "sender_name": "Stripe Recruiting",
    "body": "Hi Alex, thanks for applying for the Backend Engineer role at Stripe. "
    "We've received your application.",
}
REJECTION = {
    "subject": "Your application to Stripe",
    "sender": "recruiting@stripe.com",
    "sender_name": "Stripe Recruiting",
    "body": "Hi Alex, thank you for your interest in the Backend Engineer role. After careful consideration, "
    "we have decided to move forward with other candidates.",
}
# Names the employer and asks for an interview, but no stage outright: a suggestion, not a sure thing.
VAGUE_INVITE = {
    "subject": "Next steps",
    "sender": "maya@stripe.com",
    "sender_name": "Maya Chen",
    "body": "Hi Alex, thanks again for your interest in the Backend Engineer role at Stripe. "
    "We would like to schedule an interview with you by phone.",
}
# A real invitation for a job the user does not track.
ORPHAN = {
    "subject": "Phone screen: Product Designer",
    "sender": "talent@figma.com",
    "sender_name": "Figma Talent",
    "body": "Hi Alex, we'd like to schedule a phone screen for the Product Designer role at Figma.",
}
JOB_ALERT = {
    "subject": "30 new jobs for Backend Engineer",
    "sender": "alerts@linkedin.com",
    "sender_name": "LinkedIn Job Alerts",
    "body": "New jobs matching your search: Backend Engineer at Stripe, Plaid and more. Unsubscribe.",
}
NEWSLETTER = {
    "subject": "Stripe Sessions newsletter",
    "sender": "newsletter@stripe.com",
    "sender_name": "Stripe",
    "body": "Read our latest product updates. Unsubscribe at any time.",
}


def applied_job(session: Session, title: str = "Backend Engineer", employer: str = "Stripe") -> str:
    """A job applied for before any of the mail in these tests arrived."""
    return add_job(session, title, employer, applied_at=APPLIED_AT).id


def stored_message(
    session: Session,
    *,
    subject: str,
    sender: str,
    body: str,
    sender_name: str = "",
    thread: str | None = None,
    received_at: datetime = MAY_1,
    provider: str = "gmail",
    account_key: str = "default",
) -> str:
    """A synced message not routed yet (processing status `pending`); returns its id."""
    count = len(session.scalars(select(MailMessage.id)).all())
    message = MailMessage(
        provider=provider,
        account_key=account_key,
        external_message_id=f"msg-{count + 1}",
        external_thread_id=thread or f"thread-{count + 1}",
        from_address=sender,
        from_domain=sender.rpartition("@")[2],
        sender_name=sender_name,
        subject=subject,
        body_text=body,
        snippet=body[:120],
        received_at=received_at,
        processing_status="pending",
    )
    session.add(message)
    session.flush()
    return message.id


def routed(session: Session, mail: dict[str, Any], **fields: Any) -> MailMessage:
    """Store one message, route it, and return it as the router left it."""
    message_id = stored_message(session, **{**mail, **fields})
    inbox_routing.route_pending(session, [message_id])
    return session.get(MailMessage, message_id)


def timeline(session: Session, job_id: str) -> list[EventOut]:
    return tracking.list_events(session, job_id)
