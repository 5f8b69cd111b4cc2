"""IMAP sync runs: per folder, fetch only UIDs above the last one seen, store each message once, route."""

from __future__ import annotations

import imaplib
import logging
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Engine

from jobops.config import Settings
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
    uids_after,
)
from jobops.mail import sync as mail_sync
from jobops.mail.accounts import CONNECTED, find_account, record_error
from jobops.mail.raw import MalformedMessage, parse_raw
from jobops.mail.runs import (
    FULL,
    INCREMENTAL,
    RoutePending,
    add_discovered,
    complete_run,
    route_new,
)
from jobops.mail.store import ParsedMessage, store_messages
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


def _sync(
    engine: Engine,
    run_id: str,
    account_key: str,
    max_messages: int,
    search_days: int,
    settings: Settings,
    route_pending: RoutePending | None,
) -> None:
    """The body of a run: each folder in turn until the message cap is reached."""
    with session_scope(engine) as session:
        server, password = credentials(session, account_key, settings)
        folders = list(find_account(session, PROVIDER, account_key).settings.get("folders") or ["INBOX"])
    since = (datetime.now(timezone.utc) - timedelta(days=search_days)).date()
    budget = max_messages
    with logged_in(server, password) as connection:
        for folder in folders:
            if budget <= 0:
                break
            uidvalidity = open_folder(connection, folder)
            last_uid = _last_uid(engine, account_key, folder, uidvalidity)
            uids = uids_after(connection, last_uid, since)[:budget]
            add_discovered(engine, run_id, len(uids))
            for start in range(0, len(uids), FETCH_BATCH):
                batch = uids[start : start + FETCH_BATCH]
                raws = fetch(connection, batch)
                stored = _store(engine, run_id, account_key, folder, uidvalidity, batch, raws)
                route_new(engine, run_id, stored, route_pending)
            budget -= len(uids)
    _complete(engine, run_id, account_key)


def _cursors(account: MailAccount) -> dict[str, dict[str, int]]:
    """Last UID seen per folder, with the UIDVALIDITY it belongs to."""
    return dict((account.settings or {}).get("cursors") or {})


def _last_uid(engine: Engine, account_key: str, folder: str, uidvalidity: int) -> int:
    """Where to resume in a folder: 0 when it was never read or its UIDVALIDITY changed."""
    with session_scope(engine) as session:
        cursor = _cursors(find_account(session, PROVIDER, account_key)).get(folder)
    if not cursor or cursor.get("uidvalidity") != uidvalidity:
        return 0
    return int(cursor.get("lastUid", 0))


def _parse_batch(
    folder: str, uidvalidity: int, batch: list[int], raws: dict[int, bytes]
) -> tuple[list[ParsedMessage], int]:
    """Parsed messages of a fetched batch, and how many were missing or unreadable."""
    parsed: list[ParsedMessage] = []
    errored = 0
    for uid in batch:
        try:
            parsed.append(parse_raw(raws[uid], f"{folder}:{uidvalidity}:{uid}"))
        except (KeyError, MalformedMessage):
            errored += 1
    return parsed, errored


def _store(
    engine: Engine, run_id: str, account_key: str, folder: str, uidvalidity: int, batch: list[int],
    raws: dict[int, bytes],
) -> list[str]:
    """Store a batch and move the folder's cursor past it in the same transaction."""
    parsed, errored = _parse_batch(folder, uidvalidity, batch, raws)
    with session_scope(engine) as session:
        stored = store_messages(session, run_id, PROVIDER, account_key, parsed, errored)
        account = find_account(session, PROVIDER, account_key)
        cursors = _cursors(account)
        cursors[folder] = {"uidvalidity": uidvalidity, "lastUid": batch[-1]}
        account.settings = {**account.settings, "cursors": cursors}
        return stored


def _complete(engine: Engine, run_id: str, account_key: str) -> None:
    """Close the run and note the account's last sync."""
    with session_scope(engine) as session:
        account = find_account(session, PROVIDER, account_key)
        account.last_sync_at = utcnow()
        account.status = CONNECTED
        account.last_error = None
        complete_run(session, run_id)


def _mode_of(account: MailAccount) -> str:
    """Incremental once any folder has a cursor, else a full read of the search window."""
    return INCREMENTAL if (account.settings or {}).get("cursors") else FULL


SOURCE = mail_sync.MailSource(PROVIDER, "IMAP", "An IMAP sync", _mode_of, _sync, _failure_message)


def begin_run(engine: Engine, account_key: str) -> str:
    """Record a running IMAP sync for a connected account; Conflict if one is already running."""
    return mail_sync.begin_run(SOURCE, engine, account_key)


def execute_run(engine: Engine, run_id: str, **options: Any) -> dict[str, Any]:
    """Carry out a begun IMAP run (options as in jobops.mail.sync.execute_run)."""
    return mail_sync.execute_run(SOURCE, engine, run_id, **options)


def sync_account(engine: Engine, account_key: str = "default", **options: Any) -> dict[str, Any]:
    """Run one IMAP sync to the end (options as in jobops.mail.sync.sync_account)."""
    return mail_sync.sync_account(SOURCE, engine, account_key, **options)
