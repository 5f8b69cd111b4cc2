"""Fixtures for Gmail tests: settings pointed at the fake Google, a fresh database, no waiting on retries."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import Engine

from jobops.config import Settings, load_settings
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
def engine(empty_engine: Engine) -> Engine:
    """A migrated database of the test's own, apart from the app's settings."""
    return empty_engine


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
