"""Password checks and when the dashboard or the API would be open to the network."""

from __future__ import annotations

import dataclasses
import time

import pytest

from jobops import access
from jobops.config import load_settings


@pytest.fixture
def settings(app_env):
    """Settings with no password, no token."""
    return load_settings()


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The pauses check_password takes, recorded instead of slept."""
    taken: list[float] = []
    monkeypatch.setattr(access.time, "sleep", taken.append)
    return taken


def test_the_right_password_passes_without_a_pause(sleeps: list[float]) -> None:
    assert access.check_password("correct horse", "correct horse") is True
    assert sleeps == []


def test_a_wrong_password_fails_after_a_pause(sleeps: list[float]) -> None:
    assert access.check_password("correct hors", "correct horse") is False
    assert sleeps == [access.FAILURE_DELAY_SECONDS] and access.FAILURE_DELAY_SECONDS >= 0.5


def test_passwords_with_non_ascii_text_compare_exactly(sleeps: list[float]) -> None:
    assert access.check_password("pässwörd", "pässwörd") is True
    assert access.check_password("passwörd", "pässwörd") is False


def test_the_default_pause_really_waits() -> None:
    started = time.monotonic()
    access.check_password("a", "b")
    assert time.monotonic() - started >= access.FAILURE_DELAY_SECONDS * 0.9


@pytest.mark.parametrize("address", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_loopback_addresses_are_not_exposed(settings, address: str) -> None:
    assert access.is_loopback(address)
    assert not access.exposed_without_protection(settings, address)
    assert not access.api_exposed_without_token(settings, address)


@pytest.mark.parametrize("address", ["", None, "0.0.0.0", "::", "192.168.1.20", "jobops.example.com"])
def test_other_addresses_without_protection_are_exposed(settings, address: str | None) -> None:
    assert access.exposed_without_protection(settings, address)
    assert access.api_exposed_without_token(settings, address)


def test_a_password_guards_the_pages_but_not_the_api(settings) -> None:
    guarded = dataclasses.replace(settings, password="pw")
    assert not access.exposed_without_protection(guarded, "0.0.0.0")
    assert access.api_exposed_without_token(guarded, "0.0.0.0")


def test_st_login_guards_the_pages(settings) -> None:
    assert not access.exposed_without_protection(settings, "0.0.0.0", login_configured=True)


def test_an_api_token_guards_the_api_but_not_the_pages(settings) -> None:
    tokened = dataclasses.replace(settings, api_token="t0ken")
    assert not access.api_exposed_without_token(tokened, "0.0.0.0")
    assert access.exposed_without_protection(tokened, "0.0.0.0")


def test_the_server_address_comes_from_streamlit_config(monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit import config

    monkeypatch.setattr(config, "get_option", lambda name: {"server.address": "0.0.0.0"}[name])
    assert access.server_address() == "0.0.0.0"
