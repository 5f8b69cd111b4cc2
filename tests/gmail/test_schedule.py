"""Scheduled Gmail sync: each connected account syncs when its interval has passed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine

from jobops.config import Settings
from jobops.db import session_scope
from jobops.gmail import client, sync
from jobops.imap import sync as imap_sync
from jobops.mail import runs as mail_runs
from jobops.mail.accounts import find_account, set_auto_sync
from jobops.mail.schedule import ScheduledSync
from jobops.models import utcnow
from tests.fakes.consent import connect_gmail
from tests.fakes.google import FakeGoogle
from tests.waiting import wait_for


def test_each_due_gmail_account_is_synced_once_by_the_thread(
    engine: Engine, settings: Settings, google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client, "PACING_UNITS_PER_SECOND", 1_000_000)
    for key, minutes in (("default", 15), ("work", 30), ("later", 60)):
        connect_gmail(engine, key, settings)
        with session_scope(engine) as session:
            set_auto_sync(session, "gmail", key, minutes)
            find_account(session, "gmail", key).last_sync_at = utcnow() - timedelta(minutes=45)
    google.add_message()

    schedule = ScheduledSync(engine, (sync.SOURCE, imap_sync.SOURCE), 0.01, settings=settings).start()
    wait_for(lambda: schedule.rounds >= 3, 5, "three rounds of the schedule")
    schedule.stop()

    with session_scope(engine) as session:
        runs = mail_runs.list_runs(session, "gmail", limit=50)
    assert sorted(r.account_key for r in runs) == ["default", "work"]
    assert all(r.status == "completed" for r in runs)
