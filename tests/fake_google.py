"""A local stand-in for Google's OAuth endpoints and the Gmail v1 API, for tests and the bench.

It speaks plain HTTP on a free 127.0.0.1 port so the real google-auth-oauthlib and
google-api-python-client run end to end. Gmail calls: getProfile, messages.list (with Gmail's
search rules for `q`, see tests/fake_gmail_search.py), messages.get and threads.get (format
minimal, metadata or full), history.list, and any of them inside a /batch/gmail/v1 request.
Messages carry labels, so the owner's own mail (SENT), spam, trash and categories behave as in
Gmail. Knobs: latency per HTTP request, a per-user quota in units per second (429 beyond it),
message or thread ids that fail a number of times, ids that always fail, consent denial.
Counters record every call and the quota units spent.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.parser import Parser
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.fake_gmail_search import MAX_QUERY_LENGTH, Mail, compile_query, html_text

GMAIL_READONLY = "https://www.googleapis.com/auth/gmail.readonly"
UNITS = {"profile": 1, "list": 5, "get": 5, "history": 2, "threads": 10}
FORMATS = ("minimal", "metadata", "full")
DEFAULT_SENDER = "Acme Recruiting <jobs@acme.example>"
ROUTES = re.compile(
    r"/gmail/v1/users/me/(?:(?P<kind>profile|messages|history)|messages/(?P<message>[^/]+)"
    r"|threads/(?P<thread>[^/]+))"
)
Query = dict[str, list[str]]
REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


@dataclass
class FakeMessage:
    """One message in the fake mailbox."""

    id: str
    thread_id: str
    sender: str
    subject: str
    text: str | None
    html: str | None
    internal_date_ms: int
    history_id: int
    payload: dict[str, Any] | None = None  # a hand-made payload replaces the generated one
    labels: list[str] = field(default_factory=lambda: ["INBOX"])
    to: str = "seeker@example.com"
    extra_headers: dict[str, str] = field(default_factory=dict)  # Message-ID, In-Reply-To, References

    def resource(self, fmt: str = "full", wanted: list[str] | None = None) -> dict[str, Any]:
        """The messages.get answer; `wanted` names the headers format=metadata keeps (all if empty)."""
        resource: dict[str, Any] = {
            "id": self.id,
            "threadId": self.thread_id,
            "labelIds": list(self.labels),
            "snippet": (self.text or self.subject)[:100],
            "historyId": str(self.history_id),
            "internalDate": str(self.internal_date_ms),
            "sizeEstimate": len(self.text or "") + len(self.html or ""),
        }
        payload = self.payload or self._payload()
        if fmt == "full":
            resource["payload"] = payload
        elif fmt == "metadata":
            names = {name.lower() for name in wanted or []}
            headers = [h for h in payload.get("headers", []) if not names or h["name"].lower() in names]
            resource["payload"] = {"mimeType": payload.get("mimeType", ""), "headers": headers}
        return resource

    def mail(self) -> Mail:
        """What Gmail's search sees of this message: the payload as served."""
        payload = self.payload or self._payload()
        headers = {h["name"].lower(): h["value"] for h in payload.get("headers", [])}
        texts: list[str] = []
        attachment = _walk(payload, texts)
        return Mail(
            subject=headers.get("subject", ""),
            body="\n".join(texts),
            sender=headers.get("from", ""),
            recipients=", ".join(headers.get(name, "") for name in ("to", "cc")),
            labels=frozenset(self.labels),
            received_ms=self.internal_date_ms,
            message_id=headers.get("message-id", ""),
            has_attachment=attachment,
        )

    def _payload(self) -> dict[str, Any]:
        sent = datetime.fromtimestamp(self.internal_date_ms / 1000, tz=UTC)
        headers = [
            {"name": "From", "value": self.sender},
            {"name": "To", "value": self.to},
            {"name": "Subject", "value": self.subject},
            {"name": "Date", "value": format_datetime(sent)},
            *({"name": name, "value": value} for name, value in self.extra_headers.items()),
        ]
        parts = [
            self._part(str(i), mime, body)
            for i, (mime, body) in enumerate((("text/plain", self.text), ("text/html", self.html)))
            if body is not None
        ]
        if len(parts) == 1:
            return {**parts[0], "partId": "", "headers": headers + parts[0]["headers"]}
        headers.append({"name": "Content-Type", "value": 'multipart/alternative; boundary="b1"'})
        return {
            "partId": "",
            "mimeType": "multipart/alternative",
            "filename": "",
            "headers": headers,
            "body": {"size": 0},
            "parts": parts,
        }

    @staticmethod
    def _part(part_id: str, mime: str, body: str) -> dict[str, Any]:
        data = body.encode("utf-8")
        return {
            "partId": part_id,
            "mimeType": mime,
            "filename": "",
            "headers": [{"name": "Content-Type", "value": f'{mime}; charset="UTF-8"'}],
            "body": {"size": len(data), "data": _b64url(data)},
        }


