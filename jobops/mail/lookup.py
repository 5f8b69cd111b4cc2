"""Rows a running sync relies on: one that vanished meanwhile is a clear error, not a crash."""

from __future__ import annotations

from sqlalchemy.orm import Session

from jobops.errors import NotFound
from jobops.mail.accounts import find_account
from jobops.models import MailAccount, SyncRun


def account_of(session: Session, provider: str, account_key: str) -> MailAccount:
    """The connected account a run reads, which a disconnect may have removed meanwhile."""
    account = find_account(session, provider, account_key)
    if account is None:
        raise NotFound(f"The {provider} account '{account_key}' was disconnected. Connect it again to sync.")
    return account


def run_of(session: Session, run_id: str) -> SyncRun:
    """The sync run being carried out."""
    run = session.get(SyncRun, run_id)
    if run is None:
        raise NotFound(f"The sync run {run_id} no longer exists.")
    return run
