"""Fixtures for Gmail tests: a fake Google on a free loopback port, a fresh database, settings."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from sqlalchemy import Engine

from jobops.config import Settings, load_settings
from jobops.db import make_engine, migrate
from jobops.gmail import client, oauth
from tests.fake_google import FakeGoogle

REDIRECT_URI = "http://localhost:3001/oauth/gmail/callback"


@pytest.fixture
def google() -> Iterator[FakeGoogle]:
    with FakeGoogle() as fake:
        yield fake


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


def consent(authorization_url: str) -> dict[str, str]:
    """Follow the consent page like a browser would and read the redirect's query."""
    answer = requests.get(authorization_url, allow_redirects=False, timeout=5)
    assert answer.status_code == 302
    location = answer.headers["Location"]
    assert location.startswith(REDIRECT_URI)
    return {k: v[-1] for k, v in parse_qs(urlsplit(location).query).items()}


def connect(engine: Engine, settings: Settings, account_key: str = "default") -> dict:
    """Start, consent and exchange: a connected account."""
    started = oauth.start(engine, account_key, settings)
    answer = consent(started.authorization_url)
    return oauth.exchange(engine, account_key, answer["state"], answer["code"], settings)


@pytest.fixture
def connected(engine: Engine, settings: Settings) -> None:
    """The default Gmail account, connected to the fake."""
    connect(engine, settings)
