"""The In Progress Board: which jobs show, in which column, and what needs attention."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from jobops import board
from jobops.models import MailMessage
from tests.builders import add_job, edit_job, move

NOW = datetime.now(UTC)


def job_at(
    session: Session,
    stage: str | None,
    *,
    days_in_stage: int = 1,
    title: str = "Engineer",
    employer: str = "Acme",
    outcome: str | None = None,
) -> str:
    """A job applied 60 days ago that reached `stage` `days_in_stage` days ago."""
    applied = NOW - timedelta(days=60)
    job = add_job(session, **{"title": title, "employer": employer, "appliedAt": applied})
    if stage and stage != "applied":
        move(session, job.id, stage, occurred_at=NOW - timedelta(days=days_in_stage), outcome=outcome)
    return job.id


def ids(columns: dict[str, list[board.Card]], stage: str) -> list[str]:
    return [c.job_id for c in columns[stage]]


def test_each_active_job_sits_in_the_column_of_its_stage(session: Session) -> None:
    offer = job_at(session, "offer")
    applied = job_at(session, "applied")

    columns = board.board(session, now=NOW)

    assert ids(columns, "offer") == [offer]
    assert ids(columns, "applied") == [applied]
    assert "closed" not in columns


def test_closed_skipped_and_not_yet_applied_jobs_stay_off_the_board(session: Session) -> None:
    job_at(session, "closed", outcome="rejected")
    skipped = job_at(session, "recruiter_screen")
    edit_job(session, skipped, **{"status": "skipped"})
    add_job(session, **{"title": "Someday", "employer": "Acme", "status": "discovered"})

    assert board.summary(board.board(session, now=NOW))["active"] == 0


def test_a_card_shows_days_in_stage_and_the_latest_event(session: Session) -> None:
    job_id = job_at(session, "technical_interview", days_in_stage=9)
    move(
        session,
        job_id,
        "no_change",
        occurred_at=NOW - timedelta(days=2),
        metadata={"eventLabel": "Sent thank-you note"},
    )

    (card,) = board.board(session, now=NOW)["technical_interview"]

    assert card.days_in_stage == 9
    assert card.last_event == "Sent thank-you note"
    assert not card.quiet


def test_a_job_without_events_for_the_quiet_period_is_marked_quiet(session: Session) -> None:
    job_at(session, "recruiter_screen", days_in_stage=20)

    (card,) = board.board(session, now=NOW, quiet_days=14)["recruiter_screen"]
    (patient,) = board.board(session, now=NOW, quiet_days=30)["recruiter_screen"]

    assert card.quiet and not patient.quiet
    assert board.summary(board.board(session, now=NOW))["quiet"] == 1


def test_jobs_with_mail_to_review_come_first_then_the_longest_waiting(session: Session) -> None:
    fresh = job_at(session, "onsite", days_in_stage=2, title="Fresh")
    waiting = job_at(session, "onsite", days_in_stage=12, title="Waiting")
    with_mail = job_at(session, "onsite", days_in_stage=1, title="Mail")
    session.add(
        MailMessage(
            provider="gmail",
            account_key="default",
            external_message_id="m1",
            processing_status="pending_user",
            matched_job_id=with_mail,
        )
    )
    session.flush()

    columns = board.board(session, now=NOW)

    assert ids(columns, "onsite") == [with_mail, waiting, fresh]
    assert columns["onsite"][0].pending_mail == 1
    assert board.summary(columns)["pendingMail"] == 1


def test_the_board_can_be_searched_and_narrowed_to_stages(session: Session) -> None:
    stripe = job_at(session, "offer", employer="Stripe")
    job_at(session, "recruiter_screen", employer="Lumen")

    searched = board.board(session, search="strip", now=NOW)
    narrowed = board.board(session, stages=["recruiter_screen"], now=NOW)

    assert board.summary(searched)["active"] == 1 and ids(searched, "offer") == [stripe]
    assert list(narrowed) == ["recruiter_screen"]


def test_the_summary_counts_later_stages(session: Session) -> None:
    for stage in ("offer", "onsite", "technical_interview", "hiring_manager_screen", "assessment", "applied"):
        job_at(session, stage)

    totals = board.summary(board.board(session, now=NOW))

    assert (totals["active"], totals["later"]) == (6, 4)


def test_column_titles_name_the_stage_and_count() -> None:
    assert board.stage_title("hiring_manager_screen", 3) == "Team Match · 3"


def test_columns_run_left_to_right_from_applied_to_offer(session: Session) -> None:
    job_at(session, "offer")

    columns = board.board(session, now=NOW)

    assert list(columns) == [
        "applied",
        "recruiter_screen",
        "assessment",
        "hiring_manager_screen",
        "technical_interview",
        "onsite",
        "offer",
    ]


def test_closed_jobs_are_archived_and_come_back_in_a_last_column_on_request(session: Session) -> None:
    old = job_at(session, "closed", days_in_stage=9, outcome="rejected")
    recent = job_at(session, "closed", days_in_stage=1, outcome="withdrawn")
    job_at(session, "offer")

    archived = board.board(session, now=NOW)
    shown = board.board(session, show_closed=True, now=NOW)

    assert "closed" not in archived
    assert list(shown)[-1] == "closed" and ids(shown, "closed") == [recent, old]
    assert [c.standing for c in shown["closed"]] == ["Closed: Withdrawn", "Closed: Rejected"]
    assert board.summary(shown)["active"] == 1


def test_a_card_says_what_is_due_mail_first_then_a_follow_up_when_quiet(session: Session) -> None:
    quiet = job_at(session, "recruiter_screen", days_in_stage=20, title="Quiet")
    busy = job_at(session, "recruiter_screen", days_in_stage=20, title="Busy")
    fresh = job_at(session, "recruiter_screen", days_in_stage=2, title="Fresh")
    session.add(
        MailMessage(
            provider="gmail",
            account_key="default",
            external_message_id="m1",
            processing_status="pending_user",
            matched_job_id=busy,
        )
    )
    session.flush()

    due = {c.job_id: c.due for c in board.board(session, now=NOW)["recruiter_screen"]}

    assert due == {busy: "1 mail to review", quiet: "Follow up", fresh: None}


def test_a_long_title_is_cut_after_a_whole_word_and_a_short_one_is_kept() -> None:
    assert board.clipped("Data Engineer", 20) == "Data Engineer"
    assert board.clipped("Senior Backend Engineer, Payments Platform", 30) == "Senior Backend Engineer…"
    assert board.clipped("Principal Engineer, Platform", 19) == "Principal Engineer…"
    assert board.clipped("Supercalifragilisticexpialidocious", 10) == "Supercalif…"


def test_a_folded_column_is_narrower_than_an_open_one() -> None:
    assert board.column_widths([False, True, False]) == [1.0, board.FOLDED_WIDTH, 1.0]
    assert board.FOLDED_WIDTH < 1
