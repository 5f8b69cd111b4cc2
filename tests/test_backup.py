"""Backups: a round trip keeps every row, a second import adds nothing, a bad file changes nothing."""

from __future__ import annotations

import copy
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from jobops.backup import export_backup, import_backup, preview_backup
from jobops.db import make_engine, migrate, session_scope
from jobops.errors import InvalidInput
from jobops.mail.runs import start_run
from jobops.models import Job, MailAccount, MailMessage, OAuthState, SenderMemory, StageEvent, SyncRun
from tests.builders import add_job, move

APPLIED_AT = datetime(2026, 3, 2, 9, 30, 15, 123456, tzinfo=UTC)


def fill(engine: Engine) -> None:
    """Two jobs with timelines, a decided and a pending message, sender memory, a run and an account."""
    with session_scope(engine) as session:
        job = add_job(
            session,
            **{
                "title": "Data Engineer",
                "employer": "Acme",
                "appliedAt": APPLIED_AT,
                "notes": "Referred by Sam.\nFollow up Friday.",
            },
        )
        other = add_job(session, **{"title": "Analyst", "employer": "Globex", "status": "ready"})
        session.add(
            MailAccount(
                provider="gmail",
                account_key="default",
                status="connected",
                email="me@example.com",
                encrypted_credentials="gAAAA-secret-refresh-token",
                history_id="991",
                settings={"label": "INBOX"},
            )
        )
        session.add(
            OAuthState(
                state="pending-state",
                provider="gmail",
                account_key="default",
                code_verifier="verifier-secret",
            )
        )
        linked = MailMessage(
            provider="gmail",
            account_key="default",
            external_message_id="m-1",
            external_thread_id="t-1",
            from_address="talent@acme.com",
            from_domain="acme.com",
            sender_name="Acme Talent",
            subject="Interview <b>invite</b>",
            received_at=APPLIED_AT + timedelta(days=3),
            snippet="Can we talk?",
            body_text="Hello,\nCan we talk on Monday?",
            processing_status="manual_linked",
            relevant=True,
            matched_job_id=job.id,
            match_confidence=91,
            stage_target="recruiter_screen",
            message_type="interview",
            reason="sender domain matches employer",
            decided_at=APPLIED_AT + timedelta(days=4),
        )
        pending = MailMessage(
            provider="gmail",
            account_key="default",
            external_message_id="m-2",
            subject="Newsletter",
            processing_status="pending_user",
            relevant=False,
            matched_job_id=other.id,
            match_confidence=40,
        )
        session.add_all([linked, pending])
        session.flush()
        move(
            session,
            job.id,
            "recruiter_screen",
            occurred_at=linked.received_at,
            metadata={"actor": "user", "note": "From the mail"},
        )
        session.get(StageEvent, _newest_event(session, job.id)).message_id = linked.id
        session.add(SenderMemory(from_address="talent@acme.com", job_id=job.id))
        session.add(
            SyncRun(
                provider="gmail",
                account_key="default",
                status="completed",
                discovered=5,
                fetched=5,
                relevant=1,
                classified=1,
                matched=1,
                finished_at=APPLIED_AT,
                owner_pid=42,
            )
        )


def _newest_event(session, job_id: str) -> str:
    return session.scalars(
        select(StageEvent.id).where(StageEvent.job_id == job_id).order_by(StageEvent.occurred_at.desc())
    ).first()


@pytest.fixture
def empty_engine(tmp_path: Path) -> Engine:
    """A second, migrated database to restore into."""
    other = make_engine(f"sqlite:///{tmp_path / 'restored.db'}")
    migrate(other)
    yield other
    other.dispose()


def export(engine: Engine) -> dict:
    with session_scope(engine) as session:
        return export_backup(session)


def restore(engine: Engine, data: dict, mode: str = "merge") -> dict:
    with session_scope(engine) as session:
        return import_backup(session, data, mode)


def without_date(backup: dict) -> dict:
    return {k: v for k, v in backup.items() if k != "exportedAt"}


def count(engine: Engine, model) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(func.count()).select_from(model))


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


