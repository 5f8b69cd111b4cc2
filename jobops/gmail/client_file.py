"""The OAuth client file Google offers to download (`client_secret.json`): checked, then stored encrypted."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from jobops.config import (
    DEFAULT_REDIRECT_URI,
    GMAIL_CALLBACK_PATH,
    GMAIL_CLIENT_FILE,
    Settings,
    load_settings,
)
from jobops.crypto import encrypt
from jobops.errors import InvalidInput

MAX_BYTES = 16_384
CLIENT_ID = re.compile(r"[A-Za-z0-9_.-]{1,200}\.apps\.googleusercontent\.com")
CLIENT_SECRET = re.compile(r"[A-Za-z0-9_.~-]{8,200}")
NOT_A_CLIENT = (
    "This is not the OAuth client file from Google Cloud. In Credentials, open your OAuth client "
    "(type Web application) and use Download JSON."
)
DESKTOP_CLIENT = (
    "This client is a Desktop app. Create an OAuth client of type Web application with the "
    "redirect URI shown here, and upload its file."
)


@dataclass(frozen=True)
class ClientFile:
    """What JobOps keeps of Google's client file; its endpoints are never taken from the file."""

    client_id: str
    client_secret: str
    redirect_uris: tuple[str, ...]


def parse(raw: bytes) -> ClientFile:
    """The client in an uploaded file, or InvalidInput that says what is wrong (never echoing the file)."""
    if len(raw) > MAX_BYTES:
        raise InvalidInput("This file is too large to be a Google OAuth client file.", field="clientFile")
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise InvalidInput(f"This file is not JSON. {NOT_A_CLIENT}", field="clientFile") from None
    if isinstance(document, dict) and isinstance(document.get("installed"), dict):
        raise InvalidInput(DESKTOP_CLIENT, field="clientFile")
    web = document.get("web") if isinstance(document, dict) else None
    if not isinstance(web, dict):
        raise InvalidInput(NOT_A_CLIENT, field="clientFile")
    client_id, secret, uris = web.get("client_id"), web.get("client_secret"), web.get("redirect_uris", [])
    if not isinstance(client_id, str) or not CLIENT_ID.fullmatch(client_id):
        raise InvalidInput(f"The file has no valid client ID. {NOT_A_CLIENT}", field="clientFile")
    if not isinstance(secret, str) or not CLIENT_SECRET.fullmatch(secret):
        raise InvalidInput(f"The file has no valid client secret. {NOT_A_CLIENT}", field="clientFile")
    if not isinstance(uris, list):
        raise InvalidInput(NOT_A_CLIENT, field="clientFile")
    return ClientFile(client_id, secret, tuple(u for u in uris if isinstance(u, str)))


def save(client: ClientFile, redirect_uri: str, settings: Settings | None = None) -> Path:
    """Store the client for this app's redirect URI, readable by its owner only, the secret encrypted."""
    settings = settings or load_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    target = settings.data_dir / GMAIL_CLIENT_FILE
    document = {
        "clientId": client.client_id,
        "clientSecret": encrypt(client.client_secret, settings),
        "redirectUri": redirect_uri,
    }
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(document, fh)
    os.replace(partial, target)
    return target


def redirect_uri_for(page_url: str | None, configured: str) -> str:
    """The redirect URI to register: the configured one, else this app's callback at the address it is served on."""
    if configured != DEFAULT_REDIRECT_URI or not page_url:
        return configured
    parts = urlsplit(page_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return configured
    return f"{parts.scheme}://{parts.netloc}{GMAIL_CALLBACK_PATH}"
