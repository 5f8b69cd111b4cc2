"""Clearly labelled sample jobs, so a newcomer sees a populated board, removable in one click."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from jobops.db import deleted_rows
from jobops.inbox_routing import route_pending
from jobops.jobs import create_job
from jobops.models import Job, MailMessage
from jobops.schemas.events import EventMetadata, StageChange
from jobops.schemas.jobs import JobIn
from jobops.tracking import transition_stage

SAMPLE_PROVIDER, SAMPLE_ACCOUNT = "mailbox", "sample"

# (title, employer, source, location, days since applying, [(stage, days after applying, outcome)])
SAMPLE_JOBS: tuple[tuple[str, str, str, str, int, list[tuple[str, int, str | None]]], ...] = (
    (
        "Senior Backend Engineer",
        "Northwind Payments",
        "LinkedIn",
        "Remote (EU)",
        34,
        [
            ("recruiter_screen", 6, None),
            ("technical_interview", 15, None),
            ("onsite", 27, None),
            ("offer", 32, None),
        ],
    ),
    (
        "Platform Engineer",
        "Lumen Health",
        "Referral",
        "Berlin",
        29,
        [
            ("recruiter_screen", 4, None),
            ("hiring_manager_screen", 11, None),
            ("technical_interview", 20, None),
        ],
    ),
    (
        "Data Engineer",
        "Quarry Analytics",
        "Company site",
        "Remote",
        26,
        [("recruiter_screen", 9, None), ("assessment", 13, None), ("technical_interview", 24, None)],
    ),
    (
        "Staff Software Engineer",
        "Harbor Logistics",
        "LinkedIn",
        "Hamburg",
        40,
        [("recruiter_screen", 5, None), ("hiring_manager_screen", 12, None)],
    ),
    (
        "Backend Developer",
        "Pinecrest Labs",
        "Indeed",
        "Munich",
        21,
        [("recruiter_screen", 7, None), ("assessment", 10, None)],
    ),
    ("Python Engineer", "Cobalt Robotics", "Company site", "Remote", 18, [("recruiter_screen", 8, None)]),
    (
        "Site Reliability Engineer",
        "Meridian Bank",
        "Recruiter",
        "Frankfurt",
        45,
        [("recruiter_screen", 3, None)],
    ),
    ("Software Engineer, API", "Tessellate", "LinkedIn", "Remote (EU)", 12, []),
    ("Machine Learning Engineer", "Fjord AI", "Referral", "Oslo", 9, []),
    ("Full-Stack Engineer", "Brightline Energy", "Indeed", "Amsterdam", 33, []),
    (
        "Backend Engineer",
        "Oakridge Media",
        "Company site",
        "London",
        38,
        [("recruiter_screen", 6, None), ("technical_interview", 14, None), ("closed", 19, "rejected")],
    ),
    ("DevOps Engineer", "Saltmarsh Games", "LinkedIn", "Remote", 50, [("closed", 42, "ghosted")]),
    (
        "Engineering Manager",
        "Kestrel Cloud",
        "Recruiter",
        "Zurich",
        60,
        [
            ("recruiter_screen", 5, None),
            ("hiring_manager_screen", 12, None),
            ("onsite", 25, None),
            ("offer", 31, None),
            ("closed", 36, "offer_declined"),
        ],
    ),
)


# (hours ago, sender name, address, subject, body): mail the smart router sorts into every bucket.
SAMPLE_MESSAGES: tuple[tuple[int, str, str, str, str], ...] = (
    (
        5,
        "Cobalt Robotics Talent",
        "talent@cobaltrobotics.com",
        "Take-home assignment for the Python Engineer role",
        "Hi,\n\nThanks for the great conversation last week. As a next step we would like you to complete a "
        "take-home coding assignment for the Python Engineer position. You will find the instructions in the "
        "link below; please submit within 5 days.\n\nBest,\nPriya, Cobalt Robotics Talent",
    ),
    (
        9,
        "Fjord AI via Greenhouse",
        "no-reply@greenhouse.io",
        "Fjord AI: let's schedule a call about Machine Learning Engineer",
        "Hello,\n\nThank you for applying to the Machine Learning Engineer role at Fjord AI. Our recruiter "
        "would like to schedule a 30-minute introductory phone call with you. Please pick a time that suits "
        "you.\n\nFjord AI Recruiting",
    ),
    (
        20,
        "Dana Okafor",
        "dana.okafor.recruits@gmail.com",
        "Quick chat about the Full-Stack Engineer opening?",
        "Hi! I'm helping Brightline Energy with their Full-Stack Engineer hire and saw your application. "
        "Would you be open to a short call this week to talk about the team?\n\nDana",
    ),
    (
        30,
        "Acme Robotics Careers",
        "careers@acmerobotics.example",
        "We received your application",
        "Dear candidate,\n\nThank you for your application for the Firmware Engineer position. We have "
        "received it and our team will review it shortly.\n\nAcme Robotics Careers",
    ),
    (
        44,
        "Meridian Bank Recruiting",
        "recruiting@meridianbank.de",
        "Your application: Site Reliability Engineer",
        "Dear applicant,\n\nThank you for your interest in Meridian Bank. Unfortunately we have decided not to "
        "move forward with your application for the Site Reliability Engineer role. We wish you all the best."
        "\n\nMeridian Bank Recruiting",
    ),
    (
        60,
        "LinkedIn Job Alerts",
        "jobalerts-noreply@linkedin.com",
        "12 new jobs for Backend Engineer in Berlin",
        "Top job picks for you: Backend Engineer at several companies. Apply now, and get interview tips in "
        "our weekly newsletter. Unsubscribe at any time.",
    ),
)


def _add_sample_messages(session: Session, now: datetime) -> None:
    """Store the sample mail as if it had just been imported, then route it like any other."""
    ids = []
    for index, (hours, name, address, subject, body) in enumerate(SAMPLE_MESSAGES):
        message = MailMessage(
            provider=SAMPLE_PROVIDER,
            account_key=SAMPLE_ACCOUNT,
            external_message_id=f"sample-{index}",
            external_thread_id=f"sample-thread-{index}",
            from_address=address,
            from_domain=address.rsplit("@", 1)[-1],
            sender_name=name,
            subject=subject,
            received_at=now - timedelta(hours=hours),
            snippet=body[:140].replace("\n", " "),
            body_text=body,
        )
        session.add(message)
        session.flush()
        ids.append(message.id)
    route_pending(session, ids)


def has_sample_data(session: Session) -> bool:
    """True when sample jobs are loaded."""
    return bool(session.scalar(select(func.count()).where(Job.is_sample.is_(True))))


def load_sample_data(session: Session, now: datetime | None = None) -> int:
    """Add the sample jobs with back-dated timelines; returns how many were added."""
    if has_sample_data(session):
        return 0
    now = now or datetime.now(UTC)
    for title, employer, source, location, ago, steps in SAMPLE_JOBS:
        applied_at = now - timedelta(days=ago, hours=3)
        data = JobIn(
            title=title,
            employer=employer,
            source=source,
            location=location,
            applied_at=applied_at,
            notes="Sample job: remove all samples from the Jobs page.",
        )
        job = create_job(session, data, is_sample=True)
        for stage, after, outcome in steps:
            when = applied_at + timedelta(days=after)
            change = StageChange(
                to_stage=stage, occurred_at=when, outcome=outcome, metadata=EventMetadata(actor="user")
            )
            transition_stage(session, job.id, change)
    _add_sample_messages(session, now)
    return len(SAMPLE_JOBS)


def remove_sample_data(session: Session) -> int:
    """Delete every sample job, its timeline and the sample mail; returns how many jobs were removed."""
    session.execute(
        delete(MailMessage).where(
            MailMessage.provider == SAMPLE_PROVIDER, MailMessage.account_key == SAMPLE_ACCOUNT
        )
    )
    return deleted_rows(session, delete(Job).where(Job.is_sample.is_(True)))
