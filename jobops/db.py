"""Engine, sessions and migrations: SQLite with foreign keys, WAL and serialised writes."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from jobops.config import Settings, load_settings

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 15_000
READ_ONLY = "jobops_read_only"  # execution option of a unit of work that only reads

_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def _install_sqlite_pragmas(engine: Engine) -> None:
    """Foreign keys on, WAL, a busy timeout, and BEGIN IMMEDIATE so read-then-write never loses updates."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let the begin event below emit BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock at once; a read-only unit reads a WAL snapshot and never waits.
        reading = bool(conn.get_execution_options().get(READ_ONLY))
        conn.exec_driver_sql(f"PRAGMA query_only={int(reading)}")
        conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    """Create an engine for a SQLAlchemy URL, preparing the SQLite file and its folder."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})
        _install_sqlite_pragmas(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest migration, keeping every row."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        if sqlite:
            # Batch migrations recreate tables: with foreign keys on, SQLite would cascade-delete
            # children. The pragma only takes effect outside a transaction, so set it on the raw
            # connection before SQLAlchemy begins one.
            raw.execute("PRAGMA foreign_keys=OFF")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
        if sqlite:
            problems = raw.execute("PRAGMA foreign_key_check").fetchall()
            raw.execute("PRAGMA foreign_keys=ON")
            if problems:
                raise RuntimeError(f"migration left {len(problems)} rows with broken references")


def get_engine(settings: Settings | None = None) -> Engine:
    """The process-wide engine for the configured database, migrated on first use."""
    url = (settings or load_settings()).database_url
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            engine = make_engine(url)
            migrate(engine)
            _engines[url] = engine
        return engine


def reset_engines() -> None:
    """Forget cached engines (tests switch databases between cases)."""
    with _engines_lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    factory = sessionmaker(bind=engine or get_engine(), expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def read_session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A unit of work that only reads: no write lock, so it never waits for (or blocks) a writer.

    On SQLite it is a deferred transaction on a WAL snapshot with `query_only` on, so a write
    attempted through it fails loudly instead of racing writers (read-then-write belongs in
    session_scope, whose BEGIN IMMEDIATE prevents lost updates).
    """
    session = sessionmaker(bind=engine or get_engine(), expire_on_commit=False)()
    try:
        session.connection(execution_options={READ_ONLY: True})
        yield session
    finally:
        session.close()


def ping(engine: Engine) -> bool:
    """True when the database answers."""
    with engine.connect() as conn:
        return conn.execute(text("SELECT 1")).scalar() == 1
