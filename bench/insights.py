"""Time the Insights pipeline on 5,000 jobs and 50,000 events: load, every table, every figure."""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402
from sqlalchemy import Engine, insert  # noqa: E402

from jobops import analytics, charts  # noqa: E402
from jobops.db import make_engine, migrate, session_scope  # noqa: E402
from jobops.models import Job, MailMessage, StageEvent  # noqa: E402

JOBS = 5_000
EVENTS = 50_000
MESSAGES = 10_000
TARGET_SECONDS = 2.0
NOW = datetime.now(UTC)
SOURCES = ("LinkedIn", "Referral", "Indeed", "Company site", "Recruiter", None)
PATHS = (
    ((), None),
    (("recruiter_screen",), None),
    (("recruiter_screen", "assessment"), "rejected"),
    (("recruiter_screen", "technical_interview"), None),
    (("recruiter_screen", "hiring_manager_screen", "technical_interview", "onsite"), "rejected"),
    (("recruiter_screen", "technical_interview", "onsite", "offer"), "offer_accepted"),
    (("recruiter_screen", "onsite", "offer"), "offer_declined"),
    ((), "ghosted"),
    ((), "no_response"),
    (("recruiter_screen",), "withdrawn"),
)


Row = dict[str, Any]


def history(rng: random.Random, job_id: str, applied: datetime) -> tuple[Row, list[Row]]:
    """One job's stored fields and its events: a path through the stages, then notes up to ten events."""
    stages, outcome = rng.choice(PATHS)
    steps = [("applied", None), *((s, None) for s in stages), *([("closed", outcome)] if outcome else [])]
    events, when, previous = [], applied, None
    for stage, result in steps:
        events.append(event(job_id, previous, stage, when, result, "status_update"))
        previous, when = stage, when + timedelta(days=rng.uniform(1, 8))
    while len(events) < EVENTS // JOBS:
        when += timedelta(days=rng.uniform(0.2, 2))
        kind = rng.choice(("note", "interview_log"))
        events.append(event(job_id, previous, previous, when, None, kind))
    stage, moved_at = steps[-1][0], events[len(steps) - 1]["occurred_at"]
    job = {
        "id": job_id,
        "title": f"Engineer {job_id}",
        "employer": f"Employer {rng.randint(1, 900)}",
        "source": rng.choice(SOURCES),
        "applied_at": applied,
        "current_stage": stage,
        "status": "applied" if stage == "applied" else "in_progress",
        "stage_changed_at": moved_at,
        "last_event_at": events[-1]["occurred_at"],
        "outcome": outcome,
        "closed_at": moved_at if outcome else None,
        "is_sample": False,
        "created_at": applied,
        "updated_at": applied,
    }
    return job, events


def event(
    job_id: str, from_stage: str | None, to_stage: str, when: datetime, outcome: str | None, event_type: str
) -> Row:
    """A stage event row for a bulk insert."""
    return {
        "id": f"{job_id}-{when.timestamp():.0f}-{to_stage}-{event_type}",
        "job_id": job_id,
        "from_stage": from_stage,
        "to_stage": to_stage,
        "title": to_stage,
        "occurred_at": when,
        "outcome": outcome,
        "metadata": {"actor": "user", "eventType": event_type},
        "created_at": when,
    }


def message(rng: random.Random, i: int, job_ids: list[str]) -> Row:
    """A synced message row for a bulk insert."""
    received = NOW - timedelta(days=rng.uniform(0, 365))
    return {
        "id": f"m{i}",
        "provider": "gmail",
        "account_key": "bench",
        "external_message_id": f"x{i}",
        "received_at": received,
        "processing_status": rng.choice(
            ("auto_linked", "auto_linked", "manual_linked", "ignored", "pending_user")
        ),
        "message_type": rng.choice(("interview", "rejection", "offer", "update", "other")),
        "matched_job_id": rng.choice(job_ids),
        "relevant": rng.random() > 0.2,
        "created_at": received,
        "updated_at": received,
    }


