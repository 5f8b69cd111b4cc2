"""Fixtures for Gmail tests: settings pointed at the fake Google, a fresh database, no waiting on retries."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from jobops.config import Settings, load_settings
from jobops.db import make_engine, migrate
from jobops.gmail import client
from tests.fakes.consent import REDIRECT_URI, connect_gmail
from tests.fakes.google import FakeGoogle


@pytest.fixture
def settings(google: FakeGoogle, tmp_path: Path) -> Settings:
    return dataclasses.replace(
        load_settings(),
        data_dir=tmp_path,
        secret_key="a test passphrase",
        gmail_client_id=google.client_id,
        gmail_client_secret=google.client_secret,
        gmail_redirect_uri=REDIRECT_URI,
        gmail_auth_uri=google.auth_uri,
        gmail_token_uri=google.token_uri,
        gmail_api_endpoint=google.url,
        gmail_revoke_uri=google.revoke_uri,
    )


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path}/t.db")
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture(autouse=True)
def fresh_quota(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with full quota buckets (a later fake may reuse a port)."""
    monkeypatch.setattr(client, "_buckets", {})


@pytest.fixture(autouse=True)
def backoff_waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Retries record their pause instead of sleeping."""
    waits: list[float] = []
    monkeypatch.setattr(client, "backoff_sleep", waits.append)
    return waits


@pytest.fixture
def connected(engine: Engine, settings: Settings) -> None:
    """The default Gmail account, connected to the fake."""
    connect_gmail(engine, settings=settings)
