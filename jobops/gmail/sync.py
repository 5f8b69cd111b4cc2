"""Sync runs: find new recruitment mail (history or search), fetch each message once, store, route."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any

from google.auth.exceptions import RefreshError
from google.oauth2.credentials import Credentials
from googleapiclient.errors import HttpError
from sqlalchemy import Engine, select

from jobops.config import Settings, load_settings
from jobops.db import session_scope
from jobops.errors import Conflict, JobOpsError, NotFound
from jobops.gmail import PROVIDER
from jobops.gmail.accounts import CONNECTED, check_account_key, find_account
from jobops.gmail.client import BATCH_SIZE, FetchResult, GmailClient, HistoryExpired, quota_bucket
from jobops.gmail.oauth import RECONNECT, credentials_for, mark_reconnect_needed, save_credentials
from jobops.gmail.parse import parse_message
from jobops.gmail.query import recruitment_query
from jobops.mail.runs import (
    COMPLETED,
    DEFAULT_MAX_MESSAGES,
    DEFAULT_SEARCH_DAYS,
    FAILED,
    FULL,
    INCREMENTAL,
    MAX_MESSAGES,
    MAX_SEARCH_DAYS,
    RUNNING,
    RoutePending,
    carry_out,
    check_options,
    complete_run,
    fail_interrupted_runs,
    get_run,
    list_runs,
    route_left_over,
    route_new,
    run_dict,
    start_run,
)
from jobops.mail.store import ParsedMessage, store_messages, stored_ids
from jobops.models import MailAccount, SyncRun, utcnow

log = logging.getLogger(__name__)

FETCH_WORKERS = 4  # concurrent batches, each thread with its own service object

# Run bookkeeping is shared by every provider; these names stay importable from here.
__all__ = [
    "COMPLETED", "DEFAULT_MAX_MESSAGES", "DEFAULT_SEARCH_DAYS", "FAILED", "FULL", "INCREMENTAL",
    "MAX_MESSAGES", "MAX_SEARCH_DAYS", "RUNNING", "RoutePending", "begin_run", "check_options", "execute_run",
    "fail_interrupted_runs", "get_run", "list_runs", "run_dict", "sync_account", "sync_connected_accounts",
]


@dataclass
class _Plan:
    """What a run will fetch, and where the mailbox history stands once it has."""

    mode: str
    new_ids: list[str]
    complete: bool  # every new message found fits under the cap
    history_id: str | None  # newest historyId known (incremental), None until asked (full)


def begin_run(engine: Engine, account_key: str) -> str:
    """Record a running sync for a connected account; Conflict if one is already running."""
    account_key = check_account_key(account_key)
    with session_scope(engine) as session:
        account = find_account(session, PROVIDER, account_key)
        if account is None or not account.encrypted_credentials:
            raise NotFound(f"Gmail is not connected for account '{account_key}'. Connect Gmail first.")
        mode = INCREMENTAL if account.history_id else FULL
        return start_run(session, PROVIDER, account_key, mode, "A Gmail sync")


def sync_account(
    engine: Engine,
    account_key: str = "default",
    *,
    max_messages: Any = None,
    search_days: Any = None,
    settings: Settings | None = None,
    route_pending: RoutePending | None = None,
) -> dict[str, Any]:
    """Run one sync to the end and return the finished run."""
    max_messages, search_days = check_options(max_messages, search_days)
    run_id = begin_run(engine, account_key)
    return execute_run(
        engine,
        run_id,
        max_messages=max_messages,
        search_days=search_days,
        settings=settings,
        route_pending=route_pending,
    )


def execute_run(
    engine: Engine,
    run_id: str,
    *,
    max_messages: int = DEFAULT_MAX_MESSAGES,
    search_days: int = DEFAULT_SEARCH_DAYS,
    settings: Settings | None = None,
    route_pending: RoutePending | None = None,
) -> dict[str, Any]:
    """Carry out a begun run, committing its counters as it goes; never raises for sync failures."""
    with session_scope(engine) as session:
        account_key = session.get(SyncRun, run_id).account_key
    settings = settings or load_settings()
    return carry_out(
        engine,
        run_id,
        lambda: _sync(engine, run_id, account_key, max_messages, search_days, settings, route_pending),
        lambda exc: _failure_message(engine, account_key, exc),
    )


def _failure_message(engine: Engine, account_key: str, exc: Exception) -> str:
    """A message for the user that never carries a token or a mail body."""
    if isinstance(exc, RefreshError):
        mark_reconnect_needed(engine, account_key)
        return RECONNECT
    if isinstance(exc, JobOpsError):
        return exc.message
    if isinstance(exc, HttpError):
        return f"Gmail answered HTTP {exc.status_code}. Try again later."
    if isinstance(exc, OSError):
        return "Could not reach Gmail. Check the connection and try again."
    log.exception("Gmail sync failed")
    return f"Sync failed unexpectedly ({type(exc).__name__})."


def _sync(
    engine: Engine,
    run_id: str,
    account_key: str,
    max_messages: int,
    search_days: int,
    settings: Settings,
    route_pending: RoutePending | None,
) -> None:
    """The body of a run: plan, fetch in concurrent batches, store, route, advance the history."""
    route_left_over(engine, run_id, route_pending)  # a crash may have come between a store and its routing
    credentials = credentials_for(engine, account_key, settings)
    token = credentials.token
    endpoint = settings.gmail_api_endpoint
    bucket = quota_bucket(endpoint, account_key)
    client = GmailClient(credentials, endpoint, bucket)
    with session_scope(engine) as session:
        history_id = find_account(session, PROVIDER, account_key).history_id
    plan = _plan(engine, client, account_key, history_id, recruitment_query(search_days), max_messages)
    with session_scope(engine) as session:
        run = session.get(SyncRun, run_id)
        run.mode = plan.mode
        run.discovered = len(plan.new_ids)
    errored = 0
    for result in _fetch_all(plan.new_ids, credentials, endpoint, bucket):
        stored = _store(engine, run_id, account_key, result)
        errored += len(result.failed)
        route_new(engine, run_id, stored, route_pending)
    if plan.complete and not errored and plan.history_id is None:
        plan.history_id = str(client.profile()["historyId"])
    _complete(engine, run_id, account_key, plan.history_id if plan.complete and not errored else None)
    if credentials.token != token:
        save_credentials(engine, account_key, credentials, settings)


def _plan(
    engine: Engine,
    client: GmailClient,
    account_key: str,
    history_id: str | None,
    query: str,
    max_messages: int,
) -> _Plan:
    """Incremental from the stored historyId when Google still has it, else a full search."""
    if history_id:
        try:
            added, newest = client.added_since(history_id)
        except HistoryExpired:
            log.info("Stored Gmail historyId is too old; running a full sync")
        else:
            if not added:
                return _Plan(INCREMENTAL, [], True, newest)
            pages = _only(client.message_pages(query), set(added))
            new_ids, complete = _new_ids(engine, account_key, pages, max_messages)
            return _Plan(INCREMENTAL, new_ids, complete, newest)
    new_ids, complete = _new_ids(engine, account_key, client.message_pages(query), max_messages)
    return _Plan(FULL, new_ids, complete, None)


def _only(pages: Iterable[list[str]], wanted: set[str]) -> Iterator[list[str]]:
    """Search result pages kept to the `wanted` ids, stopping once all of them were seen."""
    remaining = set(wanted)
    for page in pages:
        kept = [message_id for message_id in page if message_id in remaining]
        remaining.difference_update(kept)
        yield kept
        if not remaining:
            return


def _new_ids(
    engine: Engine, account_key: str, pages: Iterable[list[str]], max_messages: int
) -> tuple[list[str], bool]:
    """Ids not stored yet, newest first, at most max_messages; and whether none was left out."""
    found: list[str] = []
    for chunk in pages:
        with session_scope(engine) as session:
            stored = stored_ids(session, PROVIDER, account_key, chunk)
        found.extend(i for i in dict.fromkeys(chunk) if i not in stored and i not in found)
        if len(found) > max_messages:
            return found[:max_messages], False
    return found, True


def _fetch_all(
    ids: list[str], credentials: Credentials, endpoint: str, bucket: Any
) -> Iterator[FetchResult]:
    """Fetch batches concurrently, yielding each batch's result as it arrives."""
    batches = [ids[i : i + BATCH_SIZE] for i in range(0, len(ids), BATCH_SIZE)]
    if not batches:
        return
    local = threading.local()

    def fetch(batch: list[str]) -> FetchResult:
        if not hasattr(local, "client"):
            local.client = GmailClient(credentials, endpoint, bucket)
        return local.client.get_messages(batch)

    with ThreadPoolExecutor(max_workers=min(FETCH_WORKERS, len(batches))) as pool:
        for future in as_completed([pool.submit(fetch, batch) for batch in batches]):
            yield future.result()


