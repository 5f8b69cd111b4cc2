"""Settings & backup: restore a file with a report, refuse a bad one, show where data lives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from streamlit.testing.v1 import AppTest

from jobops.backup import export_backup
from jobops.db import session_scope
from jobops.jobs import create_job
from jobops.models import Job

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "settings.py")


def open_page() -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def restore(at: AppTest, content: bytes) -> AppTest:
    at.file_uploader(key="settings-upload").upload("backup.json", content, "application/json")
    at.run()
    at.button(key="settings-restore").click().run()
    assert not at.exception, at.exception
    return at


def jobs_stored(engine: Engine) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(func.count()).select_from(Job))


@pytest.fixture
def backup_bytes(engine: Engine) -> bytes:
    """A backup of two jobs, taken before the database is emptied."""
    with session_scope(engine) as session:
        create_job(session, {"title": "Data Engineer", "employer": "Acme"})
        create_job(session, {"title": "Analyst", "employer": "Globex"})
        data = export_backup(session)
        for job in session.scalars(select(Job)):
            session.delete(job)
    return json.dumps(data).encode()


def test_the_page_offers_a_backup_download(engine: Engine) -> None:
    at = open_page()
    assert at.title[0].value == "Settings & backup"
    assert [b.label for b in at.download_button] == ["Download backup"]


def test_restore_waits_for_a_file(engine: Engine) -> None:
    assert open_page().button(key="settings-restore").disabled


def test_restoring_a_backup_brings_the_jobs_back_and_reports_it(engine: Engine, backup_bytes: bytes) -> None:
    at = restore(open_page(), backup_bytes)
    assert at.success[0].value.startswith("Restored: 2 jobs (2 new, 0 updated)")
    report = at.dataframe[0].value
    assert report.loc[report["Data"] == "Jobs", ["Added", "Updated", "Unchanged"]].values.tolist() == [
        [2, 0, 0]
    ]
    assert jobs_stored(engine) == 2


def test_restoring_the_same_backup_again_adds_nothing(engine: Engine, backup_bytes: bytes) -> None:
    at = restore(open_page(), backup_bytes)
    at.button(key="settings-restore").click().run()
    assert at.success[0].value.startswith("Restored: 2 jobs (0 new, 0 updated)")
    assert jobs_stored(engine) == 2


def test_a_file_that_is_not_json_shows_an_error_and_changes_nothing(engine: Engine) -> None:
    at = restore(open_page(), b"\x89PNG not a backup")
    assert "not UTF-8" in at.error[0].value
    assert not at.success and jobs_stored(engine) == 0


def test_a_malformed_backup_shows_what_is_wrong(engine: Engine) -> None:
    at = restore(open_page(), json.dumps({"format": "jobops-backup", "version": 9}).encode())
    assert "newer JobOps" in at.error[0].value


def test_the_page_shows_where_data_is_stored_without_a_password(
    engine: Engine, app_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = open_page()
    texts = [t.value for t in at.text]
    assert f"Database: sqlite:///{app_env}/jobops.db" in texts
    assert f"Data folder: {app_env}" in texts
    monkeypatch.setenv("JOBOPS_DATABASE_URL", "postgresql+psycopg://me:hunter2@db.local/jobops")
    at.run()
    assert "Database: postgresql+psycopg://me:***@db.local/jobops" in [t.value for t in at.text]
