"""Backups: what a file holds, and a round trip that keeps every row and adds nothing the second time."""

from __future__ import annotations

import json

from sqlalchemy import Engine, select

from jobops.db import session_scope
from jobops.mail.runs import start_run
from jobops.models import Job, MailAccount, MailMessage, SenderMemory, StageEvent, SyncRun
from tests.backup_data import (
    count,
    export,
    fill,
    restore,
    without_date,
)


def test_a_backup_is_versioned_json_with_iso_dates(engine: Engine) -> None:
    fill(engine)
    backup = json.loads(json.dumps(export(engine)))
    assert (backup["format"], backup["version"]) == ("jobops-backup", 1)
    assert backup["exportedAt"].endswith("Z")
    acme = next(j for j in backup["jobs"] if j["employer"] == "Acme")
    assert acme["appliedAt"] == "2026-03-02T09:30:15.123456Z"
    assert acme["notes"] == "Referred by Sam.\nFollow up Friday."
    assert [len(backup[k]) for k in ("jobs", "stageEvents", "mailMessages", "senderMemory", "syncRuns")] == [
        2,
        2,
        2,
        1,
        1,
    ]


def test_a_backup_carries_every_routing_decision_of_a_message(engine: Engine) -> None:
    fill(engine)
    message = next(m for m in export(engine)["mailMessages"] if m["externalMessageId"] == "m-1")
    assert message["processingStatus"] == "manual_linked"
    assert (message["matchConfidence"], message["stageTarget"], message["messageType"]) == (
        91,
        "recruiter_screen",
        "interview",
    )
    assert message["bodyText"] == "Hello,\nCan we talk on Monday?"
    assert message["decidedAt"] == "2026-03-06T09:30:15.123456Z"


def test_a_backup_never_contains_credentials_or_oauth_states(engine: Engine) -> None:
    fill(engine)
    text = json.dumps(export(engine))
    assert "secret-refresh-token" not in text
    assert "verifier-secret" not in text and "pending-state" not in text
    assert "encryptedCredentials" not in text and "historyId" not in text


def test_restoring_into_an_empty_database_gives_the_same_data(engine: Engine, empty_engine: Engine) -> None:
    fill(engine)
    original = export(engine)
    report = restore(empty_engine, json.loads(json.dumps(original)))
    assert report["jobs"] == {"added": 2, "updated": 0, "unchanged": 0, "removed": 0, "skipped": 0}
    assert without_date(export(empty_engine)) == without_date(original)


def test_a_restored_account_must_be_connected_again(engine: Engine, empty_engine: Engine) -> None:
    fill(engine)
    restore(empty_engine, export(engine))
    with session_scope(empty_engine) as session:
        account = session.scalars(select(MailAccount)).one()
    assert (account.email, account.status, account.encrypted_credentials) == (
        "me@example.com",
        "disconnected",
        None,
    )


def test_importing_twice_duplicates_nothing(engine: Engine, empty_engine: Engine) -> None:
    fill(engine)
    backup = export(engine)
    restore(empty_engine, backup)
    report = restore(empty_engine, backup)
    assert all(counts["added"] == counts["updated"] == 0 for counts in report.values())
    assert [
        count(empty_engine, m) for m in (Job, StageEvent, MailMessage, SenderMemory, SyncRun, MailAccount)
    ] == [2, 2, 2, 1, 1, 1]


def test_importing_over_changed_data_brings_back_the_backup(engine: Engine) -> None:
    fill(engine)
    backup = export(engine)
    with session_scope(engine) as session:
        job = session.scalars(select(Job).where(Job.employer == "Acme")).one()
        job.title = "Renamed"
    report = restore(engine, backup)
    assert report["jobs"] == {"added": 0, "updated": 1, "unchanged": 1, "removed": 0, "skipped": 0}
    assert without_date(export(engine)) == without_date(backup)


def test_importing_keeps_the_credentials_of_a_connected_account(engine: Engine) -> None:
    fill(engine)
    restore(engine, export(engine))
    with session_scope(engine) as session:
        account = session.scalars(select(MailAccount)).one()
    assert (account.status, account.encrypted_credentials) == ("connected", "gAAAA-secret-refresh-token")


def test_a_message_synced_again_under_a_new_id_is_merged_not_duplicated(
    engine: Engine, empty_engine: Engine
) -> None:
    fill(engine)
    backup = export(engine)
    with session_scope(empty_engine) as session:
        session.add(MailMessage(provider="gmail", account_key="default", external_message_id="m-1"))
    restore(empty_engine, backup)
    assert count(empty_engine, MailMessage) == 2
    with session_scope(empty_engine) as session:
        event = session.scalars(select(StageEvent).where(StageEvent.message_id.is_not(None))).one()
        assert session.get(MailMessage, event.message_id).external_message_id == "m-1"


def test_a_running_sync_is_never_exported(engine: Engine) -> None:
    fill(engine)
    with session_scope(engine) as session:
        start_run(session, "gmail", "default", "full", "A Gmail sync")
    runs = export(engine)["syncRuns"]
    assert [run["status"] for run in runs] == ["completed"]
    assert all("ownerPid" not in run for run in runs)
