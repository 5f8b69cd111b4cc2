"""The database: migrations match the models and keep rows; SQLite runs safely under concurrency."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import OperationalError

from jobops import db
from jobops.db import make_engine, migrate, ping, read_session_scope, session_scope
from jobops.jobs import create_job
from jobops.models import Base, Job


def fresh_engine(tmp_path: Path, name: str = "jobops.db") -> Engine:
    return make_engine(f"sqlite:///{tmp_path / name}")


def test_migrating_an_empty_database_creates_exactly_the_models_tables_and_columns(tmp_path: Path) -> None:
    engine = fresh_engine(tmp_path)

    migrate(engine)

    found = inspect(engine)
    tables = set(found.get_table_names()) - {"alembic_version"}
    assert tables == set(Base.metadata.tables)
    for name, table in Base.metadata.tables.items():
        assert {c["name"] for c in found.get_columns(name)} == {c.name for c in table.columns}, name
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []


def test_migrating_again_keeps_every_row(tmp_path: Path) -> None:
    engine = fresh_engine(tmp_path)
    migrate(engine)
    with session_scope(engine) as session:
        job = create_job(session, {"title": "Engineer", "employer": "Acme"})

    migrate(fresh_engine(tmp_path))

    with session_scope(engine) as session:
        assert session.get(Job, job["id"]).title == "Engineer"
        assert len(session.get(Job, job["id"]).events) == 1


def test_connections_have_foreign_keys_and_wal_on(tmp_path: Path) -> None:
    engine = fresh_engine(tmp_path)
    migrate(engine)

    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert ping(engine)


def test_deleting_a_job_in_sql_cascades_to_its_events(tmp_path: Path) -> None:
    engine = fresh_engine(tmp_path)
    migrate(engine)
    with session_scope(engine) as session:
        create_job(session, {"title": "Engineer", "employer": "Acme"})

    with engine.begin() as conn:
        conn.execute(text("DELETE FROM jobs"))
        assert conn.execute(text("SELECT count(*) FROM stage_events")).scalar() == 0


def test_two_threads_incrementing_through_sessions_lose_no_update(tmp_path: Path) -> None:
    engine = fresh_engine(tmp_path)
    migrate(engine)
    with session_scope(engine) as session:
        job_id = create_job(session, {"title": "Counter", "employer": "Acme", "notes": "0"})["id"]
    errors: list[BaseException] = []

    def increment(times: int) -> None:
        try:
            for _ in range(times):
                with session_scope(engine) as session:
                    job = session.scalars(select(Job).where(Job.id == job_id)).one()
                    job.notes = str(int(job.notes) + 1)
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=increment, args=(200,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    with session_scope(engine) as session:
        assert session.get(Job, job_id).notes == "400"


def test_a_read_succeeds_while_a_write_transaction_is_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT_MS", 300)
    engine = fresh_engine(tmp_path)
    migrate(engine)
    with session_scope(engine) as session:
        create_job(session, {"title": "Engineer", "employer": "Acme"})

    with session_scope(engine) as writer:
        create_job(writer, {"title": "Uncommitted", "employer": "Globex"})
        writer.flush()  # the writer now holds the write lock until it commits
        with read_session_scope(engine) as reader:
            titles = reader.scalars(select(Job.title)).all()

    assert titles == ["Engineer"]


def test_a_read_only_unit_refuses_to_write_instead_of_racing_writers(tmp_path: Path) -> None:
    engine = fresh_engine(tmp_path)
    migrate(engine)

    with pytest.raises(OperationalError, match="readonly"):
        with read_session_scope(engine) as reader:
            reader.add(Job(title="Engineer", employer="Acme"))
            reader.flush()

    with session_scope(engine) as session:
        assert session.scalars(select(Job)).all() == []
        create_job(session, {"title": "Engineer", "employer": "Acme"})  # writers still write afterwards
