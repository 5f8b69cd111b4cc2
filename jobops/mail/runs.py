"""Sync runs of every provider: begin (one at a time per account), count, complete or fail, list."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from jobops.db import session_scope
from jobops.errors import Conflict, NotFound
from jobops.inbox_routing import route_pending
from jobops.models import MailMessage, SyncRun, utcnow
from jobops.schemas.mail import RunOut, SyncRequest
from jobops.stages import PENDING

log = logging.getLogger(__name__)

RUNNING = "running"
COMPLETED = "completed"
FAILED = "failed"
FULL = "full"
INCREMENTAL = "incremental"
INTERRUPTED = "Interrupted: the app stopped while this sync was running."

ROUTE_CHUNK = 200  # messages routed per transaction, so a long import never holds the write lock for long

# Runs executing in this process, to tell a live run from one left behind by a crash.
_active_runs: set[str] = set()
_active_lock = threading.Lock()


def check_options(max_messages: Any, search_days: Any) -> tuple[int, int]:
    """Validated (maxMessages, searchDays) as a sync request checks them, defaults for None."""
    request = SyncRequest(max_messages=max_messages, search_days=search_days)
    return request.max_messages, request.search_days


def list_runs(
    session: Session, provider: str | None = None, account_key: str | None = None, limit: int = 20
) -> list[RunOut]:
    """Newest runs first, optionally for one provider and account."""
    query = select(SyncRun).order_by(SyncRun.started_at.desc()).limit(max(1, min(limit, 200)))
    if provider:
        query = query.where(SyncRun.provider == provider)
    if account_key:
        query = query.where(SyncRun.account_key == account_key)
    return [RunOut.model_validate(run) for run in session.scalars(query)]


def run_row(session: Session, run_id: str) -> SyncRun:
    """The stored run, or NotFound."""
    run = session.get(SyncRun, run_id)
    if run is None:
        raise NotFound(f"No sync run {run_id}")
    return run


def get_run(session: Session, run_id: str) -> RunOut:
    """One run, for a progress view."""
    return RunOut.model_validate(run_row(session, run_id))


def _owner_alive(run: SyncRun) -> bool:
    """True when the run's process still runs it."""
    if run.owner_pid == os.getpid():
        with _active_lock:
            return run.id in _active_runs
    if not run.owner_pid:
        return False
    try:
        os.kill(run.owner_pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def fail_run(run: SyncRun, message: str) -> None:
    """Close a run as failed with a message for the user."""
    run.status = FAILED
    run.finished_at = utcnow()
    run.error_message = message


def fail_interrupted_runs(engine: Engine) -> int:
    """Mark runs left 'running' by a process that is gone as failed; call at start-up."""
    with session_scope(engine) as session:
        stale = [
            run
            for run in session.scalars(select(SyncRun).where(SyncRun.status == RUNNING))
            if not _owner_alive(run)
        ]
        for run in stale:
            fail_run(run, INTERRUPTED)
        return len(stale)


def start_run(session: Session, provider: str, account_key: str, mode: str, what: str) -> str:
    """Record a running run for an account; Conflict if one is still going (`what` names it)."""
    running = session.scalars(
        select(SyncRun).where(
            SyncRun.provider == provider, SyncRun.account_key == account_key, SyncRun.status == RUNNING
        )
    ).all()
    for run in running:
        if _owner_alive(run):
            raise Conflict(f"{what} is already running for account '{account_key}'.")
        fail_run(run, INTERRUPTED)
    run = SyncRun(provider=provider, account_key=account_key, mode=mode, owner_pid=os.getpid())
    session.add(run)
    session.flush()
    with _active_lock:
        _active_runs.add(run.id)
    return run.id


def carry_out(
    engine: Engine, run_id: str, work: Callable[[], None], failure_message: Callable[[Exception], str]
) -> RunOut:
    """Do a begun run's work and return the run; whatever goes wrong, the run ends recorded."""
    try:
        work()
    except Exception as exc:  # a run must always end recorded, whatever went wrong
        message = failure_message(exc)
        with session_scope(engine) as session:
            fail_run(run_row(session, run_id), message)
    finally:
        with _active_lock:
            _active_runs.discard(run_id)
    with session_scope(engine) as session:
        return get_run(session, run_id)


def add_discovered(engine: Engine, run_id: str, count: int) -> None:
    """Count messages a run found to fetch."""
    with session_scope(engine) as session:
        run_row(session, run_id).discovered += count


def route_stored(engine: Engine, run_id: str) -> None:
    """Route every message of the run's account that waits for routing, oldest first, in short transactions.

    Runs call this before their own work (a crash may have left stored mail unrouted) and after it, so
    mail is always routed in the order it was received, whatever order the provider delivered it in.
    """
    with session_scope(engine) as session:
        run = run_row(session, run_id)
        waiting = session.scalars(
            select(MailMessage.id)
            .where(
                MailMessage.provider == run.provider,
                MailMessage.account_key == run.account_key,
                MailMessage.processing_status == PENDING,
            )
            .order_by(MailMessage.received_at, MailMessage.external_message_id)
        ).all()
    for start in range(0, len(waiting), ROUTE_CHUNK):
        with session_scope(engine) as session:
            counts = route_pending(session, waiting[start : start + ROUTE_CHUNK])
            run = run_row(session, run_id)
            run.relevant += counts["relevant"]
            run.classified += counts["classified"]
            run.matched += counts["matched"]


def complete_run(session: Session, run_id: str) -> None:
    """Close a run as completed."""
    run = run_row(session, run_id)
    run.status = COMPLETED
    run.finished_at = utcnow()
