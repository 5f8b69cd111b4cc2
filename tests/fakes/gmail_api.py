"""Gmail v1 for the fake: getProfile, messages.list (Gmail's search), messages.get, threads.get, history.list, batches."""

from __future__ import annotations

import json
import re
import secrets
import threading
from collections import Counter
from collections.abc import Callable
from email.message import Message
from email.parser import Parser
from typing import Any, cast
from urllib.parse import parse_qs, urlsplit

from tests.fakes.gmail_message import FakeMessage
from tests.fakes.gmail_search import MAX_QUERY_LENGTH, compile_query
from tests.fakes.google_quota import UNITS, Quota

FORMATS = ("minimal", "metadata", "full")
ROUTES = re.compile(
    r"/gmail/v1/users/me/(?:(?P<kind>profile|messages|history)|messages/(?P<message>[^/]+)"
    r"|threads/(?P<thread>[^/]+))"
)
Query = dict[str, list[str]]
HOLD_LIMIT_SECONDS = 60  # a held fetch goes on by itself after this, so a failed test cannot hang the server
REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


class GmailApi:
    """Answers Gmail calls from the fake's mailbox, with its failure knobs, quota and counters."""

    email: str
    page_size_cap: int
    fail_ids: dict[str, list[int]]
    broken_ids: dict[str, int]
    calls: Counter[str]
    served: Counter[str]
    units: int
    throttled: int
    messages: dict[str, FakeMessage]
    raw_resources: dict[str, str]
    history_id: int
    history_floor: int
    quota: Quota
    fetches_open: threading.Event
    _history: list[tuple[int, str]]
    _lock: threading.RLock

    authorized: Callable[[str], bool]  # the OAuth part's check of an access token

    @property
    def gmail_calls(self) -> int:
        """Gmail API calls made, counting each call inside a batch."""
        return sum(self.calls[k] for k in UNITS)

    def gmail(self, method: str, target: str, authorization: str) -> tuple[int, dict[str, Any] | RawJson]:
        """Answer one Gmail v1 call (direct or inside a batch)."""
        parts = urlsplit(target)
        query = parse_qs(parts.query)
        match = ROUTES.fullmatch(parts.path)
        if method != "GET" or match is None:
            return 404, error_answer(404, "Not Found")
        kind = "get" if match["message"] else "threads" if match["thread"] else match["kind"]
        kind = {"messages": "list"}.get(kind, kind)
        if kind in ("get", "threads"):
            self.fetches_open.wait(HOLD_LIMIT_SECONDS)
        self.calls[kind] += 1
        if not self.authorized(authorization):
            return 401, error_answer(401, "Request had invalid authentication credentials.")
        item_id = match["message"] or match["thread"]
        with self._lock:
            if item_id and self.fail_ids.get(item_id):
                status = self.fail_ids[item_id].pop(0)
                return status, error_answer(status, "Backend Error")
            if item_id in self.broken_ids:
                return self.broken_ids[item_id], error_answer(self.broken_ids[item_id], "Backend Error")
        if not self.quota.spend(UNITS[kind]):
            with self._lock:
                self.throttled += 1
            return 429, error_answer(429, "User-rate limit exceeded", "rateLimitExceeded")
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
            return 400, error_answer(400, message, "invalidArgument")
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

    def _answer_get(self, query: Query, message_id: str | None) -> tuple[int, dict[str, Any] | RawJson]:
        message = self.messages.get(message_id or "")
        if message is None:
            return 404, error_answer(404, "Requested entity was not found.")
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
            return 404, error_answer(404, "Requested entity was not found.")
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
            return 404, error_answer(404, "Requested entity was not found.")
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
        for part in cast(list[Message], message.get_payload()):
            request_line, _, rest = str(part.get_payload()).partition("\n")
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
                f"Content-Type: application/json; charset=UTF-8\r\n\r\n{json_text(answer)}\r\n"
            )
        out.append(f"--{boundary}--\r\n")
        return f"multipart/mixed; boundary={boundary}", "".join(out).encode("utf-8")


class RawJson(str):
    """An answer already written as JSON text."""


def json_text(answer: Any) -> str:
    """An answer as JSON text."""
    return answer if isinstance(answer, RawJson) else json.dumps(answer)


def _bad_format(query: Query) -> dict[str, Any]:
    return error_answer(
        400, f"format={_one(query, 'format', '')} is not served by this fake.", "invalidArgument"
    )


def _one(query: Query, name: str, default: str) -> str:
    """The last value of a query parameter."""
    return query.get(name, [default])[-1]


def error_answer(status: int, message: str, reason: str = "backendError") -> dict[str, Any]:
    return {"error": {"code": status, "message": message, "errors": [{"message": message, "reason": reason}]}}
