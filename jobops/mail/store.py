"""Storing parsed messages of any provider: once per external id, counted on the run that found them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from jobops.mail.lookup import run_of
from jobops.models import MailMessage
from jobops.stages import PENDING


@dataclass(frozen=True)
class ParsedMessage:
    """What JobOps keeps of one message, whatever provider it came from."""

    external_id: str
    thread_id: str | None
    from_address: str
    from_domain: str
    sender_name: str
    subject: str
    received_at: datetime
    snippet: str
    body_text: str
    from_me: bool = False  # the mailbox owner sent it (a reply, a withdrawal)
    to_address: str = ""  # the first recipient


def stored_ids(session: Session, provider: str, account_key: str, external_ids: Iterable[str]) -> set[str]:
    """Which of these external ids the account already has."""
    return set(
        session.scalars(
            select(MailMessage.external_message_id).where(
                MailMessage.provider == provider,
                MailMessage.account_key == account_key,
                MailMessage.external_message_id.in_(list(external_ids)),
            )
        )
    )


def message_row(provider: str, account_key: str, parsed: ParsedMessage) -> MailMessage:
    """A pending MailMessage from a parsed message."""
    return MailMessage(
        provider=provider,
        account_key=account_key,
        external_message_id=parsed.external_id,
        external_thread_id=parsed.thread_id,
        from_address=parsed.from_address,
        from_domain=parsed.from_domain,
        sender_name=parsed.sender_name,
        subject=parsed.subject,
        received_at=parsed.received_at,
        snippet=parsed.snippet,
        body_text=parsed.body_text,
        from_me=parsed.from_me,
        to_address=parsed.to_address,
        processing_status=PENDING,
    )


def store_messages(
    session: Session,
    run_id: str,
    provider: str,
    account_key: str,
    messages: list[ParsedMessage],
    errored: int = 0,
) -> list[str]:
    """Add the messages not stored yet, count them and `errored` on the run; the new rows' ids."""
    seen = stored_ids(session, provider, account_key, [m.external_id for m in messages])
    added: list[MailMessage] = []
    for parsed in messages:
        if parsed.external_id in seen:
            continue
        seen.add(parsed.external_id)
        row = message_row(provider, account_key, parsed)
        session.add(row)
        added.append(row)
    session.flush()
    run = run_of(session, run_id)
    run.fetched += len(added)
    run.errored += errored
    return [row.id for row in added]
