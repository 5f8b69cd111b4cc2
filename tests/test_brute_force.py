"""Guessing the API token or the dashboard password: one count for the whole process, and no short tokens."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from streamlit.testing.v1 import AppTest

from jobops import access
from jobops.dashboard.server import UnsafeConfiguration, lifespan
from tests.fakes.clock import FakeClock

APP = str(Path(__file__).resolve().parents[1] / "app.py")
TOKEN = "a-token-long-enough-to-use"
PASSWORD = "open sesame"


@pytest.fixture
def lockouts(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """The real pauses, on a clock that stands still: a burst of guesses all lands inside one pause."""
    clock = FakeClock()
    monkeypatch.setattr(access, "FAILURE_DELAY_SECONDS", 1.0)
    monkeypatch.setattr(access, "THROTTLE", access.FailureThrottle(clock=clock))
    return clock


@pytest.fixture
def guarded(app_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both an API token and a dashboard password are set."""
    monkeypatch.setenv("JOBOPS_API_TOKEN", TOKEN)
    monkeypatch.setenv("JOBOPS_PASSWORD", PASSWORD)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def try_password(at: AppTest, password: str) -> str:
    """Type a password into the gate and answer what the page says."""
    at.text_input(key="gate-password-input").input(password)
    at.button[0].click().run()
    return at.error[0].value if at.error else ""


def test_a_burst_of_wrong_tokens_gets_one_guess_and_then_429(
    api: TestClient, guarded: None, lockouts: FakeClock
) -> None:
    statuses = [
        api.get("/api/jobs", headers=bearer(f"guess-number-{n:04d}-xx")).status_code for n in range(50)
    ]
    assert statuses.count(401) == 1 and statuses.count(429) == 49
    refused = api.get("/api/jobs", headers=bearer(TOKEN))
    assert refused.status_code == 429 and refused.headers["retry-after"] == "1"
    assert refused.json()["error"]["code"] == "TOO_MANY_REQUESTS"


def test_the_right_token_works_again_once_the_pause_is_over(
    api: TestClient, guarded: None, lockouts: FakeClock
) -> None:
    api.get("/api/jobs", headers=bearer("a-wrong-token-of-some-length"))
    lockouts.now += 1.0
    assert api.get("/api/jobs", headers=bearer(TOKEN)).status_code == 200


def test_a_call_without_any_token_is_not_counted_as_a_guess(
    api: TestClient, guarded: None, lockouts: FakeClock
) -> None:
    for _ in range(5):
        assert api.get("/api/jobs").status_code == 401
    assert api.get("/api/jobs", headers=bearer(TOKEN)).status_code == 200


def test_a_second_dashboard_session_cannot_guess_during_the_first_ones_pause(
    guarded: None, lockouts: FakeClock
) -> None:
    first, second = AppTest.from_file(APP, default_timeout=60), AppTest.from_file(APP, default_timeout=60)
    first.run()
    second.run()
    assert try_password(first, "guess one") == "Wrong password."
    assert try_password(second, "guess two").startswith("Too many wrong passwords were tried. Wait 1 s")
    assert try_password(second, PASSWORD).startswith("Too many wrong passwords")
    assert "In Progress Board" not in [t.value for t in second.title]


def test_a_wrong_dashboard_password_also_pauses_the_api(
    api: TestClient, guarded: None, lockouts: FakeClock
) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    try_password(at, "a wrong guess")
    assert api.get("/api/jobs", headers=bearer(TOKEN)).status_code == 429


def test_a_short_token_is_refused_on_every_route_with_a_clear_message(
    api: TestClient, app_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBOPS_API_TOKEN", "short-token")
    answer = api.get("/api/jobs", headers=bearer("short-token"))
    assert answer.status_code == 403
    assert "at least 16 characters" in answer.json()["error"]["message"]
    assert "short-token" not in answer.text


def test_jobops_does_not_start_with_a_short_token(app_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBOPS_API_TOKEN", "short-token")

    async def start() -> None:
        async with lifespan(None):
            pass

    with pytest.raises(UnsafeConfiguration, match="at least 16 characters"), ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, start()).result()  # a thread of its own: another loop may be running here
