"""Fixtures for IMAP tests: an account connected to the fake IMAP server."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from jobops.imap import accounts
from jobops.schemas.mail import ImapConnect
from tests.fakes.imap import FakeImap


@pytest.fixture
def connected(engine: Engine, imap: FakeImap) -> FakeImap:
    """The server, with the default account connected to it."""
    accounts.connect(engine, ImapConnect(**imap.connect_body()))
    return imap
