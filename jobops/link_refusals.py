"""Automatic links the user took back: the router may still suggest that job, but never links it by itself."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from jobops.models import LinkRefusal, MailMessage, SenderMemory
from jobops.router import Decision
from jobops.stages import AUTO_LINKED, PENDING_USER

HELD_BACK = "you took back an automatic link of this mail or its sender to this job: approve it yourself"


@dataclass(frozen=True)
class Refusals:
    """(message id, job id) and (sender address, job id) pairs the router must not link by itself."""

    messages: frozenset[tuple[str, str]] = frozenset()
    senders: frozenset[tuple[str, str]] = frozenset()

    def hold_back(self, message_id: str, from_address: str, decision: Decision) -> Decision:
        """The decision, sent to the Tracking Inbox instead when it links a refused pair."""
        job_id = decision.job_id
        if decision.bucket != AUTO_LINKED or job_id is None:
            return decision
        address = (from_address or "").strip().lower()
        if (message_id, job_id) not in self.messages and (address, job_id) not in self.senders:
            return decision
        return replace(decision, bucket=PENDING_USER, reason=f"{decision.reason}; {HELD_BACK}")


def load_refusals(session: Session) -> Refusals:
    """What the user took back; a sender approved for the job again since no longer counts as refused."""
    rows = session.execute(
        select(LinkRefusal.message_id, LinkRefusal.job_id, LinkRefusal.from_address, LinkRefusal.created_at)
    ).all()
    if not rows:
        return Refusals()
    approved = {
        (address, job): when
        for address, job, when in session.execute(
            select(SenderMemory.from_address, SenderMemory.job_id, SenderMemory.updated_at)
        )
    }
    senders = {
        (address, job)
        for _message, job, address, refused in rows
        if address and not ((address, job) in approved and approved[address, job] > refused)
    }
    return Refusals(
        messages=frozenset((message, job) for message, job, _address, _at in rows),
        senders=frozenset(senders),
    )


def refuse(session: Session, message: MailMessage, job_id: str) -> None:
    """Remember that this mail, and its sender, are not surely about this job."""
    known = session.scalar(
        select(LinkRefusal).where(LinkRefusal.message_id == message.id, LinkRefusal.job_id == job_id)
    )
    if known is None:
        address = (message.from_address or "").strip().lower()
        session.add(LinkRefusal(message_id=message.id, job_id=job_id, from_address=address))
