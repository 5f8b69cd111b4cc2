"""The one list of mail providers: what the API, the command line, the scheduler and the pages offer."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from jobops import validation as check
from jobops.gmail import oauth
from jobops.gmail import sync as gmail_sync
from jobops.imap import accounts as imap_accounts
from jobops.imap import sync as imap_sync
from jobops.mail import accounts, files
from jobops.mail import sync as mail_sync
from jobops.mail.accounts import account_status
from jobops.mail.sync import MailSource
from jobops.schemas.mail import AccountRequest, AccountStatus, AuthorizationStart, ImapConnect, RunOut


@dataclass(frozen=True)
class Provider:
    """A mailbox kind that connects and syncs: how it connects, reports its status and disconnects."""

    name: str  # stored on accounts, runs and messages
    label: str  # the name users read
    source: MailSource
    connect_request: type[AccountRequest]  # what connecting takes
    connect: Callable[[Engine, Any], AuthorizationStart | AccountStatus]  # given a connect_request
    status: Callable[[Session, str], AccountStatus]
    disconnect: Callable[[Engine, str], AccountStatus]


SYNCED: dict[str, Provider] = {
    "gmail": Provider(
        "gmail",
        "Gmail",
        gmail_sync.SOURCE,
        AccountRequest,
        lambda engine, request: oauth.start(engine, request.account_key),
        lambda session, key: account_status(session, "gmail", key),
        oauth.disconnect,
    ),
    "imap": Provider(
        "imap",
        "IMAP",
        imap_sync.SOURCE,
        ImapConnect,
        imap_accounts.connect,
        imap_accounts.status,
        imap_accounts.disconnect,
    ),
}
# Every source of mail by the name users read: the synced ones, and mailbox files, which are imported.
LABELS: dict[str, str] = {**{name: p.label for name, p in SYNCED.items()}, files.PROVIDER: "Mailbox file"}
NAMES: tuple[str, ...] = tuple(LABELS)
CONNECTABLE: tuple[str, ...] = tuple(SYNCED)


def provider(name: Any) -> Provider:
    """A provider that connects and syncs, by name; InvalidInput (400) for any other."""
    return SYNCED[check.choice("provider", name, CONNECTABLE, required=True) or ""]


def set_auto_sync(session: Session, name: Any, account_key: str, minutes: Any) -> AccountStatus:
    """Store how often an account of a provider that syncs does so by itself (0: never)."""
    return accounts.set_auto_sync(session, provider(name).name, account_key, minutes)


def sync_sources() -> tuple[MailSource, ...]:
    """Every provider that syncs, for the scheduler."""
    return tuple(p.source for p in SYNCED.values())


def sync_account(engine: Engine, name: str, account_key: str = "default", **options: Any) -> RunOut:
    """Run one sync of a connected account to the end (options as in jobops.mail.sync.sync_account)."""
    return mail_sync.sync_account(_source(name), engine, account_key, **options)


def begin_run(engine: Engine, name: str, account_key: str = "default") -> str:
    """Record a running sync now; Conflict if one is already running for the account."""
    return mail_sync.begin_run(_source(name), engine, account_key)


def execute_run(engine: Engine, name: str, run_id: str, **options: Any) -> RunOut:
    """Carry out a begun run (options as in jobops.mail.sync.execute_run)."""
    return mail_sync.execute_run(_source(name), engine, run_id, **options)


def start_sync_in_background(engine: Engine, name: str, account_key: str, **options: Any) -> str:
    """Record the run (a second one is refused at once), then carry it out on a thread; returns its id."""
    run_id = begin_run(engine, name, account_key)
    threading.Thread(
        target=execute_run,
        args=(engine, name, run_id),
        kwargs=options,
        name=f"jobops-sync-{name}",
        daemon=True,
    ).start()
    return run_id


def sync_connected_accounts(engine: Engine, name: str, **options: Any) -> list[RunOut]:
    """Sync every connected account of a provider that is not already syncing."""
    return mail_sync.sync_connected_accounts(_source(name), engine, **options)


def _source(name: str) -> MailSource:
    """The sync of a provider that has one."""
    return provider(name).source