@pytest.mark.parametrize(
    ("mutate", "fragment"),
    [
        (lambda b: b.update(format="something-else"), "not a JobOps backup"),
        (lambda b: b.update(version=2), "newer JobOps"),
        (lambda b: b.update(version="1"), "Unsupported backup version"),
        (lambda b: b.update(jobs={"id": "x"}), "jobs must be a list"),
        (lambda b: b["jobs"].append("not an object"), "jobs[2] must be an object"),
        (lambda b: b["jobs"][0].update(appliedAt="next tuesday"), "jobs[0].appliedAt must be an ISO 8601"),
        (lambda b: b["jobs"][0].pop("title"), "jobs[0].title is required"),
        (lambda b: b["jobs"][0].update(password="x"), "unknown field 'password'"),
        (lambda b: b["mailMessages"][0].update(matchConfidence="high"), "must be a whole number"),
        (lambda b: b["stageEvents"][0].update(jobId="no-such-job"), "neither in the backup nor stored"),
        (lambda b: b.update(extras=[]), "Unknown section 'extras'"),
        (lambda b: b["jobs"][0].update(status="hacked"), "jobs[0].status must be one of"),
        (lambda b: b["jobs"][0].update(jobUrl="javascript:alert(1)"), "jobs[0].jobUrl must be an http"),
        (lambda b: b["jobs"][0].update(title="  "), "jobs[0].title is required"),
        (lambda b: b["stageEvents"][0].update(toStage="promoted"), "stageEvents[0].toStage must be one of"),
        (
            lambda b: b["stageEvents"][0].update(outcome="rejected"),
            "stageEvents[0].outcome can only be given",
        ),
        (lambda b: b["stageEvents"][0]["metadata"].update(actor="admin"), "stageEvents[0].metadata.actor"),
        (lambda b: b["mailMessages"][0].update(processingStatus="read"), "mailMessages[0].processingStatus"),
        (
            lambda b: b["mailMessages"][0].update(matchConfidence=150),
            "mailMessages[0].matchConfidence must be",
        ),
        (lambda b: b["mailMessages"][0].update(accountKey="a b"), "mailMessages[0].accountKey must be"),
        (lambda b: b["syncRuns"][0].update(status="hacked"), "syncRuns[0].status must be one of"),
        (lambda b: b["syncRuns"][0].update(fetched=-5), "syncRuns[0].fetched must be between"),
        (lambda b: b["jobs"].append(dict(b["jobs"][0])), r"jobs[2] repeats the id of jobs[0]"),
        (
            lambda b: b["mailMessages"].append({**b["mailMessages"][0], "id": "another-id"}),
            "mailMessages[2] repeats the provider, accountKey, externalMessageId of mailMessages[0]",
        ),
    ],
)
def test_a_malformed_backup_is_refused_and_changes_nothing(
    engine: Engine, empty_engine: Engine, mutate, fragment: str
) -> None:
    fill(engine)
    backup = copy.deepcopy(export(engine))
    backup["jobs"][1]["title"] = "First row would be written before the fault"
    mutate(backup)
    with pytest.raises(InvalidInput, match=fragment.replace("[", r"\[").replace("]", r"\]")):
        restore(empty_engine, backup)
    assert count(empty_engine, Job) == 0 and count(empty_engine, MailMessage) == 0


def test_a_backup_that_is_not_an_object_is_refused(empty_engine: Engine) -> None:
    with pytest.raises(InvalidInput, match="not a JobOps backup"):
        restore(empty_engine, [1, 2, 3])


def running_run(pid: int = 4242) -> dict:
    return {
        "id": "run-in-flight",
        "provider": "gmail",
        "accountKey": "default",
        "status": "running",
        "mode": "full",
        "startedAt": "2026-03-02T09:00:00Z",
        "finishedAt": None,
        "discovered": 3,
        "fetched": 1,
        "relevant": 0,
        "classified": 0,
        "matched": 0,
        "errored": 0,
        "errorMessage": None,
        "ownerPid": pid,
    }


def test_a_running_sync_is_never_exported(engine: Engine) -> None:
    fill(engine)
    with session_scope(engine) as session:
        start_run(session, "gmail", "default", "full", "A Gmail sync")
    runs = export(engine)["syncRuns"]
    assert [run["status"] for run in runs] == ["completed"]
    assert all("ownerPid" not in run for run in runs)


