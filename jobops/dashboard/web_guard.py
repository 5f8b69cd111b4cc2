"""The process's outer wall: pages, files, the API and the websocket answer only under this app's own
names and to its own pages, and no response may be shown inside another site's frame."""

from __future__ import annotations

import logging

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from jobops import hosts
from jobops.api.http import error_response, request_id_of
from jobops.config import load_settings

log = logging.getLogger("jobops")

FRAME_HEADERS = {"X-Frame-Options": "DENY", "Content-Security-Policy": "frame-ancestors 'none'"}
FOREIGN_HOST = (
    "JobOps does not answer under this name. Open it as http://localhost:<port> or by its IP address, "
    "or add the name to JOBOPS_ALLOWED_HOSTS."
)
FOREIGN_ORIGIN = "JobOps does not answer requests from other sites or other ports."
POLICY_VIOLATION = 1008  # the websocket close code for a refused connection


def refusal(headers: Headers) -> str | None:
    """Why a request must be refused, or None when it names this app and comes from its own pages."""
    names = load_settings().allowed_hosts
    host = headers.get("host")
    if not hosts.allowed_host(host, names):
        return FOREIGN_HOST
    origin = headers.get("origin")
    if origin is not None and not hosts.origin_is_own(origin, host, names):
        return FOREIGN_ORIGIN
    return None


def _refused_response(scope: Scope, message: str) -> Response:
    """A 403: the JSON envelope under /api, plain text elsewhere."""
    if scope.get("path", "").startswith("/api/"):
        return error_response(request_id_of(Request(scope)), 403, message)
    return PlainTextResponse(message, status_code=403)


def _unframeable(send: Send) -> Send:
    """Add the headers that forbid framing to every HTTP response."""

    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            for name, value in FRAME_HEADERS.items():
                headers[name] = value
        await send(message)

    return send_with_headers


class WebGuard:
    """ASGI middleware around the whole app (pages, static files, /api, /_stcore/stream)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse foreign hosts and origins; mark every HTTP answer as not frameable."""
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        reason = refusal(headers)
        if reason is not None:
            log.warning(
                "refused %s %s for host %r from origin %r",
                scope["type"],
                scope.get("path", "")[:100],
                headers.get("host", "")[:100],
                headers.get("origin", "")[:100],
            )
        if scope["type"] == "websocket":
            if reason is None:
                await self.app(scope, receive, send)
            else:
                await send({"type": "websocket.close", "code": POLICY_VIOLATION})
            return
        send = _unframeable(send)
        if reason is None:
            await self.app(scope, receive, send)
        else:
            await _refused_response(scope, reason)(scope, receive, send)
