"""Mail accounts and sync runs: connect, sync and consent requests, account statuses and runs."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import Field, WithJsonSchema, field_validator

from jobops import validation as check
from jobops.errors import InvalidInput
from jobops.imap.client import SECURITY
from jobops.schemas.base import Moment, Schema

DEFAULT_ACCOUNT_KEY = "default"
_ACCOUNT_KEY = re.compile(r"^[A-Za-z0-9_.@+-]{1,100}$")
DEFAULT_MAX_MESSAGES = 100
MAX_MESSAGES = 500
DEFAULT_SEARCH_DAYS = 30
MAX_SEARCH_DAYS = 365
RUN_STATUSES = ("running", "completed", "failed")
ACCOUNT_STATUSES = ("connected", "error", "disconnected")

MAX_FOLDERS = 20


def check_account_key(account_key: str | None) -> str:
    """The account key, or InvalidInput when it is empty or has odd characters."""
    key = (account_key or DEFAULT_ACCOUNT_KEY).strip() if isinstance(account_key, str | None) else ""
    if not _ACCOUNT_KEY.match(key):
        raise InvalidInput("accountKey must be 1-100 letters, digits or . _ @ + -", field="accountKey")
    return key


AccountKey = Annotated[
    str, WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 100, "pattern": _ACCOUNT_KEY.pattern})
]


def _integer(low: int, high: int | None = None) -> WithJsonSchema:
    bounds = {"minimum": low, **({"maximum": high} if high is not None else {})}
    return WithJsonSchema({"type": "integer", **bounds})


class AccountRequest(Schema):
    """A request about one account of a provider: `default` unless named."""

    account_key: AccountKey = DEFAULT_ACCOUNT_KEY

    @field_validator("account_key", mode="before")
    @classmethod
    def _account_key(cls, value: Any) -> str:
        return check_account_key(value)


class SyncRequest(AccountRequest):
    """Sync an account now: at most this many new messages from the last this many days."""

    max_messages: Annotated[int, _integer(1, MAX_MESSAGES)] = DEFAULT_MAX_MESSAGES
    search_days: Annotated[int, _integer(1, MAX_SEARCH_DAYS)] = DEFAULT_SEARCH_DAYS

    @field_validator("max_messages", mode="before")
    @classmethod
    def _max_messages(cls, value: Any) -> int:
        return check.integer("maxMessages", value, default=DEFAULT_MAX_MESSAGES, low=1, high=MAX_MESSAGES)

    @field_validator("search_days", mode="before")
    @classmethod
    def _search_days(cls, value: Any) -> int:
        return check.integer("searchDays", value, default=DEFAULT_SEARCH_DAYS, low=1, high=MAX_SEARCH_DAYS)


class ImapConnect(AccountRequest):
    """An IMAP mailbox to log in to; the server checks (host, security, login) run when connecting."""

    host: Annotated[Any, WithJsonSchema({"type": "string", "maxLength": 253})] = None
    port: Annotated[Any, _integer(1, 65535)] = None
    security: Annotated[Any, WithJsonSchema({"enum": list(SECURITY)})] = None
    username: Annotated[Any, WithJsonSchema({"type": "string", "maxLength": 320})] = None
    password: Annotated[
        Any, WithJsonSchema({"type": "string", "maxLength": 500, "format": "password", "writeOnly": True})
    ] = Field(default=None, repr=False)
    folders: Annotated[
        Any,
        WithJsonSchema(
            {"type": "array", "items": {"type": "string", "maxLength": 200}, "maxItems": MAX_FOLDERS}
        ),
    ] = None


class ProviderAction(SyncRequest, ImapConnect):
    """POST /providers/{provider}/actions/{action}: every field any action takes (each action reads its own)."""


class OAuthExchange(AccountRequest):
    """The state and code Google sent back to the redirect URI."""

    state: Annotated[str, WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 128})] = Field(
        default="", validate_default=True
    )
    code: Annotated[str, WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 2000})] = Field(
        default="", validate_default=True
    )

    @field_validator("state", mode="before")
    @classmethod
    def _state(cls, value: Any) -> str:
        return check.text("state", value, required=True, max_len=128) or ""

    @field_validator("code", mode="before")
    @classmethod
    def _code(cls, value: Any) -> str:
        return check.text("code", value, required=True, max_len=2000) or ""


class RunsQuery(Schema):
    """GET /runs: one provider's or account's runs, at most this many."""

    provider: str | None = None  # checked against the provider registry by the route
    account_key: AccountKey | None = None
    limit: Annotated[int, _integer(1, 200)] = 20

    @field_validator("account_key", mode="before")
    @classmethod
    def _account_key(cls, value: Any) -> str | None:
        return check_account_key(value) if value else None

    @field_validator("limit", mode="before")
    @classmethod
    def _limit(cls, value: Any) -> int:
        return check.integer("limit", value, default=20, low=1, high=200)


# --- answers ---------------------------------------------------------------------------------


class AuthorizationStart(Schema):
    """Where to send the browser for Google's consent, and the single-use state bound to it."""

    authorization_url: Annotated[str, WithJsonSchema({"type": "string", "format": "uri"})]
    state: str


class AccountStatus(Schema):
    """A mail account as the user sees it: connected, error or disconnected; never a secret."""

    provider: str
    account_key: str
    status: Annotated[str, WithJsonSchema({"enum": list(ACCOUNT_STATUSES)})]
    connected: bool
    email: str | None
    connected_at: Moment | None
    last_sync_at: Moment | None
    last_error: str | None
    auto_sync_minutes: Annotated[int, _integer(0)]


class ImapAccountStatus(AccountStatus):
    """An IMAP account's status with its server settings (never the password)."""

    host: str | None
    port: int | None
    security: str | None
    username: str | None
    folders: list[str]


class RunOut(Schema):
    """A sync or import run: its state and what it counted."""

    id: str
    provider: str
    account_key: str
    status: Annotated[str, WithJsonSchema({"enum": list(RUN_STATUSES)})]
    mode: str
    started_at: Moment | None
    finished_at: Moment | None
    discovered: Annotated[int, _integer(0)]
    fetched: Annotated[int, _integer(0)]
    relevant: Annotated[int, _integer(0)]
    classified: Annotated[int, _integer(0)]
    matched: Annotated[int, _integer(0)]
    errored: Annotated[int, _integer(0)]
    error_message: str | None


class RunList(Schema):
    """Runs, newest first, and how many were listed."""

    items: list[RunOut]
    total: int