def seed(engine: Engine) -> int:
    """Bulk insert the jobs, their events and the messages; returns the number of events."""
    rng = random.Random(42)
    jobs, events = [], []
    for i in range(JOBS):
        job, job_events = history(rng, f"job{i:05d}", NOW - timedelta(days=rng.uniform(90, 455)))
        jobs.append(job)
        events.extend(job_events)
    messages = [message(rng, i, [j["id"] for j in jobs[:2000]]) for i in range(MESSAGES)]
    with engine.begin() as conn:
        conn.execute(insert(Job.__table__), jobs)
        conn.execute(insert(StageEvent.__table__), events)
        conn.execute(insert(MailMessage.__table__), messages)
    return len(events)


def timed(label: str, action: Callable[[], Any], timings: list[tuple[str, float]]) -> Any:
    """Run once and record how long it took."""
    start = time.perf_counter()
    result = action()
    timings.append((label, time.perf_counter() - start))
    return result


def run(engine: Engine) -> list[tuple[str, float]]:
    """Every step the Insights page takes, timed."""
    timings: list[tuple[str, float]] = []
    now = pd.Timestamp(NOW)

    def load() -> analytics.Frames:
        with session_scope(engine) as session:
            return analytics.load_frames(session)

    frames = timed("load_frames", load, timings)
    frames = timed("apply_filters", lambda: analytics.apply_filters(frames, analytics.Filters()), timings)
    progress = timed("job_progress", lambda: analytics.job_progress(frames), timings)
    timed("headline", lambda: analytics.headline(progress, frames.events, now), timings)
    tables = {
        "flow": timed("flow_links", lambda: analytics.flow_links(progress), timings),
        "funnel": timed("funnel", lambda: analytics.funnel(progress), timings),
        "weekly": timed("weekly_activity", lambda: analytics.weekly_activity(progress), timings),
        "stages": timed("stage_durations", lambda: analytics.stage_durations(frames), timings),
        "responses": timed("response_times", lambda: analytics.response_times(progress), timings),
        "sources": timed("rates_by_source", lambda: analytics.rates_by_source(progress), timings),
        "mail": timed("mail_weekly", lambda: analytics.mail_weekly(frames.messages), timings),
        "handling": timed("mail_handling", lambda: analytics.mail_handling(frames.messages), timings),
    }
    timed("ghosting_candidates", lambda: analytics.ghosting_candidates(progress, now), timings)
    builders = {
        "flow": charts.flow_figure,
        "funnel": charts.funnel_figure,
        "weekly": charts.weekly_figure,
        "stages": charts.stage_time_figure,
        "responses": charts.response_time_figure,
        "sources": charts.source_rates_figure,
        "mail": charts.mail_weekly_figure,
        "handling": charts.mail_handling_figure,
    }
    figures = [
        timed(build.__name__, lambda b=build, n=name: b(tables[n]), timings)
        for name, build in builders.items()
    ]
    timed("figures to JSON (what the page sends)", lambda: [f.to_json() for f in figures], timings)
    return timings


def main() -> None:
    """Seed a temporary database, time the pipeline, print each step and the total."""
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/bench.db")
        migrate(engine)
        start = time.perf_counter()
        events = seed(engine)
        seconds = time.perf_counter() - start
        print(f"seeded {JOBS:,} jobs, {events:,} events, {MESSAGES:,} messages in {seconds:.1f} s")
        timings = run(engine)
        engine.dispose()
    for label, seconds in timings:
        print(f"  {label:<40} {1000 * seconds:8.1f} ms")
    total = sum(seconds for _, seconds in timings)
    verdict = "within" if total < TARGET_SECONDS else "OVER"
    print(f"total {total:.2f} s ({verdict} the {TARGET_SECONDS:.0f} s target)")


if __name__ == "__main__":
    main()
