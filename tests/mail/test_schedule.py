"""Scheduled sync: each mailbox syncs once its own interval has passed, and the thread keeps going."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine

from jobops import providers
from jobops.config import Settings, load_settings
from jobops.db import session_scope
from jobops.imap import accounts
from jobops.imap import sync as imap_sync
from jobops.mail import schedule
from jobops.mail.accounts import find_account, set_auto_sync
from jobops.mail.runs import list_runs
from jobops.mail.schedule import ScheduledSync, next_sync_of, sync_due_accounts
from jobops.models import utcnow
from jobops.schemas.mail import ImapConnect
from tests.fakes.imap import FakeImap, mail
from tests.waiting import wait_for

SOURCES = (imap_sync.SOURCE,)


@pytest.fixture
def imap(imap: FakeImap) -> FakeImap:
    """The fake IMAP server, holding one interview invitation."""
    imap.add(mail(subject="Interview", message_id="i@acme"))
    return imap


def settings(default_minutes: int = 0) -> Settings:
    """The test's settings with JOBOPS_SYNC_INTERVAL_MINUTES at `default_minutes`."""
    return dataclasses.replace(load_settings(), sync_interval_minutes=default_minutes)


def connect(
    engine: Engine, imap: FakeImap, key: str, minutes: int | None, synced_ago: int | None = None
) -> None:
    """A connected IMAP account with its own interval (None: no setting), last synced minutes ago."""
    accounts.connect(engine, ImapConnect(account_key=key, **imap.connect_body()))
    with session_scope(engine) as session:
        if minutes is not None:
            set_auto_sync(session, "imap", key, minutes)
        if synced_ago is not None:
            find_account(session, "imap", key).last_sync_at = utcnow() - timedelta(minutes=synced_ago)


def synced_keys(engine: Engine) -> list[str]:
    with session_scope(engine) as session:
        return sorted(run.account_key for run in list_runs(session, "imap"))


def test_only_accounts_whose_interval_has_passed_are_synced(engine: Engine, imap: FakeImap) -> None:
    connect(engine, imap, "quarter", 15, synced_ago=20)
    connect(engine, imap, "hourly", 60, synced_ago=20)
    connect(engine, imap, "off", 0, synced_ago=60 * 24 * 7)

    runs = sync_due_accounts(engine, SOURCES, utcnow(), settings())

    assert [(r.account_key, r.status, r.fetched) for r in runs] == [("quarter", "completed", 1)]
    assert sync_due_accounts(engine, SOURCES, utcnow(), settings()) == []  # it just synced


def test_an_account_without_a_setting_follows_the_configured_default(engine: Engine, imap: FakeImap) -> None:
    connect(engine, imap, "default", None, synced_ago=45)

    assert sync_due_accounts(engine, SOURCES, utcnow(), settings(default_minutes=60)) == []
    assert len(sync_due_accounts(engine, SOURCES, utcnow(), settings(default_minutes=30))) == 1


def test_a_new_account_is_due_one_interval_after_it_was_connected(engine: Engine, imap: FakeImap) -> None:
    connect(engine, imap, "default", 15)

    assert sync_due_accounts(engine, SOURCES, utcnow() + timedelta(minutes=14), settings()) == []
    assert len(sync_due_accounts(engine, SOURCES, utcnow() + timedelta(minutes=16), settings())) == 1


def test_a_failed_run_waits_a_whole_interval_before_the_next_try(engine: Engine, imap: FakeImap) -> None:
    connect(engine, imap, "default", 15, synced_ago=60)
    imap.folders.clear()  # the folder to read is gone: the run fails, the account stays connected

    [failed] = sync_due_accounts(engine, SOURCES, utcnow(), settings())

    assert failed.status == "failed"
    assert sync_due_accounts(engine, SOURCES, utcnow() + timedelta(minutes=10), settings()) == []


def test_an_account_that_is_already_syncing_is_skipped(engine: Engine, imap: FakeImap) -> None:
    connect(engine, imap, "default", 15, synced_ago=60)
    connect(engine, imap, "other", 15, synced_ago=60)
    running = providers.begin_run(engine, "imap", "default")

    runs = sync_due_accounts(engine, SOURCES, utcnow() + timedelta(minutes=30), settings())

    assert [r.account_key for r in runs] == ["other"]
    with session_scope(engine) as session:
        assert [r.id for r in list_runs(session, "imap", "default")] == [running]


def test_the_next_automatic_sync_is_one_interval_after_the_last(engine: Engine, imap: FakeImap) -> None:
    connect(engine, imap, "default", 60, synced_ago=20)
    with session_scope(engine) as session:
        last = find_account(session, "imap", "default").last_sync_at
        due = next_sync_of(session, "imap", "default")
        set_auto_sync(session, "imap", "default", 0)
        off = next_sync_of(session, "imap", "default")

    assert due == last + timedelta(minutes=60)
    assert off is None


def test_the_thread_syncs_due_accounts_and_survives_a_round_that_fails(
    engine: Engine, imap: FakeImap, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect(engine, imap, "default", 15, synced_ago=20)
    rounds: list[tuple[Any, ...]] = []

    def first_round_breaks(*args: Any) -> list[dict[str, Any]]:
        rounds.append(args)
        if len(rounds) == 1:
            raise RuntimeError("database went away")
        return real_round(*args)

    real_round = schedule.sync_due_accounts
    monkeypatch.setattr(schedule, "sync_due_accounts", first_round_breaks)
    worker = ScheduledSync(engine, SOURCES, 0.01, settings=settings()).start()
    wait_for(
        lambda: synced_keys(engine) == ["default"] and worker.rounds >= 3,
        5,
        "the default account synced and three rounds run",
    )
    worker.stop()

    assert synced_keys(engine) == ["default"]  # synced once, then not due again
    assert worker.rounds >= 3
    assert not worker._thread.is_alive()


def test_stop_ends_the_thread_without_waiting_for_the_next_tick(engine: Engine) -> None:
    worker = ScheduledSync(engine, SOURCES, 3600).start()

    worker.stop(timeout=10)  # an hour's tick would outlast this

    assert not worker._thread.is_alive()
