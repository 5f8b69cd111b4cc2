"""The job page opened as a user would, over a job built for it, and what the page stored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from jobops import tracking
from jobops.db import get_engine, session_scope
from jobops.jobs import create_job, get_job

APP = str(Path(__file__).resolve().parents[2] / "app.py")


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
    with session_scope(get_engine()) as session:
        return tracking.list_events(session, job_id)


def stored_job(job_id: str) -> dict:
    with session_scope(get_engine()) as session:
        return get_job(session, job_id)


def open_job(job_id: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/job_detail.py")
    at.query_params["id"] = job_id
    at.run()
    assert not at.exception, at.exception
    return at


def by_label(widgets: Any, label: str) -> Any:
    return next(w for w in widgets if w.label == label)
