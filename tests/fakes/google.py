"""A local stand-in for Google's OAuth endpoints and the Gmail v1 API, for tests and the bench.

It speaks plain HTTP on a free 127.0.0.1 port so the real google-auth-oauthlib and
google-api-python-client run end to end. Gmail calls: getProfile, messages.list (with Gmail's
search rules for `q`, see tests/fakes/gmail_search.py), messages.get and threads.get (format
minimal, metadata or full), history.list, and any of them inside a /batch/gmail/v1 request.
Messages carry labels, so the owner's own mail (SENT), spam, trash and categories behave as in
Gmail. Knobs: latency per HTTP request, message fetches held until released, a per-user quota in units per second (429 beyond it),
message or thread ids that fail a number of times, ids that always fail, consent denial.
Counters record every call and the quota units spent.
"""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from http.server import ThreadingHTTPServer
from typing import Any

from tests.fakes.gmail_api import GmailApi
from tests.fakes.gmail_message import FakeMessage
from tests.fakes.google_http import Handler
from tests.fakes.google_oauth import GMAIL_READONLY, GoogleOAuth
from tests.fakes.google_quota import UNITS, Quota

__all__ = ["DEFAULT_SENDER", "GMAIL_READONLY", "UNITS", "FakeGoogle", "FakeMessage"]

DEFAULT_SENDER = "Acme Recruiting <jobs@acme.example>"


class FakeGoogle(GoogleOAuth, GmailApi):
    """The fake's state, knobs and counters; `start()` serves it on a free loopback port."""

    def __init__(
        self,
        *,
        client_id: str = "fake-client-id",
        client_secret: str = "fake-client-secret",
        email: str = "seeker@example.com",
        latency: float = 0.0,
        quota_units_per_second: float | None = None,
        token_lifetime: int = 3600,
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.email = email
        self.latency = latency
        self.fetches_open = threading.Event()  # clear it to hold messages.get and threads.get until it is set
        self.fetches_open.set()
        self.token_lifetime = token_lifetime
        self.deny_consent = False
        self.granted_scope = GMAIL_READONLY
        self.page_size_cap = 500
        self.fail_ids: dict[str, list[int]] = {}  # id -> statuses to answer, in order, before success
        self.broken_ids: dict[str, int] = {}  # id -> status answered every time
        self.calls: Counter[str] = Counter()
        self.served: Counter[str] = Counter()  # message id -> times its content was sent
        self.units = 0
        self.throttled = 0  # calls answered 429 for the quota
        self.http_requests = 0
        self.consents: list[dict[str, str]] = []
        self.messages: dict[str, FakeMessage] = {}
        # id -> the exact JSON text messages.get answers, for resources json.dumps cannot write (too deep)
        self.raw_resources: dict[str, str] = {}
        self.history_id = 1000
        self.history_floor = 0
        self._history: list[tuple[int, str]] = []
        self._codes: dict[str, dict[str, str]] = {}
        self._access: dict[str, tuple[str, float]] = {}  # access token -> (refresh token, expires at)
        self._refresh: set[str] = set()
        self._lock = threading.RLock()
        self._server: ThreadingHTTPServer | None = None
        self.quota = Quota(quota_units_per_second)

    @property
    def quota_units_per_second(self) -> float | None:
        """Per-user quota; setting it starts a full bucket."""
        return self.quota.rate

    @quota_units_per_second.setter
    def quota_units_per_second(self, rate: float | None) -> None:
        self.quota.rate = rate

    # ----- lifecycle
    def start(self) -> FakeGoogle:
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.fake = self  # type: ignore[attr-defined]
        self._server = server
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeGoogle:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._server is not None, "start() the fake first"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def auth_uri(self) -> str:
        return f"{self.url}/o/oauth2/auth"

    @property
    def token_uri(self) -> str:
        return f"{self.url}/token"

    @property
    def revoke_uri(self) -> str:
        return f"{self.url}/revoke"

    def environment(self) -> dict[str, str]:
        """Environment variables that point JobOps at this fake."""
        return {
            "GMAIL_OAUTH_CLIENT_ID": self.client_id,
            "GMAIL_OAUTH_CLIENT_SECRET": self.client_secret,
            "GMAIL_OAUTH_AUTH_URI": self.auth_uri,
            "GMAIL_OAUTH_TOKEN_URI": self.token_uri,
            "GMAIL_OAUTH_REVOKE_URI": self.revoke_uri,
            "GMAIL_API_ENDPOINT": self.url,
        }

    # ----- mailbox
    def add_message(
        self,
        *,
        sender: str | None = None,
        subject: str = "Your application",
        text: str | None = "Thanks for applying.",
        html: str | None = None,
        age: timedelta = timedelta(hours=1),
        thread_id: str | None = None,
        payload: dict[str, Any] | None = None,
        labels: list[str] | None = None,
        to: str | None = None,
        from_me: bool = False,
        message_id: str | None = None,
        in_reply_to: str | None = None,
        references: str | None = None,
    ) -> FakeMessage:
        """Deliver a message (received `age` ago); it gets a new historyId.

        `from_me` makes it the owner's own mail: sent from `email` (unless `sender` is given), to
        DEFAULT_SENDER (unless `to` is given), labelled SENT. Other mail is labelled INBOX by default.
        """
        if from_me:
            labels = list(labels or [])
            labels += [] if "SENT" in labels else ["SENT"]
        headers = {"Message-ID": message_id, "In-Reply-To": in_reply_to, "References": references}
        with self._lock:
            self.history_id += 1
            new_id = f"{self.history_id:016x}"
            received = datetime.now(UTC) - age
            message = FakeMessage(
                id=new_id,
                thread_id=thread_id or new_id,
                sender=sender or (self.email if from_me else DEFAULT_SENDER),
                subject=subject,
                text=text,
                html=html,
                internal_date_ms=int(received.timestamp() * 1000),
                history_id=self.history_id,
                payload=payload,
                labels=["INBOX"] if labels is None else list(labels),
                to=to or (DEFAULT_SENDER if from_me else self.email),
                extra_headers={name: value for name, value in headers.items() if value is not None},
            )
            self.messages[new_id] = message
            self._history.append((self.history_id, new_id))
            return message

    def forget_history(self) -> None:
        """Make every historyId given out so far too old (history.list answers 404)."""
        with self._lock:
            self.history_floor = self.history_id + 1
