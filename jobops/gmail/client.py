"""The Gmail API through google-api-python-client: paced by a token bucket, retrying 429 and 5xx."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import google_auth_httplib2
import httplib2
from google.oauth2.credentials import Credentials
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from googleapiclient.http import BatchHttpRequest, HttpRequest

# Quota units per call (Gmail API usage limits) and the per-user ceiling.
UNITS = {"profile": 1, "list": 5, "get": 5, "history": 2}
QUOTA_UNITS_PER_SECOND = 250
# Pace a little under the limit: Google counts a call when it arrives, later than we spend it.
PACING_UNITS_PER_SECOND = 225
BATCH_SIZE = 50  # Google advises at most 50 calls a batch
PAGE_SIZE = 500  # the most messages.list returns a page
RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_ATTEMPTS = 5
BACKOFF_BASE_SECONDS = 1.0
BACKOFF_MAX_SECONDS = 32.0
HTTP_TIMEOUT_SECONDS = 60

# Waits between retries; tests replace it so retries do not wait.
backoff_sleep = time.sleep


class HistoryExpired(Exception):
    """The stored historyId is too old for history.list: a full sync is needed."""


class TokenBucket:
    """Thread-safe pacing: `acquire(n)` waits until n units fit under the rate."""

    def __init__(
        self,
        rate: float | None = None,
        capacity: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.rate = rate or PACING_UNITS_PER_SECOND
        self.capacity = capacity or max(self.rate, QUOTA_UNITS_PER_SECOND)
        self._clock, self._sleep = clock, sleep
        self._tokens = self.capacity
        self._stamp = clock()
        self._lock = threading.Lock()

    def acquire(self, units: float) -> None:
        """Block until `units` are available, then spend them."""
        units = min(units, self.capacity)
        while True:
            with self._lock:
                now = self._clock()
                self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self.rate)
                self._stamp = now
                if self._tokens >= units:
                    self._tokens -= units
                    return
                wait = (units - self._tokens) / self.rate
            self._sleep(wait)


def backoff_delay(attempt: int) -> float:
    """Exponential backoff with jitter for the n-th retry (0-based)."""
    ceiling = min(BACKOFF_MAX_SECONDS, BACKOFF_BASE_SECONDS * 2**attempt)
    return ceiling * random.uniform(0.5, 1.0)


def _is_retryable(exc: Exception) -> bool:
    """True for rate limits, server errors and transport failures."""
    if isinstance(exc, HttpError):
        return exc.status_code in RETRYABLE_STATUSES
    return isinstance(exc, (OSError, httplib2.HttpLib2Error))


UNREADABLE: Any = object()  # what a batch item whose answer could not be decoded stands for


def _tolerant(postproc: Callable[[Any, bytes], Any]) -> Callable[[Any, bytes], Any]:
    """A batch item's decoder that turns an undecodable answer into UNREADABLE instead of failing the batch.

    The client decodes every item of a batch in one loop and lets anything but HttpError escape it, so a
    single hostile message (JSON nested past the recursion limit) would otherwise lose the whole batch.
    """

    def decode(response: Any, content: bytes) -> Any:
        try:
            return postproc(response, content)
        except HttpError:
            raise
        except Exception:  # RecursionError, ValueError...: one message, never the batch
            return UNREADABLE

    return decode


@dataclass
class FetchResult:
    """Messages fetched by id, the ids that failed for good with their HTTP status, and undecodable answers."""

    messages: dict[str, dict[str, Any]] = field(default_factory=dict)
    failed: dict[str, int] = field(default_factory=dict)
    unreadable: int = 0


class GmailClient:
    """One Gmail service object (httplib2 is not thread-safe: one client per thread)."""

    def __init__(self, credentials: Credentials, api_endpoint: str, bucket: TokenBucket) -> None:
        self.api_endpoint = api_endpoint.rstrip("/")
        self.bucket = bucket
        http = google_auth_httplib2.AuthorizedHttp(
            credentials, http=httplib2.Http(timeout=HTTP_TIMEOUT_SECONDS)
        )
        self._service = build(
            "gmail",
            "v1",
            http=http,
            cache_discovery=False,
            client_options={"api_endpoint": self.api_endpoint + "/"},
        )

    def _execute(self, request: HttpRequest, units: int) -> dict[str, Any]:
        """Run one call within the quota, retrying rate limits and server errors."""
        attempt = 0
        while True:
            self.bucket.acquire(units)
            try:
                return request.execute()
            except (HttpError, OSError, httplib2.HttpLib2Error) as exc:
                if not _is_retryable(exc) or attempt >= MAX_ATTEMPTS - 1:
                    raise
            backoff_sleep(backoff_delay(attempt))
            attempt += 1

    def profile(self) -> dict[str, Any]:
        """The mailbox address and its current historyId."""
        return self._execute(self._service.users().getProfile(userId="me"), UNITS["profile"])

    def message_pages(self, query: str, page_size: int = PAGE_SIZE) -> Iterator[list[tuple[str, str]]]:
        """(message id, thread id) of messages matching a search, newest first, a page at a time."""
        page_token: str | None = None
        while True:
            request = (
                self._service.users()
                .messages()
                .list(userId="me", q=query, maxResults=page_size, pageToken=page_token)
            )
            page = self._execute(request, UNITS["list"])
            yield [
                (str(item["id"]), str(item.get("threadId") or item["id"]))
                for item in page.get("messages") or []
            ]
            page_token = page.get("nextPageToken")
            if not page_token:
                return

    def added_since(self, start_history_id: str) -> tuple[dict[str, str], str]:
        """Messages added since a historyId (id -> thread id, oldest first), and the newest historyId."""
        ids: dict[str, str] = {}
        page_token: str | None = None
        while True:
            request = (
                self._service.users()
                .history()
                .list(
                    userId="me",
                    startHistoryId=start_history_id,
                    historyTypes="messageAdded",
                    pageToken=page_token,
                )
            )
            try:
                page = self._execute(request, UNITS["history"])
            except HttpError as exc:
                if exc.status_code == 404:
                    raise HistoryExpired(start_history_id) from exc
                raise
            for record in page.get("history") or []:
                for added in record.get("messagesAdded") or []:
                    message = added["message"]
                    ids.setdefault(str(message["id"]), str(message.get("threadId") or message["id"]))
            page_token = page.get("nextPageToken")
            if not page_token:
                return ids, str(page["historyId"])

    def get_messages(self, ids: list[str]) -> FetchResult:
        """Fetch messages (format=full) in batches, sending failed items again after a pause."""
        result = FetchResult()
        for start in range(0, len(ids), BATCH_SIZE):
            self._fetch_batch(ids[start : start + BATCH_SIZE], result)
        return result

    def _fetch_batch(self, ids: list[str], result: FetchResult) -> None:
        """One batch of at most BATCH_SIZE ids, with its retries."""
        pending = list(ids)
        for attempt in range(MAX_ATTEMPTS):
            retry = self._send_batch(pending, result)
            if not retry:
                return
            if attempt == MAX_ATTEMPTS - 1:
                result.failed.update(retry)
                return
            backoff_sleep(backoff_delay(attempt))
            pending = list(retry)

    def _send_batch(self, ids: list[str], result: FetchResult) -> dict[str, int]:
        """Send one batch request; returns the retryable failures by id and their status."""
        retry: dict[str, int] = {}

        def on_answer(request_id: str, response: dict[str, Any] | None, exc: Exception | None) -> None:
            if exc is None and response is UNREADABLE:
                result.unreadable += 1
            elif exc is None and response is not None:
                result.messages[request_id] = response
            elif isinstance(exc, HttpError) and exc.status_code not in RETRYABLE_STATUSES:
                result.failed[request_id] = exc.status_code
            else:
                retry[request_id] = exc.status_code if isinstance(exc, HttpError) else 0

        batch = BatchHttpRequest(callback=on_answer, batch_uri=f"{self.api_endpoint}/batch/gmail/v1")
        for message_id in ids:
            request = self._service.users().messages().get(userId="me", id=message_id, format="full")
            request.postproc = _tolerant(request.postproc)
            batch.add(request, request_id=message_id)
        self.bucket.acquire(UNITS["get"] * len(ids))
        try:
            batch.execute()
        except (HttpError, OSError, httplib2.HttpLib2Error) as exc:
            if not _is_retryable(exc):
                raise
            status = exc.status_code if isinstance(exc, HttpError) else 0
            return {message_id: status for message_id in ids if message_id not in result.messages}
        return retry


_buckets: dict[tuple[str, str], TokenBucket] = {}
_buckets_lock = threading.Lock()


def quota_bucket(api_endpoint: str, account_key: str) -> TokenBucket:
    """The process-wide bucket of one mailbox, shared by its runs and their threads."""
    with _buckets_lock:
        return _buckets.setdefault((api_endpoint, account_key), TokenBucket())
