"""Fixtures for IMAP tests: a real IMAP server on a free loopback port and a fresh database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from jobops.imap import accounts
from jobops.schemas.mail import ImapConnect
from tests.imap_server import FakeImap


@pytest.fixture
def imap() -> Iterator[FakeImap]:
    with FakeImap() as server:
        yield server


@pytest.fixture
def connected(engine: Engine, imap: FakeImap) -> FakeImap:
    """The server, with the default account connected to it."""
    accounts.connect(engine, ImapConnect(**imap.connect_body()))
    return imap
