"""The In Progress Board page: empty state, sample data, moving a card, opening a job."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from streamlit.testing.v1 import AppTest

from jobops import tracking
from jobops.db import get_engine, session_scope
from jobops.jobs import create_job, get_job, list_jobs
from jobops.sample import SAMPLE_JOBS

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def add_job(stage: str = "applied", title: str = "Backend Engineer", employer: str = "Stripe") -> str:
    with session_scope(get_engine()) as session:
        job = create_job(session, {"title": title, "employer": employer,
                                   "appliedAt": datetime.now(timezone.utc) - timedelta(days=20)})
        if stage != "applied":
            tracking.transition_stage(session, job["id"], stage)
    return job["id"]


def stored_job(job_id: str) -> dict:
    with session_scope(get_engine()) as session:
        return get_job(session, job_id)


def open_board() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def test_an_empty_board_explains_how_to_start(app_env: Path) -> None:
    at = open_board()

    assert "No active applications yet" in at.info[0].value
    assert [b.label for b in at.button] == ["Add a job", "Import a CSV", "Load sample data"]


def test_load_sample_data_fills_the_database_and_the_board(app_env: Path) -> None:
    at = open_board()

    at.button(key="load-sample").click().run()

    assert not at.exception, at.exception
    with session_scope(get_engine()) as session:
        assert list_jobs(session)["total"] == len(SAMPLE_JOBS)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Active applications"] == "9"
    assert any("sample jobs" in t.value for t in at.toast)


def test_a_card_shows_the_job_in_its_stage_column(app_env: Path) -> None:
    add_job("technical_interview", employer="Lumen Health")

    at = open_board()

    headings = [h.value for h in at.subheader]
    assert "Technical Interview · 1" in headings and "Offer · 0" in headings
    assert any("Lumen Health" in m.value for m in at.markdown)


def test_choosing_a_stage_in_the_move_menu_moves_the_job(app_env: Path) -> None:
    job_id = add_job("recruiter_screen")
    at = open_board()

    at.selectbox(key=f"move-{job_id}").set_value("technical_interview").run()

    assert not at.exception, at.exception
    moved = stored_job(job_id)
    assert (moved["currentStage"], moved["status"]) == ("technical_interview", "in_progress")
    assert "Technical Interview · 1" in [h.value for h in at.subheader]
    assert at.toast[0].value == "Moved to Technical Interview"
    # The menu is ready for the next move, not stuck on the last choice.
    assert at.selectbox(key=f"move-{job_id}").value is None


def test_closing_from_the_board_records_the_outcome_and_takes_the_card_off(app_env: Path) -> None:
    job_id = add_job("onsite")
    add_job("offer", title="Other role")
    at = open_board()

    at.selectbox(key=f"move-{job_id}").set_value("closed:rejected").run()

    assert not at.exception, at.exception
    closed = stored_job(job_id)
    assert (closed["currentStage"], closed["outcome"]) == ("closed", "rejected")
    assert "Final Round · 0" in [h.value for h in at.subheader]


def test_the_search_box_narrows_the_board(app_env: Path) -> None:
    add_job("offer", employer="Stripe")
    add_job("offer", employer="Lumen Health")
    at = open_board()

    at.text_input(key="board-search").input("lumen").run()

    assert not at.exception, at.exception
    assert "Offer · 1" in [h.value for h in at.subheader]


def test_open_on_a_card_shows_the_jobs_timeline(app_env: Path) -> None:
    job_id = add_job("offer", employer="Stripe")
    at = open_board()

    at.button(key=f"open-{job_id}").click().run()

    assert not at.exception, at.exception
    assert at.title[0].value == "Stripe · Backend Engineer"
