"""Connecting Gmail: consent with PKCE, single-use state, encrypted tokens, refresh, revocation."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from sqlalchemy import Engine, select, update

from jobops.config import Settings
from jobops.db import session_scope
from jobops.errors import InvalidInput, NotConfigured, UpstreamError
from jobops.gmail import oauth
from jobops.gmail.client import GmailClient, TokenBucket
from jobops.mail.accounts import account_status
from jobops.models import MailAccount, OAuthState, utcnow
from tests.fakes.consent import connect_gmail, consent
from tests.fakes.google import GMAIL_READONLY, FakeGoogle


def stored_account(engine: Engine) -> MailAccount | None:
    with session_scope(engine) as session:
        return session.scalars(select(MailAccount)).one_or_none()


def test_connecting_through_consent_stores_encrypted_credentials(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    status = connect_gmail(engine, settings=settings)

    assert status.status == "connected"
    assert status.email == "seeker@example.com"
    asked = google.consents[0]
    assert asked["scope"] == GMAIL_READONLY
    assert (asked["access_type"], asked["prompt"]) == ("offline", "consent")
    assert asked["code_challenge_method"] == "S256" and asked["code_challenge"]
    account = stored_account(engine)
    assert account is not None and account.encrypted_credentials
    assert "refresh_token" not in account.encrypted_credentials
    assert not any("token" in key.lower() for key in status.dump())


def test_the_verifier_is_kept_server_side_so_any_process_can_exchange(
    engine: Engine, settings: Settings
) -> None:
    started = oauth.start(engine, "default", settings)
    assert "code_verifier" not in started.authorization_url
    with session_scope(engine) as session:
        row = session.get(OAuthState, started.state)
        assert row is not None and row.code_verifier and row.account_key == "default"


def test_starting_without_client_credentials_says_gmail_is_not_configured(
    engine: Engine, settings: Settings
) -> None:
    unconfigured = dataclasses.replace(settings, gmail_client_id=None)
    with pytest.raises(NotConfigured, match="Gmail is not configured"):
        oauth.start(engine, "default", unconfigured)


def test_a_forged_state_is_refused_and_connects_nothing(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    answer = consent(oauth.start(engine, "default", settings).authorization_url)
    with pytest.raises(InvalidInput) as refused:
        oauth.exchange(engine, "default", "forged-state", answer["code"], settings)
    assert refused.value.field == "state"
    assert stored_account(engine) is None
    assert google.calls["token"] == 0


def test_a_state_works_only_once(engine: Engine, settings: Settings, google: FakeGoogle) -> None:
    answer = consent(oauth.start(engine, "default", settings).authorization_url)
    oauth.exchange(engine, "default", answer["state"], answer["code"], settings)
    with pytest.raises(InvalidInput):
        oauth.exchange(engine, "default", answer["state"], answer["code"], settings)
    assert google.calls["token"] == 1


def test_a_state_bound_to_another_account_is_refused(engine: Engine, settings: Settings) -> None:
    answer = consent(oauth.start(engine, "work", settings).authorization_url)
    with pytest.raises(InvalidInput):
        oauth.exchange(engine, "default", answer["state"], answer["code"], settings)
    assert stored_account(engine) is None


def test_a_state_older_than_ten_minutes_is_refused(engine: Engine, settings: Settings) -> None:
    answer = consent(oauth.start(engine, "default", settings).authorization_url)
    with session_scope(engine) as session:
        session.execute(update(OAuthState).values(created_at=utcnow() - timedelta(minutes=11)))
    with pytest.raises(InvalidInput):
        oauth.exchange(engine, "default", answer["state"], answer["code"], settings)
    assert stored_account(engine) is None


def test_a_refused_code_is_a_bad_request_not_a_crash(engine: Engine, settings: Settings) -> None:
    answer = consent(oauth.start(engine, "default", settings).authorization_url)
    with pytest.raises(InvalidInput) as refused:
        oauth.exchange(engine, "default", answer["state"], "made-up-code", settings)
    assert refused.value.field == "code"


def test_a_grant_without_gmail_read_access_is_refused(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    google.granted_scope = "openid email"
    with pytest.raises(InvalidInput, match="read access"):
        connect_gmail(engine, settings=settings)
    assert stored_account(engine) is None


def test_an_access_token_gmail_refuses_is_refreshed_and_can_be_stored_again(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    connect_gmail(engine, settings=settings)
    before = stored_account(engine).encrypted_credentials
    google.expire_access_tokens()
    credentials = oauth.credentials_for(engine, "default", settings)

    assert GmailClient(credentials, settings.gmail_api_endpoint, TokenBucket()).profile()["emailAddress"]
    assert google.calls["refresh"] == 1
    oauth.save_credentials(engine, "default", credentials, settings)
    assert stored_account(engine).encrypted_credentials != before


def test_credentials_past_their_expiry_are_refreshed_before_use(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    connect_gmail(engine, settings=settings)
    stale = oauth.credentials_for(engine, "default", settings)
    stale.expiry = utcnow().replace(tzinfo=None) - timedelta(minutes=5)
    oauth.save_credentials(engine, "default", stale, settings)

    fresh = oauth.credentials_for(engine, "default", settings)

    assert fresh.valid and fresh.token != stale.token
    assert google.calls["refresh"] == 1
    assert oauth.credentials_for(engine, "default", settings).token == fresh.token


def test_a_revoked_grant_puts_the_account_in_error_asking_to_reconnect(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    connect_gmail(engine, settings=settings)
    stale = oauth.credentials_for(engine, "default", settings)
    stale.expiry = utcnow().replace(tzinfo=None) - timedelta(minutes=5)
    oauth.save_credentials(engine, "default", stale, settings)
    google.revoke_all()

    with pytest.raises(UpstreamError, match="Reconnect Gmail"):
        oauth.credentials_for(engine, "default", settings)

    with session_scope(engine) as session:
        status = account_status(session, "gmail", "default")
    assert status.status == "error"
    assert "Reconnect Gmail" in status.last_error


def test_disconnecting_revokes_at_the_configured_endpoint_and_forgets_tokens(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    connect_gmail(engine, settings=settings)
    status = oauth.disconnect(engine, "default", settings)
    assert status.status == "disconnected"
    assert google.calls["revoke"] == 1
    assert stored_account(engine).encrypted_credentials is None
    assert google._refresh == set()


def test_connecting_and_refreshing_log_no_secret_even_at_debug_level(
    engine: Engine, settings: Settings, google: FakeGoogle, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    connect_gmail(engine, settings=settings)
    google.expire_access_tokens()
    credentials = oauth.credentials_for(engine, "default", settings)
    GmailClient(credentials, settings.gmail_api_endpoint, TokenBucket()).profile()

    logged = caplog.text
    assert credentials.token not in logged and credentials.refresh_token not in logged
    assert settings.gmail_client_secret not in logged
