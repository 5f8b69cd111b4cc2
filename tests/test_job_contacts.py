"""Salary and the recruiter's contact on a job: stored, checked, exported, backed up and migrated."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from jobops import job_csv, jobs
from jobops.backup import export_backup, import_backup
from jobops.db import MIGRATIONS_DIR, make_engine, migrate, session_scope
from jobops.errors import InvalidInput
from jobops.schemas.jobs import JobOut
from tests.builders import add_job, edit_job

CONTACT = {"salary": "€60–70k", "recruiterName": "Anna Berg", "recruiterEmail": "anna@acme.example"}


def add(session: Session, **fields: str) -> JobOut:
    return add_job(session, "Engineer", "Acme", **fields)


def test_a_job_keeps_its_salary_and_recruiter_as_typed(session: Session) -> None:
    job = add(session, **CONTACT)

    stored = jobs.get_job(session, job.id)

    assert (stored.salary, stored.recruiter_name, stored.recruiter_email) == (
        "€60–70k",
        "Anna Berg",
        "anna@acme.example",
    )


def test_editing_the_recruiter_changes_only_that_field(session: Session) -> None:
    job = add(session, **CONTACT)

    edit_job(session, job.id, **{"recruiterEmail": "a.berg@acme.example"})

    stored = jobs.get_job(session, job.id)
    assert (stored.salary, stored.recruiter_email) == ("€60–70k", "a.berg@acme.example")


@pytest.mark.parametrize(
    "address", ["anna at acme", "anna@", "@acme.example", "anna@acme", "a b@acme.example"]
)
def test_a_recruiter_address_that_is_not_an_email_is_refused_and_nothing_changes(
    session: Session, address: str
) -> None:
    job = add(session, **CONTACT)
    session.commit()

    with pytest.raises(InvalidInput) as exc:
        edit_job(session, job.id, **{"recruiterEmail": address})
    session.rollback()

    assert exc.value.field == "recruiterEmail"
    assert jobs.get_job(session, job.id).recruiter_email == "anna@acme.example"


def test_clearing_the_salary_leaves_it_empty(session: Session) -> None:
    job = add(session, **CONTACT)

    edit_job(session, job.id, **{"salary": "  "})

    assert jobs.get_job(session, job.id).salary is None


def test_the_csv_export_carries_salary_and_recruiter(session: Session) -> None:
    add(session, **CONTACT)

    (row,) = csv.DictReader(io.StringIO(job_csv.export_jobs_csv(session)))

    assert (row["salary"], row["recruiterName"], row["recruiterEmail"]) == (
        "€60–70k",
        "Anna Berg",
        "anna@acme.example",
    )


def test_a_backup_restores_salary_and_recruiter(engine: Engine, tmp_path: Path) -> None:
    with session_scope(engine) as session:
        add(session, **CONTACT)
        backup = export_backup(session)
    other = make_engine(f"sqlite:///{tmp_path / 'restored.db'}")
    migrate(other)

    with session_scope(other) as session:
        import_backup(session, backup)
        (job,) = jobs.list_jobs(session).items

    assert (job.salary, job.recruiter_name, job.recruiter_email) == (
        "€60–70k",
        "Anna Berg",
        "anna@acme.example",
    )


def test_a_backup_written_before_these_fields_existed_still_restores(engine: Engine) -> None:
    with session_scope(engine) as session:
        add(session)
        backup = export_backup(session)
    for row in backup["jobs"]:
        for name in CONTACT:
            row.pop(name)

    with session_scope(engine) as session:
        report = import_backup(session, backup)

    assert report["jobs"]["unchanged"] == 1


def test_a_backup_with_a_bad_recruiter_address_is_refused_by_place(engine: Engine) -> None:
    with session_scope(engine) as session:
        add(session, **CONTACT)
        backup = export_backup(session)
    backup["jobs"][0]["recruiterEmail"] = "not an address"

    with (
        pytest.raises(InvalidInput, match=r"jobs\[0\]\.recruiterEmail must be an email address"),
        session_scope(engine) as session,
    ):
        import_backup(session, backup)


def test_upgrading_a_database_from_the_previous_revision_keeps_every_job(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.execute(
            text(
                "INSERT INTO jobs (id, title, employer, status, is_sample, created_at, updated_at) "
                "VALUES ('j1', 'Engineer', 'Acme', 'applied', 0, '2026-01-01', '2026-01-01')"
            )
        )
        conn.commit()

    migrate(engine)

    with session_scope(engine) as session:
        job = jobs.get_job(session, "j1")
    assert (job.title, job.salary, job.recruiter_email) == ("Engineer", None, None)
