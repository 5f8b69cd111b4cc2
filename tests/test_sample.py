"""Sample data: a populated board for a newcomer, loaded once and removed in one click."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jobops import board, jobs, sample
from jobops.models import MailMessage, StageEvent
from tests.builders import add_job

NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)


def test_loading_samples_fills_the_board_with_labelled_jobs(session: Session) -> None:
    added = sample.load_sample_data(session, now=NOW)

    listing = jobs.list_jobs(session)
    totals = board.summary(board.board(session, now=NOW))
    assert added == listing.total == len(sample.SAMPLE_JOBS)
    assert all(j.is_sample for j in listing.items)
    assert totals["active"] == 9 and totals["later"] > 0
    assert sample.has_sample_data(session)


def test_sample_timelines_are_back_dated_and_closed_ones_carry_an_outcome(session: Session) -> None:
    sample.load_sample_data(session, now=NOW)

    closed = jobs.list_jobs(session, search="Oakridge").items[0]

    assert (closed.current_stage, closed.outcome) == ("closed", "rejected")
    assert closed.applied_at < closed.closed_at < NOW


def test_loading_samples_twice_adds_nothing_the_second_time(session: Session) -> None:
    sample.load_sample_data(session, now=NOW)

    assert sample.load_sample_data(session, now=NOW) == 0
    assert jobs.list_jobs(session).total == len(sample.SAMPLE_JOBS)


def test_removing_samples_keeps_the_users_own_jobs_and_drops_sample_timelines(session: Session) -> None:
    own = add_job(session, **{"title": "My real application", "employer": "Acme"})
    sample.load_sample_data(session, now=NOW)

    removed = sample.remove_sample_data(session)

    session.expire_all()
    assert removed == len(sample.SAMPLE_JOBS)
    assert [j.id for j in jobs.list_jobs(session).items] == [own.id]
    assert session.scalar(select(func.count()).select_from(StageEvent)) == 1
    assert not sample.has_sample_data(session)


def test_sample_mail_shows_every_router_bucket_and_leaves_with_the_samples(session: Session) -> None:
    sample.load_sample_data(session)
    statuses = set(session.scalars(select(MailMessage.processing_status)))
    assert {"auto_linked", "pending_user", "ignored"} <= statuses

    sample.remove_sample_data(session)

    assert session.scalar(select(func.count()).select_from(MailMessage)) == 0
