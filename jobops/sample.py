"""Clearly labelled sample jobs, so a newcomer sees a populated board, removable in one click."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from jobops.jobs import create_job
from jobops.models import Job
from jobops.tracking import transition_stage

# (title, employer, source, location, days since applying, [(stage, days after applying, outcome)])
SAMPLE_JOBS: tuple[tuple[str, str, str, str, int, list[tuple[str, int, str | None]]], ...] = (
    ("Senior Backend Engineer", "Northwind Payments", "LinkedIn", "Remote (EU)", 34,
     [("recruiter_screen", 6, None), ("technical_interview", 15, None), ("onsite", 27, None), ("offer", 32, None)]),
    ("Platform Engineer", "Lumen Health", "Referral", "Berlin", 29,
     [("recruiter_screen", 4, None), ("hiring_manager_screen", 11, None), ("technical_interview", 20, None)]),
    ("Data Engineer", "Quarry Analytics", "Company site", "Remote", 26,
     [("recruiter_screen", 9, None), ("assessment", 13, None), ("technical_interview", 24, None)]),
    ("Staff Software Engineer", "Harbor Logistics", "LinkedIn", "Hamburg", 40,
     [("recruiter_screen", 5, None), ("hiring_manager_screen", 12, None)]),
    ("Backend Developer", "Pinecrest Labs", "Indeed", "Munich", 21,
     [("recruiter_screen", 7, None), ("assessment", 10, None)]),
    ("Python Engineer", "Cobalt Robotics", "Company site", "Remote", 18,
     [("recruiter_screen", 8, None)]),
    ("Site Reliability Engineer", "Meridian Bank", "Recruiter", "Frankfurt", 45,
     [("recruiter_screen", 3, None)]),
    ("Software Engineer, API", "Tessellate", "LinkedIn", "Remote (EU)", 12, []),
    ("Machine Learning Engineer", "Fjord AI", "Referral", "Oslo", 9, []),
    ("Full-Stack Engineer", "Brightline Energy", "Indeed", "Amsterdam", 33, []),
    ("Backend Engineer", "Oakridge Media", "Company site", "London", 38,
     [("recruiter_screen", 6, None), ("technical_interview", 14, None), ("closed", 19, "rejected")]),
    ("DevOps Engineer", "Saltmarsh Games", "LinkedIn", "Remote", 50,
     [("closed", 42, "ghosted")]),
    ("Engineering Manager", "Kestrel Cloud", "Recruiter", "Zurich", 60,
     [("recruiter_screen", 5, None), ("hiring_manager_screen", 12, None), ("onsite", 25, None),
      ("offer", 31, None), ("closed", 36, "offer_declined")]),
)


def has_sample_data(session: Session) -> bool:
    """True when sample jobs are loaded."""
    return bool(session.scalar(select(func.count()).where(Job.is_sample.is_(True))))


def load_sample_data(session: Session, now: datetime | None = None) -> int:
    """Add the sample jobs with back-dated timelines; returns how many were added."""
    if has_sample_data(session):
        return 0
    now = now or datetime.now(timezone.utc)
    for title, employer, source, location, ago, steps in SAMPLE_JOBS:
        applied_at = now - timedelta(days=ago, hours=3)
        job = create_job(
            session,
            {"title": title, "employer": employer, "source": source, "location": location,
             "appliedAt": applied_at, "notes": "Sample job: remove all samples from the Jobs page."},
            is_sample=True,
        )
        for stage, after, outcome in steps:
            transition_stage(session, job["id"], stage, occurred_at=applied_at + timedelta(days=after),
                             outcome=outcome, metadata={"actor": "user"})
    return len(SAMPLE_JOBS)


def remove_sample_data(session: Session) -> int:
    """Delete every sample job and its timeline; returns how many jobs were removed."""
    result = session.execute(delete(Job).where(Job.is_sample.is_(True)))
    return result.rowcount or 0
