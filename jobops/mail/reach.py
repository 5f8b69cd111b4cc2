"""What a sync should reach beyond its keywords: the tracked employers, their domains, and known threads."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from jobops.models import Job, MailMessage
from jobops.router.families import family_names
from jobops.router.senders import host_of, registered_domain, sender_kind
from jobops.stages import ACTIVE_STATUSES, AUTO_LINKED, MANUAL_LINKED, PENDING_USER

LINKED = (AUTO_LINKED, MANUAL_LINKED)


def tracked_employers(session: Session) -> tuple[list[str], list[str]]:
    """Names (with known brand aliases) and own domains of the employers of tracked jobs."""
    jobs = session.execute(
        select(Job.id, Job.employer, Job.job_url)
        .where(Job.status.in_(ACTIVE_STATUSES))
        .order_by(Job.employer)
    ).all()
    names = [name for _, employer, _ in jobs for name in (employer, *family_names(employer))]
    # Mail comes from the organisation's domain, not the host of its job pages (karriere.ehs-salzach.at).
    domains = [registered_domain(host_of(url)) for _, _, url in jobs if url]
    learned = session.scalars(
        select(MailMessage.from_domain)
        .where(
            MailMessage.matched_job_id.in_([job_id for job_id, _, _ in jobs]),
            MailMessage.processing_status.in_(LINKED),
            MailMessage.from_me.is_(False),
        )
        .distinct()
        .order_by(MailMessage.from_domain)
    )
    own = [domain for domain in [*domains, *learned] if domain and not sender_kind(domain)]
    return list(dict.fromkeys(names)), list(dict.fromkeys(own))


def known_threads(session: Session, provider: str, account_key: str) -> set[str]:
    """Threads of the account that hold mail about an application: linked, waiting for review, or relevant."""
    return set(
        session.scalars(
            select(MailMessage.external_thread_id).where(
                MailMessage.provider == provider,
                MailMessage.account_key == account_key,
                MailMessage.external_thread_id.is_not(None),
                or_(
                    MailMessage.processing_status.in_((*LINKED, PENDING_USER)),
                    MailMessage.relevant.is_(True),
                ),
            )
        )
    )
