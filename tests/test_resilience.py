"""Crashes and concurrency: a sync killed mid-run, syncs at once, racing writes and a busy database."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from sqlalchemy import Engine, func, select
from starlette.applications import Starlette
from starlette.testclient import TestClient
from streamlit.runtime.pages_manager import PagesManager

from jobops import db, inbox, providers, tracking
from jobops.api import routes as api_routes
from jobops.config import PROJECT_ROOT, load_settings
from jobops.db import session_scope
from jobops.errors import Conflict
from jobops.gmail import client, oauth
from jobops.mail import runs as mail_runs
from jobops.mail.runs import INTERRUPTED
from jobops.models import Job, MailMessage, StageEvent
from jobops.schemas.inbox import Approved, Decision
from jobops.schemas.mail import RunOut
from jobops.server import lifespan
from jobops.stages import PENDING, PENDING_USER
from tests.builders import move, stored_job
from tests.fake_google import FakeGoogle

SYNC_ACTION = "/api/post-application/providers/gmail/actions/sync"
EMPLOYERS = (
    "Northwind",
    "Contoso",
    "Fabrikam",
    "Initech",
    "Globex",
    "Umbrella",
    "Hooli",
    "Vandelay",
    "Wonka",
    "Tyrell",
)
MAILBOX_SIZE = 300


# --- arrange ---------------------------------------------------------------------------------


@pytest.fixture
def google(app_env: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGoogle]:
    """A fake Google that the app's settings (and any subprocess) point at; no pacing in this process."""
    with FakeGoogle() as fake:
        for name, value in fake.environment().items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("GMAIL_OAUTH_REDIRECT_URI", "http://localhost:3001/oauth/gmail/callback")
        monkeypatch.setenv("JOBOPS_SECRET_KEY", "resilience test key")
        monkeypatch.delenv("JOBOPS_SYNC_INTERVAL_MINUTES", raising=False)
        monkeypatch.setattr(client, "_buckets", {})
        monkeypatch.setattr(client, "backoff_sleep", lambda seconds: None)
        monkeypatch.setattr(client, "PACING_UNITS_PER_SECOND", 1_000_000)
        yield fake


@pytest.fixture
def connected(engine: Engine, google: FakeGoogle) -> None:
    """The default Gmail account, connected through consent."""
    started = oauth.start(engine, "default")
    location = requests.get(started.authorization_url, allow_redirects=False, timeout=5).headers["Location"]
    answer = {k: v[-1] for k, v in parse_qs(urlsplit(location).query).items()}
    oauth.exchange(engine, "default", answer["state"], answer["code"])


@pytest.fixture
def web(engine: Engine) -> Iterator[TestClient]:
    """The whole API, mounted as app.py mounts it."""
    with TestClient(Starlette(routes=api_routes()), base_url="http://localhost:3001") as c:
        yield c


def applied_job(engine: Engine, employer: str = "Northwind", title: str = "Data Engineer") -> str:
    """An applied job, applied ten days ago."""
    return stored_job(engine, title, employer, applied_at=datetime.now(UTC) - timedelta(days=10))


