"""DataFrames behind the Insights charts: load once from the database, then pure functions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from jobops.models import Job, MailMessage, StageEvent
from jobops.stages import (
    ACTIVE_STATUSES,
    APPLIED,
    AUTO_LINKED,
    CLOSED,
    IGNORED,
    INTERVIEW_STAGES,
    MANUAL_LINKED,
    OPEN_STAGES,
    PENDING_USER,
    STAGES,
)

JOB_COLUMNS = (
    "id",
    "title",
    "employer",
    "source",
    "applied_at",
    "outcome",
    "current_stage",
    "last_event_at",
    "created_at",
)
EVENT_COLUMNS = ("job_id", "from_stage", "to_stage", "occurred_at", "outcome", "event_type")
MESSAGE_COLUMNS = (
    "id",
    "received_at",
    "processing_status",
    "message_type",
    "matched_job_id",
    "relevant",
)
DATE_COLUMNS = {
    "jobs": ("applied_at", "last_event_at", "created_at"),
    "events": ("occurred_at",),
    "messages": ("received_at",),
}

UNKNOWN_SOURCE = "Unknown"
IN_PROGRESS = "in_progress"  # end of the flow for jobs that are not closed
OFFER_OUTCOMES = frozenset({"offer_accepted", "offer_declined"})
# Closing outcomes that came from the employer; no_response, ghosted and withdrawn did not.
RESPONSE_OUTCOMES = OFFER_OUTCOMES | {"rejected"}
LOG_EVENT_TYPES = frozenset({"note", "interview_log"})
STAGES_AFTER_APPLIED = frozenset(OPEN_STAGES[1:])
DAY = pd.Timedelta(days=1)

HANDLING_LABELS = {
    AUTO_LINKED: "Automatic",
    MANUAL_LINKED: "Reviewed by you",
    IGNORED: "Reviewed by you",
    PENDING_USER: "Waiting for review",
}
NOT_ROUTED = "Not routed yet"


@dataclass(frozen=True)
class Frames:
    """Jobs, their stage events and synced messages, one row per record."""

    jobs: pd.DataFrame
    events: pd.DataFrame
    messages: pd.DataFrame


@dataclass(frozen=True)
class Filters:
    """What the Insights page narrows to: applied dates (inclusive), sources, employers, closed jobs."""

    start: date | None = None
    end: date | None = None
    sources: tuple[str, ...] = ()
    employers: tuple[str, ...] = ()
    include_closed: bool = True


@dataclass(frozen=True)
class Headline:
    """The four figures at the top of the page; None when there is nothing to measure."""

    active_applications: int
    response_rate: float | None
    interviews_this_month: int
    median_days_to_response: float | None


def load_frames(session: Session) -> Frames:
    """Read every applied job, its events and the synced messages in three queries."""
    tracked = Job.status.in_(ACTIVE_STATUSES)
    event_type = StageEvent.meta["eventType"].as_string().label("event_type")
    jobs = select(*(getattr(Job, c) for c in JOB_COLUMNS)).where(tracked)
    events = (
        select(
            StageEvent.job_id,
            StageEvent.from_stage,
            StageEvent.to_stage,
            StageEvent.occurred_at,
            StageEvent.outcome,
            event_type,
        )
        .join(Job)
        .where(tracked)
    )
    messages = select(*(getattr(MailMessage, c) for c in MESSAGE_COLUMNS))
    return build_frames(*(_tuples(session, query) for query in (jobs, events, messages)))


def _tuples(session: Session, query: Select[Any]) -> list[tuple[Any, ...]]:
    """Plain tuples through Core: the ORM layer and Row objects only slow a DataFrame down."""
    return [tuple(row) for row in session.connection().execute(query)]


def build_frames(jobs: Iterable[Any], events: Iterable[Any] = (), messages: Iterable[Any] = ()) -> Frames:
    """Typed frames from tuples or dicts; adds each job's applied date and labels missing sources."""
    job_frame = _typed(jobs, JOB_COLUMNS, DATE_COLUMNS["jobs"])
    event_frame = _typed(events, EVENT_COLUMNS, DATE_COLUMNS["events"])
    job_frame["source"] = job_frame["source"].fillna(UNKNOWN_SOURCE).replace("", UNKNOWN_SOURCE)
    job_frame["current_stage"] = job_frame["current_stage"].fillna(APPLIED)
    first_event = event_frame.groupby("job_id")["occurred_at"].min()
    first_event = first_event.reindex(job_frame["id"]).set_axis(job_frame.index)
    job_frame["applied_on"] = job_frame["applied_at"].fillna(first_event).fillna(job_frame["created_at"])
    return Frames(job_frame, event_frame, _typed(messages, MESSAGE_COLUMNS, DATE_COLUMNS["messages"]))