def test_a_running_sync_in_a_file_is_left_out_and_the_account_can_sync_afterwards(
    engine: Engine, empty_engine: Engine
) -> None:
    fill(engine)
    backup = export(engine)
    backup["syncRuns"].append(running_run(pid=os.getpid()))  # a pid that is alive: it would block forever
    report = restore(empty_engine, backup)
    assert report["syncRuns"]["skipped"] == 1
    with session_scope(empty_engine) as session:
        assert session.scalars(select(SyncRun.status)).all() == ["completed"]
        assert start_run(session, "gmail", "default", "full", "A Gmail sync")


def test_restoring_an_older_backup_over_newer_events_keeps_each_job_in_line_with_its_timeline(
    engine: Engine,
) -> None:
    fill(engine)
    older = export(engine)
    with session_scope(engine) as session:
        job = session.scalars(select(Job).where(Job.employer == "Acme")).one()
        move(session, job.id, "technical_interview", metadata={"actor": "user"})
    restore(engine, older)
    with session_scope(engine) as session:
        job = session.scalars(select(Job).where(Job.employer == "Acme")).one()
        latest = max(job.events, key=lambda e: (e.occurred_at, e.created_at))
        assert (
            (job.current_stage, job.status)
            == (latest.to_stage, "in_progress")
            == ("technical_interview", "in_progress")
        )


def test_a_job_whose_stored_stage_contradicts_its_events_is_repaired_by_a_restore(
    engine: Engine, empty_engine: Engine
) -> None:
    fill(engine)
    backup = export(engine)
    acme = next(j for j in backup["jobs"] if j["employer"] == "Acme")
    acme.update(currentStage="offer", status="in_progress", outcome="offer_accepted")
    restore(empty_engine, backup)
    with session_scope(empty_engine) as session:
        job = session.get(Job, acme["id"])
        assert (job.current_stage, job.outcome) == ("recruiter_screen", None)


def test_replacing_everything_removes_what_the_backup_does_not_hold_and_keeps_mail_access(
    engine: Engine,
) -> None:
    fill(engine)
    backup = export(engine)
    with session_scope(engine) as session:
        add_job(session, **{"title": "Added later", "employer": "Initech"})
        start_run(session, "imap", "default", "full", "An IMAP sync")
    report = restore(engine, backup, mode="replace")
    assert report["jobs"] == {"added": 0, "updated": 0, "unchanged": 2, "removed": 1, "skipped": 0}
    assert report["stageEvents"]["removed"] == 1
    assert without_date(export(engine)) == without_date(backup)
    with session_scope(engine) as session:
        assert (
            session.scalars(select(MailAccount.encrypted_credentials)).one() == "gAAAA-secret-refresh-token"
        )
        assert sorted(session.scalars(select(SyncRun.status))) == ["completed", "running"]


def test_merging_keeps_rows_the_backup_does_not_hold(engine: Engine) -> None:
    fill(engine)
    backup = export(engine)
    with session_scope(engine) as session:
        add_job(session, **{"title": "Added later", "employer": "Initech"})
    report = restore(engine, backup)
    assert report["jobs"]["removed"] == 0 and count(engine, Job) == 3


def test_replacing_refuses_a_reference_to_a_row_only_stored_here(engine: Engine) -> None:
    fill(engine)
    backup = export(engine)
    backup["jobs"] = [j for j in backup["jobs"] if j["employer"] == "Globex"]
    with pytest.raises(InvalidInput, match="neither in the backup"):
        restore(engine, backup, mode="replace")
    assert count(engine, Job) == 2


def test_a_preview_counts_what_a_restore_would_change_and_changes_nothing(engine: Engine) -> None:
    fill(engine)
    backup = export(engine)
    with session_scope(engine) as session:
        add_job(session, **{"title": "Added later", "employer": "Initech"})
        job = session.scalars(select(Job).where(Job.employer == "Acme")).one()
        job.title = "Renamed"
    before = without_date(export(engine))
    with session_scope(engine) as session:
        preview = preview_backup(session, backup, mode="replace")
    assert preview["jobs"] == {"added": 0, "updated": 1, "unchanged": 1, "removed": 1, "skipped": 0}
    assert without_date(export(engine)) == before
    assert restore(engine, backup, mode="replace") == preview
