"""Restoring a backup: a bad file changes nothing, merge and replace, running syncs, timelines kept in line, preview."""

from __future__ import annotations

import copy
import os

import pytest
from sqlalchemy import Engine, select

from jobops.backup import preview_backup
from jobops.db import session_scope
from jobops.errors import InvalidInput
from jobops.mail.runs import start_run
from jobops.models import Job, MailAccount, MailMessage, SyncRun
from tests.backup_data import (
    count,
    export,
    fill,
    restore,
    running_run,
    without_date,
)
from tests.builders import add_job, move


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
