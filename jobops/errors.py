"""Domain errors raised by services, mapped once to HTTP statuses (jobops.api) and page messages."""

from __future__ import annotations

from typing import Any


class JobOpsError(Exception):
    """Base of every error a user can be told about."""

    status = 400
    code = "INVALID_REQUEST"

    def __init__(self, message: str, *, field: str | None = None, details: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.details = details if details is not None else ({"field": field} if field else None)


class InvalidInput(JobOpsError):
    """The request or form names a wrong value; `field` says which."""


class NotFound(JobOpsError):
    status = 404
    code = "NOT_FOUND"


class Conflict(JobOpsError):
    status = 409
    code = "CONFLICT"


class Unauthorized(JobOpsError):
    status = 401
    code = "UNAUTHORIZED"


class NotConfigured(JobOpsError):
    """A feature needs settings the user has not given yet (Gmail OAuth credentials)."""

    status = 503
    code = "SERVICE_UNAVAILABLE"


class UpstreamError(JobOpsError):
    """A mail provider failed or refused; the message says what to do next."""

    status = 502
    code = "UPSTREAM_ERROR"
