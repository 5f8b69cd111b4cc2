"""The In Progress Board page: empty state, sample data, column order, compact cards, folding, the archive,
moving a card, opening a job."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from streamlit.testing.v1 import AppTest

from jobops.db import get_engine, session_scope
from jobops.jobs import get_job, list_jobs
from jobops.sample import SAMPLE_JOBS
from jobops.schemas.jobs import JobOut
from tests import builders
from tests.builders import move
from tests.pages.app_page import open_page

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def add_job(stage: str = "applied", title: str = "Backend Engineer", employer: str = "Stripe") -> str:
    return builders.stored_job(
        None, title, employer, stage=stage, applied_at=datetime.now(UTC) - timedelta(days=20)
    )


def stored_job(job_id: str) -> JobOut:
    with session_scope(get_engine()) as session:
        return get_job(session, job_id)


def headings(at: AppTest) -> list[str]:
    """The column headings, left to right."""
    return [b.label for b in at.button if b.key and b.key.startswith("fold-")]


def summary(at: AppTest) -> str:
    return next(m.value for m in at.markdown if " active · " in m.value)


def test_an_empty_board_explains_how_to_start(app_env: Path) -> None:
    at = open_page()

    assert "No active applications yet" in at.info[0].value
    assert [b.label for b in at.button] == ["Add a job", "Import a CSV", "Load sample data"]


def test_load_sample_data_fills_the_database_and_the_board(app_env: Path) -> None:
    at = open_page()

    at.button(key="load-sample").click().run()

    assert not at.exception, at.exception
    with session_scope(get_engine()) as session:
        assert list_jobs(session).total == len(SAMPLE_JOBS)
    assert summary(at).startswith("**9** active")
    assert any("sample jobs" in t.value for t in at.toast)


def test_a_card_shows_the_job_in_its_stage_column(app_env: Path) -> None:
    add_job("technical_interview", employer="Lumen Health")

    at = open_page()

    assert "Technical Interview · 1" in headings(at) and "Offer · 0" in headings(at)
    assert any("Lumen Health" in m.value for m in at.markdown)


def test_choosing_a_stage_in_the_move_menu_moves_the_job(app_env: Path) -> None:
    job_id = add_job("recruiter_screen")
    at = open_page()

    at.selectbox(key=f"move-{job_id}").set_value("technical_interview").run()

    assert not at.exception, at.exception
    moved = stored_job(job_id)
    assert (moved.current_stage, moved.status) == ("technical_interview", "in_progress")
    assert "Technical Interview · 1" in headings(at)
    assert at.toast[0].value == "Moved to Technical Interview"
    # The menu is ready for the next move, not stuck on the last choice.
    assert at.selectbox(key=f"move-{job_id}").value is None


def test_closing_from_the_board_records_the_outcome_and_takes_the_card_off(app_env: Path) -> None:
    job_id = add_job("onsite")
    add_job("offer", title="Other role")
    at = open_page()

    at.selectbox(key=f"move-{job_id}").set_value("closed:rejected").run()

    assert not at.exception, at.exception
    closed = stored_job(job_id)
    assert (closed.current_stage, closed.outcome) == ("closed", "rejected")
    assert "Final Round · 0" in headings(at)


def test_the_search_box_narrows_the_board(app_env: Path) -> None:
    add_job("offer", employer="Stripe")
    add_job("offer", employer="Lumen Health")
    at = open_page()

    at.text_input(key="board-search").input("lumen").run()

    assert not at.exception, at.exception
    assert "Offer · 1" in headings(at)


def test_open_on_a_card_shows_the_jobs_timeline(app_env: Path) -> None:
    job_id = add_job("offer", employer="Stripe")
    at = open_page()

    at.button(key=f"open-{job_id}").click().run()

    assert not at.exception, at.exception
    assert at.title[0].value == "Stripe · Backend Engineer"


def cards_in(at: AppTest, stage: str) -> list[str]:
    """Card texts of one column, top to bottom."""
    (slot,) = [c for c in at.columns if any(b.key == f"fold-{stage}" for b in c.button)]
    return [m.value for m in slot.markdown]


def test_columns_run_left_to_right_from_applied_to_offer(app_env: Path) -> None:
    add_job("offer")

    at = open_page()

    assert [h.split(" · ")[0] for h in headings(at)] == [
        "Applied",
        "Recruiter Screen",
        "Assessment",
        "Team Match",
        "Technical Interview",
        "Final Round",
        "Offer",
    ]


def test_a_card_is_compact_employer_title_days_and_what_is_due(app_env: Path) -> None:
    job_id = add_job("applied", title="Platform Engineer", employer="Lumen Health")

    at = open_page()

    (text,) = cards_in(at, "applied")
    assert text.startswith(
        "**Lumen Health**  \nPlatform Engineer  \n:small[:gray[20 d in stage · :orange[**Follow up**]]]"
    )
    assert len(text.splitlines()) == 3
    # The latest event is one hover away, on the card's Open timeline button.
    assert at.button(key=f"open-{job_id}").help.startswith("Platform Engineer  \nLatest: Applied · ")
    # One menu and one button per card; a quiet card also offers to set a follow-up.
    assert [w.key for w in at.selectbox] == [f"move-{job_id}"]
    assert [b.key for b in at.button if b.key and job_id in b.key] == [
        f"open-{job_id}",
        f"follow-up-{job_id}",
    ]


def test_a_long_title_is_cut_at_a_word_on_the_card_and_shown_whole_on_hover(app_env: Path) -> None:
    title = "Staff Software Engineer, Developer Productivity and Build Infrastructure"
    job_id = add_job("applied", title=title)

    at = open_page()

    (text,) = cards_in(at, "applied")
    assert text.splitlines()[1] == "Staff Software Engineer, Developer Productivity…  "
    assert at.button(key=f"open-{job_id}").help.startswith(f"{title}  \n")


def test_a_long_column_shows_its_first_cards_and_the_rest_on_request(app_env: Path) -> None:
    for i in range(11):
        add_job("applied", title=f"Role {i}")
    at = open_page()
    assert len(cards_in(at, "applied")) == 8

    at.button(key="more-applied").click().run()

    assert not at.exception, at.exception
    assert len(cards_in(at, "applied")) == 11


def test_empty_columns_start_folded_and_any_column_folds_and_unfolds(app_env: Path) -> None:
    add_job("applied")
    at = open_page()
    assert cards_in(at, "applied") and cards_in(at, "offer") == []
    assert "Nothing here." not in [c.value for c in at.caption]

    at.button(key="fold-applied").click().run()
    at.button(key="fold-offer").click().run()

    assert not at.exception, at.exception
    assert cards_in(at, "applied") == []
    assert "Nothing here." in [c.value for c in at.caption]


def test_closed_jobs_are_archived_off_the_board_and_come_back_with_show_closed(app_env: Path) -> None:
    job_id = add_job("onsite", employer="Lumen Health")
    with session_scope(get_engine()) as session:
        move(session, job_id, "closed", outcome="rejected")
    add_job("applied")
    at = open_page()
    assert "Closed · 1" not in headings(at)

    at.toggle(key="board-show-closed").set_value(True).run()

    assert not at.exception, at.exception
    assert headings(at)[-1] == "Closed · 1"
    (text,) = cards_in(at, "closed")
    assert "Lumen Health" in text and "Closed: Rejected" in text and "In progress" not in text
    assert summary(at).startswith("**1** active")
