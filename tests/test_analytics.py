"""The DataFrames behind the Insights charts, on small histories with known answers."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pandas as pd
import pytest

from jobops import analytics
from jobops.analytics import Filters


def at(day: str) -> datetime:
    """A UTC moment at noon on an ISO date."""
    return datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC)


def job(
    job_id: str,
    applied: str,
    *,
    source: str | None = "LinkedIn",
    employer: str = "Acme",
    stage: str = "applied",
    outcome: str | None = None,
) -> dict[str, Any]:
    """A job row as load_frames reads it."""
    return {
        "id": job_id,
        "title": f"Engineer {job_id}",
        "employer": employer,
        "source": source,
        "applied_at": at(applied),
        "outcome": outcome,
        "current_stage": stage,
        "last_event_at": None,
        "created_at": at(applied),
    }


def event(
    job_id: str,
    from_stage: str | None,
    to_stage: str,
    day: str,
    *,
    outcome: str | None = None,
    event_type: str = "status_update",
) -> dict[str, Any]:
    """A stage event row as load_frames reads it."""
    return {
        "job_id": job_id,
        "from_stage": from_stage,
        "to_stage": to_stage,
        "occurred_at": at(day),
        "outcome": outcome,
        "event_type": event_type,
    }


def message(
    day: str, status: str, kind: str | None, job_id: str | None = None, relevant: bool | None = True
) -> dict[str, Any]:
    """A synced message row as load_frames reads it."""
    return {
        "id": f"m-{day}-{status}-{kind}",
        "received_at": at(day),
        "processing_status": status,
        "message_type": kind,
        "matched_job_id": job_id,
        "relevant": relevant,
    }


@pytest.fixture
def frames() -> analytics.Frames:
    """Four applications: one offer, one rejection after a screen, one ghosted, one still waiting."""
    jobs = [
        job("j1", "2024-01-01", stage="closed", outcome="offer_accepted", employer="Acme"),
        job("j2", "2024-01-02", stage="closed", outcome="rejected", employer="Globex"),
        job("j3", "2024-01-08", source="Referral", stage="closed", outcome="ghosted", employer="Initech"),
        job("j4", "2024-01-09", source=None, employer="Hooli"),
    ]
    events = [
        event("j1", None, "applied", "2024-01-01"),
        event("j1", "applied", "recruiter_screen", "2024-01-05"),
        event("j1", "recruiter_screen", "technical_interview", "2024-01-15"),
        event("j1", "technical_interview", "offer", "2024-01-25"),
        event("j1", "offer", "closed", "2024-02-01", outcome="offer_accepted"),
        event("j2", None, "applied", "2024-01-02"),
        event("j2", "applied", "recruiter_screen", "2024-01-12"),
        event("j2", "recruiter_screen", "closed", "2024-01-20", outcome="rejected"),
        event("j3", None, "applied", "2024-01-08"),
        event("j3", "applied", "closed", "2024-02-10", outcome="ghosted"),
        event("j4", None, "applied", "2024-01-09"),
        event("j4", "applied", "applied", "2024-01-10", event_type="note"),
    ]
    messages = [
        message("2024-01-05", "auto_linked", "interview", "j1"),
        message("2024-01-06", "manual_linked", "update", "j1"),
        message("2024-01-12", "ignored", None, None),
        message("2024-01-13", "pending_user", "rejection", "j2"),
        message("2024-01-13", "ignored", None, None, relevant=False),
    ]
    return analytics.build_frames(jobs, events, messages)


@pytest.fixture
def progress(frames: analytics.Frames) -> pd.DataFrame:
    return analytics.job_progress(frames)


def test_a_job_without_a_source_is_counted_under_unknown(frames: analytics.Frames) -> None:
    assert frames.jobs.set_index("id").loc["j4", "source"] == "Unknown"


def test_progress_knows_who_heard_back_and_how_fast(progress: pd.DataFrame) -> None:
    assert progress["responded"].to_dict() == {"j1": True, "j2": True, "j3": False, "j4": False}
    assert progress.loc["j1", "days_to_first_response"] == 4
    assert progress.loc["j2", "days_to_first_response"] == 10


def test_a_note_does_not_count_as_a_response_or_a_stage(progress: pd.DataFrame) -> None:
    assert not progress.loc["j4", "responded"]
    assert progress.loc["j4", "end"] == analytics.IN_PROGRESS


def test_a_rejection_straight_after_applying_is_a_response() -> None:
    frames = analytics.build_frames(
        [job("j", "2024-03-01", stage="closed", outcome="rejected")],
        [
            event("j", None, "applied", "2024-03-01"),
            event("j", "applied", "closed", "2024-03-04", outcome="rejected"),
        ],
    )
    assert analytics.job_progress(frames).loc["j", "days_to_first_response"] == 3


def test_withdrawing_is_not_a_response() -> None:
    frames = analytics.build_frames(
        [job("j", "2024-03-01", stage="closed", outcome="withdrawn")],
        [
            event("j", None, "applied", "2024-03-01"),
            event("j", "applied", "closed", "2024-03-04", outcome="withdrawn"),
        ],
    )
    assert not analytics.job_progress(frames).loc["j", "responded"]


def test_the_flow_runs_from_applied_through_each_stage_to_the_outcome(progress: pd.DataFrame) -> None:
    links = analytics.flow_links(progress)
    got = {(r.source, r.target): r.jobs for r in links.itertuples()}
    assert got == {
        ("applied", "recruiter_screen"): 2,
        ("applied", "ghosted"): 1,
        ("applied", "in_progress"): 1,
        ("recruiter_screen", "technical_interview"): 1,
        ("recruiter_screen", "rejected"): 1,
        ("technical_interview", "offer"): 1,
        ("offer", "offer_accepted"): 1,
    }


def test_the_flow_follows_pipeline_order_when_a_job_moved_back() -> None:
    frames = analytics.build_frames(
        [job("j", "2024-03-01", stage="recruiter_screen")],
        [
            event("j", None, "applied", "2024-03-01"),
            event("j", "applied", "technical_interview", "2024-03-02"),
            event("j", "technical_interview", "recruiter_screen", "2024-03-03"),
        ],
    )
    links = analytics.flow_links(analytics.job_progress(frames))
    assert list(zip(links["source"], links["target"], strict=False)) == [
        ("applied", "recruiter_screen"),
        ("recruiter_screen", "technical_interview"),
        ("technical_interview", "in_progress"),
    ]


def test_the_funnel_gives_the_share_of_applications_at_each_stage() -> None:
    jobs = [job(f"j{i}", "2024-03-01") for i in range(10)]
    events = [event(f"j{i}", "applied", "recruiter_screen", "2024-03-05") for i in range(4)]
    events += [event(f"j{i}", "recruiter_screen", "technical_interview", "2024-03-10") for i in range(2)]
    events += [event("j0", "technical_interview", "offer", "2024-03-20")]
    table = analytics.funnel(analytics.job_progress(analytics.build_frames(jobs, events)))
    assert table["stage"].tolist() == ["applied", "recruiter_screen", "technical_interview", "offer"]
    assert table["jobs"].tolist() == [10, 4, 2, 1]
    assert table["pct_of_applied"].tolist() == [100.0, 40.0, 20.0, 10.0]
    assert table["pct_of_previous"].tolist() == [100.0, 40.0, 50.0, 50.0]


def test_the_funnel_counts_a_skipped_stage_as_passed(progress: pd.DataFrame) -> None:
    table = analytics.funnel(progress).set_index("stage")
    assert table["jobs"].to_dict() == {
        "applied": 4,
        "recruiter_screen": 2,
        "technical_interview": 1,
        "offer": 1,
    }


def test_an_accepted_offer_without_an_offer_stage_still_reaches_offer() -> None:
    frames = analytics.build_frames(
        [job("j", "2024-03-01", stage="closed", outcome="offer_accepted")],
        [event("j", "applied", "closed", "2024-03-09", outcome="offer_accepted")],
    )
    assert analytics.funnel(analytics.job_progress(frames))["stage"].tolist() == ["applied", "offer"]


def test_weekly_activity_counts_applications_and_first_responses(progress: pd.DataFrame) -> None:
    table = analytics.weekly_activity(progress)
    assert table["week"].dt.strftime("%Y-%m-%d").tolist() == ["2024-01-01", "2024-01-08"]
    assert table["applications"].tolist() == [2, 2]
    assert table["responses"].tolist() == [1, 1]


def test_weekly_activity_shows_quiet_weeks_as_zero() -> None:
    frames = analytics.build_frames([job("a", "2024-01-01"), job("b", "2024-01-22")])
    table = analytics.weekly_activity(analytics.job_progress(frames))
    assert table["applications"].tolist() == [1, 0, 0, 1]


def test_stage_durations_measure_completed_stays_only(frames: analytics.Frames) -> None:
    table = analytics.stage_durations(frames)
    got = sorted(zip(table["job_id"], table["stage"], table["days"], strict=False))
    assert got == [
        ("j1", "applied", 4.0),
        ("j1", "offer", 7.0),
        ("j1", "recruiter_screen", 10.0),
        ("j1", "technical_interview", 10.0),
        ("j2", "applied", 10.0),
        ("j2", "recruiter_screen", 8.0),
        ("j3", "applied", 33.0),
    ]
    assert table["stage"].iloc[0] == "applied"


def test_response_times_list_only_jobs_that_heard_back(progress: pd.DataFrame) -> None:
    table = analytics.response_times(progress)
    assert dict(zip(table["job_id"], table["days"], strict=False)) == {"j1": 4.0, "j2": 10.0}


def test_rates_by_source(progress: pd.DataFrame) -> None:
    table = analytics.rates_by_source(progress).set_index("source")
    linkedin = table.loc["LinkedIn"]
    assert linkedin[["applications", "responses", "interviews", "offers"]].tolist() == [2, 2, 1, 1]
    assert linkedin[["response_rate", "interview_rate", "offer_rate"]].tolist() == [100.0, 50.0, 50.0]
    assert table.loc["Referral", "response_rate"] == 0.0
    assert table.loc["Unknown", "applications"] == 1


def test_mail_weekly_counts_job_messages_by_type(frames: analytics.Frames) -> None:
    table = analytics.mail_weekly(frames.messages)
    got = {(w.strftime("%Y-%m-%d"), t): n for w, t, n in table.itertuples(index=False)}
    assert got == {
        ("2024-01-01", "interview"): 1,
        ("2024-01-01", "update"): 1,
        ("2024-01-08", "other"): 1,
        ("2024-01-08", "rejection"): 1,
    }


def test_mail_handling_splits_automatic_from_reviewed(frames: analytics.Frames) -> None:
    table = analytics.mail_handling(frames.messages).set_index("handling")
    assert table["messages"].to_dict() == {
        "Reviewed by you": 2,
        "Automatic": 1,
        "Waiting for review": 1,
    }
    assert table.loc["Automatic", "share"] == 25.0


def test_headline_figures(progress: pd.DataFrame, frames: analytics.Frames) -> None:
    now = pd.Timestamp("2024-01-20 18:00", tz="UTC")
    figures = analytics.headline(progress, frames.events, now)
    assert figures == analytics.Headline(
        active_applications=1,
        response_rate=50.0,
        interviews_this_month=1,
        median_days_to_response=7.0,
    )


def test_an_interview_log_counts_as_an_interview_this_month() -> None:
    frames = analytics.build_frames(
        [job("j", "2024-03-01", stage="technical_interview")],
        [
            event("j", "applied", "technical_interview", "2024-02-20"),
            event(
                "j", "technical_interview", "technical_interview", "2024-03-02", event_type="interview_log"
            ),
        ],
    )
    now = pd.Timestamp("2024-03-05", tz="UTC")
    figures = analytics.headline(analytics.job_progress(frames), frames.events, now)
    assert figures.interviews_this_month == 1


def test_headline_of_nothing_has_no_rates() -> None:
    frames = analytics.build_frames([])
    now = pd.Timestamp.now(tz="UTC")
    figures = analytics.headline(analytics.job_progress(frames), frames.events, now)
    assert figures == analytics.Headline(0, None, 0, None)


def test_ghosting_lists_open_jobs_silent_for_the_given_days(progress: pd.DataFrame) -> None:
    now = pd.Timestamp("2024-03-01 12:00", tz="UTC")
    table = analytics.ghosting_candidates(progress, now, days=21)
    assert table[["job_id", "days_silent"]].values.tolist() == [["j4", 51]]
    assert analytics.ghosting_candidates(progress, now, days=60).empty


def test_filters_by_source(frames: analytics.Frames) -> None:
    kept = analytics.apply_filters(frames, Filters(sources=("Referral",)))
    assert kept.jobs["id"].tolist() == ["j3"]
    assert set(kept.events["job_id"]) == {"j3"}
    assert kept.messages.empty


def test_filters_by_applied_dates_inclusive(frames: analytics.Frames) -> None:
    kept = analytics.apply_filters(frames, Filters(start=date(2024, 1, 2), end=date(2024, 1, 8)))
    assert kept.jobs["id"].tolist() == ["j2", "j3"]


def test_filters_can_leave_out_closed_jobs(frames: analytics.Frames) -> None:
    kept = analytics.apply_filters(frames, Filters(include_closed=False))
    assert kept.jobs["id"].tolist() == ["j4"]


def test_filters_by_employer_keep_only_its_messages(frames: analytics.Frames) -> None:
    kept = analytics.apply_filters(frames, Filters(employers=("Acme",)))
    assert kept.jobs["id"].tolist() == ["j1"]
    assert len(kept.messages) == 2


def test_every_table_of_no_data_is_empty() -> None:
    frames = analytics.build_frames([])
    progress = analytics.job_progress(frames)
    for table in (
        analytics.flow_links(progress),
        analytics.funnel(progress),
        analytics.weekly_activity(progress),
        analytics.stage_durations(frames),
        analytics.response_times(progress),
        analytics.rates_by_source(progress),
        analytics.mail_weekly(frames.messages),
        analytics.mail_handling(frames.messages),
        analytics.ghosting_candidates(progress, pd.Timestamp.now(tz="UTC")),
    ):
        assert table.empty
