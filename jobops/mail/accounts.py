"""Mail accounts of every provider as the user sees them: connected, error or disconnected; never secrets."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jobops.config import load_settings
from jobops.errors import InvalidInput, NotFound
from jobops.models import MailAccount
from jobops.schemas.mail import AccountStatus, check_account_key

CONNECTED = "connected"
ERROR = "error"
DISCONNECTED = "disconnected"

AUTO_SYNC = "autoSyncMinutes"
AUTO_SYNC_CHOICES = (0, 15, 30, 60, 180, 360, 720, 1440)  # minutes between automatic syncs; 0 is off


def find_account(session: Session, provider: str, account_key: str) -> MailAccount | None:
    """The stored account row, if any."""
    return session.scalars(
        select(MailAccount).where(MailAccount.provider == provider, MailAccount.account_key == account_key)
    ).one_or_none()


def auto_sync_minutes(account: MailAccount | None, default: int) -> int:
    """Minutes between the account's automatic syncs: its own setting, else the configured default."""
    value = (account.settings or {}).get(AUTO_SYNC) if account else None
    return default if value is None else int(value)


def status_of(provider: str, account_key: str, account: MailAccount | None) -> AccountStatus:
    """The public view of an account row (or of a missing one)."""
    default_minutes = load_settings().sync_interval_minutes
    if account is None:
        return AccountStatus(
            provider=provider,
            account_key=account_key,
            status=DISCONNECTED,
            connected=False,
            email=None,
            connected_at=None,
            last_sync_at=None,
            last_error=None,
            auto_sync_minutes=default_minutes,
        )
    return AccountStatus(
        provider=provider,
        account_key=account_key,
        status=account.status,
        connected=account.encrypted_credentials is not None and account.status == CONNECTED,
        email=account.email,
        connected_at=account.connected_at,
        last_sync_at=account.last_sync_at,
        last_error=account.last_error,
        auto_sync_minutes=auto_sync_minutes(account, default_minutes),
    )


def account_status(session: Session, provider: str, account_key: str) -> AccountStatus:
    """Status of one account for pages and the API."""
    return status_of(provider, account_key, find_account(session, provider, account_key))


def record_error(session: Session, provider: str, account_key: str, message: str) -> None:
    """Put an account in error with a message that tells the user what to do."""
    account = find_account(session, provider, account_key)
    if account is not None:
        account.status = ERROR
        account.last_error = message


def set_auto_sync(session: Session, provider: str, account_key: str, minutes: Any) -> AccountStatus:
    """Store how often the account syncs by itself (0: never); one of AUTO_SYNC_CHOICES.

    The provider is one that syncs (jobops.providers checks the name a request gives).
    """
    account_key = check_account_key(account_key)
    if isinstance(minutes, bool) or minutes not in AUTO_SYNC_CHOICES:
        allowed = ", ".join(str(m) for m in AUTO_SYNC_CHOICES)
        raise InvalidInput(f"{AUTO_SYNC} must be one of: {allowed} (minutes; 0 is off).", field=AUTO_SYNC)
    account = find_account(session, provider, account_key)
    if account is None:
        raise NotFound(f"There is no {provider} account '{account_key}'. Connect it first.")
    account.settings = {**(account.settings or {}), AUTO_SYNC: int(minutes)}
    return status_of(provider, account_key, account)
