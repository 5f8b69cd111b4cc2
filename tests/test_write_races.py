"""Writes that race on one job, and writes while another connection holds the database's write lock."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.testclient import TestClient

from jobops import inbox, tracking
from jobops.api import routes as api_routes
from jobops.db import session_scope
from jobops.models import Job, MailMessage
from jobops.schemas.events import LoggedEvent
from jobops.schemas.inbox import Approved, Decision
from jobops.stages import PENDING_USER
from tests.builders import move, stored_job
from tests.fakes.write_lock import impatient_database, write_lock_held
from tests.waiting import finish, run_together


def add_job(engine: Engine, employer: str = "Northwind", title: str = "Data Engineer") -> str:
    """An applied job, applied ten days ago."""
    return stored_job(engine, title, employer, applied_at=datetime.now(UTC) - timedelta(days=10))


# --- racing writes on one job ------------------------------------------------------------------


def pending_suggestion(engine: Engine, job_id: str, received_at: datetime, index: int) -> str:
    """A message the router suggested for the job (waiting for the user), moving it to a screen."""
    with session_scope(engine) as session:
        message = MailMessage(
            provider="gmail",
            account_key="default",
            external_message_id=f"race-{index}",
            external_thread_id=f"thread-{index}",
            from_address="talent@northwind.example",
            from_domain="northwind.example",
            sender_name="Northwind Talent",
            subject="Quick call?",
            received_at=received_at,
            processing_status=PENDING_USER,
            matched_job_id=job_id,
            stage_target="recruiter_screen",
            match_confidence=60,
        )
        session.add(message)
        session.flush()
        return message.id


def test_a_stage_move_and_an_approval_racing_on_one_job_both_land_and_the_latest_decides(
    engine: Engine,
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    for i in range(30):
        job_id = add_job(engine)
        move_at = now - timedelta(hours=2 if i % 2 else 1)  # odd rounds: the mail is the latest event
        message_id = pending_suggestion(engine, job_id, now - timedelta(hours=1 if i % 2 else 2), i)

        def move_job(job_id: str = job_id, move_at: datetime = move_at) -> LoggedEvent:
            with session_scope(engine) as session:
                return move(session, job_id, "technical_interview", occurred_at=move_at)

        def approve(message_id: str = message_id) -> Approved:
            with session_scope(engine) as session:
                return inbox.approve(session, message_id, Decision())

        moved, approved = run_together(move_job, approve)

        assert not isinstance(moved, Exception) and not isinstance(approved, Exception), (moved, approved)
        assert (
            moved.to_stage == "technical_interview"
            and approved.event is not None
            and approved.event.to_stage == "recruiter_screen"
        )
        with session_scope(engine) as session:
            timeline = tracking.list_events(session, job_id)
            job = session.get(Job, job_id)
            assert [e.to_stage for e in timeline] == (
                ["applied", "technical_interview", "recruiter_screen"]
                if i % 2
                else ["applied", "recruiter_screen", "technical_interview"]
            )
            assert [e.from_stage for e in timeline] == [None, *[e.to_stage for e in timeline[:-1]]]
            assert job.current_stage == timeline[-1].to_stage and job.status == "in_progress"
            assert session.get(MailMessage, message_id).processing_status == "manual_linked"


# --- a busy database ---------------------------------------------------------------------------


@pytest.mark.sqlite_only  # holds SQLite's database-wide write lock
def test_a_write_while_another_connection_holds_the_lock_waits_for_it_and_succeeds(engine: Engine) -> None:
    job_id = add_job(engine)
    order: list[str] = []

    def write() -> None:
        with session_scope(engine) as session:
            move(session, job_id, "recruiter_screen")
        order.append("written")

    with write_lock_held(engine):
        writer = threading.Thread(target=write)
        writer.start()
        writer.join(0.3)  # room for the write to reach the lock (and to fail, were it not to wait)
        order.append("released")
    finish(writer, 20, "the write that waited for the lock")

    assert order == ["released", "written"]
    with session_scope(engine) as session:
        assert session.get(Job, job_id).current_stage == "recruiter_screen"


@pytest.mark.sqlite_only  # holds SQLite's database-wide write lock
def test_the_api_answers_503_saying_the_database_is_busy_when_the_lock_outlasts_the_wait(
    app_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = impatient_database(monkeypatch)
    job_id = add_job(engine)
    with (
        TestClient(Starlette(routes=api_routes()), base_url="http://localhost:3001") as web,
        write_lock_held(engine),
    ):
        response = web.post(f"/api/jobs/{job_id}/stages", json={"toStage": "recruiter_screen"})

    assert response.status_code == 503
    assert response.json()["error"] == {
        "code": "SERVICE_UNAVAILABLE",
        "message": "The database is busy; try again in a moment.",
    }
    with session_scope(engine) as session:
        assert session.get(Job, job_id).current_stage == "applied"
