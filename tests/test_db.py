"""The database: migrations match the models and keep rows; SQLite runs safely under concurrency.

Set `JOBOPS_TEST_DATABASE_URL` to run these on PostgreSQL (tests of SQLite's own behaviour are skipped).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import DBAPIError

from jobops import db
from jobops.db import make_engine, migrate, ping, read_session_scope, session_scope
from jobops.models import Base, Job, MailMessage
from tests.builders import add_job


@pytest.fixture
def fresh_engine(database_url: str) -> Iterator[Callable[[], Engine]]:
    """Engines on the test's own empty database, not migrated yet; closed when the test ends."""
    engines: list[Engine] = []

    def new_engine() -> Engine:
        engines.append(make_engine(database_url))
        return engines[-1]

    yield new_engine
    for engine in engines:
        engine.dispose()


def test_migrating_an_empty_database_creates_exactly_the_models_tables_and_columns(
    fresh_engine: Callable[[], Engine],
) -> None:
    engine = fresh_engine()

    migrate(engine)

    found = inspect(engine)
    tables = set(found.get_table_names()) - {"alembic_version"}
    assert tables == set(Base.metadata.tables)
    for name, table in Base.metadata.tables.items():
        assert {c["name"] for c in found.get_columns(name)} == {c.name for c in table.columns}, name
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []


def test_migrating_again_keeps_every_row(fresh_engine: Callable[[], Engine]) -> None:
    engine = fresh_engine()
    migrate(engine)
    with session_scope(engine) as session:
        job = add_job(session, **{"title": "Engineer", "employer": "Acme"})

    migrate(fresh_engine())

    with session_scope(engine) as session:
        assert session.get(Job, job.id).title == "Engineer"
        assert len(session.get(Job, job.id).events) == 1


@pytest.mark.sqlite_only
def test_connections_have_foreign_keys_and_wal_on(fresh_engine: Callable[[], Engine]) -> None:
    engine = fresh_engine()
    migrate(engine)

    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert ping(engine)


def test_deleting_a_job_in_sql_cascades_to_its_events(fresh_engine: Callable[[], Engine]) -> None:
    engine = fresh_engine()
    migrate(engine)
    with session_scope(engine) as session:
        add_job(session, **{"title": "Engineer", "employer": "Acme"})

    with engine.begin() as conn:
        conn.execute(text("DELETE FROM jobs"))
        assert conn.execute(text("SELECT count(*) FROM stage_events")).scalar() == 0


@pytest.mark.sqlite_only  # PostgreSQL keeps the stage rules with row locks: see test_concurrency.py
def test_two_threads_incrementing_through_sessions_lose_no_update(fresh_engine: Callable[[], Engine]) -> None:
    engine = fresh_engine()
    migrate(engine)
    with session_scope(engine) as session:
        job_id = add_job(session, **{"title": "Counter", "employer": "Acme", "notes": "0"}).id
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


def test_a_read_succeeds_while_a_write_transaction_is_open(
    fresh_engine: Callable[[], Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT_MS", 300)
    engine = fresh_engine()
    migrate(engine)
    with session_scope(engine) as session:
        add_job(session, **{"title": "Engineer", "employer": "Acme"})

    with session_scope(engine) as writer:
        add_job(writer, **{"title": "Uncommitted", "employer": "Globex"})
        writer.flush()  # the writer now holds the write lock until it commits
        with read_session_scope(engine) as reader:
            titles = reader.scalars(select(Job.title)).all()

    assert titles == ["Engineer"]


def test_a_read_only_unit_refuses_to_write_instead_of_racing_writers(
    fresh_engine: Callable[[], Engine],
) -> None:
    engine = fresh_engine()
    migrate(engine)

    with pytest.raises(DBAPIError, match="read-?only"), read_session_scope(engine) as reader:
        reader.add(Job(title="Engineer", employer="Acme"))
        reader.flush()

    with session_scope(engine) as session:
        assert session.scalars(select(Job)).all() == []
        add_job(session, **{"title": "Engineer", "employer": "Acme"})  # writers still write afterwards


@pytest.mark.parametrize(
    "url",
    ["postgres://me:secret@db.home.arpa:5432/jobops", "postgresql://me:secret@db.home.arpa/jobops"],
)
def test_a_postgres_url_without_a_driver_uses_psycopg(url: str) -> None:
    engine = make_engine(url)

    assert (engine.dialect.name, engine.dialect.driver) == ("postgresql", "psycopg")
    assert (engine.url.host, engine.url.database, engine.url.password) == ("db.home.arpa", "jobops", "secret")


def test_mail_text_carrying_a_nul_character_is_stored_and_found(fresh_engine: Callable[[], Engine]) -> None:
    engine = fresh_engine()
    migrate(engine)
    hostile = "Interview\x00 invitation"

    with session_scope(engine) as session:
        session.add(
            MailMessage(provider="imap", account_key="home", external_message_id=hostile, subject=hostile)
        )

    with session_scope(engine) as session:
        stored = session.scalars(select(MailMessage).where(MailMessage.external_message_id == hostile)).one()
    # PostgreSQL text cannot hold NUL: there it reads as the replacement character.
    assert stored.subject in (hostile, "Interview\ufffd invitation")
