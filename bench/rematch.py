"""Matching waiting mail again: how long adding a job, editing one and importing a CSV take when the
Tracking Inbox holds many messages. Target: under 1 s for one job with 500 waiting messages.

Run from the repository root: `python bench/rematch.py`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

JOBS = 200
WAITING = 500
CSV_ROWS = 100
TARGET_SECONDS = 1.0


def seed(engine) -> None:  # type: ignore[no-untyped-def]
    """Applied jobs, and relevant mail waiting for review that names none of them."""
    from jobops.db import session_scope
    from jobops.models import Job, MailMessage

    with session_scope(engine) as session:
        for index in range(JOBS):
            session.add(
                Job(
                    title=f"Engineer {index}",
                    employer=f"Employer{index} Labs",
                    status="applied",
                    current_stage="applied",
                )
            )
        for index in range(WAITING):
            body = (
                f"Hi Alex, we'd like to schedule a phone screen for the Designer role at Orphan{index}. " * 3
            )
            session.add(
                MailMessage(
                    provider="gmail",
                    account_key="default",
                    external_message_id=f"m{index}",
                    external_thread_id=f"t{index}",
                    from_address=f"talent@orphan{index}.com",
                    from_domain=f"orphan{index}.com",
                    subject=f"Interview invitation: Designer {index}",
                    body_text=body,
                    received_at=datetime(2024, 5, 1, tzinfo=UTC),
                    processing_status="pending_user",
                )
            )


def timed(engine, action) -> float:  # type: ignore[no-untyped-def]
    """Seconds one unit of work takes."""
    from jobops.db import session_scope

    started = time.perf_counter()
    with session_scope(engine) as session:
        action(session)
    return time.perf_counter() - started


def main() -> None:
    """Seed a temporary database, time the three actions, print the figures."""
    folder = tempfile.mkdtemp(prefix="jobops-bench-")
    os.environ.update(
        JOBOPS_DATA_DIR=folder,
        JOBOPS_DATABASE_URL=f"sqlite:///{folder}/jobops.db",
        JOBOPS_SECRETS_FILE=f"{folder}/none.toml",
    )
    from jobops import job_csv, jobs
    from jobops.db import get_engine
    from jobops.schemas.jobs import JobIn, JobPatch

    engine = get_engine()
    seed(engine)
    added: dict[str, str] = {}
    add = timed(
        engine, lambda s: added.update(id=jobs.create_job(s, JobIn(title="Designer", employer="Figma")).id)
    )
    edit = timed(engine, lambda s: jobs.update_job(s, added["id"], JobPatch(employer="Figma, Inc.")))
    frame = job_csv.read_csv(
        ("title,company\n" + "".join(f"Role {i},Company{i}\n" for i in range(CSV_ROWS))).encode()
    )
    csv = timed(engine, lambda s: job_csv.import_jobs(s, frame, job_csv.guess_mapping(list(frame.columns))))
    mark = "ok" if max(add, edit) < TARGET_SECONDS else "OVER TARGET"
    print(f"jobs / waiting messages   {JOBS} / {WAITING}")
    print(f"add one job               {add:.2f} s  (target < {TARGET_SECONDS:.0f} s) {mark}")
    print(f"edit its employer         {edit:.2f} s")
    print(f"import {CSV_ROWS} jobs from CSV  {csv:.2f} s  (waiting mail matched once for the file)")


if __name__ == "__main__":
    main()
