"""Answers about the service itself."""

from __future__ import annotations

from jobops.schemas.base import Schema


class HealthOut(Schema):
    """The process answers, and whether its database does."""

    status: str
    version: str
    database: bool
