"""A body over 1 MB is refused while it arrives, not after the whole of it sits in memory."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import Engine
from starlette.applications import Starlette

from jobops.api import routes
from jobops.api.http import MAX_BODY_BYTES

CHUNK = b" " * 65_536
CHUNKS_OFFERED = 160  # 10 MB if the server kept reading


def post_chunked(path: str) -> tuple[int, dict[str, Any], int]:
    """POST a chunked body (no Content-Length) straight into the app: (status, envelope, bytes it read)."""
    app = Starlette(routes=routes())
    handed_out = 0
    answer: dict[str, Any] = {"body": b""}

    async def receive() -> dict[str, Any]:
        nonlocal handed_out
        handed_out += 1
        return {"type": "http.request", "body": CHUNK, "more_body": handed_out < CHUNKS_OFFERED}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "server": ("127.0.0.1", 3001),
        "client": ("127.0.0.1", 50000),
        "headers": [
            (b"host", b"localhost:3001"),
            (b"content-type", b"application/json"),
            (b"transfer-encoding", b"chunked"),
        ],
    }
    with ThreadPoolExecutor(1) as thread:  # a thread of its own: another event loop may be running here
        thread.submit(asyncio.run, app(scope, receive, send)).result()
    return answer["status"], json.loads(answer["body"]), handed_out * len(CHUNK)


def test_a_chunked_body_over_1_mb_is_refused_as_soon_as_it_passes_the_limit(engine: Engine) -> None:
    status, envelope, read = post_chunked("/api/jobs")
    assert status == 413
    assert envelope["ok"] is False and envelope["error"]["code"] == "PAYLOAD_TOO_LARGE"
    assert read <= MAX_BODY_BYTES + len(CHUNK)


def test_a_large_chunked_body_to_any_changing_route_is_refused_early(engine: Engine) -> None:
    status, _envelope, read = post_chunked("/api/post-application/inbox/actions")
    assert status == 413 and read <= MAX_BODY_BYTES + len(CHUNK)
