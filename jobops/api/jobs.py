"""Routes for jobs and their stage events, each declared once: what it takes, answers and may refuse.

The operation parses body and query into its models before a handler runs; parse() hands them over typed.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from jobops import jobs, tracking
from jobops.api.contract import WRITE_ERRORS, Operation, PathParam
from jobops.api.http import ApiRequest
from jobops.schemas import parse
from jobops.schemas.events import EventList, EventPatch, EventQuery, LoggedEvent, StageChange
from jobops.schemas.jobs import Deleted, JobIn, JobList, JobOut, JobPatch, JobQuery, OutcomeIn

JOB_ID = PathParam("job_id", "The job's id.")
EVENT_ID = PathParam("event_id", "The stage event's id.")


def create_job(req: ApiRequest, session: Session) -> JobOut:
    """POST /api/jobs"""
    return jobs.create_job(session, parse(JobIn, req.body))


def list_jobs(req: ApiRequest, session: Session) -> JobList:
    """GET /api/jobs?status=applied,in_progress&q=stripe&limit=50&offset=0"""
    query = parse(JobQuery, req.query)
    return jobs.list_jobs(
        session, status=query.status, search=query.q, limit=query.limit, offset=query.offset
    )


def get_job(req: ApiRequest, session: Session) -> JobOut:
    """GET /api/jobs/{id}"""
    return jobs.get_job(session, req.path["job_id"])


def update_job(req: ApiRequest, session: Session) -> JobOut:
    """PATCH /api/jobs/{id}"""
    return jobs.update_job(session, req.path["job_id"], parse(JobPatch, req.body))


def delete_job(req: ApiRequest, session: Session) -> Deleted:
    """DELETE /api/jobs/{id}"""
    return jobs.delete_job(session, req.path["job_id"])


def set_outcome(req: ApiRequest, session: Session) -> JobOut:
    """PATCH /api/jobs/{id}/outcome"""
    return jobs.set_outcome(session, req.path["job_id"], parse(OutcomeIn, req.body))


def transition(req: ApiRequest, session: Session) -> LoggedEvent:
    """POST /api/jobs/{id}/stages, the seed's manual stage transition."""
    return tracking.transition_stage(session, req.path["job_id"], parse(StageChange, req.body))


def list_events(req: ApiRequest, session: Session) -> EventList:
    """GET /api/jobs/{id}/events, oldest first (order=desc for newest first)."""
    query = parse(EventQuery, req.query)
    items = tracking.list_events(session, req.path["job_id"], newest_first=query.order == "desc")
    return EventList(items=items, total=len(items))


def update_event(req: ApiRequest, session: Session) -> LoggedEvent:
    """PATCH /api/jobs/{id}/events/{eventId}"""
    return tracking.update_event(
        session, req.path["job_id"], req.path["event_id"], parse(EventPatch, req.body)
    )


def delete_event(req: ApiRequest, session: Session) -> Deleted:
    """DELETE /api/jobs/{id}/events/{eventId}"""
    return tracking.delete_event(session, req.path["job_id"], req.path["event_id"])


OPERATIONS = [
    Operation(
        "GET",
        "/jobs",
        list_jobs,
        "listJobs",
        "List jobs, newest activity first.",
        "jobs",
        JobList,
        "The jobs and their total.",
        query=JobQuery,
    ),
    Operation(
        "POST",
        "/jobs",
        create_job,
        "createJob",
        "Add a job; an applied job starts its timeline.",
        "jobs",
        JobOut,
        "The new job.",
        request=JobIn,
        status=201,
        errors=WRITE_ERRORS,
    ),
    Operation(
        "GET",
        "/jobs/{job_id}",
        get_job,
        "getJob",
        "One job.",
        "jobs",
        JobOut,
        "The job.",
        path_params=(JOB_ID,),
    ),
    Operation(
        "PATCH",
        "/jobs/{job_id}",
        update_job,
        "updateJob",
        "Edit a job's details or status.",
        "jobs",
        JobOut,
        "The job as saved.",
        request=JobPatch,
        path_params=(JOB_ID,),
        errors=WRITE_ERRORS,
    ),
    Operation(
        "DELETE",
        "/jobs/{job_id}",
        delete_job,
        "deleteJob",
        "Remove a job and its timeline.",
        "jobs",
        Deleted,
        "What was removed.",
        path_params=(JOB_ID,),
        errors=WRITE_ERRORS,
    ),
    Operation(
        "PATCH",
        "/jobs/{job_id}/outcome",
        set_outcome,
        "setOutcome",
        "Close a job with an outcome, or amend it.",
        "jobs",
        JobOut,
        "The job.",
        request=OutcomeIn,
        path_params=(JOB_ID,),
        errors=WRITE_ERRORS,
    ),
    Operation(
        "POST",
        "/jobs/{job_id}/stages",
        transition,
        "transitionStage",
        "Log a stage event (or a no_change note).",
        "stages",
        LoggedEvent,
        "The new event.",
        request=StageChange,
        path_params=(JOB_ID,),
        status=201,
        errors=WRITE_ERRORS,
    ),
    Operation(
        "GET",
        "/jobs/{job_id}/events",
        list_events,
        "listEvents",
        "A job's timeline.",
        "stages",
        EventList,
        "The events.",
        query=EventQuery,
        path_params=(JOB_ID,),
    ),
    Operation(
        "PATCH",
        "/jobs/{job_id}/events/{event_id}",
        update_event,
        "updateEvent",
        "Edit a stage event; the job's stage follows.",
        "stages",
        LoggedEvent,
        "The event.",
        request=EventPatch,
        path_params=(JOB_ID, EVENT_ID),
        errors=WRITE_ERRORS,
    ),
    Operation(
        "DELETE",
        "/jobs/{job_id}/events/{event_id}",
        delete_event,
        "deleteEvent",
        "Remove a stage event.",
        "stages",
        Deleted,
        "What was removed.",
        path_params=(JOB_ID, EVENT_ID),
        errors=WRITE_ERRORS,
    ),
]
