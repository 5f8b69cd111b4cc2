"""The fake Google's HTTP face: routes each request to the OAuth or Gmail part and writes the answer."""

from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from tests.fakes.gmail_api import error_answer, json_text

if TYPE_CHECKING:
    from tests.fakes.google import FakeGoogle


class Handler(BaseHTTPRequestHandler):
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

    def _json(self, status: int, answer: Any) -> None:
        self._send(status, json_text(answer).encode())

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
            self._json(404, error_answer(404, "Not Found"))
