"""A consent state is used up only by the exchange that succeeds: stray or forged callbacks cannot spoil it."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select

from jobops.config import Settings
from jobops.db import session_scope
from jobops.errors import InvalidInput
from jobops.gmail import oauth
from jobops.models import OAuthState
from tests.fakes.consent import consent
from tests.fakes.google import FakeGoogle


def pending_states(engine: Engine) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(func.count()).select_from(OAuthState)) or 0


@pytest.fixture
def consented(engine: Engine, settings: Settings) -> dict[str, str]:
    """The user consented for the default account; Google's redirect carries this state and code."""
    return consent(oauth.start(engine, "default", settings).authorization_url)


def test_a_callback_for_another_account_leaves_the_state_for_the_real_exchange(
    engine: Engine, settings: Settings, consented: dict[str, str]
) -> None:
    with pytest.raises(InvalidInput):
        oauth.exchange(engine, "work", consented["state"], consented["code"], settings)
    status = oauth.exchange(engine, "default", consented["state"], consented["code"], settings)
    assert status.status == "connected"


def test_a_stray_callback_with_a_made_up_code_leaves_the_state_for_the_real_one(
    engine: Engine, settings: Settings, consented: dict[str, str]
) -> None:
    with pytest.raises(InvalidInput) as refused:
        oauth.exchange(engine, None, consented["state"], "made-up-code", settings)
    assert refused.value.field == "code"
    status = oauth.exchange(engine, None, consented["state"], consented["code"], settings)
    assert status.status == "connected"


def test_a_callback_without_a_code_leaves_the_state_for_the_real_one(
    engine: Engine, settings: Settings, consented: dict[str, str]
) -> None:
    with pytest.raises(InvalidInput):
        oauth.exchange(engine, None, consented["state"], "", settings)
    assert oauth.exchange(engine, None, consented["state"], consented["code"], settings).status == "connected"


def test_the_successful_exchange_uses_the_state_up(
    engine: Engine, settings: Settings, consented: dict[str, str], google: FakeGoogle
) -> None:
    oauth.exchange(engine, "default", consented["state"], consented["code"], settings)
    assert pending_states(engine) == 0
    with pytest.raises(InvalidInput) as refused:
        oauth.exchange(engine, "default", consented["state"], consented["code"], settings)
    assert refused.value.field == "state" and google.calls["token"] == 1
