"""The job page: the timeline, logging what happened, the details, deleting the job."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from jobops.db import get_engine, session_scope
from jobops.jobs import list_jobs
from tests.builders import move
from tests.pages.app_page import by_label
from tests.pages.job_page import NOW, add_job, events, open_job, stored_job


def test_the_page_shows_the_job_and_its_timeline_newest_first(app_env: Path) -> None:
    job_id = add_job("recruiter_screen", "technical_interview")

    at = open_job(job_id)

    assert at.title[0].value == "Stripe · Backend Engineer"
    cards = [m.value for m in at.markdown if m.value.startswith("**") and "gray-badge" in m.value]
    titles = [card.split("**")[1] for card in cards]
    assert titles == ["Moved to Technical Interview", "Moved to Recruiter Screen", "Applied"]


def test_logging_a_stage_change_adds_an_event_and_moves_the_job(app_env: Path) -> None:
    job_id = add_job("recruiter_screen")
    at = open_job(job_id)
    at.selectbox(key="log-stage").set_value("onsite").run()
    by_label(at.text_area, "Note").input("Met four people from the team")

    by_label(at.button, "Log event").click().run()

    assert not at.exception, at.exception
    latest = events(job_id)[-1]
    assert (latest.to_stage, latest.metadata.note) == ("onsite", "Met four people from the team")
    assert stored_job(job_id).current_stage == "onsite"
    assert at.toast[0].value == "Logged: Moved to Final Round"


def test_logging_a_note_keeps_the_stage(app_env: Path) -> None:
    job_id = add_job("technical_interview")
    at = open_job(job_id)
    by_label(at.text_input, "Label").input("Sent thank-you mail")

    by_label(at.button, "Log event").click().run()

    assert not at.exception, at.exception
    latest = events(job_id)[-1]
    assert (latest.to_stage, latest.title, latest.metadata.event_type) == (
        "technical_interview",
        "Sent thank-you mail",
        "note",
    )
    assert stored_job(job_id).current_stage == "technical_interview"


def test_closing_with_an_outcome_from_the_log_form(app_env: Path) -> None:
    job_id = add_job("onsite")
    at = open_job(job_id)
    at.selectbox(key="log-stage").set_value("closed").run()
    by_label(at.selectbox, "Outcome").set_value("offer_declined")

    by_label(at.button, "Log event").click().run()

    assert not at.exception, at.exception
    job = stored_job(job_id)
    assert (job.current_stage, job.outcome) == ("closed", "offer_declined")
    assert "Closed: Offer declined" in at.markdown[0].value


def test_closing_asks_for_an_outcome_and_keeps_the_reason_typed(app_env: Path) -> None:
    job_id = add_job("onsite")
    at = open_job(job_id)
    at.selectbox(key="log-stage").set_value("closed").run()
    assert by_label(at.selectbox, "Outcome").value is None
    by_label(at.text_area, "Reason").input("Went with an internal candidate")

    by_label(at.button, "Log event").click().run()

    assert not at.exception, at.exception
    assert "Choose how it ended" in at.error[0].value
    assert stored_job(job_id).current_stage == "onsite"
    assert by_label(at.text_area, "Reason").value == "Went with an internal candidate"


def test_a_reason_given_when_closing_is_kept_on_the_closing_event_and_the_form_starts_over(
    app_env: Path,
) -> None:
    job_id = add_job("onsite")
    at = open_job(job_id)
    at.selectbox(key="log-stage").set_value("closed").run()
    by_label(at.selectbox, "Outcome").set_value("rejected")
    by_label(at.text_area, "Reason").input("Went with an internal candidate")

    by_label(at.button, "Log event").click().run()

    assert not at.exception, at.exception
    closing = events(job_id)[-1]
    assert (closing.outcome, closing.metadata.note) == (
        "rejected",
        "Went with an internal candidate",
    )
    assert at.selectbox(key="log-stage").value == "no_change"
    assert not [w for w in at.selectbox if w.label == "Outcome"]
    assert by_label(at.text_area, "Note").value == ""


def test_the_details_form_saves_notes(app_env: Path) -> None:
    job_id = add_job()
    at = open_job(job_id)
    by_label(at.text_area, "Notes").input("Salary band 80-95k")

    by_label(at.button, "Save details").click().run()

    assert not at.exception, at.exception
    assert stored_job(job_id).notes == "Salary band 80-95k"


def test_deleting_the_job_asks_first_then_offers_to_undo(app_env: Path) -> None:
    job_id = add_job("offer")
    at = open_job(job_id)

    at.button(key="job-delete").click().run()
    assert stored_job(job_id).current_stage == "offer"  # nothing deleted before the answer
    at.button(key="job-confirm-delete").click().run()

    assert not at.exception, at.exception
    with session_scope(get_engine()) as session:
        assert list_jobs(session).total == 0
    assert at.info[0].value == "You deleted this job."
    assert at.toast[0].value == "Job deleted."


def test_undoing_a_job_delete_brings_back_the_job_and_its_timeline(app_env: Path) -> None:
    job_id = add_job("recruiter_screen", "offer")
    before = events(job_id)
    at = open_job(job_id)
    at.button(key="job-delete").click().run()
    at.button(key="job-confirm-delete").click().run()

    at.button(key="job-undo").click().run()

    assert not at.exception, at.exception
    assert stored_job(job_id).current_stage == "offer"
    assert events(job_id) == before
    assert at.title[0].value == "Stripe · Backend Engineer"
    assert "job-undo" not in [b.key for b in at.button]


def test_keeping_the_job_deletes_nothing(app_env: Path) -> None:
    job_id = add_job()
    at = open_job(job_id)
    at.button(key="job-delete").click().run()

    at.button(key="job-keep").click().run()

    assert stored_job(job_id).title == "Backend Engineer"
    assert "job-confirm-delete" not in [b.key for b in at.button]


def test_a_note_logged_right_after_a_move_comes_after_it_in_the_timeline(app_env: Path) -> None:
    job_id = add_job()
    at = open_job(job_id)
    at.selectbox(key="log-stage").set_value("technical_interview").run()
    by_label(at.button, "Log event").click().run()
    at.selectbox(key="log-stage").set_value("no_change").run()
    by_label(at.text_area, "Note").input("Prepared system design notes")
    by_label(at.button, "Log event").click().run()

    assert [e.to_stage for e in events(job_id)] == ["applied", "technical_interview", "technical_interview"]
    assert events(job_id)[-1].metadata.note == "Prepared system design notes"
    assert stored_job(job_id).current_stage == "technical_interview"


def test_an_event_that_happened_earlier_is_back_dated(app_env: Path) -> None:
    job_id = add_job()
    at = open_job(job_id)
    at.selectbox(key="log-stage").set_value("recruiter_screen").run()
    at.toggle(key="log-earlier").set_value(True).run()
    three_days_ago = (NOW - timedelta(days=3)).astimezone().date()
    by_label(at.date_input, "Date").set_value(three_days_ago)

    by_label(at.button, "Log event").click().run()

    screen = events(job_id)[-1]
    assert screen.to_stage == "recruiter_screen"
    assert screen.occurred_at.astimezone().date() == three_days_ago


def test_logging_an_event_older_than_the_application_says_the_applied_date_moved(app_env: Path) -> None:
    job_id = add_job()  # applied 30 days ago
    at = open_job(job_id)
    at.selectbox(key="log-stage").set_value("recruiter_screen").run()
    at.toggle(key="log-earlier").set_value(True).run()
    forty_days_ago = (NOW - timedelta(days=40)).date()
    by_label(at.date_input, "Date").set_value(forty_days_ago)

    by_label(at.button, "Log event").click().run()

    assert not at.exception, at.exception
    shown = forty_days_ago.strftime("%a %d %b %Y")
    assert at.toast[0].value == f"Logged: Moved to Recruiter Screen. Applied date moved to {shown}."
    assert [e.to_stage for e in events(job_id)] == ["applied", "recruiter_screen"]
    assert any(c.value.startswith(f"Applied date moved to {shown}") for c in at.caption)


def test_a_note_offers_no_stage_to_change(app_env: Path) -> None:
    job_id = add_job("recruiter_screen")
    with session_scope(get_engine()) as session:
        note = move(session, job_id, "no_change", metadata={"note": "Sent references"})
    at = open_job(job_id)

    at.button(key=f"edit-{note.id}").click().run()

    assert not [w for w in at.selectbox if w.label == "Stage" and w.key is None]
    at.button(key="edit-save").click().run()
    assert not at.exception, at.exception
    assert events(job_id)[-1].to_stage == "recruiter_screen"
