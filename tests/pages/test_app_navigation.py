"""The app's menu: every page opens through app.py's navigation without an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobops.db import get_engine, session_scope
from tests.builders import add_job
from tests.pages.app_page import open_page

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def test_the_board_is_the_first_page_a_user_sees(app_env: Path) -> None:
    at = open_page()

    assert at.title[0].value == "In Progress Board"


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("pages/jobs.py", "Jobs"),
        ("pages/board.py", "In Progress Board"),
        ("pages/job_detail.py", "Job timeline"),
    ],
)
def test_each_page_opens_from_the_menu(app_env: Path, page: str, title: str) -> None:
    at = open_page()

    at.switch_page(page).run()

    assert not at.exception, at.exception
    assert at.title[0].value == title


def test_the_job_page_without_an_id_lets_the_user_pick_a_job(app_env: Path) -> None:
    with session_scope(get_engine()) as session:
        job = add_job(session, **{"title": "Engineer", "employer": "Acme"})
    at = open_page()
    at.switch_page("pages/job_detail.py").run()

    at.selectbox[0].set_value(job.id).run()

    assert not at.exception, at.exception
    assert at.query_params["id"] == job.id
    assert at.title[0].value == "Acme · Engineer"


def test_a_link_to_a_deleted_job_says_it_no_longer_exists(app_env: Path) -> None:
    at = open_page()
    at.switch_page("pages/job_detail.py")
    at.query_params["id"] = "gone"

    at.run()

    assert not at.exception, at.exception
    assert "no longer exists" in at.error[0].value


def test_the_empty_board_buttons_lead_to_the_jobs_page(app_env: Path) -> None:
    at = open_page()

    at.button[0].click().run()  # Add a job

    assert not at.exception, at.exception
    assert at.title[0].value == "Jobs"
