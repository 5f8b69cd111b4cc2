"""Small builders for router tests: a received mail, a router over a few jobs, and seven tracked jobs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime

from jobops.router import Decision, JobFacts, MailFacts, Router, RouterMemory

TRACKED_JOBS = [
    JobFacts("stripe-be", "Backend Engineer", "Stripe, Inc.", "recruiter_screen"),
    JobFacts("stripe-data", "Data Engineer, Payments", "Stripe, Inc.", "applied"),
    JobFacts("meta-ml", "Machine Learning Engineer", "Meta Platforms, Inc.", "applied"),
    JobFacts("block-sre", "Site Reliability Engineer", "Block, Inc.", "applied"),
    JobFacts("zalando", "Backend Engineer (Java)", "Zalando SE", "applied"),
    JobFacts("doctolib", "Développeur Full Stack", "Doctolib SAS", "applied"),
    JobFacts("cabify", "Ingeniero de Datos", "Cabify", "applied"),
]


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


def route_tracked(message: MailFacts, memory: RouterMemory | None = None) -> Decision:
    """Route one mail against the seven tracked jobs."""
    return Router(TRACKED_JOBS).route(message, memory)


def route_language(
    jobs: dict[str, JobFacts], senders: dict[str, str], language: str, subject: str, body: str
) -> Decision:
    """Route one mail in a language from that language's sender, against one job a language."""
    return Router(list(jobs.values())).route(mail(body, subject, senders[language]))


def searched_words() -> set[str]:
    """The words the Gmail searches look for (their term groups, not the employer names or the window)."""
    from jobops.gmail.query import recruitment_searches

    return {
        word for search in recruitment_searches(30) for word in re.findall(r"\w+", search.partition("}")[0])
    }
