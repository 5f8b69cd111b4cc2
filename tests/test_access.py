"""Password checks and when the dashboard or the API would be open to the network."""

from __future__ import annotations

import dataclasses
from concurrent.futures import ThreadPoolExecutor

import pytest

from jobops import access
from jobops.config import load_settings
from tests.fakes.clock import FakeClock


@pytest.fixture
def settings(app_env):
    """Settings with no password, no token."""
    return load_settings()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """The process-wide throttle with its real pauses, on a clock the test moves."""
    fake = FakeClock()
    monkeypatch.setattr(access, "FAILURE_DELAY_SECONDS", 1.0)
    monkeypatch.setattr(access, "THROTTLE", access.FailureThrottle(clock=fake))
    return fake


def test_the_right_password_passes(clock: FakeClock) -> None:
    assert access.check_secret("correct horse", "correct horse") == access.Attempt(True)


def test_a_wrong_password_fails_and_closes_every_check_for_a_second(clock: FakeClock) -> None:
    assert access.check_secret("correct hors", "correct horse") == access.Attempt(False)
    refused = access.check_secret("correct horse", "correct horse")
    assert not refused.passed and refused.retry_after == 1.0
    clock.now += 1.0
    assert access.check_secret("correct horse", "correct horse").passed


def test_each_further_wrong_secret_doubles_the_pause_up_to_a_minute(clock: FakeClock) -> None:
    pauses = []
    for _ in range(9):
        access.check_secret("guess", "secret")
        pauses.append(access.check_secret("guess", "secret").retry_after)
        clock.now += pauses[-1]
    assert pauses == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_the_count_starts_again_after_a_quiet_quarter_hour(clock: FakeClock) -> None:
    for _ in range(5):
        access.check_secret("guess", "secret")
        clock.now += 60
    clock.now += access.FORGET_AFTER_SECONDS + 1
    access.check_secret("guess", "secret")
    assert access.check_secret("guess", "secret").retry_after == 1.0


def test_parallel_callers_get_one_guess_between_them(clock: FakeClock) -> None:
    with ThreadPoolExecutor(max_workers=20) as pool:
        attempts = list(pool.map(lambda n: access.check_secret(f"guess {n}", "secret"), range(200)))
    compared = [a for a in attempts if not a.retry_after]
    assert len(compared) == 1 and not compared[0].passed


def test_passwords_with_non_ascii_text_compare_exactly(clock: FakeClock) -> None:
    assert access.check_secret("pässwörd", "pässwörd").passed
    assert not access.check_secret("passwörd", "pässwörd").passed


@pytest.mark.parametrize("token", ["", "a" * 16, "a" * 64])
def test_api_tokens_of_sixteen_characters_or_more_are_accepted(settings, token: str) -> None:
    assert access.api_token_problem(dataclasses.replace(settings, api_token=token or None)) is None


def test_a_short_api_token_is_refused_with_a_way_to_make_a_good_one(settings) -> None:
    problem = access.api_token_problem(dataclasses.replace(settings, api_token="a" * 15))
    assert problem and "at least 16 characters" in problem and "secrets.token_urlsafe" in problem


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


def test_without_the_dashboard_the_address_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("STREAMLIT_SERVER_ADDRESS", "0.0.0.0")
    assert access.server_address() == "0.0.0.0"


def test_an_unknown_address_counts_as_every_interface(settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STREAMLIT_SERVER_ADDRESS", raising=False)
    assert access.server_address() == ""
    assert access.api_exposed_without_token(settings, access.server_address())


def test_a_new_address_source_replaces_the_old_one_until_put_back(app_env) -> None:
    previous = access.listen_address_from(lambda: "192.168.1.20")
    try:
        assert access.server_address() == "192.168.1.20"
    finally:
        access.listen_address_from(previous)
    assert access.server_address() == "127.0.0.1"  # app_env's, through the environment
