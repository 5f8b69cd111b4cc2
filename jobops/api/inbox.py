"""Routes of the Tracking Inbox and of a job's linked emails."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from starlette.routing import Route

from jobops import inbox, inbox_lists, providers
from jobops import validation as check
from jobops.api.http import ApiRequest, endpoint
from jobops.job_emails import job_emails as emails_of_job
from jobops.stages import PROCESSING_STATUSES


def list_inbox(req: ApiRequest, session: Session) -> dict[str, Any]:
    """GET /api/post-application/inbox?provider=gmail&accountKey=default&limit=50"""
    check.reject_unknown(req.query, ("provider", "accountKey", "limit", "status"), "query")
    return inbox_lists.list_inbox(
        session,
        provider=check.choice("provider", req.query.get("provider"), providers.NAMES) or "gmail",
        account_key=check.text("accountKey", req.query.get("accountKey"), max_len=100) or "default",
        status=check.choice("status", req.query.get("status"), PROCESSING_STATUSES) or "pending_user",
        limit=check.integer("limit", req.query.get("limit"), default=100, low=1, high=500),
    )


def approve(req: ApiRequest, session: Session) -> dict[str, Any]:
    """POST /api/post-application/inbox/{messageId}/approve"""
    return inbox.approve(session, req.path["message_id"], req.body)


def deny(req: ApiRequest, session: Session) -> dict[str, Any]:
    """POST /api/post-application/inbox/{messageId}/deny"""
    return inbox.deny(session, req.path["message_id"], req.body)


def bulk(req: ApiRequest, session: Session) -> dict[str, Any]:
    """POST /api/post-application/inbox/actions {action, messageIds, provider, accountKey}"""
    return inbox.bulk(session, req.body)


def job_emails(req: ApiRequest, session: Session) -> dict[str, Any]:
    """GET /api/jobs/{id}/emails?limit=20"""
    check.reject_unknown(req.query, ("limit",), "query")
    limit = check.integer("limit", req.query.get("limit"), default=50, low=1, high=500)
    return emails_of_job(session, req.path["job_id"], limit=limit)


def routes() -> list[Route]:
    """The inbox routes, relative to /api."""
    return [
        Route("/post-application/inbox", endpoint(list_inbox), methods=["GET"]),
        Route("/post-application/inbox/actions", endpoint(bulk), methods=["POST"]),
        Route("/post-application/inbox/{message_id}/approve", endpoint(approve), methods=["POST"]),
        Route("/post-application/inbox/{message_id}/deny", endpoint(deny), methods=["POST"]),
        Route("/jobs/{job_id}/emails", endpoint(job_emails), methods=["GET"]),
    ]
