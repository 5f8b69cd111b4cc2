"""An IMAP connection with imaplib: log in, open a folder read-only, search and fetch by UID."""

from __future__ import annotations

import contextlib
import imaplib
import re
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

SECURITY = ("ssl", "starttls", "none")
DEFAULT_PORTS = {"ssl": 993, "starttls": 143, "none": 143}
TIMEOUT_SECONDS = 30
FETCH_BATCH = 50
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_UID = re.compile(rb"\bUID (\d+)")
_LIST_LINE = re.compile(rb'^\((?P<flags>[^)]*)\) (?:"[^"]*"|NIL) (?P<name>"(?:[^"\\]|\\.)*"|\S+)$')
SENT_NAMES = (
    "sent",
    "sent items",
    "sent messages",
    "sent mail",
    "[gmail]/sent mail",
    "inbox.sent",
    "gesendet",
    "gesendete elemente",
    "envoyés",
    "éléments envoyés",
    "enviados",
    "elementos enviados",
    "inviata",
    "posta inviata",
    "verzonden",
    "verzonden items",
    "skickat",
    "wysłane",
    "送信済み",
    "보낸편지함",
)


@dataclass(frozen=True)
class Server:
    """Where and as whom to log in (the password is passed apart, never kept here)."""

    host: str
    port: int
    security: str
    username: str


class LoginRefused(Exception):
    """The server refused the username or password."""


class FolderMissing(Exception):
    """The server has no folder by that name."""


def quoted(value: str) -> str:
    """An IMAP quoted string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _open(server: Server) -> imaplib.IMAP4:
    """A connection with the chosen transport security, before login."""
    if server.security == "ssl":
        context = ssl.create_default_context()
        return imaplib.IMAP4_SSL(server.host, server.port, ssl_context=context, timeout=TIMEOUT_SECONDS)
    connection = imaplib.IMAP4(server.host, server.port, timeout=TIMEOUT_SECONDS)
    if server.security == "starttls":
        connection.starttls(ssl.create_default_context())
    return connection


@contextmanager
def logged_in(server: Server, password: str) -> Iterator[imaplib.IMAP4]:
    """A logged-in connection, logged out afterwards; LoginRefused when the credentials are wrong."""
    connection = _open(server)
    try:
        try:
            connection.login(quoted(server.username), password)
        except imaplib.IMAP4.error:
            raise LoginRefused("The IMAP server refused the username or password.") from None
        yield connection
    finally:
        _logout(connection)


def _logout(connection: imaplib.IMAP4) -> None:
    """Say goodbye, ignoring a connection that is already gone."""
    with contextlib.suppress(imaplib.IMAP4.error, OSError):
        connection.logout()


def _folder_names(connection: imaplib.IMAP4) -> list[tuple[str, str]]:
    """(flags, name) of every folder the server lists."""
    kind, data = connection.list()
    if kind != "OK":
        return []
    found = []
    for line in data:
        match = _LIST_LINE.match(line) if isinstance(line, bytes) else None
        if match:
            name = match.group("name").decode("utf-8", "replace")
            found.append((match.group("flags").decode("ascii", "replace").lower(), name.strip('"')))
    return found


def sent_folder(connection: imaplib.IMAP4) -> str | None:
    """The folder of mail the account owner sent: flagged \\Sent (RFC 6154), else by a usual name."""
    folders = _folder_names(connection)
    for flags, name in folders:
        if "\\sent" in flags.split():
            return name
    by_name = {name.lower(): name for _, name in folders}
    return next((by_name[known] for known in SENT_NAMES if known in by_name), None)


def open_folder(connection: imaplib.IMAP4, folder: str) -> int:
    """Open a folder read-only (nothing is marked read); returns its UIDVALIDITY."""
    kind, _ = connection.select(quoted(folder), readonly=True)
    if kind != "OK":
        raise FolderMissing(folder)
    _, values = connection.response("UIDVALIDITY")
    return int(values[0]) if values and values[0] else 0


def imap_date(day: date) -> str:
    """A date as IMAP SEARCH writes it (01-Jun-2025), whatever the locale."""
    return f"{day.day:02d}-{_MONTHS[day.month - 1]}-{day.year}"


def uids_after(connection: imaplib.IMAP4, last_uid: int, since: date) -> list[int]:
    """UIDs above `last_uid` of messages received on or after `since`, oldest first."""
    criteria = ["SINCE", imap_date(since)]
    if last_uid:
        criteria = ["UID", f"{last_uid + 1}:*", *criteria]
    kind, data = connection.uid("SEARCH", *criteria)
    if kind != "OK":
        raise imaplib.IMAP4.error("UID SEARCH failed")
    found = b" ".join(part for part in data if isinstance(part, bytes)).split()
    # "n:*" always matches the newest message, even when its UID is below n.
    return sorted(uid for uid in map(int, found) if uid > last_uid)


def fetch(connection: imaplib.IMAP4, uids: list[int]) -> dict[int, bytes]:
    """The raw messages by UID, read with BODY.PEEK so they stay unread."""
    kind, data = connection.uid("FETCH", ",".join(map(str, uids)), "(UID BODY.PEEK[])")
    if kind != "OK":
        raise imaplib.IMAP4.error("UID FETCH failed")
    found: dict[int, bytes] = {}
    for index, item in enumerate(data):
        if not isinstance(item, tuple):
            continue
        after = data[index + 1] if index + 1 < len(data) else b""
        match = _UID.search(item[0]) or _UID.search(after if isinstance(after, bytes) else b"")
        if match:
            found[int(match.group(1))] = item[1]
    return found
