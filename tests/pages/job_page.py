"""The job page opened as a user would, over a job built for it, and what the page stored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from streamlit.testing.v1 import AppTest

from jobops import tracking
from jobops.db import get_engine, session_scope
from jobops.jobs import get_job
from jobops.schemas.events import EventOut
from jobops.schemas.jobs import JobOut
from tests import builders
from tests.pages.app_page import open_page

NOW = datetime.now(UTC)


def add_job(*stages: str) -> str:
    """A job applied 30 days ago that moved through `stages`, one every few days."""
    with session_scope(get_engine()) as session:
        job = builders.add_job(session, applied_at=NOW - timedelta(days=30))
        for step, stage in enumerate(stages, start=1):
            builders.move(session, job.id, stage, occurred_at=NOW - timedelta(days=30 - 3 * step))
    return job.id


def events(job_id: str) -> list[EventOut]:
    with session_scope(get_engine()) as session:
        return tracking.list_events(session, job_id)


def stored_job(job_id: str) -> JobOut:
    with session_scope(get_engine()) as session:
        return get_job(session, job_id)


def open_job(job_id: str) -> AppTest:
    """The job page of this job."""
    return open_page("pages/job_detail.py", id=job_id)
