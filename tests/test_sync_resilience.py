"""Syncs that crash or overlap: a sync killed mid-run, a run that died before routing, two syncs at once."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from starlette.testclient import TestClient
from streamlit.runtime.pages_manager import PagesManager

from jobops import providers
from jobops.config import PROJECT_ROOT
from jobops.dashboard.server import lifespan
from jobops.db import session_scope
from jobops.errors import Conflict
from jobops.mail import runs as mail_runs
from jobops.mail.runs import INTERRUPTED
from jobops.models import Job, MailMessage, StageEvent
from jobops.stages import PENDING
from tests.builders import stored_job
from tests.fakes.google import FakeGoogle
from tests.waiting import finish, run_together, wait_for

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

pytestmark = pytest.mark.usefixtures("google_env")


# --- arrange ---------------------------------------------------------------------------------


def add_job(engine: Engine, employer: str = "Northwind", title: str = "Data Engineer") -> str:
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


def runs(engine: Engine) -> list[dict[str, Any]]:
    with session_scope(engine) as session:
        return mail_runs.list_runs(session, "gmail", "default")


def run_row(engine: Engine, run_id: str) -> dict[str, Any]:
    with session_scope(engine) as session:
        return mail_runs.get_run(session, run_id)


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
    finish(worker, 60, "the app's start")


# --- a sync killed mid-run ---------------------------------------------------------------------


@pytest.mark.usefixtures("connected")
def test_a_sync_killed_mid_run_is_marked_failed_at_start_and_the_next_sync_duplicates_nothing(
    engine: Engine, google: FakeGoogle, api: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PagesManager, "uses_pages_directory", PagesManager.uses_pages_directory)
    jobs = {employer: add_job(engine, employer) for employer in EMPLOYERS}
    fill_mailbox(google)
    google.latency = 0.2  # with the real pacing in the subprocess, 300 messages take several seconds

    process = start_cli_sync()

    def first_batch_stored() -> str | None:
        assert process.poll() is None, process.communicate()[1]  # the sync must not end on its own
        return next((r.id for r in runs(engine) if r.fetched > 0), None)

    try:
        run_id = wait_for(first_batch_stored, 20, "the command line's sync to store its first batch")
        busy = api.post(SYNC_ACTION, json={})  # the dashboard asks while the command line's sync runs
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
    again = api.post(SYNC_ACTION, json={"maxMessages": MAILBOX_SIZE})
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
    job_id = add_job(engine, "Northwind")
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
    engine: Engine, google: FakeGoogle, api: TestClient
) -> None:
    for i in range(60):
        google.add_message(subject=f"m{i}")
    google.fetches_open.clear()  # the first sync lists the mail, then waits for the fetches
    first: list[dict[str, Any]] = []
    worker = threading.Thread(target=lambda: first.append(providers.sync_account(engine, "gmail", "default")))
    worker.start()
    wait_for(lambda: runs(engine), 20, "the first sync to begin")

    response = api.post(SYNC_ACTION, json={})

    google.fetches_open.set()
    finish(worker, 20, "the first sync")
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
