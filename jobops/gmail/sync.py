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
from sqlalchemy import Engine

from jobops.config import Settings
from jobops.db import session_scope
from jobops.errors import JobOpsError
from jobops.gmail import PROVIDER
from jobops.gmail.accounts import CONNECTED, find_account
from jobops.gmail.client import BATCH_SIZE, FetchResult, GmailClient, HistoryExpired, quota_bucket
from jobops.gmail.oauth import RECONNECT, credentials_for, mark_reconnect_needed, save_credentials
from jobops.gmail.parse import parse_message
from jobops.gmail.query import recruitment_query
from jobops.mail import sync as mail_sync
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
    check_options,
    complete_run,
    fail_interrupted_runs,
    get_run,
    list_runs,
    route_new,
    run_dict,
)
from jobops.mail.store import ParsedMessage, store_messages, stored_ids
from jobops.models import MailAccount, SyncRun, utcnow

log = logging.getLogger(__name__)

FETCH_WORKERS = 4  # concurrent batches, each thread with its own service object

# Runs are shared by every provider (jobops.mail); these names stay importable from here.
__all__ = [
    "COMPLETED", "DEFAULT_MAX_MESSAGES", "DEFAULT_SEARCH_DAYS", "FAILED", "FULL", "INCREMENTAL",
    "MAX_MESSAGES", "MAX_SEARCH_DAYS", "RUNNING", "SOURCE", "RoutePending", "begin_run", "check_options",
    "execute_run", "fail_interrupted_runs", "get_run", "list_runs", "run_dict", "sync_account",
    "sync_connected_accounts",
]


@dataclass
class _Plan:
    """What a run will fetch, and where the mailbox history stands once it has."""

    mode: str
    new_ids: list[str]
    complete: bool  # every new message found fits under the cap
    history_id: str | None  # newest historyId known (incremental), None until asked (full)


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


def _mode_of(account: MailAccount) -> str:
    """Incremental from a stored historyId, else a full search."""
    return INCREMENTAL if account.history_id else FULL


SOURCE = mail_sync.MailSource(PROVIDER, "Gmail", "A Gmail sync", _mode_of, _sync, _failure_message)


def begin_run(engine: Engine, account_key: str) -> str:
    """Record a running Gmail sync for a connected account; Conflict if one is already running."""
    return mail_sync.begin_run(SOURCE, engine, account_key)


def execute_run(engine: Engine, run_id: str, **options: Any) -> dict[str, Any]:
    """Carry out a begun Gmail run (options as in jobops.mail.sync.execute_run)."""
    return mail_sync.execute_run(SOURCE, engine, run_id, **options)


def sync_account(engine: Engine, account_key: str = "default", **options: Any) -> dict[str, Any]:
    """Run one Gmail sync to the end (options as in jobops.mail.sync.sync_account)."""
    return mail_sync.sync_account(SOURCE, engine, account_key, **options)


def sync_connected_accounts(
    engine: Engine, settings: Settings | None = None, route_pending: RoutePending | None = None
) -> list[dict[str, Any]]:
    """Sync every connected Gmail account that is not already syncing."""
    return mail_sync.sync_connected_accounts(SOURCE, engine, settings, route_pending)
