"""Jobs at the JSON edge: what a request may give (new job, changes, outcome, list query) and what answers hold."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from pydantic import ValidationInfo, field_validator
from pydantic.alias_generators import to_camel

from jobops import validation as check
from jobops.schemas.base import Moment, Schema
from jobops.schemas.fields import Clock, Day, JobStatus, MomentIn, Outcome, Stage, clock, day
from jobops.stages import APPLIED, JOB_STATUSES, OUTCOMES

MAX_SALARY = 200
MAX_NEXT_STEP = 300
TEXT_LIMITS = {
    "location": 300,
    "source": 300,
    "recruiter_name": 300,
    "notes": check.MAX_TEXT,
    "salary": MAX_SALARY,
    "next_step": MAX_NEXT_STEP,
}


def _name(info: ValidationInfo) -> str:
    """The JSON name of the field being checked, as messages say it."""
    return to_camel(info.field_name or "")


class JobPatch(Schema):
    """Changes to a job: only the fields named change; null clears an optional one."""

    title: str | None = None
    employer: str | None = None
    location: str | None = None
    source: str | None = None
    recruiter_name: str | None = None
    job_url: str | None = None
    notes: str | None = None
    salary: str | None = None
    recruiter_email: str | None = None
    applied_at: MomentIn | None = None
    next_step: str | None = None
    next_step_due: Day | None = None
    next_step_time: Clock | None = None
    status: JobStatus | None = None

    @field_validator("title", "employer", mode="before")
    @classmethod
    def _required_text(cls, value: Any, info: ValidationInfo) -> str | None:
        return check.text(_name(info), value, required=True)

    @field_validator(*TEXT_LIMITS, mode="before")
    @classmethod
    def _text(cls, value: Any, info: ValidationInfo) -> str | None:
        return check.text(_name(info), value, max_len=TEXT_LIMITS[info.field_name or ""])

    @field_validator("job_url", mode="before")
    @classmethod
    def _url(cls, value: Any) -> str | None:
        return check.url("jobUrl", value)

    @field_validator("recruiter_email", mode="before")
    @classmethod
    def _email(cls, value: Any) -> str | None:
        return check.email("recruiterEmail", value)

    @field_validator("applied_at", mode="before")
    @classmethod
    def _applied_at(cls, value: Any) -> datetime | None:
        return check.moment("appliedAt", value)

    @field_validator("next_step_due", mode="before")
    @classmethod
    def _due(cls, value: Any) -> date | None:
        return day("nextStepDue", value)

    @field_validator("next_step_time", mode="before")
    @classmethod
    def _time(cls, value: Any) -> time | None:
        return clock("nextStepTime", value)

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: Any) -> str | None:
        return check.choice("status", value, JOB_STATUSES, required=True)


class JobIn(JobPatch):
    """A new job: title and employer are required; an applied job starts its timeline at appliedAt (or now)."""

    title: str
    employer: str
    status: JobStatus = APPLIED

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: Any) -> str | None:
        return check.choice("status", value, JOB_STATUSES) or APPLIED


class OutcomeIn(Schema):
    """Close a job with an outcome, or amend the outcome of a closed job."""

    outcome: Outcome
    closed_at: MomentIn | None = None
    note: str | None = None

    @field_validator("outcome", mode="before")
    @classmethod
    def _outcome(cls, value: Any) -> str | None:
        return check.choice("outcome", value, OUTCOMES, required=True)

    @field_validator("closed_at", mode="before")
    @classmethod
    def _closed_at(cls, value: Any) -> datetime | None:
        return check.moment("closedAt", value)

    @field_validator("note", mode="before")
    @classmethod
    def _note(cls, value: Any) -> str | None:
        return check.text("note", value, max_len=check.MAX_TEXT)


class JobQuery(Schema):
    """GET /api/jobs: which jobs, and which page of them."""

    status: str | None = None
    q: str | None = None
    limit: int = 500
    offset: int = 0

    @field_validator("status", "q", mode="before")
    @classmethod
    def _words(cls, value: Any, info: ValidationInfo) -> str | None:
        return check.text(_name(info), value, max_len=1000)

    @field_validator("limit", mode="before")
    @classmethod
    def _limit(cls, value: Any) -> int:
        return check.integer("limit", value, default=500, low=1, high=5000)

    @field_validator("offset", mode="before")
    @classmethod
    def _offset(cls, value: Any) -> int:
        return check.integer("offset", value, default=0, low=0, high=10**9)


class JobOut(Schema):
    """A job as the API and the pages see it; stage, outcome and dates are derived from its timeline."""

    id: str
    title: str
    employer: str
    job_url: str | None
    location: str | None
    source: str | None
    notes: str | None
    salary: str | None
    recruiter_name: str | None
    recruiter_email: str | None
    next_step: str | None
    next_step_due: Day | None
    next_step_time: Clock | None
    status: JobStatus
    current_stage: Stage | None
    stage_changed_at: Moment | None
    last_event_at: Moment | None
    applied_at: Moment | None
    outcome: Outcome | None
    closed_at: Moment | None
    is_sample: bool
    created_at: Moment
    updated_at: Moment


class JobList(Schema):
    """A page of jobs, newest activity first, and how many match in all."""

    items: list[JobOut]
    total: int


class Deleted(Schema):
    """What a delete removed."""

    id: str
    deleted: bool = True
