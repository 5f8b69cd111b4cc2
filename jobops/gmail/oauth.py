"""Gmail OAuth: consent start with PKCE, code exchange, stored credentials, refresh and revocation."""

from __future__ import annotations

import contextlib
import json
import logging
import os
from datetime import UTC, datetime, timedelta
from typing import Any

import httplib2
import requests
from google.auth.exceptions import RefreshError, TransportError
from google.auth.transport.requests import Request
from google.oauth2.credentials import Credentials
from google_auth_oauthlib.flow import Flow
from googleapiclient.errors import HttpError
from oauthlib.oauth2.rfc6749.errors import OAuth2Error
from sqlalchemy import Engine, delete

from jobops.config import Settings, load_settings
from jobops.crypto import UnreadableSecret, decrypt, encrypt
from jobops.db import deleted_rows, session_scope
from jobops.errors import InvalidInput, NotConfigured, NotFound, UpstreamError
from jobops.gmail import PROVIDER
from jobops.gmail.client import GmailClient, quota_bucket
from jobops.mail.accounts import CONNECTED, DISCONNECTED, find_account, record_error, status_of
from jobops.models import MailAccount, OAuthState, utcnow
from jobops.schemas.mail import AccountStatus, AuthorizationStart, check_account_key

log = logging.getLogger(__name__)
# requests-oauthlib logs token request bodies, headers and answers at DEBUG: keep secrets out of logs.
logging.getLogger("requests_oauthlib").setLevel(logging.WARNING)

SCOPE = "https://www.googleapis.com/auth/gmail.readonly"
STATE_TTL = timedelta(minutes=10)
REVOKE_TIMEOUT_SECONDS = 15
NOT_CONFIGURED = (
    "Gmail is not configured: upload Google's client file on the Mail page, or set GMAIL_OAUTH_CLIENT_ID and "
    "GMAIL_OAUTH_CLIENT_SECRET and restart."
)
RECONNECT = "Gmail access expired or was revoked. Reconnect Gmail to resume syncing."
BAD_STATE = "This Gmail connection link is invalid or has expired. Start connecting Gmail again."


def _configured(settings: Settings | None) -> Settings:
    """The settings, or NotConfigured when OAuth client credentials are missing."""
    settings = settings or load_settings()
    if not settings.gmail_configured:
        raise NotConfigured(NOT_CONFIGURED)
    os.environ["OAUTHLIB_RELAX_TOKEN_SCOPE"] = "1"  # Google may grant more scopes than asked
    if settings.gmail_endpoints_are_loopback:
        os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"  # a local stand-in for Google speaks http
    return settings


def _flow(settings: Settings, **kwargs: Any) -> Flow:
    """An OAuth flow against the configured endpoints."""
    config = {
        "web": {
            "client_id": settings.gmail_client_id,
            "client_secret": settings.gmail_client_secret,
            "auth_uri": settings.gmail_auth_uri,
            "token_uri": settings.gmail_token_uri,
            "redirect_uris": [settings.gmail_redirect_uri],
        }
    }
    return Flow.from_client_config(config, scopes=[SCOPE], redirect_uri=settings.gmail_redirect_uri, **kwargs)


def start(engine: Engine, account_key: str, settings: Settings | None = None) -> AuthorizationStart:
    """Begin consent: a single-use state bound to the account, with its PKCE verifier kept server-side."""
    settings = _configured(settings)
    account_key = check_account_key(account_key)
    flow = _flow(settings)
    url, state = flow.authorization_url(access_type="offline", prompt="consent")
    with session_scope(engine) as session:
        session.execute(delete(OAuthState).where(OAuthState.created_at < utcnow() - STATE_TTL))
        session.add(
            OAuthState(
                state=state,
                provider=PROVIDER,
                account_key=account_key,
                code_verifier=flow.code_verifier,
            )
        )
    return AuthorizationStart(authorization_url=url, state=state)


