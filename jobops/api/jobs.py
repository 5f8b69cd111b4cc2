"""Routes for jobs and their stage events: parse, call a service, return plain data."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from starlette.routing import Route

from jobops import jobs, tracking
from jobops import validation as check
from jobops.api.http import ApiRequest, Created, endpoint

STAGE_BODY_FIELDS = ("toStage", "occurredAt", "metadata", "outcome", "title")


def create_job(req: ApiRequest, session: Session) -> Created:
    """POST /api/jobs"""
    return Created(jobs.create_job(session, req.body))


def list_jobs(req: ApiRequest, session: Session) -> dict[str, Any]:
    """GET /api/jobs?status=applied,in_progress&q=stripe&limit=50&offset=0"""
    check.reject_unknown(req.query, ("status", "q", "limit", "offset"), "query")
    return jobs.list_jobs(
        session,
        status=req.query.get("status"),
        search=req.query.get("q"),
        limit=check.integer("limit", req.query.get("limit"), default=500, low=1, high=5000),
        offset=check.integer("offset", req.query.get("offset"), default=0, low=0, high=10**9),
    )


def get_job(req: ApiRequest, session: Session) -> dict[str, Any]:
    """GET /api/jobs/{id}"""
    return jobs.get_job(session, req.path["job_id"])


def update_job(req: ApiRequest, session: Session) -> dict[str, Any]:
    """PATCH /api/jobs/{id}"""
    return jobs.update_job(session, req.path["job_id"], req.body)


def delete_job(req: ApiRequest, session: Session) -> dict[str, Any]:
    """DELETE /api/jobs/{id}"""
    return jobs.delete_job(session, req.path["job_id"])


def set_outcome(req: ApiRequest, session: Session) -> dict[str, Any]:
    """PATCH /api/jobs/{id}/outcome"""
    return jobs.set_outcome(session, req.path["job_id"], req.body)


def transition(req: ApiRequest, session: Session) -> Created:
    """POST /api/jobs/{id}/stages, the seed's manual stage transition."""
    check.reject_unknown(req.body, STAGE_BODY_FIELDS)
    return Created(
        tracking.transition_stage(
            session,
            req.path["job_id"],
            req.body.get("toStage"),
            occurred_at=req.body.get("occurredAt"),
            metadata=req.body.get("metadata"),
            outcome=req.body.get("outcome"),
            title=req.body.get("title"),
        )
    )


def list_events(req: ApiRequest, session: Session) -> dict[str, Any]:
    """GET /api/jobs/{id}/events, oldest first (order=desc for newest first)."""
    check.reject_unknown(req.query, ("order",), "query")
    order = check.choice("order", req.query.get("order"), ("asc", "desc")) or "asc"
    items = tracking.list_events(session, req.path["job_id"], newest_first=order == "desc")
    return {"items": items, "total": len(items)}


def update_event(req: ApiRequest, session: Session) -> dict[str, Any]:
    """PATCH /api/jobs/{id}/events/{eventId}"""
    return tracking.update_event(session, req.path["job_id"], req.path["event_id"], req.body)


def delete_event(req: ApiRequest, session: Session) -> dict[str, Any]:
    """DELETE /api/jobs/{id}/events/{eventId}"""
    return tracking.delete_event(session, req.path["job_id"], req.path["event_id"])


def routes() -> list[Route]:
    """The job routes, relative to /api."""
    return [
        Route("/jobs", endpoint(list_jobs), methods=["GET"]),
        Route("/jobs", endpoint(create_job), methods=["POST"]),
        Route("/jobs/{job_id}", endpoint(get_job), methods=["GET"]),
        Route("/jobs/{job_id}", endpoint(update_job), methods=["PATCH"]),
        Route("/jobs/{job_id}", endpoint(delete_job), methods=["DELETE"]),
        Route("/jobs/{job_id}/outcome", endpoint(set_outcome), methods=["PATCH"]),
        Route("/jobs/{job_id}/stages", endpoint(transition), methods=["POST"]),
        Route("/jobs/{job_id}/events", endpoint(list_events), methods=["GET"]),
        Route("/jobs/{job_id}/events/{event_id}", endpoint(update_event), methods=["PATCH"]),
        Route("/jobs/{job_id}/events/{event_id}", endpoint(delete_event), methods=["DELETE"]),
    ]