def fill_mailbox(google: FakeGoogle, size: int = MAILBOX_SIZE) -> None:
    """Mostly noise, with one interview invitation for each employer spread through the mailbox."""
    invite_every = size // len(EMPLOYERS)
    for i in range(size):
        age = timedelta(minutes=10 + i)
        if i % invite_every == 0 and i // invite_every < len(EMPLOYERS):
            employer = EMPLOYERS[i // invite_every]
            google.add_message(
                sender=f"{employer} Talent <talent@{employer.lower()}.example>",
                subject="Interview invitation",
                text=f"We would like to invite you to a technical interview for the Data Engineer role at {employer}.",
                age=age,
            )
        else:
            google.add_message(
                sender="Shop <news@shop.example>",
                subject=f"Weekly deals {i}",
                text="Special offer: 30% off this week.",
                age=age,
            )


def runs(engine: Engine) -> list[RunOut]:
    with session_scope(engine) as session:
        return mail_runs.list_runs(session, "gmail", "default")


def run_row(engine: Engine, run_id: str) -> RunOut:
    with session_scope(engine) as session:
        return mail_runs.get_run(session, run_id)


def wait_for(condition: Callable[[], Any], seconds: float = 20.0) -> Any:
    """Poll until condition() is truthy; fail the test when it never is."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"gave up waiting after {seconds} s")


def run_together(*actions: Callable[[], Any]) -> list[Any]:
    """Start each action on its own thread at the same instant; their results, or the first error raised."""
    barrier = threading.Barrier(len(actions))
    results: list[Any] = [None] * len(actions)

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = actions[index]()
        except Exception as exc:  # handed back to the test, which raises it
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def start_cli_sync() -> subprocess.Popen[str]:
    """`python -m jobops sync` in its own process, with this test's database and fake Google."""
    return subprocess.Popen(
        [sys.executable, "-m", "jobops", "sync", "--account", "default", "--max-messages", str(MAILBOX_SIZE)],
        cwd=PROJECT_ROOT,
        env=dict(os.environ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def restart_app() -> None:
    """What the dashboard's process does when it starts (migrations, interrupted runs)."""

    async def start_and_stop() -> None:
        async with lifespan(None):
            pass

    # A thread of its own: another test in the session (the browser journeys) may own this thread's loop.
    worker = threading.Thread(target=asyncio.run, args=(start_and_stop(),))
    worker.start()
    worker.join(timeout=60)


# --- a sync killed mid-run ---------------------------------------------------------------------


@pytest.mark.usefixtures("connected")
def test_a_sync_killed_mid_run_is_marked_failed_at_start_and_the_next_sync_duplicates_nothing(
    engine: Engine, google: FakeGoogle, web: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PagesManager, "uses_pages_directory", PagesManager.uses_pages_directory)
    jobs = {employer: applied_job(engine, employer) for employer in EMPLOYERS}
    fill_mailbox(google)
    google.latency = 0.2  # with the real pacing in the subprocess, 300 messages take several seconds

    process = start_cli_sync()

    def first_batch_stored() -> str | None:
        assert process.poll() is None, process.communicate()[1]  # the sync must not end on its own
        return next((r.id for r in runs(engine) if r.fetched > 0), None)

    try:
        run_id = wait_for(first_batch_stored)
        busy = web.post(SYNC_ACTION, json={})  # the dashboard asks while the command line's sync runs
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.communicate(timeout=10)
    assert busy.status_code == 409 and "already running" in busy.json()["error"]["message"]
    killed = run_row(engine, run_id)
    assert killed.status == "running" and 0 < killed.fetched < MAILBOX_SIZE

    restart_app()

    failed = run_row(engine, run_id)
    assert failed.status == "failed" and failed.error_message == INTERRUPTED and failed.finished_at
    google.latency = 0
    again = web.post(SYNC_ACTION, json={"maxMessages": MAILBOX_SIZE})
    assert again.status_code == 200 and again.json()["data"]["status"] == "completed"
    assert killed.fetched + again.json()["data"]["fetched"] == MAILBOX_SIZE
    with session_scope(engine) as session:
        per_message = Counter(session.scalars(select(MailMessage.external_message_id)))
        statuses = Counter(session.scalars(select(MailMessage.processing_status)))
        events = session.execute(select(StageEvent.job_id, StageEvent.to_stage, StageEvent.message_id)).all()
    assert set(per_message) == set(google.messages) and set(per_message.values()) == {1}
    assert statuses[PENDING] == 0  # every stored message was routed, crash or not
    assert statuses["auto_linked"] == len(EMPLOYERS)
    by_job = Counter((job_id, to_stage) for job_id, to_stage, _ in events)
    assert by_job == Counter({(j, s): 1 for j in jobs.values() for s in ("applied", "technical_interview")})
    linked = [m for _, _, m in events if m]
    assert len(linked) == len(set(linked)) == len(EMPLOYERS)


@pytest.mark.usefixtures("connected")
def test_messages_stored_by_a_run_that_died_before_routing_them_are_routed_by_the_next_sync(
    engine: Engine, google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    job_id = applied_job(engine, "Northwind")
    google.add_message(
        sender="Northwind Talent <talent@northwind.example>",
        subject="Interview invitation",
        text="We would like to invite you to a technical interview for the Data Engineer role at Northwind.",
    )

    def die_before_routing(_session: Any, _ids: list[str]) -> None:
        raise SystemExit("killed")  # like SIGKILL: nothing after the store's commit runs

    with monkeypatch.context() as patched, pytest.raises(SystemExit):
        patched.setattr(mail_runs, "route_pending", die_before_routing)
        providers.sync_account(engine, "gmail", "default")
    mail_runs.fail_interrupted_runs(engine)
    google.add_message(subject="Weekly deals", sender="Shop <news@shop.example>", text="Special offer.")

    run = providers.sync_account(engine, "gmail", "default")

    assert run.status == "completed"
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).where(MailMessage.processing_status == PENDING)) == 0
        assert session.get(Job, job_id).current_stage == "technical_interview"


# --- two syncs at once -------------------------------------------------------------------------


@pytest.mark.usefixtures("connected")
def test_a_sync_asked_for_through_the_api_while_another_runs_is_409_and_the_first_completes(
    engine: Engine, google: FakeGoogle, web: TestClient
) -> None:
    for i in range(60):
        google.add_message(subject=f"m{i}")
    google.latency = 0.2
    first: list[dict[str, Any]] = []
    worker = threading.Thread(target=lambda: first.append(providers.sync_account(engine, "gmail", "default")))
    worker.start()
    wait_for(lambda: runs(engine))

    response = web.post(SYNC_ACTION, json={})

    worker.join(timeout=20)
    assert response.status_code == 409
    assert response.json()["error"] == {
        "code": "CONFLICT",
        "message": "A Gmail sync is already running for account 'default'.",
    }
    assert first[0].status == "completed" and first[0].fetched == 60
    assert [r.status for r in runs(engine)] == ["completed"]


@pytest.mark.usefixtures("connected")
def test_two_syncs_begun_at_the_same_instant_let_exactly_one_run(engine: Engine) -> None:
    for _ in range(20):
        outcomes = run_together(
            lambda: providers.begin_run(engine, "gmail", "default"),
            lambda: providers.begin_run(engine, "gmail", "default"),
        )

        [refused] = [o for o in outcomes if isinstance(o, Exception)]
        [run_id] = [o for o in outcomes if isinstance(o, str)]
        assert isinstance(refused, Conflict)
        providers.execute_run(engine, "gmail", run_id)
    assert Counter(r.status for r in runs(engine)) == {"completed": 20}


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
        job_id = applied_job(engine)
        move_at = now - timedelta(hours=2 if i % 2 else 1)  # odd rounds: the mail is the latest event
        message_id = pending_suggestion(engine, job_id, now - timedelta(hours=1 if i % 2 else 2), i)

        def move_job(job_id: str = job_id, move_at: datetime = move_at) -> dict[str, Any]:
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


@pytest.fixture
def locked_database(app_env: Path) -> Callable[[float], threading.Thread]:
    """hold(seconds): another connection takes the write lock and keeps it that long."""
    holders: list[threading.Thread] = []

    def hold(seconds: float) -> threading.Thread:
        taken = threading.Event()

        def keep_lock() -> None:
            conn = sqlite3.connect(app_env / "jobops.db", isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE jobs SET notes = notes")
            taken.set()
            time.sleep(seconds)
            conn.execute("COMMIT")
            conn.close()

        holder = threading.Thread(target=keep_lock)
        holder.start()
        taken.wait(5)
        holders.append(holder)
        return holder

    yield hold
    for holder in holders:
        holder.join()


@pytest.mark.sqlite_only  # holds SQLite's database-wide write lock
def test_a_write_while_another_connection_holds_the_lock_waits_and_succeeds(
    engine: Engine, locked_database: Callable[[float], threading.Thread]
) -> None:
    job_id = applied_job(engine)
    locked_database(1.0)
    started = time.monotonic()

    with session_scope(engine) as session:
        move(session, job_id, "recruiter_screen")

    assert time.monotonic() - started >= 0.8
    with session_scope(engine) as session:
        assert session.get(Job, job_id).current_stage == "recruiter_screen"


@pytest.mark.sqlite_only  # holds SQLite's database-wide write lock
def test_the_api_answers_503_saying_the_database_is_busy_when_the_lock_outlasts_the_wait(
    app_env: Path, monkeypatch: pytest.MonkeyPatch, locked_database: Callable[[float], threading.Thread]
) -> None:
    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT_MS", 200)
    engine = db.get_engine(load_settings())
    job_id = applied_job(engine)
    with TestClient(Starlette(routes=api_routes()), base_url="http://localhost:3001") as web:
        holder = locked_database(1.5)

        response = web.post(f"/api/jobs/{job_id}/stages", json={"toStage": "recruiter_screen"})
    holder.join()

    assert response.status_code == 503
    assert response.json()["error"] == {
        "code": "SERVICE_UNAVAILABLE",
        "message": "The database is busy; try again in a moment.",
    }
    with session_scope(engine) as session:
        assert session.get(Job, job_id).current_stage == "applied"