def _typed(rows: Iterable[Any], columns: tuple[str, ...], dates: tuple[str, ...]) -> pd.DataFrame:
    """A frame with exactly these columns, dates as UTC timestamps."""
    frame = pd.DataFrame(list(rows), columns=list(columns))
    frame = frame.astype({c: object for c in columns if c not in dates})
    for column in dates:
        frame[column] = pd.to_datetime(frame[column], utc=True)
    return frame


def apply_filters(frames: Frames, filters: Filters) -> Frames:
    """Keep the jobs the filters select, their events, and the messages in range."""
    jobs = frames.jobs
    keep = _in_range(jobs["applied_on"], filters.start, filters.end)
    if filters.sources:
        keep &= jobs["source"].isin(filters.sources)
    if filters.employers:
        keep &= jobs["employer"].isin(filters.employers)
    if not filters.include_closed:
        keep &= jobs["current_stage"] != CLOSED
    jobs = jobs[keep]
    messages = frames.messages[_in_range(frames.messages["received_at"], filters.start, filters.end)]
    if filters.sources or filters.employers or not filters.include_closed:
        messages = messages[messages["matched_job_id"].isin(jobs["id"])]
    events = frames.events[frames.events["job_id"].isin(jobs["id"])]
    return replace(frames, jobs=jobs, events=events, messages=messages)


def _in_range(when: pd.Series, start: date | None, end: date | None) -> pd.Series:
    """True where a timestamp falls on or between two UTC dates."""
    keep = pd.Series(True, index=when.index)
    if start is not None:
        keep &= when >= pd.Timestamp(start, tz="UTC")
    if end is not None:
        keep &= when < pd.Timestamp(end, tz="UTC") + DAY
    return keep


def transitions(events: pd.DataFrame) -> pd.DataFrame:
    """Events that moved a job to a stage, oldest first (notes and interview logs left out)."""
    moved = events["from_stage"].ne(events["to_stage"]) & ~events["event_type"].isin(LOG_EVENT_TYPES)
    return events[moved].sort_values(["job_id", "occurred_at"], kind="stable")


def job_progress(frames: Frames) -> pd.DataFrame:
    """One row per job: stages reached, how it ended, and when the employer first answered."""
    jobs = frames.jobs.set_index("id")
    moves = transitions(frames.events)
    progress = jobs[["title", "employer", "source", "applied_on", "current_stage", "outcome"]].copy()
    progress["is_closed"] = progress["current_stage"].eq(CLOSED)
    progress["end"] = progress["outcome"].where(progress["is_closed"], IN_PROGRESS).fillna(CLOSED)
    reached = _reached_stages(moves, jobs.index)
    reached["offer"] |= progress["outcome"].isin(OFFER_OUTCOMES) & progress["is_closed"]
    for stage in OPEN_STAGES:
        progress[f"reached_{stage}"] = reached[stage]
    first = _first_responses(moves).reindex(jobs.index)
    progress["first_response_at"] = first
    progress["responded"] = first.notna()
    progress["days_to_first_response"] = ((first - progress["applied_on"]) / DAY).clip(lower=0)
    progress["interviewed"] = reached[sorted(INTERVIEW_STAGES)].any(axis=1)
    progress["offered"] = reached["offer"]
    progress["last_activity"] = _last_activity(frames.events, jobs)
    progress.index.name = "job_id"
    return progress


def _reached_stages(moves: pd.DataFrame, job_ids: pd.Index) -> pd.DataFrame:
    """Boolean table of job x open stage; every job has reached applied."""
    entered = {stage: job_ids.isin(moves.loc[moves["to_stage"] == stage, "job_id"]) for stage in OPEN_STAGES}
    table = pd.DataFrame(entered, index=job_ids)
    table[APPLIED] = True
    return table


