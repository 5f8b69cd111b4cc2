"""`python -m jobops export|import` as a user runs it: a subprocess on a temporary database."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from jobops.config import PROJECT_ROOT
from jobops.db import make_engine, migrate, session_scope
from jobops.models import Job
from tests.builders import add_job


def run_cli(tmp_path: Path, *args: str, database: str = "jobops.db") -> subprocess.CompletedProcess[str]:
    """Run the command line against a database in tmp_path."""
    env = {
        **os.environ,
        "JOBOPS_DATA_DIR": str(tmp_path),
        "JOBOPS_DATABASE_URL": f"sqlite:///{tmp_path / database}",
        "JOBOPS_SECRETS_FILE": str(tmp_path / "none.toml"),
    }
    return subprocess.run(
        [sys.executable, "-m", "jobops", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def seed(tmp_path: Path, database: str = "jobops.db") -> None:
    engine = make_engine(f"sqlite:///{tmp_path / database}")
    migrate(engine)
    with session_scope(engine) as session:
        add_job(session, **{"title": "Data Engineer", "employer": "Acme"})
        add_job(session, **{"title": "Analyst", "employer": "Globex"})
    engine.dispose()


def jobs_in(tmp_path: Path, database: str) -> int:
    engine = make_engine(f"sqlite:///{tmp_path / database}")
    with session_scope(engine) as session:
        total = session.scalar(select(func.count()).select_from(Job))
    engine.dispose()
    return total


def test_export_writes_a_private_backup_and_says_what_it_holds(tmp_path: Path) -> None:
    seed(tmp_path)
    result = run_cli(tmp_path, "export", str(tmp_path / "backup.json"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "Exported 2 jobs, 0 mail accounts, 0 messages, 2 stage events, 0 sender memories, "
        "0 automatic links taken back, 0 sync runs "
        f"to {tmp_path / 'backup.json'}."
    )
    assert json.loads((tmp_path / "backup.json").read_text())["format"] == "jobops-backup"
    assert stat.S_IMODE((tmp_path / "backup.json").stat().st_mode) == 0o600


def test_import_restores_into_another_database_and_twice_adds_nothing(tmp_path: Path) -> None:
    seed(tmp_path)
    run_cli(tmp_path, "export", str(tmp_path / "backup.json"))
    first = run_cli(tmp_path, "import", str(tmp_path / "backup.json"), database="restored.db")
    second = run_cli(tmp_path, "import", str(tmp_path / "backup.json"), database="restored.db")
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert first.stdout.startswith(f"Imported {tmp_path / 'backup.json'}: 2 jobs (2 new, 0 updated)")
    assert "2 jobs (0 new, 0 updated)" in second.stdout
    assert jobs_in(tmp_path, "restored.db") == 2


def test_importing_a_file_that_is_not_json_exits_2_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('{"format": "jobops-backup",')
    result = run_cli(tmp_path, "import", str(tmp_path / "broken.json"))
    assert result.returncode == 2
    assert result.stderr.strip() == "error: The file is not valid JSON (line 1, column 28)."
    assert "Traceback" not in result.stderr


def test_importing_a_malformed_backup_exits_2_and_changes_nothing(tmp_path: Path) -> None:
    seed(tmp_path)
    bad = {
        "format": "jobops-backup",
        "version": 1,
        "jobs": [{"id": "j1", "title": "X", "employer": "Y"}],
        "stageEvents": [
            {"id": "e1", "jobId": "j1", "toStage": "nowhere", "title": "T", "occurredAt": "soon"}
        ],
    }
    (tmp_path / "bad.json").write_text(json.dumps(bad))
    result = run_cli(tmp_path, "import", str(tmp_path / "bad.json"))
    assert result.returncode == 2
    assert (
        result.stderr.strip() == "error: stageEvents[0].occurredAt must be an ISO 8601 date-time, not 'soon'."
    )
    assert jobs_in(tmp_path, "jobops.db") == 2


def test_importing_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "import", str(tmp_path / "nope.json"))
    assert (result.returncode, result.stderr.strip()) == (2, f"error: No such file: {tmp_path / 'nope.json'}")


def test_an_unknown_command_exits_2_with_usage(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "explode")
    assert result.returncode == 2
    assert "usage: python -m jobops" in result.stderr


def test_sync_of_a_mailbox_that_is_not_connected_says_what_to_do(tmp_path: Path) -> None:
    for provider, name in (("gmail", "Gmail"), ("imap", "IMAP")):
        result = run_cli(tmp_path, "sync", "--provider", provider, "--account", "default")

        assert result.returncode == 2
        assert f"{name} is not connected" in result.stderr
        assert "Traceback" not in result.stderr


def test_sync_refuses_a_message_cap_out_of_range(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "sync", "--max-messages", "900")

    assert result.returncode == 2
    assert "maxMessages must be between 1 and 500" in result.stderr


def test_importing_a_file_nested_100000_deep_exits_2_with_a_message_and_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text(
        '{"format": "jobops-backup", "version": 1, "jobs": ' + "[" * 100_000 + "]" * 100_000 + "}"
    )
    result = run_cli(tmp_path, "import", str(tmp_path / "deep.json"))
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == "error: The file nests data far deeper than any JobOps backup; it was not read."
    )
    assert "Traceback" not in result.stderr


SPREADSHEET = PROJECT_ROOT / "tests" / "data" / "spreadsheet_jobs.csv"


def test_import_jobs_adds_a_spreadsheet_and_says_where_each_status_went(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "import-jobs", str(SPREADSHEET), "--dates", "day-first")

    assert result.returncode == 0, result.stderr
    assert "Imported 20 job(s)." in result.stdout
    assert "Rejected -> Closed: Rejected" in result.stdout
    assert jobs_in(tmp_path, "jobops.db") == 20


def test_import_jobs_a_second_time_adds_nothing_and_still_succeeds(tmp_path: Path) -> None:
    run_cli(tmp_path, "import-jobs", str(SPREADSHEET), "--dates", "day-first")

    again = run_cli(tmp_path, "import-jobs", str(SPREADSHEET), "--dates", "day-first")

    assert again.returncode == 0, again.stderr
    assert "Imported 0 job(s); 20 already in JobOps." in again.stdout
    assert jobs_in(tmp_path, "jobops.db") == 20


def test_import_jobs_with_dates_that_could_be_either_way_asks_for_the_order(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "import-jobs", str(SPREADSHEET))

    assert result.returncode == 2
    assert "--dates day-first or --dates month-first" in result.stderr
    assert "Traceback" not in result.stderr
    assert jobs_in(tmp_path, "jobops.db") == 0


def test_import_jobs_exits_non_zero_when_no_row_could_be_read(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("Company,Position,Link\nAcme,Engineer,not a link\n", encoding="utf-8")

    result = run_cli(tmp_path, "import-jobs", str(bad))

    assert result.returncode == 2
    assert "Row 2: jobUrl must be" in result.stderr


def test_import_jobs_with_some_bad_rows_imports_the_rest_and_succeeds(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("Company,Position,Link\nAcme,Engineer,not a link\nGlobex,Analyst,\n", encoding="utf-8")

    result = run_cli(tmp_path, "import-jobs", str(mixed))

    assert result.returncode == 0, result.stderr
    assert "Imported 1 job(s); skipped 1." in result.stdout
    assert "Row 2: jobUrl must be" in result.stdout
