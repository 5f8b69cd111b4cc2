"""Engine, sessions and migrations: SQLite with foreign keys, WAL and serialised writes, or PostgreSQL."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import URL, CursorResult, Delete, Engine, create_engine, event, make_url, text
from sqlalchemy.orm import Session, sessionmaker

from jobops.config import Settings, load_settings, normalise_database_url
from jobops.crypto import KEY_FILE_NAME

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 15_000
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
# SQLite gives its write-ahead log, shared-memory index and rollback journal the database's own mode.
SQLITE_FILE_SUFFIXES = ("", "-wal", "-shm", "-journal")
READ_ONLY = "jobops_read_only"  # execution option of a unit of work that only reads
POSTGRES_DRIVER = "postgresql+psycopg"  # the driver pyproject.toml installs

log = logging.getLogger("jobops")

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


def _make_private(path: Path, mode: int) -> None:
    """Set the mode; where the file system or the owner does not allow it, say so and go on."""
    try:
        os.chmod(path, mode)
    except OSError as exc:
        log.warning("could not make %s readable by its owner only: %s", path, exc.strerror)


def _private_folder(folder: Path) -> None:
    """Create a folder readable by its owner only, or take group and others' access away from it."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    _make_private(folder, PRIVATE_FOLDER)


def _private_sqlite_file(path: Path) -> None:
    """Create the database file readable by its owner only; make an existing one and its journals so."""
    if not path.parent.is_dir():
        _private_folder(path.parent)
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE))
    for suffix in SQLITE_FILE_SUFFIXES:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            _make_private(companion, PRIVATE_FILE)


def protect_data_folder(settings: Settings) -> None:
    """Other users of this machine cannot read the data folder or the key file in it."""
    folder = settings.data_dir
    if folder.is_dir() or not settings.secret_key:  # without JOBOPS_SECRET_KEY the key file lives there
        _private_folder(folder)
    key_file = folder / KEY_FILE_NAME
    if key_file.exists():
        _make_private(key_file, PRIVATE_FILE)


def engine_url(url: str) -> URL:
    """The URL with PostgreSQL's driver spelled out: `postgres://` and `postgresql://` mean psycopg."""
    parsed = make_url(normalise_database_url(url))
    if parsed.drivername == "postgresql":
        return parsed.set(drivername=POSTGRES_DRIVER)
    return parsed


def make_engine(url: str) -> Engine:
    """Create an engine for a SQLAlchemy URL, preparing a private SQLite file and folder."""
    parsed = engine_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database
        if path and path != ":memory:":
            _private_sqlite_file(Path(path).expanduser())
        engine = create_engine(parsed, connect_args={"check_same_thread": False, "timeout": 15})
        _install_sqlite_pragmas(engine)
        return engine
    engine = create_engine(parsed, pool_pre_ping=True)
    if parsed.drivername == POSTGRES_DRIVER:
        from jobops import postgres  # its driver is needed only here

        postgres.prepare(engine, READ_ONLY)
    return engine


def migrate(engine: Engine) -> None:
    """Upgrade the schema to the newest migration, keeping every row."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        raw = conn.connection.driver_connection if sqlite else None
        if raw is not None:
            # Batch migrations recreate tables: with foreign keys on, SQLite would cascade-delete
            # children. The pragma only takes effect outside a transaction, so set it on the raw
            # connection before SQLAlchemy begins one.
            raw.execute("PRAGMA foreign_keys=OFF")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
        if raw is not None:
            problems = raw.execute("PRAGMA foreign_key_check").fetchall()
            raw.execute("PRAGMA foreign_keys=ON")
            if problems:
                raise RuntimeError(f"migration left {len(problems)} rows with broken references")


def get_engine(settings: Settings | None = None) -> Engine:
    """The process-wide engine for the configured database, migrated on first use."""
    settings = settings or load_settings()
    url = settings.database_url
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            protect_data_folder(settings)
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

    On SQLite it is a deferred transaction on a WAL snapshot with `query_only` on, on PostgreSQL a
    READ ONLY transaction, so a write attempted through it fails loudly instead of racing writers
    (read-then-write belongs in session_scope: BEGIN IMMEDIATE on SQLite, row locks on PostgreSQL).
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


def deleted_rows(session: Session, statement: Delete) -> int:
    """Run a DELETE in the session and return how many rows it removed."""
    result = session.execute(statement)
    return (result.rowcount or 0) if isinstance(result, CursorResult) else 0