def _first_responses(moves: pd.DataFrame) -> pd.Series:
    """When each job first heard back: a stage beyond applied, or closed by a rejection or offer."""
    answered = moves["to_stage"].isin(STAGES_AFTER_APPLIED) | (
        moves["to_stage"].eq(CLOSED) & moves["outcome"].isin(RESPONSE_OUTCOMES)
    )
    return moves[answered].groupby("job_id")["occurred_at"].min()


def _last_activity(events: pd.DataFrame, jobs: pd.DataFrame) -> pd.Series:
    """The latest of each job's events, its stored last event time and its applied date."""
    latest = events.groupby("job_id")["occurred_at"].max().reindex(jobs.index)
    candidates = pd.concat([latest, jobs["last_event_at"], jobs["applied_on"]], axis=1)
    return candidates.max(axis=1)


def flow_links(progress: pd.DataFrame) -> pd.DataFrame:
    """Sankey links: applied -> each later stage reached (in pipeline order) -> how the job ended."""
    columns = ["source", "target", "jobs"]
    if progress.empty:
        return pd.DataFrame(columns=columns).astype({"jobs": int})
    reached = progress[[f"reached_{s}" for s in OPEN_STAGES]].set_axis(list(OPEN_STAGES), axis=1)
    steps = reached.stack()
    steps = steps[steps].reset_index().iloc[:, :2].set_axis(["job_id", "source"], axis=1)
    steps["target"] = steps.groupby("job_id")["source"].shift(-1)
    steps["target"] = steps["target"].fillna(steps["job_id"].map(progress["end"]))
    links = steps.groupby(["source", "target"], sort=False).size().rename("jobs").reset_index()
    order = {key: i for i, key in enumerate(flow_nodes())}
    return links.sort_values(["source", "target"], key=lambda s: s.map(order)).reset_index(drop=True)


def flow_nodes() -> tuple[str, ...]:
    """Every node the flow can show, left to right."""
    return (
        *OPEN_STAGES,
        "offer_accepted",
        "offer_declined",
        "rejected",
        "withdrawn",
        "no_response",
        "ghosted",
        CLOSED,
        IN_PROGRESS,
    )


def funnel(progress: pd.DataFrame) -> pd.DataFrame:
    """Jobs at or beyond each stage reached, as a share of applications and of the step before."""
    columns = ["stage", "jobs", "pct_of_applied", "pct_of_previous"]
    if progress.empty:
        return pd.DataFrame(columns=columns)
    reached = progress[[f"reached_{s}" for s in OPEN_STAGES]].set_axis(list(OPEN_STAGES), axis=1)
    at_or_beyond = reached.iloc[:, ::-1].cummax(axis=1).iloc[:, ::-1].sum()
    seen = [s for s in OPEN_STAGES if reached[s].any()]
    table = at_or_beyond[seen].rename("jobs").rename_axis("stage").reset_index()
    table["pct_of_applied"] = (100 * table["jobs"] / table["jobs"].iloc[0]).round(1)
    table["pct_of_previous"] = (100 * table["jobs"] / table["jobs"].shift(1)).round(1).fillna(100.0)
    return table


def weekly_activity(progress: pd.DataFrame) -> pd.DataFrame:
    """Applications sent and first responses received, per week (weeks start on Monday, UTC)."""
    applications = _week_of(progress["applied_on"]).value_counts().rename("applications")
    responses = _week_of(progress["first_response_at"].dropna()).value_counts().rename("responses")
    table = pd.concat([applications, responses], axis=1, sort=True)
    if table.empty:
        return pd.DataFrame(columns=["week", "applications", "responses"])
    weeks = pd.date_range(table.index.min(), table.index.max(), freq="7D", name="week")
    table = table.reindex(weeks, fill_value=0).fillna(0).astype(int)
    return table.reset_index()


def _week_of(when: pd.Series) -> pd.Series:
    """The Monday (UTC, without a zone) of the week each timestamp falls in."""
    days = when.dt.tz_convert("UTC").dt.tz_localize(None).dt.normalize()
    return days - pd.to_timedelta(days.dt.day_of_week, unit="D")


