"""Board speed: render the board and a job's timeline with 1,000 jobs and 10,000 events,
and time stage transitions through the API. Targets: under 1 s per render, under 20 ms per transition.

Run from the repository root: `python bench/board.py`.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

JOBS = 1_000
EVENTS = 10_000
TRANSITIONS = 200


def seed(engine) -> str:  # type: ignore[no-untyped-def]
    """Bulk-insert jobs with back-dated timelines; return the id of the job with the longest one."""
    from sqlalchemy import insert

    from jobops.models import Job, StageEvent, new_id
    from jobops.stages import OPEN_STAGES

    rng = random.Random(7)
    now = datetime.now(UTC)
    jobs, events = [], []
    for i in range(JOBS):
        applied = now - timedelta(days=rng.randint(5, 120))
        jobs.append(
            {
                "id": new_id(),
                "title": f"Engineer {i}",
                "employer": f"Company {i % 300}",
                "status": "in_progress",
                "applied_at": applied,
                "is_sample": False,
                "created_at": applied,
                "updated_at": applied,
            }
        )
    per_job = EVENTS // JOBS
    for job in jobs:
        stage_index = 0
        for k in range(per_job):
            stage_index = min(stage_index + rng.randint(0, 1), len(OPEN_STAGES) - 1)
            at = job["applied_at"] + timedelta(days=k)
            events.append(
                {
                    "id": new_id(),
                    "job_id": job["id"],
                    "from_stage": None,
                    "to_stage": OPEN_STAGES[stage_index],
                    "title": f"Step {k}",
                    "occurred_at": at,
                    "meta": {"actor": "user", "eventType": "status_update"},
                    "created_at": at,
                }
            )
        job["current_stage"] = OPEN_STAGES[stage_index]
        job["stage_changed_at"] = job["last_event_at"] = at
    with engine.begin() as conn:
        conn.execute(insert(Job), jobs)
        conn.execute(insert(StageEvent), events)
    return jobs[0]["id"]


def time_page(path: str, query: dict[str, str] | None = None, runs: int = 3) -> float:
    """Median seconds for AppTest to run a page through app.py's navigation."""
    from streamlit.testing.v1 import AppTest

    durations = []
    for _ in range(runs):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for key, value in (query or {}).items():
            at.query_params[key] = value
        at.switch_page(path)
        started = time.perf_counter()
        at.run()
        durations.append(time.perf_counter() - started)
        if at.exception:
            raise SystemExit(f"{path} failed: {at.exception[0].message}")
    return statistics.median(durations)


def time_transitions(job_ids: list[str]) -> float:
    """Median milliseconds of POST /api/jobs/{id}/stages, the seed's request."""
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from jobops.api import routes

    body = {
        "toStage": "technical_interview",
        "metadata": {
            "actor": "user",
            "eventType": "status_update",
            "eventLabel": "Moved to Technical Interview",
        },
    }
    durations = []
    with TestClient(Starlette(routes=routes())) as client:
        for job_id in job_ids:
            started = time.perf_counter()
            answer = client.post(f"/api/jobs/{job_id}/stages", json=body)
            durations.append((time.perf_counter() - started) * 1000)
            assert answer.status_code == 201, answer.text
    return statistics.median(durations)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["JOBOPS_DATA_DIR"] = tmp
        os.environ["JOBOPS_DATABASE_URL"] = f"sqlite:///{tmp}/bench.db"
        from jobops.db import get_engine

        engine = get_engine()
        started = time.perf_counter()
        first_job = seed(engine)
        print(f"seeded {JOBS} jobs and {EVENTS} events in {time.perf_counter() - started:.2f} s")
        board_s = time_page("pages/board.py")
        detail_s = time_page("pages/job_detail.py", {"id": first_job})
        from sqlalchemy import select

        from jobops.models import Job

        with engine.connect() as conn:
            ids = list(conn.scalars(select(Job.id).limit(TRANSITIONS)))
        transition_ms = time_transitions(ids)
    print(f"board render (median of 3):       {board_s * 1000:7.0f} ms  (target < 1000 ms)")
    print(f"job detail render (median of 3):  {detail_s * 1000:7.0f} ms  (target < 1000 ms)")
    print(f"stage transition via API (median of {TRANSITIONS}): {transition_ms:6.1f} ms  (target < 20 ms)")


if __name__ == "__main__":
    main()
