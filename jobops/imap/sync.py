"""IMAP sync runs: per folder, fetch only UIDs above the last one seen, store each message once, route."""

from __future__ import annotations

import imaplib
import logging
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Engine

from jobops.crypto import UnreadableSecret
from jobops.db import session_scope
from jobops.errors import JobOpsError
from jobops.imap import PROVIDER
from jobops.imap.accounts import credentials
from jobops.imap.client import (
    FETCH_BATCH,
    FolderMissing,
    LoginRefused,
    fetch,
    logged_in,
    open_folder,
    sent_folder,
    uids_after,
)
from jobops.mail import sync as mail_sync
from jobops.mail.accounts import CONNECTED, record_error
from jobops.mail.lookup import account_of
from jobops.mail.raw import MalformedMessage, parse_raw
from jobops.mail.reach import known_threads
from jobops.mail.runs import FULL, INCREMENTAL, add_discovered, complete_run, route_stored
from jobops.mail.store import ParsedMessage, store_messages
from jobops.mail.sync import RunContext
from jobops.models import MailAccount, utcnow

log = logging.getLogger(__name__)

RECONNECT = "The IMAP server refused the login. Reconnect IMAP with a current app password."
UNREADABLE = "The stored IMAP password cannot be decrypted (the secret key changed). Reconnect IMAP."


def _failure_message(engine: Engine, account_key: str, exc: Exception) -> str:
    """A message for the user that never carries the password or a mail body."""
    if isinstance(exc, (LoginRefused, UnreadableSecret)):
        message = RECONNECT if isinstance(exc, LoginRefused) else UNREADABLE
        with session_scope(engine) as session:
            record_error(session, PROVIDER, account_key, message)
        return message
    if isinstance(exc, FolderMissing):
        return f"The IMAP folder '{exc}' is gone. Reconnect IMAP with the folders to read."
    if isinstance(exc, JobOpsError):
        return exc.message
    if isinstance(exc, imaplib.IMAP4.error):
        return "The IMAP server answered with an error. Try again later."
    if isinstance(exc, OSError):
        return "Could not reach the IMAP server. Check the connection and try again."
    log.exception("IMAP sync failed")
    return f"Sync failed unexpectedly ({type(exc).__name__})."


def _sync(context: RunContext) -> None:
    """The body of a run: each folder in turn until the message cap is reached, then the owner's replies."""
    engine, account_key = context.engine, context.account_key
    with session_scope(engine) as session:
        server, password = credentials(session, account_key, context.settings)
        folders = list(account_of(session, PROVIDER, account_key).settings.get("folders") or ["INBOX"])
    since = (datetime.now(UTC) - timedelta(days=context.search_days)).date()
    budget = context.max_messages
    with logged_in(server, password) as connection:
        for folder in folders:
            if budget > 0:
                budget -= _read_folder(connection, context, folder, since, budget)
        sent = sent_folder(connection)
        if budget > 0 and sent and sent not in folders:
            route_stored(engine, context.run_id)  # settle which threads are about applications first
            _read_folder(connection, context, sent, since, budget, replies_only=True)
    _complete(engine, context.run_id, account_key)


def _read_folder(
    connection: imaplib.IMAP4,
    context: RunContext,
    folder: str,
    since: date,
    budget: int,
    *,
    replies_only: bool = False,
) -> int:
    """Store a folder's new messages (only replies in known threads for the Sent folder); how many were read."""
    uidvalidity = open_folder(connection, folder)
    last_uid = _last_uid(context.engine, context.account_key, folder, uidvalidity)
    uids = uids_after(connection, last_uid, since)[:budget]
    add_discovered(context.engine, context.run_id, len(uids))
    threads: set[str] | None = None
    if replies_only:
        with session_scope(context.engine) as session:
            threads = known_threads(session, PROVIDER, context.account_key)
    for start in range(0, len(uids), FETCH_BATCH):
        batch = uids[start : start + FETCH_BATCH]
        _store(context, Folder(folder, uidvalidity, threads), batch, fetch(connection, batch))
    return len(uids)


def _cursors(account: MailAccount) -> dict[str, dict[str, int]]:
    """Last UID seen per folder, with the UIDVALIDITY it belongs to."""
    return dict((account.settings or {}).get("cursors") or {})


def _last_uid(engine: Engine, account_key: str, folder: str, uidvalidity: int) -> int:
    """Where to resume in a folder: 0 when it was never read or its UIDVALIDITY changed."""
    with session_scope(engine) as session:
        cursor = _cursors(account_of(session, PROVIDER, account_key)).get(folder)
    if not cursor or cursor.get("uidvalidity") != uidvalidity:
        return 0
    return int(cursor.get("lastUid", 0))


@dataclass(frozen=True)
class Folder:
    """A folder being read: its name, its UIDVALIDITY, and for Sent the threads whose replies are kept."""

    name: str
    uidvalidity: int
    reply_threads: set[str] | None = None  # None: keep every message


def _parse_batch(
    folder: Folder, batch: list[int], raws: dict[int, bytes], owner: str
) -> tuple[list[ParsedMessage], int]:
    """Parsed messages of a fetched batch worth keeping, and how many were missing or unreadable."""
    parsed: list[ParsedMessage] = []
    errored = 0
    for uid in batch:
        try:
            message = parse_raw(raws[uid], f"{folder.name}:{folder.uidvalidity}:{uid}")
        except (KeyError, MalformedMessage):
            errored += 1
            continue
        if folder.reply_threads is not None and message.thread_id not in folder.reply_threads:
            continue
        from_me = folder.reply_threads is not None or (bool(owner) and message.from_address == owner)
        parsed.append(replace(message, from_me=from_me))
    return parsed, errored


def _store(context: RunContext, folder: Folder, batch: list[int], raws: dict[int, bytes]) -> None:
    """Store a batch and move the folder's cursor past it in the same transaction."""
    with session_scope(context.engine) as session:
        account = account_of(session, PROVIDER, context.account_key)
        parsed, errored = _parse_batch(folder, batch, raws, (account.email or "").lower())
        store_messages(session, context.run_id, PROVIDER, context.account_key, parsed, errored)
        cursors = _cursors(account)
        cursors[folder.name] = {"uidvalidity": folder.uidvalidity, "lastUid": batch[-1]}
        account.settings = {**account.settings, "cursors": cursors}


def _complete(engine: Engine, run_id: str, account_key: str) -> None:
    """Close the run and note the account's last sync."""
    with session_scope(engine) as session:
        account = account_of(session, PROVIDER, account_key)
        account.last_sync_at = utcnow()
        account.status = CONNECTED
        account.last_error = None
        complete_run(session, run_id)


def _mode_of(account: MailAccount) -> str:
    """Incremental once any folder has a cursor, else a full read of the search window."""
    return INCREMENTAL if (account.settings or {}).get("cursors") else FULL


SOURCE = mail_sync.MailSource(PROVIDER, "IMAP", "An IMAP sync", _mode_of, _sync, _failure_message)