def stage_durations(frames: Frames) -> pd.DataFrame:
    """Days each job spent in a stage before it moved on; stays still running are left out."""
    moves = transitions(frames.events)
    next_at = moves.groupby("job_id")["occurred_at"].shift(-1)
    done = next_at.notna() & moves["to_stage"].ne(CLOSED)
    table = moves.loc[done, ["job_id", "to_stage"]].rename(columns={"to_stage": "stage"})
    table["days"] = ((next_at[done] - moves.loc[done, "occurred_at"]) / DAY).round(2)
    order = table["stage"].map({s: i for i, s in enumerate(STAGES)})
    return table.assign(_order=order).sort_values("_order", kind="stable").drop(columns="_order")


def response_times(progress: pd.DataFrame) -> pd.DataFrame:
    """Jobs that heard back, with the days from applying to the first response."""
    answered = progress[progress["responded"]]
    table = answered[["employer", "source", "days_to_first_response"]].reset_index()
    return table.rename(columns={"days_to_first_response": "days"}).round({"days": 2})


def rates_by_source(progress: pd.DataFrame) -> pd.DataFrame:
    """Applications per source and the percentage that got a response, an interview and an offer."""
    grouped = progress.groupby("source").agg(
        applications=("responded", "size"),
        responses=("responded", "sum"),
        interviews=("interviewed", "sum"),
        offers=("offered", "sum"),
    )
    for name in ("response", "interview", "offer"):
        grouped[f"{name}_rate"] = (100 * grouped[f"{name}s"] / grouped["applications"]).round(1)
    return grouped.sort_values("applications", ascending=False).reset_index()


def job_messages(messages: pd.DataFrame) -> pd.DataFrame:
    """Messages about jobs: those the router did not mark as irrelevant."""
    return messages[messages["relevant"].ne(False)]


def mail_weekly(messages: pd.DataFrame) -> pd.DataFrame:
    """Job messages received per week and type."""
    mail = job_messages(messages)
    table = pd.DataFrame(
        {
            "week": _week_of(mail["received_at"]),
            "message_type": mail["message_type"].fillna("other"),
        }
    )
    counts = table.groupby(["week", "message_type"]).size().rename("messages")
    return counts.reset_index()


def mail_handling(messages: pd.DataFrame) -> pd.DataFrame:
    """How job messages were linked: automatically, reviewed by the user, or still waiting."""
    mail = job_messages(messages)
    handling = mail["processing_status"].map(HANDLING_LABELS).fillna(NOT_ROUTED)
    table = handling.value_counts().rename("messages").rename_axis("handling").reset_index()
    table["share"] = (100 * table["messages"] / table["messages"].sum()).round(1)
    return table


def headline(progress: pd.DataFrame, events: pd.DataFrame, now: pd.Timestamp) -> Headline:
    """Active applications, response rate, interviews this month and median days to a response."""
    days = progress["days_to_first_response"].dropna()
    month_start = now.tz_convert("UTC").normalize().replace(day=1)
    return Headline(
        active_applications=int((~progress["is_closed"]).sum()),
        response_rate=round(100 * progress["responded"].mean(), 1) if len(progress) else None,
        interviews_this_month=interviews_between(events, month_start, now),
        median_days_to_response=round(float(days.median()), 1) if len(days) else None,
    )


def interviews_between(events: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> int:
    """Moves into an interview stage plus logged interviews, from start to end inclusive."""
    moves = transitions(events)
    moved_in = events.index.isin(moves.index[moves["to_stage"].isin(INTERVIEW_STAGES)])
    logged = events["event_type"].eq("interview_log")
    return int((events["occurred_at"].between(start, end) & (moved_in | logged)).sum())


def ghosting_candidates(progress: pd.DataFrame, now: pd.Timestamp, days: int = 21) -> pd.DataFrame:
    """Open jobs with no event for at least `days` days, the quietest first."""
    silent = ((now - progress["last_activity"]) / DAY).fillna(0)
    quiet = progress[~progress["is_closed"] & silent.ge(days)]
    table = quiet[["title", "employer", "source", "current_stage", "last_activity"]].copy()
    table["days_silent"] = silent[quiet.index].astype(int)
    return table.sort_values("days_silent", ascending=False).reset_index()
