"""The job page opened as a user would, over a job built for it, and what the page stored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from streamlit.testing.v1 import AppTest

from jobops import tracking
from jobops.db import get_engine, session_scope
from jobops.jobs import create_job, get_job
from tests.pages.app_page import open_page

NOW = datetime.now(UTC)


def add_job(*stages: str) -> str:
    """A job applied 30 days ago that moved through `stages`, one every few days."""
    with session_scope(get_engine()) as session:
        job = create_job(
            session,
            {"title": "Backend Engineer", "employer": "Stripe", "appliedAt": NOW - timedelta(days=30)},
        )
        for step, stage in enumerate(stages, start=1):
            when = NOW - timedelta(days=30 - 3 * step)
            tracking.transition_stage(session, job["id"], stage, occurred_at=when)
    return job["id"]


def events(job_id: str) -> list[dict]:
    """The job's timeline as stored."""
    with session_scope(get_engine()) as session:
        return tracking.list_events(session, job_id)


def stored_job(job_id: str) -> dict:
    """The job as stored."""
    with session_scope(get_engine()) as session:
        return get_job(session, job_id)


def open_job(job_id: str) -> AppTest:
    """The job page of this job, opened from its address."""
    return open_page("pages/job_detail.py", id=job_id)