def _walk(part: dict[str, Any], texts: list[str]) -> bool:
    """Collect the text of a payload's text/plain and text/html parts; True if it has an attachment."""
    data = part.get("body", {}).get("data")
    if data and part.get("mimeType") in ("text/plain", "text/html"):
        text = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)).decode("utf-8", "replace")
        texts.append(html_text(text) if part["mimeType"] == "text/html" else text)
    attached = bool(part.get("filename"))
    for child in part.get("parts") or []:
        attached = _walk(child, texts) or attached
    return attached


class FakeGoogle:
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
        self.quota_units_per_second = quota_units_per_second

    @property
    def quota_units_per_second(self) -> float | None:
        """Per-user quota; setting it starts a full bucket."""
        return self._quota_rate

    @quota_units_per_second.setter
    def quota_units_per_second(self, rate: float | None) -> None:
        with self._lock:
            self._quota_rate = rate
            self._quota_tokens = float(rate or 0)
            self._quota_stamp = time.monotonic()

    # ----- lifecycle
    def start(self) -> FakeGoogle:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
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

    def expire_access_tokens(self) -> None:
        """Access tokens stop working; refresh tokens still do."""
        with self._lock:
            self._access.clear()

    def revoke_all(self) -> None:
        """The user revoked access: every token stops working."""
        with self._lock:
            self._access.clear()
            self._refresh.clear()

    @property
    def gmail_calls(self) -> int:
        """Gmail API calls made, counting each call inside a batch."""
        return sum(self.calls[k] for k in UNITS)

    # ----- OAuth
    def consent(self, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        self.calls["consent"] += 1
        self.consents.append(query)
        if query.get("client_id") != self.client_id:
            return 400, {}, b"unknown client"
        redirect = query["redirect_uri"]
        if self.deny_consent:
            params = {"error": "access_denied", "state": query.get("state", "")}
        else:
            code = secrets.token_urlsafe(16)
            with self._lock:
                self._codes[code] = {
                    "challenge": query.get("code_challenge", ""),
                    "method": query.get("code_challenge_method", ""),
                    "redirect_uri": redirect,
                }
            params = {"code": code, "state": query.get("state", ""), "scope": self.granted_scope}
        separator = "&" if "?" in redirect else "?"
        return 302, {"Location": f"{redirect}{separator}{urlencode(params)}"}, b""

    def token(self, form: dict[str, str], authorization: str) -> tuple[int, dict[str, Any]]:
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        if authorization.lower().startswith("basic "):
            decoded = base64.b64decode(authorization[6:]).decode()
            client_id, _, client_secret = decoded.partition(":")
        if (client_id, client_secret) != (self.client_id, self.client_secret):
            return 401, {"error": "invalid_client"}
        grant = form.get("grant_type")
        if grant == "authorization_code":
            self.calls["token"] += 1
            return self._trade_code(form)
        if grant == "refresh_token":
            self.calls["refresh"] += 1
            return self._refresh_access(form.get("refresh_token", ""))
        return 400, {"error": "unsupported_grant_type"}

    def _trade_code(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            grant = self._codes.pop(form.get("code", ""), None)
        if grant is None or grant["redirect_uri"] != form.get("redirect_uri"):
            return 400, {"error": "invalid_grant", "error_description": "Malformed auth code."}
        verifier = form.get("code_verifier", "")
        expected = _b64url(hashlib.sha256(verifier.encode()).digest())
        if grant["method"] != "S256" or not verifier or expected != grant["challenge"]:
            return 400, {"error": "invalid_grant", "error_description": "Missing code verifier."}
        refresh = secrets.token_urlsafe(24)
        with self._lock:
            self._refresh.add(refresh)
        return 200, {**self._issue(refresh), "refresh_token": refresh}

    def _refresh_access(self, refresh: str) -> tuple[int, dict[str, Any]]:
        with self._lock:
            known = refresh in self._refresh
        if not known:
            return 400, {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}
        return 200, self._issue(refresh)

    def _issue(self, refresh: str) -> dict[str, Any]:
        access = secrets.token_urlsafe(24)
        with self._lock:
            self._access[access] = (refresh, time.time() + self.token_lifetime)
        return {
            "access_token": access,
            "expires_in": self.token_lifetime,
            "scope": self.granted_scope,
            "token_type": "Bearer",
        }

    def revoke(self, token: str) -> tuple[int, dict[str, Any]]:
        self.calls["revoke"] += 1
        with self._lock:
            refresh = self._access[token][0] if token in self._access else token
            if refresh not in self._refresh:
                return 400, {"error": "invalid_token"}
            self._refresh.discard(refresh)
            for access in [a for a, (r, _) in self._access.items() if r == refresh]:
                del self._access[access]
        return 200, {}

    # ----- Gmail
    def _authorized(self, authorization: str) -> bool:
        token = authorization[7:] if authorization.lower().startswith("bearer ") else ""
        with self._lock:
            entry = self._access.get(token)
        return entry is not None and entry[1] > time.time()

    def _spend(self, units: int) -> bool:
        """Take units from the per-user quota bucket; False when it is empty."""
        if not self.quota_units_per_second:
            return True
        with self._lock:
            now = time.monotonic()
            rate = self.quota_units_per_second
            self._quota_tokens = min(rate, self._quota_tokens + (now - self._quota_stamp) * rate)
            self._quota_stamp = now
            if self._quota_tokens < units:
                return False
            self._quota_tokens -= units
            return True

    def gmail(self, method: str, target: str, authorization: str) -> tuple[int, dict[str, Any]]:
        """Answer one Gmail v1 call (direct or inside a batch)."""
        parts = urlsplit(target)
        query = parse_qs(parts.query)
        match = ROUTES.fullmatch(parts.path)
        if method != "GET" or match is None:
            return 404, _error(404, "Not Found")
        kind = "get" if match["message"] else "threads" if match["thread"] else match["kind"]
        kind = {"messages": "list"}.get(kind, kind)
        self.calls[kind] += 1
        if not self._authorized(authorization):
            return 401, _error(401, "Request had invalid authentication credentials.")
        item_id = match["message"] or match["thread"]
        with self._lock:
            if item_id and self.fail_ids.get(item_id):
                status = self.fail_ids[item_id].pop(0)
                return status, _error(status, "Backend Error")
            if item_id in self.broken_ids:
                return self.broken_ids[item_id], _error(self.broken_ids[item_id], "Backend Error")
        if not self._spend(UNITS[kind]):
            with self._lock:
                self.throttled += 1
            return 429, _error(429, "User-rate limit exceeded", "rateLimitExceeded")
        with self._lock:
            self.units += UNITS[kind]
            return getattr(self, f"_answer_{kind}")(query, item_id)

    def _answer_profile(self, query: Query, _id: str | None) -> tuple[int, dict[str, Any]]:
        return 200, {
            "emailAddress": self.email,
            "messagesTotal": len(self.messages),
            "threadsTotal": len({m.thread_id for m in self.messages.values()}),
            "historyId": str(self.history_id),
        }

    def _answer_list(self, query: Query, _id: str | None) -> tuple[int, dict[str, Any]]:
        search = _one(query, "q", "")
        if len(search) > MAX_QUERY_LENGTH:
            message = f"Invalid query: longer than {MAX_QUERY_LENGTH} characters."
            return 400, _error(400, message, "invalidArgument")
        matches = compile_query(search, include_spam_trash=_one(query, "includeSpamTrash", "") == "true")
        labels = set(query.get("labelIds", []))
        newest_first = sorted(
            self.messages.values(), key=lambda m: (m.internal_date_ms, m.history_id), reverse=True
        )
        found = [m for m in newest_first if labels <= set(m.labels) and matches(m.mail())]
        size = min(int(_one(query, "maxResults", "100")), self.page_size_cap)
        offset = int(_one(query, "pageToken", "") or 0)
        page = found[offset : offset + size]
        answer: dict[str, Any] = {"resultSizeEstimate": len(found)}
        if page:
            answer["messages"] = [{"id": m.id, "threadId": m.thread_id} for m in page]
        if offset + size < len(found):
            answer["nextPageToken"] = str(offset + size)
        return 200, answer

    def _answer_get(self, query: Query, message_id: str | None) -> tuple[int, dict[str, Any]]:
        message = self.messages.get(message_id or "")
        if message is None:
            return 404, _error(404, "Requested entity was not found.")
        if _one(query, "format", "full") not in FORMATS:
            return 400, _bad_format(query)
        if message.id in self.raw_resources:
            return 200, RawJson(self.raw_resources[message.id])
        return 200, self._resource(message, query)

    def _answer_threads(self, query: Query, thread_id: str | None) -> tuple[int, dict[str, Any]]:
        thread = sorted(
            (m for m in self.messages.values() if m.thread_id == thread_id),
            key=lambda m: (m.internal_date_ms, m.history_id),
        )
        if not thread:
            return 404, _error(404, "Requested entity was not found.")
        if _one(query, "format", "full") not in FORMATS:
            return 400, _bad_format(query)
        return 200, {
            "id": thread_id,
            "historyId": str(max(m.history_id for m in thread)),
            "messages": [self._resource(m, query) for m in thread],
        }

    def _resource(self, message: FakeMessage, query: Query) -> dict[str, Any]:
        """One message in the asked format; `served` counts full ones (their content was sent)."""
        fmt = _one(query, "format", "full")
        if fmt == "full":
            self.served[message.id] += 1
        return message.resource(fmt, query.get("metadataHeaders"))

    def _answer_history(self, query: Query, _id: str | None) -> tuple[int, dict[str, Any]]:
        start = int(_one(query, "startHistoryId", "0"))
        if start < self.history_floor:
            return 404, _error(404, "Requested entity was not found.")
        label = _one(query, "labelId", "")
        records = [
            {
                "id": str(hid),
                "messages": [{"id": mid, "threadId": self.messages[mid].thread_id}],
                "messagesAdded": [
                    {
                        "message": {
                            "id": mid,
                            "threadId": self.messages[mid].thread_id,
                            "labelIds": list(self.messages[mid].labels),
                        }
                    }
                ],
            }
            for hid, mid in self._history
            if hid > start and (not label or label in self.messages[mid].labels)
        ]
        answer: dict[str, Any] = {"historyId": str(self.history_id)}
        if records:
            answer["history"] = records
        return 200, answer

    def batch(self, content_type: str, body: str) -> tuple[str, bytes]:
        """Answer a multipart/mixed batch: each part is one Gmail call."""
        self.calls["batch"] += 1
        message = Parser().parsestr(f"Content-Type: {content_type}\r\n\r\n{body}")
        boundary = "batch_" + secrets.token_hex(8)
        out = []
        for part in message.get_payload():
            request_line, _, rest = part.get_payload().partition("\n")
            method, target, _version = request_line.strip().split(" ", 2)
            head = rest.split("\n\n", 1)[0].split("\r\n\r\n", 1)[0]
            headers = {
                k.strip().lower(): v.strip()
                for k, _, v in (line.partition(":") for line in head.splitlines() if ":" in line)
            }
            status, answer = self.gmail(method, target, headers.get("authorization", ""))
            out.append(
                f"--{boundary}\r\nContent-Type: application/http\r\n"
                f"Content-ID: <response-{part['Content-ID'][1:-1]}>\r\n\r\n"
                f"HTTP/1.1 {status} {REASONS.get(status, 'Error')}\r\n"
                f"Content-Type: application/json; charset=UTF-8\r\n\r\n{_json(answer)}\r\n"
            )
        out.append(f"--{boundary}--\r\n")
        return f"multipart/mixed; boundary={boundary}", "".join(out).encode("utf-8")


class RawJson(str):
    """An answer already written as JSON text."""


def _json(answer: Any) -> str:
    """An answer as JSON text."""
    return answer if isinstance(answer, RawJson) else json.dumps(answer)


def _bad_format(query: Query) -> dict[str, Any]:
    return _error(400, f"format={_one(query, 'format', '')} is not served by this fake.", "invalidArgument")


def _one(query: Query, name: str, default: str) -> str:
    """The last value of a query parameter."""
    return query.get(name, [default])[-1]


def _error(status: int, message: str, reason: str = "backendError") -> dict[str, Any]:
    return {"error": {"code": status, "message": message, "errors": [{"message": message, "reason": reason}]}}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    @property
    def fake(self) -> FakeGoogle:
        return self.server.fake  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read counters, not logs."""

    def _body(self) -> str:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length).decode("utf-8") if length else ""

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str = "application/json",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, answer: dict[str, Any]) -> None:
        self._send(status, _json(answer).encode())

    def _pause(self) -> None:
        with self.fake._lock:
            self.fake.http_requests += 1
        if self.fake.latency:
            time.sleep(self.fake.latency)

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path == "/o/oauth2/auth":
            query = {k: v[-1] for k, v in parse_qs(urlsplit(self.path).query).items()}
            status, headers, body = self.fake.consent(query)
            self._send(status, body, "text/plain", headers)
            return
        self._pause()
        self._json(*self.fake.gmail("GET", self.path, self.headers.get("Authorization", "")))

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        body = self._body()
        if path == "/token":
            form = {k: v[-1] for k, v in parse_qs(body).items()}
            self._json(*self.fake.token(form, self.headers.get("Authorization", "")))
        elif path == "/revoke":
            form = {k: v[-1] for k, v in parse_qs(body or urlsplit(self.path).query).items()}
            self._json(*self.fake.revoke(form.get("token", "")))
        elif path == "/batch/gmail/v1":
            self._pause()
            content_type, answer = self.fake.batch(self.headers.get("Content-Type", ""), body)
            self._send(200, answer, content_type)
        else:
            self._json(404, _error(404, "Not Found"))