def _pending_state(engine: Engine, account_key: str | None, state: str) -> tuple[str, str]:
    """(account key, PKCE verifier) of a fresh state issued for this account, or InvalidInput.

    Nothing is used up here: a stray or forged callback must not spoil the real one.
    """
    with session_scope(engine) as session:
        row = session.get(OAuthState, state or "")
        if row is None or not (
            row.provider == PROVIDER
            and account_key in (None, row.account_key)
            and utcnow() - row.created_at <= STATE_TTL
        ):
            raise InvalidInput(BAD_STATE, field="state")
        return row.account_key, row.code_verifier or ""


def _consume_state(engine: Engine, state: str) -> None:
    """Use the state up once Google accepted its code; whoever gets here second is refused."""
    with session_scope(engine) as session:
        used = deleted_rows(session, delete(OAuthState).where(OAuthState.state == state))
    if not used:
        raise InvalidInput(BAD_STATE, field="state")


def _granted_scopes(token: dict[str, Any]) -> list[str]:
    """Scopes in a token answer, which oauthlib gives as a list or a space-separated string."""
    scope = token.get("scope") or []
    return scope.split() if isinstance(scope, str) else list(scope)


def _fetch_token(settings: Settings, state: str, verifier: str, code: str) -> dict[str, Any]:
    """Trade the authorization code (with the PKCE verifier) for tokens."""
    flow = _flow(settings, state=state, code_verifier=verifier, autogenerate_code_verifier=False)
    try:
        return dict(flow.fetch_token(code=code))
    except OAuth2Error as exc:
        raise InvalidInput(
            "Google refused the authorization code. Start connecting Gmail again.", field="code"
        ) from exc
    except (requests.RequestException, ValueError) as exc:
        raise UpstreamError("Could not reach Google to finish connecting Gmail.") from exc


def build_credentials(stored: dict[str, Any], settings: Settings) -> Credentials:
    """Credentials whose refresh goes to the configured token endpoint."""
    expiry = stored.get("expiry")
    return Credentials(
        stored.get("token"),
        refresh_token=stored.get("refresh_token"),
        token_uri=settings.gmail_token_uri,
        client_id=settings.gmail_client_id,
        client_secret=settings.gmail_client_secret,
        scopes=stored.get("scopes") or [SCOPE],
        expiry=datetime.fromisoformat(expiry) if expiry else None,
    )


def _seal(credentials: Credentials, settings: Settings) -> str:
    """Encrypted form of the tokens; the client secret stays in the settings."""
    stored = {
        "token": credentials.token,
        "refresh_token": credentials.refresh_token,
        "expiry": credentials.expiry.isoformat() if credentials.expiry else None,
        "scopes": list(credentials.scopes or [SCOPE]),
    }
    return encrypt(json.dumps(stored), settings)


def _token_credentials(token: dict[str, Any], settings: Settings) -> Credentials:
    """Credentials from a token answer, with an expiry in naive UTC as google-auth expects."""
    expires_at = token.get("expires_at")
    expiry = datetime.fromtimestamp(float(expires_at), tz=UTC).replace(tzinfo=None) if expires_at else None
    stored = {
        "token": token.get("access_token"),
        "refresh_token": token.get("refresh_token"),
        "expiry": expiry.isoformat() if expiry else None,
        "scopes": _granted_scopes(token),
    }
    return build_credentials(stored, settings)


def _mailbox_address(credentials: Credentials, settings: Settings, account_key: str) -> str | None:
    """The Gmail address behind new credentials (None if Google does not say)."""
    bucket = quota_bucket(settings.gmail_api_endpoint, account_key)
    client = GmailClient(credentials, settings.gmail_api_endpoint, bucket)
    try:
        return client.profile().get("emailAddress")
    except (HttpError, OSError, httplib2.HttpLib2Error) as exc:
        raise UpstreamError("Gmail did not answer while connecting. Try again.") from exc


