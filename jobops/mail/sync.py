"""What every connected mailbox's sync shares: one run at a time per account, carried out, always recorded."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from jobops.config import Settings, load_settings
from jobops.db import session_scope
from jobops.errors import Conflict, NotFound
from jobops.mail.accounts import CONNECTED, find_account
from jobops.mail.runs import (
    carry_out,
    check_options,
    route_stored,
    run_row,
    start_run,
)
from jobops.models import MailAccount
from jobops.schemas.mail import DEFAULT_MAX_MESSAGES, DEFAULT_SEARCH_DAYS, RunOut, check_account_key


@dataclass(frozen=True)
class RunContext:
    """What a provider's run body works with."""

    engine: Engine
    run_id: str
    account_key: str
    max_messages: int
    search_days: int
    settings: Settings


# The body of a run: fetch and store; routing happens around it, in jobops.mail.sync.
Work = Callable[[RunContext], None]


@dataclass(frozen=True)
class MailSource:
    """A provider whose accounts connect and sync: its names, its run body and its failure wording."""

    provider: str  # stored on accounts and runs: "gmail", "imap"
    label: str  # the name users read: "Gmail", "IMAP"
    run_name: str  # how a run is named in a conflict: "A Gmail sync"
    mode_of: Callable[[MailAccount], str]  # full or incremental, from the account's stored position
    work: Work
    failure_message: Callable[[Engine, str, Exception], str]  # (engine, account_key, exc): never a secret


def begin_run(source: MailSource, engine: Engine, account_key: str) -> str:
    """Record a running sync for a connected account; Conflict if one is already running."""
    account_key = check_account_key(account_key)
    with session_scope(engine) as session:
        account = find_account(session, source.provider, account_key)
        if account is None or not account.encrypted_credentials:
            raise NotFound(
                f"{source.label} is not connected for account '{account_key}'. Connect {source.label} first."
            )
        session.refresh(
            account, with_for_update={"key_share": True}
        )  # one run of an account begins at a time
        return start_run(session, source.provider, account_key, source.mode_of(account), source.run_name)


def execute_run(
    source: MailSource,
    engine: Engine,
    run_id: str,
    *,
    max_messages: int = DEFAULT_MAX_MESSAGES,
    search_days: int = DEFAULT_SEARCH_DAYS,
    settings: Settings | None = None,
) -> RunOut:
    """Carry out a begun run, committing its counters as it goes; never raises for sync failures."""
    with session_scope(engine) as session:
        account_key = run_row(session, run_id).account_key
    context = RunContext(engine, run_id, account_key, max_messages, search_days, settings or load_settings())
    return carry_out(
        engine,
        run_id,
        lambda: _work(source, context),
        lambda exc: source.failure_message(engine, account_key, exc),
    )


def _work(source: MailSource, context: RunContext) -> None:
    """Route what an interrupted run left, do the provider's work, then route what it stored, in received order."""
    route_stored(context.engine, context.run_id)
    source.work(context)
    route_stored(context.engine, context.run_id)


def sync_account(
    source: MailSource,
    engine: Engine,
    account_key: str = "default",
    *,
    max_messages: Any = None,
    search_days: Any = None,
    settings: Settings | None = None,
) -> RunOut:
    """Run one sync to the end and return the finished run."""
    max_messages, search_days = check_options(max_messages, search_days)
    run_id = begin_run(source, engine, account_key)
    return execute_run(
        source, engine, run_id, max_messages=max_messages, search_days=search_days, settings=settings
    )


def connected_accounts(session: Session, provider: str) -> list[MailAccount]:
    """The provider's accounts that are connected and hold credentials."""
    return list(
        session.scalars(
            select(MailAccount).where(
                MailAccount.provider == provider,
                MailAccount.status == CONNECTED,
                MailAccount.encrypted_credentials.is_not(None),
            )
        )
    )


def sync_connected_accounts(
    source: MailSource,
    engine: Engine,
    settings: Settings | None = None,
) -> list[RunOut]:
    """Sync every connected account of the provider that is not already syncing."""
    with session_scope(engine) as session:
        keys = [account.account_key for account in connected_accounts(session, source.provider)]
    runs = []
    for key in keys:
        try:
            runs.append(sync_account(source, engine, key, settings=settings))
        except (Conflict, NotFound):
            continue
    return runs
