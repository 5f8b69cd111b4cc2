"""Other users of the machine cannot read the data folder, the database, its journals or the key file."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from jobops.crypto import encrypt
from jobops.db import get_engine, reset_engines, session_scope


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """Files and folders are created under the common umask 022 (readable by everyone)."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, usual_umask: None) -> Iterator[Path]:
    """A data folder that does not exist yet, with the key file kept in it."""
    folder = tmp_path / "data"
    monkeypatch.setenv("JOBOPS_DATA_DIR", str(folder))
    monkeypatch.delenv("JOBOPS_DATABASE_URL", raising=False)
    monkeypatch.delenv("JOBOPS_SECRET_KEY", raising=False)
    monkeypatch.setenv("JOBOPS_SECRETS_FILE", str(tmp_path / "no-secrets.toml"))
    reset_engines()
    yield folder
    reset_engines()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def write_something() -> None:
    """Save a row and a secret, as using the app does, so the journals and the key file exist."""
    engine = get_engine()
    with session_scope(engine) as session:
        session.execute(text("CREATE TABLE IF NOT EXISTS scratch (x INTEGER)"))
        session.execute(text("INSERT INTO scratch VALUES (1)"))
    encrypt("a mail password")


def test_a_new_data_folder_and_its_files_are_readable_by_their_owner_only(data_dir: Path) -> None:
    write_something()
    assert mode(data_dir) == 0o700
    files = {p.name: mode(p) for p in data_dir.iterdir()}
    assert {"jobops.db", "jobops.db-wal", "jobops.db-shm", "secret.key"} <= set(files)
    assert set(files.values()) == {0o600}, files


def test_an_existing_open_data_folder_is_closed_on_start(data_dir: Path) -> None:
    write_something()
    reset_engines()
    os.chmod(data_dir, 0o755)
    for path in data_dir.iterdir():
        os.chmod(path, 0o644)

    get_engine()  # what every start does first

    assert mode(data_dir) == 0o700
    assert {p.name: mode(p) for p in data_dir.iterdir()} == {
        name: 0o600 for name in ("jobops.db", "jobops.db-wal", "jobops.db-shm", "secret.key")
    }


def test_a_database_outside_the_data_folder_is_private_but_its_folder_is_left_alone(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "shared"
    elsewhere.mkdir(mode=0o755)
    monkeypatch.setenv("JOBOPS_DATABASE_URL", f"sqlite:///{elsewhere}/jobs.db")
    write_something()
    assert mode(elsewhere / "jobs.db") == 0o600
    assert mode(elsewhere) == 0o755


def test_a_folder_whose_mode_cannot_be_changed_still_opens_with_a_warning(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def refuse(*_args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chmod", refuse)
    write_something()
    assert "could not make" in caplog.text and str(data_dir) in caplog.text
