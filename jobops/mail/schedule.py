"""Scheduled sync: a background thread that syncs each connected mailbox once its own interval has passed."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from jobops.config import Settings, load_settings
from jobops.db import session_scope
from jobops.errors import Conflict, NotFound
from jobops.mail.accounts import auto_sync_minutes, find_account
from jobops.mail.sync import MailSource, connected_accounts, sync_account
from jobops.models import MailAccount, SyncRun, utcnow
from jobops.schemas.mail import RunOut

log = logging.getLogger(__name__)

TICK_SECONDS = 30.0  # how often the thread looks for accounts that are due


def _last_run_start(session: Session, account: MailAccount) -> datetime | None:
    """When the account's newest run started, whether it succeeded or not."""
    return session.scalars(
        select(SyncRun.started_at)
        .where(SyncRun.provider == account.provider, SyncRun.account_key == account.account_key)
        .order_by(SyncRun.started_at.desc())
        .limit(1)
    ).first()


def next_sync_at(session: Session, account: MailAccount, default_minutes: int) -> datetime | None:
    """When the account's next automatic sync is due; None when its automatic sync is off."""
    minutes = auto_sync_minutes(account, default_minutes)
    if minutes <= 0:
        return None
    tried = [moment for moment in (account.last_sync_at, _last_run_start(session, account)) if moment]
    since = max(tried) if tried else account.connected_at or account.created_at
    return since + timedelta(minutes=minutes)


def next_sync_of(session: Session, provider: str, account_key: str) -> datetime | None:
    """When an account's next automatic sync is due, for pages; None when off or unknown."""
    account = find_account(session, provider, account_key)
    if account is None:
        return None
    return next_sync_at(session, account, load_settings().sync_interval_minutes)


def due_accounts(
    session: Session, sources: Sequence[MailSource], now: datetime, default_minutes: int
) -> list[tuple[MailSource, str]]:
    """The connected accounts whose next automatic sync is due by `now`."""
    due = []
    for source in sources:
        for account in connected_accounts(session, source.provider):
            moment = next_sync_at(session, account, default_minutes)
            if moment is not None and moment <= now:
                due.append((source, account.account_key))
    return due


def sync_due_accounts(
    engine: Engine,
    sources: Sequence[MailSource],
    now: datetime,
    settings: Settings | None = None,
) -> list[RunOut]:
    """One round: sync each due account in turn; an account already syncing is left to finish."""
    settings = settings or load_settings()
    with session_scope(engine) as session:
        due = due_accounts(session, sources, now, settings.sync_interval_minutes)
    runs = []
    for source, account_key in due:
        try:
            runs.append(sync_account(source, engine, account_key, settings=settings))
        except (Conflict, NotFound) as exc:
            log.info("scheduled %s sync skipped: %s", source.label, exc.message)
    return runs


class ScheduledSync:
    """Every `tick_seconds` until stopped, syncs the accounts that are due; a failed round is logged."""

    def __init__(
        self,
        engine: Engine,
        sources: Sequence[MailSource],
        tick_seconds: float = TICK_SECONDS,
        *,
        settings: Settings | None = None,
    ) -> None:
        self.engine = engine
        self.sources = tuple(sources)
        self.tick_seconds = tick_seconds
        self.settings = settings
        self.rounds = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="jobops-scheduled-sync", daemon=True)

    def start(self) -> ScheduledSync:
        self._thread.start()
        return self

    def stop(self, timeout: float = 30) -> None:
        """Ask the thread to end after the current round and wait for it."""
        self._stop.set()
        self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.wait(self.tick_seconds):
            try:
                sync_due_accounts(self.engine, self.sources, utcnow(), self.settings)
            except Exception:  # the schedule must survive a bad round; runs record their own errors
                log.exception("scheduled sync round failed")
            self.rounds += 1


def start_scheduled_sync(engine: Engine, sources: Sequence[MailSource]) -> ScheduledSync:
    """Start the schedule; each account's own setting (or JOBOPS_SYNC_INTERVAL_MINUTES) says when it syncs."""
    return ScheduledSync(engine, sources).start()
