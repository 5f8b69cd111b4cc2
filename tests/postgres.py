"""Fresh databases on a PostgreSQL server for tests: `JOBOPS_TEST_DATABASE_URL` names the server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from sqlalchemy import Engine, create_engine, text

from jobops.db import engine_url

SERVER_URL_VARIABLE = "JOBOPS_TEST_DATABASE_URL"


def server_url() -> str | None:
    """The PostgreSQL server the tests run on, or None for SQLite."""
    return os.environ.get(SERVER_URL_VARIABLE) or None


@cache
def _admin(url: str) -> Engine:
    """One autocommit connection pool to the server, for CREATE and DROP DATABASE."""
    return create_engine(engine_url(url), isolation_level="AUTOCOMMIT", pool_size=1)


@contextmanager
def fresh_database(url: str) -> Iterator[str]:
    """An empty database of its own on the server at `url`, dropped afterwards with its connections."""
    name = f"jobops_test_{uuid.uuid4().hex}"
    admin = _admin(url)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield engine_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
