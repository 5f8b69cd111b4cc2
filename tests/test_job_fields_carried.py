"""Salary, recruiter and next step travel with the job: CSV export, backups (old and bad ones too), migrations."""

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
INTERVIEW = {
    "nextStep": "Technical interview, room 4; bring ID",
    "nextStepDue": "2026-12-02",
    "nextStepTime": "14:30",
}
FIELDS = {**CONTACT, **INTERVIEW}


def add(session: Session, **fields: str) -> JobOut:
    return add_job(session, "Engineer", "Acme", **fields)


def upgraded_from(revision: str, engine: Engine, *rows: str) -> None:
    """Migrate an empty database to `revision`, insert the rows (SQL) there, then migrate to the newest."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        for row in rows:
            conn.execute(text(row))
        conn.commit()
    migrate(engine)


def test_the_csv_export_carries_salary_recruiter_and_next_step(session: Session) -> None:
    add(session, **FIELDS)

    (row,) = csv.DictReader(io.StringIO(job_csv.export_jobs_csv(session)))

    assert {name: row[name] for name in FIELDS} == FIELDS


def test_a_backup_restores_salary_recruiter_and_next_step(engine: Engine, empty_engine: Engine) -> None:
    with session_scope(engine) as session:
        add(session, **FIELDS)
        backup = export_backup(session)

    with session_scope(empty_engine) as session:
        import_backup(session, backup)
        (job,) = jobs.list_jobs(session).items

    assert {name: job.dump()[name] for name in FIELDS} == FIELDS


def test_a_backup_written_before_these_fields_existed_still_restores(engine: Engine) -> None:
    with session_scope(engine) as session:
        add(session)
        backup = export_backup(session)
    for row in backup["jobs"]:
        for name in FIELDS:
            row.pop(name)

    with session_scope(engine) as session:
        report = import_backup(session, backup)

    assert report["jobs"]["unchanged"] == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("recruiterEmail", "not an address", r"jobs\[0\]\.recruiterEmail must be an email address"),
        ("nextStepDue", "next Tuesday", r"jobs\[0\]\.nextStepDue must be an ISO 8601 date"),
    ],
)
def test_a_backup_with_a_bad_field_is_refused_by_place(
    engine: Engine, field: str, value: str, message: str
) -> None:
    with session_scope(engine) as session:
        add(session, **FIELDS)
        backup = export_backup(session)
    backup["jobs"][0][field] = value

    with pytest.raises(InvalidInput, match=message), session_scope(engine) as session:
        import_backup(session, backup)


def test_upgrading_a_database_from_before_contacts_keeps_every_job(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgraded_from(
        "0002",
        engine,
        "INSERT INTO jobs (id, title, employer, status, is_sample, created_at, updated_at) "
        "VALUES ('j1', 'Engineer', 'Acme', 'applied', 0, '2026-01-01', '2026-01-01')",
    )

    with session_scope(engine) as session:
        job = jobs.get_job(session, "j1")
    assert (job.title, job.salary, job.recruiter_email) == ("Engineer", None, None)


def test_upgrading_a_database_from_before_next_steps_keeps_every_job_and_its_contacts(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgraded_from(
        "0003",
        engine,
        *(
            "INSERT INTO jobs (id, title, employer, salary, status, is_sample, created_at, updated_at) "
            f"VALUES ('{job_id}', 'Engineer', '{employer}', '€60k', 'applied', 0, '2026-01-01', '2026-01-01')"
            for job_id, employer in (("j1", "Acme"), ("j2", "Globex"))
        ),
    )

    with session_scope(engine) as session:
        kept = {j.id: j for j in jobs.list_jobs(session).items}
        assert {(j.employer, j.salary, j.next_step) for j in kept.values()} == {
            ("Acme", "€60k", None),
            ("Globex", "€60k", None),
        }
        edit_job(session, "j1", **INTERVIEW)
    with session_scope(engine) as session:
        assert jobs.get_job(session, "j1").dump()["nextStepTime"] == "14:30"
