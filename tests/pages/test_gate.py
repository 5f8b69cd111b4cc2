"""The dashboard's door: a password when one is set, and nothing at all when exposed unguarded."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from jobops import access
from jobops.dashboard import gate
from tests.pages.app_page import open_page

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture
def locked(app_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """JOBOPS_PASSWORD is set; wrong guesses do not wait."""
    monkeypatch.setenv("JOBOPS_PASSWORD", "open sesame")
    monkeypatch.setattr(access, "FAILURE_DELAY_SECONDS", 0)


def unlock(at: AppTest, password: str) -> AppTest:
    at.text_input(key="gate-password-input").input(password)
    at.button[0].click().run()
    assert not at.exception, at.exception
    return at


def titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def test_with_a_password_the_board_stays_hidden_until_it_is_given(locked: None) -> None:
    at = open_page()
    assert titles(at) == ["JobOps"]
    assert "In Progress Board" not in titles(at)


def test_a_wrong_password_shows_an_error_and_no_board(locked: None) -> None:
    at = unlock(open_page(), "open sesame!")
    assert [e.value for e in at.error] == ["Wrong password."]
    assert "In Progress Board" not in titles(at)


def test_the_right_password_shows_the_board(locked: None) -> None:
    at = unlock(open_page(), "open sesame")
    assert titles(at) == ["In Progress Board"]
    assert not at.error


def test_a_session_that_passed_is_not_asked_again(locked: None) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[gate.PASSED_KEY] = gate._fingerprint("open sesame")
    at.run()
    assert titles(at) == ["In Progress Board"]


def test_changing_the_password_locks_sessions_that_passed_the_old_one(locked: None) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[gate.PASSED_KEY] = gate._fingerprint("an old password")
    at.run()
    assert titles(at) == ["JobOps"]


def test_exposed_without_protection_the_app_explains_instead_of_showing_data(
    app_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(access, "server_address", lambda: "0.0.0.0")
    at = open_page()
    assert titles(at) == ["JobOps is not protected"]
    assert "JOBOPS_PASSWORD" in at.error[0].value
    assert "In Progress Board" not in titles(at)


def test_on_loopback_without_a_password_the_board_opens(app_env: Path) -> None:
    assert titles(open_page()) == ["In Progress Board"]


def test_with_st_login_configured_a_visitor_is_asked_to_sign_in(app_env: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.user = {"is_logged_in": False}
    at.secrets["auth"] = {
        "redirect_uri": "http://localhost:3001/oauth2callback",
        "cookie_secret": "x" * 32,
        "client_id": "id",
        "client_secret": "secret",
        "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration",
    }
    at.run()
    assert not at.exception, at.exception
    assert [b.label for b in at.button] == ["Sign in"]
    assert "In Progress Board" not in titles(at)
