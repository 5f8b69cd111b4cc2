"""A database holding one of everything a backup carries, and the export and restore calls backup tests make."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from jobops.backup import export_backup, import_backup
from jobops.db import session_scope
from jobops.models import MailAccount, MailMessage, OAuthState, SenderMemory, StageEvent, SyncRun
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
        session.get(StageEvent, newest_event(session, job.id)).message_id = linked.id
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


def newest_event(session: Session, job_id: str) -> str | None:
    """The id of the job's latest stage event."""
    return session.scalars(
        select(StageEvent.id).where(StageEvent.job_id == job_id).order_by(StageEvent.occurred_at.desc())
    ).first()


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
