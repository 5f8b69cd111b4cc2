"""Connect an IMAP mailbox: check the login before storing it, keep the app password encrypted."""

from __future__ import annotations

import imaplib
import ipaddress
import re
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from jobops import validation as check
from jobops.config import Settings
from jobops.crypto import decrypt, encrypt
from jobops.db import session_scope
from jobops.errors import InvalidInput, NotFound, UpstreamError
from jobops.imap import PROVIDER
from jobops.imap.client import (
    DEFAULT_PORTS,
    SECURITY,
    FolderMissing,
    LoginRefused,
    Server,
    logged_in,
    open_folder,
)
from jobops.mail.accounts import CONNECTED, DISCONNECTED, find_account, status_of
from jobops.models import MailAccount, utcnow
from jobops.schemas.mail import MAX_FOLDERS, ImapAccountStatus, ImapConnect, check_account_key

DEFAULT_FOLDERS = ("INBOX",)
_HOST = re.compile(r"^[A-Za-z0-9.:\[\]_-]{1,253}$")
_LOOPBACK_NAMES = ("localhost", "localhost.localdomain")


def _is_loopback(host: str) -> bool:
    """Whether the host is this computer, where a password in clear text never crosses a network."""
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _folders(value: Any) -> list[str]:
    """The folders to read, INBOX when none are given."""
    if value is None:
        return list(DEFAULT_FOLDERS)
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_FOLDERS:
        raise InvalidInput(f"folders must be a list of 1 to {MAX_FOLDERS} folder names.", field="folders")
    names = [check.text("folders", name, required=True, max_len=200) or "" for name in value]
    if any(not name.isprintable() for name in names):
        raise InvalidInput("Folder names cannot hold control characters.", field="folders")
    return list(dict.fromkeys(names))


def _ascii(field: str, value: str) -> None:
    """IMAP LOGIN carries printable ASCII only."""
    if not value.isascii() or not value.isprintable():
        raise InvalidInput(f"{field} must be printable ASCII characters.", field=field)


def check_server(request: ImapConnect) -> tuple[Server, list[str]]:
    """The server settings and folders of a connect request, validated."""
    host = check.text("host", request.host, required=True, max_len=253) or ""
    if not _HOST.match(host):
        raise InvalidInput("host must be a host name or an IP address.", field="host")
    security = check.choice("security", request.security, SECURITY) or "ssl"
    if security == "none" and not _is_loopback(host):
        raise InvalidInput(
            "security 'none' would send the password in clear text: use ssl or starttls "
            "(none is only for a server on this computer).",
            field="security",
        )
    port = check.integer("port", request.port, default=DEFAULT_PORTS[security], low=1, high=65535)
    username = check.text("username", request.username, required=True, max_len=320) or ""
    _ascii("username", username)
    return Server(host, port, security, username), _folders(request.folders)


def _verify(server: Server, password: str, folders: list[str]) -> None:
    """Log in and open each folder; InvalidInput for a refusal, UpstreamError when unreachable."""
    try:
        with logged_in(server, password) as connection:
            for folder in folders:
                open_folder(connection, folder)
    except LoginRefused:
        raise InvalidInput(
            "The IMAP server refused the username or password. Check them; many providers "
            "need an app password here rather than your usual one.",
            field="password",
        ) from None
    except FolderMissing as exc:
        raise InvalidInput(f"The IMAP server has no folder '{exc}'.", field="folders") from None
    except (OSError, imaplib.IMAP4.error) as exc:
        raise UpstreamError(
            f"Could not talk to {server.host}:{server.port} over IMAP ({type(exc).__name__}). "
            "Check the host, port and security."
        ) from None


def connect(engine: Engine, request: ImapConnect, settings: Settings | None = None) -> ImapAccountStatus:
    """Check the login, then store the server settings and the encrypted app password."""
    account_key = request.account_key
    server, folders = check_server(request)
    password = check.text("password", request.password, required=True, max_len=500) or ""
    _ascii("password", password)
    _verify(server, password, folders)
    with session_scope(engine) as session:
        account = find_account(session, PROVIDER, account_key)
        if account is None:
            account = MailAccount(provider=PROVIDER, account_key=account_key, settings={})
            session.add(account)
        previous = account.settings or {}
        same_mailbox = (previous.get("host"), previous.get("username")) == (server.host, server.username)
        account.settings = {
            **previous,  # other settings, such as how often to sync, survive a reconnect
            "host": server.host,
            "port": server.port,
            "security": server.security,
            "username": server.username,
            "folders": folders,
            "cursors": previous.get("cursors", {}) if same_mailbox else {},
        }
        account.encrypted_credentials = encrypt(password, settings)
        account.email = server.username if "@" in server.username else None
        account.status = CONNECTED
        account.connected_at = utcnow()
        account.last_error = None
        session.flush()
        return _status(account_key, account)


def _status(account_key: str, account: MailAccount | None) -> ImapAccountStatus:
    """The shared account status plus the non-secret server settings."""
    saved = (account.settings or {}) if account else {}
    return ImapAccountStatus(
        **dict(status_of(PROVIDER, account_key, account)),
        host=saved.get("host"),
        port=saved.get("port"),
        security=saved.get("security"),
        username=saved.get("username"),
        folders=saved.get("folders", []),
    )


def status(session: Session, account_key: str) -> ImapAccountStatus:
    """Status of an IMAP account for pages and the API; never the password."""
    account_key = check_account_key(account_key)
    return _status(account_key, find_account(session, PROVIDER, account_key))


def disconnect(engine: Engine, account_key: str) -> ImapAccountStatus:
    """Forget the password; server settings and synced messages stay for a later reconnect."""
    account_key = check_account_key(account_key)
    with session_scope(engine) as session:
        account = find_account(session, PROVIDER, account_key)
        if account is not None:
            account.encrypted_credentials = None
            account.status = DISCONNECTED
            account.last_error = None
        return _status(account_key, account)


def credentials(session: Session, account_key: str, settings: Settings | None = None) -> tuple[Server, str]:
    """The server and the decrypted password of a connected account; NotFound when not connected."""
    account = find_account(session, PROVIDER, account_key)
    if account is None or not account.encrypted_credentials:
        raise NotFound(f"IMAP is not connected for account '{account_key}'. Connect IMAP first.")
    saved = account.settings
    server = Server(saved["host"], int(saved["port"]), saved["security"], saved["username"])
    return server, decrypt(account.encrypted_credentials, settings)
