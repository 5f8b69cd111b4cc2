"""Where a job stands: one answer for the job page, the Jobs list, its filters and the board."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from jobops import board, jobs
from jobops.errors import InvalidInput
from jobops.models import Job
from jobops.schemas.jobs import JobList
from jobops.stages import STANDINGS, standing, standing_label
from tests.builders import add_job, move


def make(
    session: Session,
    title: str,
    *,
    status: str = "applied",
    stage: str | None = None,
    outcome: str | None = None,
) -> str:
    """A job with that status, moved to `stage` (with `outcome` when closing)."""
    job = add_job(session, title, "Acme", status=status)
    if stage:
        move(session, job.id, stage, outcome=outcome)
    return job.id


@pytest.fixture
def mixed(session: Session) -> dict[str, str]:
    """One job in each place a job can stand."""
    return {
        "applied": make(session, "Applied"),
        "in_progress": make(session, "Interviewing", stage="technical_interview"),
        "closed": make(session, "Rejected", stage="closed", outcome="rejected"),
        "discovered": make(session, "Found", status="discovered"),
        "ready": make(session, "Ready", status="ready"),
    }


def titles(listing: JobList) -> set[str]:
    return {j.title for j in listing.items}


def test_a_rejected_job_reads_closed_with_its_outcome_and_never_in_progress(session: Session) -> None:
    job = jobs.get_job(session, make(session, "Rejected", stage="closed", outcome="rejected"))

    assert job.status == "in_progress"  # the stored status, kept for the API
    assert standing(job.status, job.current_stage) == "closed"
    assert standing_label(job.status, job.current_stage, job.outcome) == "Closed: Rejected"


@pytest.mark.parametrize(
    ("status", "stage", "outcome", "words"),
    [
        ("applied", "applied", None, "Applied"),
        ("in_progress", "onsite", None, "Final Round"),
        ("in_progress", "closed", "offer_accepted", "Closed: Offer accepted"),
        ("in_progress", "closed", None, "Closed"),
        ("ready", None, None, "Ready to apply"),
        ("skipped", "recruiter_screen", None, "Skipped"),
    ],
)
def test_each_job_reads_where_it_stands(
    status: str, stage: str | None, outcome: str | None, words: str
) -> None:
    assert standing_label(status, stage, outcome) == words


def test_filtering_the_list_by_standing_agrees_with_how_each_job_reads(session: Session, mixed: dict) -> None:
    stored = {job.id: standing(job.status, job.current_stage) for job in session.scalars(select(Job))}

    for where in STANDINGS:
        listed = {j.id for j in jobs.list_jobs(session, standings=[where]).items}
        assert listed == {job_id for job_id, said in stored.items() if said == where}, where


def test_the_in_progress_filter_keeps_applied_and_closed_jobs_out(session: Session, mixed: dict) -> None:
    assert titles(jobs.list_jobs(session, standings=["in_progress"])) == {"Interviewing"}
    assert titles(jobs.list_jobs(session, standings=["applied", "closed"])) == {"Applied", "Rejected"}


def test_the_archive_hides_closed_jobs_unless_asked_for(session: Session, mixed: dict) -> None:
    archived = jobs.list_jobs(session, include_closed=False)

    assert "Rejected" not in titles(archived) and archived.total == 4
    assert "Rejected" in titles(jobs.list_jobs(session))
    assert titles(jobs.list_jobs(session, standings=["closed"], include_closed=False)) == {"Rejected"}


def test_an_unknown_standing_is_refused(session: Session) -> None:
    with pytest.raises(InvalidInput, match="standing must be one of"):
        jobs.list_jobs(session, standings=["somewhere"])


def test_the_board_card_of_a_closed_job_reads_closed(session: Session, mixed: dict) -> None:
    (card,) = board.board(session, show_closed=True)["closed"]

    assert card.standing == "Closed: Rejected"