def exchange(
    engine: Engine, account_key: str | None, state: str, code: str, settings: Settings | None = None
) -> AccountStatus:
    """Finish consent: check the state, trade the code, store encrypted credentials, answer the status.

    Without an account key (Google's redirect carries none), the account the state was issued for.
    """
    settings = _configured(settings)
    if account_key is not None:
        account_key = check_account_key(account_key)
    account_key, verifier = _pending_state(engine, account_key, state)
    if not code:
        raise InvalidInput("The authorization code is missing.", field="code")
    token = _fetch_token(settings, state, verifier, code)
    _consume_state(engine, state)
    if SCOPE not in _granted_scopes(token):
        raise InvalidInput(
            "Gmail read access was not granted. Connect again and allow reading your mail.",
            field="scope",
        )
    credentials = _token_credentials(token, settings)
    email = _mailbox_address(credentials, settings, account_key)
    with session_scope(engine) as session:
        account = find_account(session, PROVIDER, account_key)
        if account is None:
            account = MailAccount(provider=PROVIDER, account_key=account_key, settings={})
            session.add(account)
        if account.email != email:
            account.history_id = None
        account.email = email
        account.encrypted_credentials = _seal(credentials, settings)
        account.status = CONNECTED
        account.connected_at = utcnow()
        account.last_error = None
        session.flush()
        return status_of(PROVIDER, account_key, account)


def _load_credentials(engine: Engine, account_key: str, settings: Settings) -> Credentials:
    """Stored credentials of a connected account; NotFound when there are none."""
    with session_scope(engine) as session:
        account = find_account(session, PROVIDER, account_key)
        sealed = account.encrypted_credentials if account else None
    if not sealed:
        raise NotFound(f"Gmail is not connected for account '{account_key}'. Connect Gmail first.")
    try:
        return build_credentials(json.loads(decrypt(sealed, settings)), settings)
    except (UnreadableSecret, ValueError) as exc:
        raise UpstreamError(
            "Stored Gmail credentials cannot be read (was JOBOPS_SECRET_KEY changed?). Reconnect Gmail."
        ) from exc


def save_credentials(engine: Engine, account_key: str, credentials: Credentials, settings: Settings) -> None:
    """Re-store credentials after a refresh."""
    with session_scope(engine) as session:
        account = find_account(session, PROVIDER, account_key)
        if account is not None and account.encrypted_credentials:
            account.encrypted_credentials = _seal(credentials, settings)


def mark_reconnect_needed(engine: Engine, account_key: str) -> None:
    """Put the account in error, telling the user to reconnect Gmail."""
    with session_scope(engine) as session:
        record_error(session, PROVIDER, account_key, RECONNECT)


def credentials_for(engine: Engine, account_key: str, settings: Settings | None = None) -> Credentials:
    """Valid credentials for an account, refreshed and re-stored when the access token expired."""
    settings = _configured(settings)
    credentials = _load_credentials(engine, account_key, settings)
    if credentials.valid:
        return credentials
    try:
        credentials.refresh(Request())
    except RefreshError as exc:
        mark_reconnect_needed(engine, account_key)
        raise UpstreamError(RECONNECT) from exc
    except TransportError as exc:
        raise UpstreamError("Could not reach Google to refresh Gmail access. Try again later.") from exc
    save_credentials(engine, account_key, credentials, settings)
    return credentials


def _revoke(credentials: Credentials, settings: Settings) -> None:
    """Ask Google to revoke the grant; a failure is logged without the token and otherwise ignored."""
    token = credentials.refresh_token or credentials.token
    if not token:
        return
    try:
        answer = requests.post(
            settings.gmail_revoke_uri, data={"token": token}, timeout=REVOKE_TIMEOUT_SECONDS
        )
        if answer.status_code >= 400:
            log.warning("Gmail revocation answered HTTP %s", answer.status_code)
    except requests.RequestException as exc:
        log.warning("Gmail revocation failed: %s", type(exc).__name__)


def disconnect(engine: Engine, account_key: str, settings: Settings | None = None) -> AccountStatus:
    """Revoke access and forget the credentials; synced messages stay."""
    settings = _configured(settings)
    account_key = check_account_key(account_key)
    with contextlib.suppress(
        NotFound, UpstreamError
    ):  # nothing usable to revoke; still forget what is stored
        _revoke(_load_credentials(engine, account_key, settings), settings)
    with session_scope(engine) as session:
        account = find_account(session, PROVIDER, account_key)
        if account is not None:
            account.encrypted_credentials = None
            account.history_id = None
            account.status = DISCONNECTED
            account.last_error = None
        session.flush()
        return status_of(PROVIDER, account_key, account)
