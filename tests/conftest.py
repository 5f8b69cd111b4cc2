"""Shared fixtures: a migrated temporary database, sessions on it, the API over HTTP, and the fake Google.

The database is a SQLite file in the test's folder; with `JOBOPS_TEST_DATABASE_URL` set to a PostgreSQL
server (`postgresql+psycopg://user:password@host:port/postgres`) each test gets a fresh database there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.applications import Starlette
from starlette.testclient import TestClient

from jobops import access
from jobops.db import get_engine, make_engine, migrate, reset_engines, session_scope
from jobops.gmail import client
from tests.fakes.consent import REDIRECT_URI, connect_gmail
from tests.fakes.google import FakeGoogle
from tests.fakes.imap import FakeImap
from tests.postgres import fresh_database, server_url

# Property tests explore new inputs on every local run; CI replays a fixed sequence so that a red run
# always means the change, and a case found locally is kept as an example test.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: checks SQLite's own behaviour; skipped on PostgreSQL")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """On a PostgreSQL test server, tests of SQLite's own behaviour are skipped."""
    if server_url() is None:
        return
    skip = pytest.mark.skip(reason="checks SQLite's own behaviour")
    for item in items:
        if item.get_closest_marker("sqlite_only"):
            item.add_marker(skip)


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database of the test's own."""
    server = server_url()
    if server is None:
        yield f"sqlite:///{tmp_path}/jobops.db"
        return
    with fresh_database(server) as url:
        yield url


@pytest.fixture(autouse=True)
def no_lockouts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wrong password or token in one test does not lock the next ones out (tests of the lockout opt in)."""
    monkeypatch.setattr(access, "FAILURE_DELAY_SECONDS", 0)
    access.THROTTLE.reset()


@pytest.fixture
def app_env(tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point JobOps at a fresh data folder and database for one test."""
    monkeypatch.setenv("JOBOPS_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("JOBOPS_DATABASE_URL", database_url)
    monkeypatch.setenv("JOBOPS_SECRETS_FILE", str(tmp_path / "no-secrets.toml"))
    # Dates typed without a time mean that day in the user's zone: pin it so tests read the same anywhere.
    monkeypatch.setenv("JOBOPS_TIMEZONE", "UTC")
    # The API refuses data when the server listens beyond loopback; tests run as a local server would.
    monkeypatch.setenv("STREAMLIT_SERVER_ADDRESS", "127.0.0.1")
    for name in ("JOBOPS_API_TOKEN", "JOBOPS_PASSWORD", "GMAIL_OAUTH_CLIENT_ID", "GMAIL_OAUTH_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    reset_engines()
    yield tmp_path
    reset_engines()


@pytest.fixture
def engine(app_env: Path) -> Engine:
    """The migrated engine of the test's database."""
    return get_engine()


@pytest.fixture
def empty_engine(tmp_path: Path) -> Iterator[Engine]:
    """A second, migrated database of the test's own (to restore or import into)."""
    other = make_engine(f"sqlite:///{tmp_path / 'second.db'}")
    migrate(other)
    yield other
    other.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """One unit of work, committed when the test ends."""
    with session_scope(engine) as s:
        yield s


@pytest.fixture
def api(engine: Engine) -> Iterator[TestClient]:
    """The API routes served over HTTP, as app.py mounts them."""
    from jobops.api import routes

    with TestClient(Starlette(routes=routes()), base_url="http://localhost:3001") as client:
        yield client


@pytest.fixture
def google() -> Iterator[FakeGoogle]:
    """The fake Google OAuth and Gmail server on its own loopback port."""
    with FakeGoogle() as fake:
        yield fake


@pytest.fixture
def imap() -> Iterator[FakeImap]:
    """The fake IMAP server on its own loopback port."""
    with FakeImap() as server:
        yield server


@pytest.fixture
def google_env(app_env: Path, google: FakeGoogle, monkeypatch: pytest.MonkeyPatch) -> FakeGoogle:
    """The app's settings (and any subprocess's) point at the fake Google; retries and pacing do not wait."""
    for name, value in google.environment().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("GMAIL_OAUTH_REDIRECT_URI", REDIRECT_URI)
    monkeypatch.setenv("JOBOPS_SECRET_KEY", "a test passphrase")
    monkeypatch.delenv("JOBOPS_SYNC_INTERVAL_MINUTES", raising=False)
    monkeypatch.setattr(client, "_buckets", {})
    monkeypatch.setattr(client, "backoff_sleep", lambda seconds: None)
    monkeypatch.setattr(client, "PACING_UNITS_PER_SECOND", 1_000_000)
    return google


@pytest.fixture
def connected(engine: Engine, google_env: FakeGoogle) -> None:
    """The default Gmail account, connected to the fake Google through consent."""
    connect_gmail(engine)
