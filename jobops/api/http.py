"""The JSON envelope, request checks and error mapping shared by every API route."""

from __future__ import annotations

import json
import logging
import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from jobops import access, hosts
from jobops.config import load_settings
from jobops.db import get_engine, read_session_scope, session_scope
from jobops.errors import JobOpsError
from jobops.schemas import dump

log = logging.getLogger("jobops.api")

MAX_BODY_BYTES = 1_000_000
STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
CODES_BY_STATUS = {
    400: "INVALID_REQUEST",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    408: "REQUEST_TIMEOUT",
    409: "CONFLICT",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    422: "UNPROCESSABLE_ENTITY",
    429: "TOO_MANY_REQUESTS",
    500: "INTERNAL_ERROR",
    502: "UPSTREAM_ERROR",
    503: "SERVICE_UNAVAILABLE",
}


@dataclass
class ApiRequest:
    """What a handler needs from the HTTP request, already parsed."""

    path: dict[str, str]
    query: dict[str, str]
    body: dict[str, Any] = field(default_factory=dict)


@dataclass
class Created:
    """A handler result that answers 201."""

    data: Any


class HttpError(Exception):
    """A refusal decided before any service runs (wrong media type, too large, no token)."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def envelope(request_id: str, status: int, data: Any = None, error: dict[str, Any] | None = None) -> Response:
    """Wrap a result (a model is dumped to camelCase JSON) or an error in `{ok, data|error, meta}`."""
    body: dict[str, Any] = {"ok": error is None}
    if error is None:
        body["data"] = dump(data)
    else:
        body["error"] = error
    body["meta"] = {"requestId": request_id}
    return JSONResponse(body, status_code=status, headers={"x-request-id": request_id})


def error_response(request_id: str, status: int, message: str, details: Any = None) -> Response:
    """The error envelope with the code that belongs to the status."""
    error: dict[str, Any] = {"code": CODES_BY_STATUS.get(status, "INVALID_REQUEST"), "message": message}
    if details is not None:
        error["details"] = dump(details)
    return envelope(request_id, status, error=error)


def request_id_of(request: Request) -> str:
    """The caller's x-request-id when it is sane, else a new one."""
    given = request.headers.get("x-request-id", "")
    return given if 0 < len(given) <= 100 and given.isprintable() else str(uuid.uuid4())


def check_token(request: Request) -> None:
    """With JOBOPS_API_TOKEN set, every call needs `Authorization: Bearer <token>`."""
    settings = load_settings()
    token = settings.api_token
    if not token:
        if access.api_exposed_without_token(settings, access.server_address()):
            raise HttpError(403, access.EXPOSED_API_MESSAGE)
        return
    problem = access.api_token_problem(settings)
    if problem:
        raise HttpError(403, problem)
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        raise HttpError(401, "This API needs a token: send Authorization: Bearer <JOBOPS_API_TOKEN>.")
    attempt = access.check_secret(value.strip(), token)
    if attempt.retry_after:
        wait = math.ceil(attempt.retry_after)
        raise HttpError(429, f"Too many wrong tokens were tried. Wait {wait} s.", {"Retry-After": str(wait)})
    if not attempt.passed:
        raise HttpError(401, "This API needs a token: send Authorization: Bearer <JOBOPS_API_TOKEN>.")


def check_origin(request: Request) -> None:
    """Refuse state changes that a browser sends from another site, port or rebound name."""
    if request.headers.get("sec-fetch-site") == "cross-site":
        raise HttpError(403, "Cross-site requests are not allowed.")
    origin = request.headers.get("origin")
    if origin is not None:
        names = load_settings().allowed_hosts
        if not hosts.origin_is_own(origin, request.headers.get("host"), names):
            raise HttpError(403, "Cross-site requests are not allowed.")


async def _read_limited(request: Request) -> bytes:
    """The raw body, refused with 413 as soon as it passes MAX_BODY_BYTES (counted while it arrives)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise HttpError(413, "The request body is larger than 1 MB.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise HttpError(413, "The request body is larger than 1 MB.")
        chunks.append(chunk)
    return b"".join(chunks)


async def read_body(request: Request) -> dict[str, Any]:
    """The JSON object of a state-changing request (an empty body is an empty object)."""
    raw = await _read_limited(request)
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if (request.method != "DELETE" or raw) and media != "application/json":
        raise HttpError(415, "Send the body as JSON with content-type: application/json.")
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: nesting thousands deep
        raise HttpError(400, "The request body is not valid JSON.") from None
    if not isinstance(body, dict):
        raise HttpError(400, "The request body must be a JSON object.")
    try:
        # `"\ud800"` is valid JSON but no text: the database could not store it.
        json.dumps(body, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise HttpError(400, "The request body holds text that is not valid Unicode.") from None
    return body


Handler = Callable[[ApiRequest, Session], Any]


def _call(handler: Handler, api_request: ApiRequest, reading: bool) -> Any:
    """Run a handler in one unit of work: committed when it returns, rolled back when it raises.

    A GET reads without the write lock, so it answers while an import or a sync is writing.
    """
    with (read_session_scope if reading else session_scope)(get_engine()) as session:
        return handler(api_request, session)


def endpoint(handler: Handler, *, public: bool = False) -> Callable[[Request], Any]:
    """Turn a plain `handler(request, session)` into a Starlette endpoint run on the thread pool."""

    async def run(request: Request) -> Response:
        request_id = request_id_of(request)
        try:
            if not public:
                check_token(request)
            body: dict[str, Any] = {}
            if request.method in STATE_CHANGING:
                check_origin(request)
                body = await read_body(request)
            api_request = ApiRequest(dict(request.path_params), dict(request.query_params), body)
            result = await run_in_threadpool(
                _call, handler, api_request, request.method not in STATE_CHANGING
            )
        except HttpError as exc:
            refused = error_response(request_id, exc.status, exc.message)
            refused.headers.update(exc.headers)
            return refused
        except JobOpsError as exc:
            return error_response(request_id, exc.status, exc.message, exc.details)
        except OperationalError:
            log.exception("database error on %s %s", request.method, request.url.path)
            return error_response(request_id, 503, "The database is busy; try again in a moment.")
        except Exception:
            log.exception("unexpected error on %s %s", request.method, request.url.path)
            return error_response(request_id, 500, "Something went wrong on our side; nothing was changed.")
        if isinstance(result, Created):
            return envelope(request_id, 201, result.data)
        return envelope(request_id, 200, result)

    run.__name__ = handler.__name__
    run.__doc__ = handler.__doc__
    return run
