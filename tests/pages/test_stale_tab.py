"""A tab that passed the old password can no longer act once the password changes.

Widget callbacks run before the page script and so before the gate: each one checks access itself.
"""

from __future__ import annotations

import ast
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from jobops import access
from jobops.dashboard import gate
from jobops.db import get_engine, session_scope
from jobops.jobs import get_job
from jobops.models import MailMessage
from jobops.schemas.jobs import JobOut
from tests import builders

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
OLD, NEW = "open sesame", "a brand new passphrase"


@pytest.fixture
def locked(app_env: Path, monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """JOBOPS_PASSWORD is set; wrong guesses do not wait."""
    monkeypatch.setenv("JOBOPS_PASSWORD", OLD)
    monkeypatch.setattr(access, "FAILURE_DELAY_SECONDS", 0)
    return monkeypatch


def add_job(days_ago: int = 40) -> str:
    return builders.stored_job(applied_at=datetime.now(UTC) - timedelta(days=days_ago))


def stored_job(job_id: str) -> JobOut:
    with session_scope(get_engine()) as session:
        return get_job(session, job_id)


def tab_on(page: str | None = None) -> AppTest:
    """A tab that unlocked with the old password and shows the page (the board when none is named).

    AppTest reruns the page alone, without app.py's gate: what stops a stale click here is the
    check inside the callback itself.
    """
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[gate.PASSED_KEY] = gate._fingerprint(OLD)
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, at.exception
    return at


def test_a_move_on_the_board_from_a_stale_tab_does_not_land(locked: pytest.MonkeyPatch) -> None:
    job_id = add_job()
    at = tab_on()
    locked.setenv("JOBOPS_PASSWORD", NEW)

    at.selectbox(key=f"move-{job_id}").set_value("technical_interview").run()

    assert stored_job(job_id).current_stage == "applied"
    assert not at.exception, at.exception


def test_closing_a_quiet_job_from_a_stale_tab_does_not_land(locked: pytest.MonkeyPatch) -> None:
    job_id = add_job()
    at = tab_on("pages/insights.py")
    locked.setenv("JOBOPS_PASSWORD", NEW)

    at.button(key=f"ghost-ghosted-{job_id}").click().run()

    assert stored_job(job_id).current_stage == "applied"
    assert not at.exception, at.exception


def test_a_bulk_deny_from_a_stale_tab_does_not_land(locked: pytest.MonkeyPatch) -> None:
    job_id = add_job()
    with session_scope(get_engine()) as session:
        message = MailMessage(
            provider="gmail",
            account_key="default",
            external_message_id="m-1",
            subject="Next steps",
            processing_status="pending_user",
            matched_job_id=job_id,
            match_confidence=80,
            stage_target="recruiter_screen",
        )
        session.add(message)
        session.flush()
        message_id = message.id
    at = tab_on("pages/inbox.py")
    at.session_state["inbox-table"] = {"selection": {"rows": [0], "columns": []}}
    at.run()
    locked.setenv("JOBOPS_PASSWORD", NEW)

    at.button(key="inbox-bulk-deny").click().run()

    with session_scope(get_engine()) as session:
        assert session.get(MailMessage, message_id).processing_status == "pending_user"
    assert not at.exception, at.exception


def _callbacks(tree: ast.Module) -> set[str]:
    """Names passed as on_click= or on_change= anywhere in a page."""
    return {
        keyword.value.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for keyword in node.keywords
        if keyword.arg in ("on_click", "on_change") and isinstance(keyword.value, ast.Name)
    }


@pytest.mark.parametrize("page", sorted(p.name for p in (ROOT / "pages").glob("*.py")))
def test_every_widget_callback_on_a_page_checks_access_first(page: str) -> None:
    tree = ast.parse((ROOT / "pages" / page).read_text(encoding="utf-8"))
    guarded = {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        and any(isinstance(d, ast.Name) and d.id == "guarded" for d in node.decorator_list)
    }
    assert _callbacks(tree) <= guarded
