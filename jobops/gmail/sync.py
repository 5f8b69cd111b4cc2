"""Gmail sync runs: find new recruitment mail (history or searches, plus whole threads), fetch each message once."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from itertools import islice
from typing import Any

from google.auth.exceptions import RefreshError
from google.oauth2.credentials import Credentials
from googleapiclient.errors import HttpError
from sqlalchemy import Engine

from jobops.db import session_scope
from jobops.errors import JobOpsError
from jobops.gmail import PROVIDER
from jobops.gmail.client import BATCH_SIZE, FetchResult, GmailClient, HistoryExpired, quota_bucket
from jobops.gmail.oauth import RECONNECT, credentials_for, mark_reconnect_needed, save_credentials
from jobops.gmail.parse import parse_message
from jobops.gmail.query import recruitment_searches, window_search
from jobops.mail import sync as mail_sync
from jobops.mail.accounts import CONNECTED
from jobops.mail.lookup import account_of, run_of
from jobops.mail.raw import MalformedMessage
from jobops.mail.reach import known_threads, tracked_employers
from jobops.mail.runs import FULL, INCREMENTAL, complete_run
from jobops.mail.store import ParsedMessage, store_messages, stored_ids
from jobops.mail.sync import RunContext
from jobops.models import MailAccount, utcnow

log = logging.getLogger(__name__)

FETCH_WORKERS = 4  # concurrent batches, each thread with its own service object
MAX_WINDOW_PAGES = 20  # pages of the whole window read to find later messages of known threads


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


def _sync(context: RunContext) -> None:
    """The body of a run: plan, fetch in concurrent batches, store, advance the history."""
    engine, account_key = context.engine, context.account_key
    credentials = credentials_for(engine, account_key, context.settings)
    token = credentials.token
    endpoint = context.settings.gmail_api_endpoint
    bucket = quota_bucket(endpoint, account_key)
    client = GmailClient(credentials, endpoint, bucket)
    plan = _plan(context, client, lambda: GmailClient(credentials, endpoint, bucket))
    with session_scope(engine) as session:
        run = run_of(session, context.run_id)
        run.mode = plan.mode
        run.discovered = len(plan.new_ids)
    errored = 0  # fetches that failed for now: the history stays where it was so they are tried again
    for result in _fetch_all(plan.new_ids, credentials, endpoint, bucket):
        errored += _store(engine, context.run_id, account_key, result)
    if plan.complete and not errored and plan.history_id is None:
        plan.history_id = str(client.profile()["historyId"])
    _complete(engine, context.run_id, account_key, plan.history_id if plan.complete and not errored else None)
    if credentials.token != token:
        save_credentials(engine, account_key, credentials, context.settings)


def _plan(context: RunContext, client: GmailClient, new_client: Callable[[], GmailClient]) -> _Plan:
    """Incremental from the stored historyId when Google still has it, else a full search."""
    with session_scope(context.engine) as session:
        history_id = account_of(session, PROVIDER, context.account_key).history_id
        names, domains = tracked_employers(session)
        threads = known_threads(session, PROVIDER, context.account_key)
    searches = recruitment_searches(context.search_days, names, domains)
    if history_id:
        try:
            added, newest = client.added_since(history_id)
        except HistoryExpired:
            log.info("Stored Gmail historyId is too old; running a full sync")
        else:
            found = _added_worth_fetching(client, searches, added, threads) if added else []
            new_ids, complete = _new_ids(context, found)
            return _Plan(INCREMENTAL, new_ids, complete, newest)
    found = _searched(client, new_client, searches, threads, window_search(context.search_days))
    new_ids, complete = _new_ids(context, found)
    return _Plan(FULL, new_ids, complete, None)


def _searched(
    client: GmailClient,
    new_client: Callable[[], GmailClient],
    searches: list[str],
    threads: set[str],
    window: str,
) -> list[str]:
    """Ids the searches find, then every other message of the window in a thread they (or the user) know.

    The first search runs alone (it refreshes an expired token once for all); the others run side by side,
    each thread with its own client. Answers are combined in search order, whichever arrives first.
    """
    local = threading.local()

    def listed(search: str, own: GmailClient | None = None) -> list[tuple[str, str]]:
        if own is None and not hasattr(local, "client"):
            local.client = new_client()
        pages = (own or local.client).message_pages(search)
        pages = islice(pages, MAX_WINDOW_PAGES) if search == window else pages
        return [item for page in pages for item in page]

    first, *rest = [*searches, window]
    with ThreadPoolExecutor(max_workers=FETCH_WORKERS) as pool:
        *answers, in_window = [listed(first, client), *pool.map(listed, rest)]
    found: dict[str, str] = {}
    for answer in answers:
        found.update((message_id, thread) for message_id, thread in answer if message_id not in found)
    threads = threads | set(found.values())
    found.update(
        (message_id, thread)
        for message_id, thread in in_window
        if thread in threads and message_id not in found
    )
    return list(found)


def _added_worth_fetching(
    client: GmailClient, searches: list[str], added: dict[str, str], threads: set[str]
) -> list[str]:
    """New messages in known threads (whatever their words), and those the searches find, with their threads."""
    rest = {message_id for message_id, thread in added.items() if thread not in threads}
    matched: set[str] = set()
    for search in searches:
        if not rest - matched:
            break
        for page in _only(client.message_pages(search), rest - matched):
            matched.update(message_id for message_id, _ in page)
    threads = threads | {added[message_id] for message_id in matched}
    return [message_id for message_id, thread in added.items() if thread in threads or message_id in matched]


def _only(pages: Iterable[list[tuple[str, str]]], wanted: set[str]) -> Iterator[list[tuple[str, str]]]:
    """Search result pages kept to the `wanted` ids, stopping once all of them were seen."""
    remaining = set(wanted)
    for page in pages:
        kept = [item for item in page if item[0] in remaining]
        remaining.difference_update(message_id for message_id, _ in kept)
        yield kept
        if not remaining:
            return


def _new_ids(context: RunContext, candidates: list[str]) -> tuple[list[str], bool]:
    """Ids not stored yet, in the order found, at most max_messages; and whether none was left out."""
    found: list[str] = []
    for start in range(0, len(candidates), 500):
        chunk = candidates[start : start + 500]
        with session_scope(context.engine) as session:
            stored = stored_ids(session, PROVIDER, context.account_key, chunk)
        found.extend(i for i in chunk if i not in stored)
    unique = list(dict.fromkeys(found))
    return unique[: context.max_messages], len(unique) <= context.max_messages


def _fetch_all(ids: list[str], credentials: Credentials, endpoint: str, bucket: Any) -> Iterator[FetchResult]:
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


def _store(engine: Engine, run_id: str, account_key: str, result: FetchResult) -> int:
    """Store one batch once per Gmail id and count it on the run; returns the fetches to try again later.

    Unreadable messages count as errored but do not hold the history back: fetching them again cannot help.
    """
    parsed: list[ParsedMessage] = []
    errored = len(result.failed) + result.unreadable
    for resource in result.messages.values():
        try:
            parsed.append(parse_message(resource))
        except MalformedMessage:
            errored += 1
    with session_scope(engine) as session:
        store_messages(session, run_id, PROVIDER, account_key, parsed, errored)
    return len(result.failed)


def _complete(engine: Engine, run_id: str, account_key: str, history_id: str | None) -> None:
    """Close the run and the account's sync state; the historyId only moves after a complete run."""
    with session_scope(engine) as session:
        account = account_of(session, PROVIDER, account_key)
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
