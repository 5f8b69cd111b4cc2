"""Small builders for router tests: a received mail and a router over a few jobs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from jobops.router import Decision, JobFacts, MailFacts, Router, RouterMemory


def mail(
    body: str,
    subject: str = "Your application",
    sender: str = "Recruiting <jobs@example.org>",
    thread: str | None = None,
    from_me: bool = False,
) -> MailFacts:
    """A received mail from 'Name <address>'."""
    name, _, address = sender.partition("<")
    address = address.rstrip(">").lower()
    return MailFacts(
        message_id="m1",
        thread_id=thread,
        from_address=address,
        from_domain=address.rpartition("@")[2],
        sender_name=name.strip(),
        subject=subject,
        received_at=datetime(2026, 5, 6, 9, tzinfo=UTC),
        body_text=body,
        from_me=from_me,
    )


def route(jobs: Sequence[JobFacts], message: MailFacts, memory: RouterMemory | None = None) -> Decision:
    """Route one mail against some jobs."""
    return Router(jobs).route(message, memory)
