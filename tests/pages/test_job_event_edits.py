"""Editing or deleting an event from the job page: the dialog, where the job will stand, undo."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from jobops.db import get_engine, session_scope
from tests.builders import move
from tests.pages.app_page import by_label
from tests.pages.job_page import NOW, add_job, events, open_job, stored_job


def test_edit_opens_a_dialog_that_saves_changes_to_the_event(app_env: Path) -> None:
    job_id = add_job("recruiter_screen")
    screen = events(job_id)[-1]
    at = open_job(job_id)

    at.button(key=f"edit-{screen.id}").click().run()
    dialog_label = next(w for w in at.text_input if w.label == "Label" and w.value == screen.title)
    dialog_label.input("Call with Anna")
    dialog_stage = next(w for w in at.selectbox if w.label == "Stage" and w.key is None)
    dialog_stage.set_value("hiring_manager_screen")
    at.button(key="edit-save").click().run()

    assert not at.exception, at.exception
    edited = events(job_id)[-1]
    assert (edited.id, edited.title) == (screen.id, "Call with Anna")
    assert edited.to_stage == "hiring_manager_screen"
    assert stored_job(job_id).current_stage == "hiring_manager_screen"
    assert "edit-save" not in [b.key for b in at.button]


def test_deleting_an_event_from_the_dialog_recomputes_the_stage(app_env: Path) -> None:
    job_id = add_job("recruiter_screen", "offer")
    offer = events(job_id)[-1]
    at = open_job(job_id)

    at.button(key=f"edit-{offer.id}").click().run()
    at.button(key="edit-delete").click().run()
    assert len(events(job_id)) == 3  # asked first
    at.button(key="edit-confirm-delete").click().run()

    assert not at.exception, at.exception
    assert [e.to_stage for e in events(job_id)] == ["applied", "recruiter_screen"]
    assert stored_job(job_id).current_stage == "recruiter_screen"


def test_cancel_closes_the_dialog_without_changes(app_env: Path) -> None:
    job_id = add_job("offer")
    before = events(job_id)
    at = open_job(job_id)

    at.button(key=f"edit-{before[-1].id}").click().run()
    at.button(key="edit-cancel").click().run()

    assert not at.exception, at.exception
    assert events(job_id) == before
    assert "edit-save" not in [b.key for b in at.button]


def test_an_event_logged_for_later_today_can_still_be_edited(app_env: Path) -> None:
    job_id = add_job()
    with session_scope(get_engine()) as session:
        later_today = NOW + timedelta(hours=20)
        soon = move(session, job_id, "recruiter_screen", occurred_at=later_today)
    at = open_job(job_id)

    at.button(key=f"edit-{soon.id}").click().run()

    assert not at.exception, at.exception
    assert "edit-save" in [b.key for b in at.button]


def test_a_deleted_event_can_be_undone_from_the_job_page(app_env: Path) -> None:
    job_id = add_job("recruiter_screen", "offer")
    before = events(job_id)
    at = open_job(job_id)
    at.button(key=f"edit-{before[-1].id}").click().run()
    at.button(key="edit-delete").click().run()
    at.button(key="edit-confirm-delete").click().run()
    assert stored_job(job_id).current_stage == "recruiter_screen"
    assert at.info[0].value == "You deleted “Moved to Offer”."

    at.button(key="job-undo").click().run()

    assert not at.exception, at.exception
    assert events(job_id) == before
    assert stored_job(job_id).current_stage == "offer"


def test_keeping_an_event_deletes_nothing(app_env: Path) -> None:
    job_id = add_job("offer")
    before = events(job_id)
    at = open_job(job_id)
    at.button(key=f"edit-{before[-1].id}").click().run()
    at.button(key="edit-delete").click().run()

    at.button(key="edit-keep-event").click().run()

    assert events(job_id) == before
    assert "edit-save" in [b.key for b in at.button]


def test_editing_a_date_says_where_the_job_will_stand_and_asks_before_moving_it_back(app_env: Path) -> None:
    job_id = add_job("recruiter_screen", "technical_interview")
    interview = events(job_id)[-1]
    at = open_job(job_id)
    at.button(key=f"edit-{interview.id}").click().run()

    by_label(at.date_input, "Date").set_value((NOW - timedelta(days=29)).astimezone().date()).run()
    assert "After saving, the job stands in Recruiter Screen." in [c.value for c in at.caption]
    at.button(key="edit-save").click().run()

    assert not at.exception, at.exception
    assert stored_job(job_id).current_stage == "technical_interview"
    assert any("back from Technical Interview to Recruiter Screen" in w.value for w in at.warning)
    at.button(key="edit-confirm-back").click().run()

    assert not at.exception, at.exception
    assert stored_job(job_id).current_stage == "recruiter_screen"
    assert "edit-save" not in [b.key for b in at.button]


def test_keep_editing_leaves_the_job_where_it_was(app_env: Path) -> None:
    job_id = add_job("recruiter_screen", "technical_interview")
    interview = events(job_id)[-1]
    at = open_job(job_id)
    at.button(key=f"edit-{interview.id}").click().run()
    by_label(at.date_input, "Date").set_value((NOW - timedelta(days=29)).astimezone().date()).run()
    at.button(key="edit-save").click().run()

    at.button(key="edit-keep-editing").click().run()

    assert stored_job(job_id).current_stage == "technical_interview"
    assert "edit-save" in [b.key for b in at.button]
