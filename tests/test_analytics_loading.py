"""Reading the Insights tables from the database: applied jobs, their events and their linked mail."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine

from jobops import analytics
from jobops.db import session_scope
from jobops.models import Job, MailMessage, StageEvent
from tests.test_analytics import at


def test_load_frames_reads_applied_jobs_events_and_messages(engine: Engine) -> None:
    status_update = {"actor": "user", "eventType": "status_update"}
    with session_scope(engine) as session:
        session.add(
            Job(
                id="a",
                title="Dev",
                employer="Acme",
                status="in_progress",
                source="Indeed",
                applied_at=at("2024-05-01"),
                current_stage="recruiter_screen",
            )
        )
        session.add(Job(id="d", title="Later", employer="Acme", status="discovered"))
        session.add_all(
            [
                StageEvent(
                    job_id="a",
                    to_stage="applied",
                    title="Applied",
                    occurred_at=at("2024-05-01"),
                    meta=status_update,
                ),
                StageEvent(
                    job_id="a",
                    from_stage="applied",
                    to_stage="recruiter_screen",
                    title="Screen",
                    occurred_at=at("2024-05-03"),
                    meta=status_update,
                ),
                StageEvent(
                    job_id="a",
                    from_stage="recruiter_screen",
                    to_stage="recruiter_screen",
                    title="Note",
                    occurred_at=at("2024-05-04"),
                    meta={"eventType": "note"},
                ),
            ]
        )
        session.add(
            MailMessage(
                provider="gmail",
                account_key="me",
                external_message_id="x",
                processing_status="auto_linked",
                message_type="interview",
                matched_job_id="a",
            )
        )
    with session_scope(engine) as session:
        frames = analytics.load_frames(session)
    assert frames.jobs["id"].tolist() == ["a"]
    assert sorted(frames.events["event_type"]) == ["note", "status_update", "status_update"]
    assert frames.jobs["applied_on"].iloc[0] == pd.Timestamp("2024-05-01 12:00", tz="UTC")
    assert frames.messages["message_type"].tolist() == ["interview"]
    assert analytics.job_progress(frames).loc["a", "days_to_first_response"] == 2
