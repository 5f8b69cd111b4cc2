"""Hold SQLite's write lock from another connection, as a long import or sync would."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Engine

from jobops import db


@contextmanager
def write_lock_held(engine: Engine) -> Iterator[None]:
    """An open BEGIN IMMEDIATE transaction on its own connection, rolled back afterwards."""
    with engine.connect() as conn:
        conn.begin()
        yield
        conn.rollback()


def impatient_database(monkeypatch: pytest.MonkeyPatch) -> Engine:
    """The app's engine rebuilt to give up on a held lock after 0.3 s instead of 15 s."""
    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT_MS", 300)
    db.reset_engines()
    return db.get_engine()