def _store(engine: Engine, run_id: str, account_key: str, result: FetchResult) -> list[str]:
    """Store one batch once per Gmail id and count it on the run; returns the new rows' ids."""
    parsed: list[ParsedMessage] = []
    errored = len(result.failed)
    for resource in result.messages.values():
        try:
            parsed.append(parse_message(resource))
        except (KeyError, TypeError, ValueError):
            errored += 1
    with session_scope(engine) as session:
        return store_messages(session, run_id, PROVIDER, account_key, parsed, errored)


def _complete(engine: Engine, run_id: str, account_key: str, history_id: str | None) -> None:
    """Close the run and the account's sync state; the historyId only moves after a complete run."""
    with session_scope(engine) as session:
        account = find_account(session, PROVIDER, account_key)
        if history_id:
            account.history_id = history_id
        account.last_sync_at = utcnow()
        account.status = CONNECTED
        account.last_error = None
        complete_run(session, run_id)


def sync_connected_accounts(
    engine: Engine, settings: Settings | None = None, route_pending: RoutePending | None = None
) -> list[dict[str, Any]]:
    """One scheduled round: sync every connected Gmail account that is not already syncing."""
    with session_scope(engine) as session:
        keys = list(
            session.scalars(
                select(MailAccount.account_key).where(
                    MailAccount.provider == PROVIDER,
                    MailAccount.status == CONNECTED,
                    MailAccount.encrypted_credentials.is_not(None),
                )
            )
        )
    runs = []
    for key in keys:
        try:
            runs.append(sync_account(engine, key, settings=settings, route_pending=route_pending))
        except (Conflict, NotFound):
            continue
    return runs
