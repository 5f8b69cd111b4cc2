"""Pages draw from a read-only snapshot: they show while an import or a sync holds the write lock."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from jobops.db import session_scope
from tests.builders import add_job
from tests.fakes.write_lock import impatient_database, write_lock_held

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.mark.parametrize(
    "page", ["pages/board.py", "pages/jobs.py", "pages/inbox.py", "pages/insights.py", "pages/mail.py"]
)
def test_a_page_shows_while_another_connection_holds_the_write_lock(
    app_env: Path, monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    engine = impatient_database(monkeypatch)
    with session_scope(engine) as session:
        add_job(session, **{"title": "Backend Engineer", "employer": "Stripe"})
    at = AppTest.from_file(APP, default_timeout=60)

    with write_lock_held(engine):
        at.run()
        at.switch_page(page)
        at.run()

    assert not at.exception, at.exception
