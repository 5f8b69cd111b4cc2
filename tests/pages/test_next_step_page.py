"""Next steps on the pages: set on the job's Details tab, offered as a calendar file, listed as due on the
board, and set as a follow-up from a quiet card."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
import streamlit as st

from jobops.db import get_engine, session_scope
from jobops.localtime import local_day
from tests.builders import edit_job
from tests.pages.app_page import by_label, open_page
from tests.pages.job_page import add_job, open_job, stored_job
from tests.pages.test_board_page import add_job as add_board_job
from tests.test_calendar_file import fields


def set_step(job_id: str, **changes: str) -> None:
    with session_scope(get_engine()) as session:
        edit_job(session, job_id, **changes)


def today() -> date:
    return local_day(datetime.now(UTC))


def test_a_next_step_is_saved_from_the_details_tab(app_env: Path) -> None:
    job_id = add_job()
    at = open_job(job_id)
    by_label(at.text_input, "Next step").input("Technical interview with Anna")
    by_label(at.date_input, "Due date").set_value(date(2026, 12, 2))
    by_label(at.time_input, "Due time").set_value(time(14, 30))

    by_label(at.button, "Save details").click().run()

    assert not at.exception, at.exception
    job = stored_job(job_id)
    assert (job.next_step, job.next_step_due, job.next_step_time) == (
        "Technical interview with Anna",
        date(2026, 12, 2),
        time(14, 30),
    )
    assert by_label(at.text_input, "Next step").value == "Technical interview with Anna"


def test_a_step_without_a_due_date_is_refused_by_its_label_and_keeps_what_was_typed(app_env: Path) -> None:
    job_id = add_job()
    at = open_job(job_id)
    by_label(at.text_input, "Next step").input("Call Anna")

    by_label(at.button, "Save details").click().run()

    assert not at.exception, at.exception
    assert at.error[0].value.startswith("Due date is required for a next step")
    assert by_label(at.text_input, "Next step").value == "Call Anna"
    assert stored_job(job_id).next_step is None


def test_the_job_page_offers_the_step_as_a_calendar_file(
    app_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads: dict[str, bytes] = {}
    original = st.download_button

    def recording(label, data, *args, **kwargs):
        downloads[kwargs["file_name"]] = data
        return original(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    job_id = add_job()
    set_step(job_id, nextStep="Onsite, 3 rounds", nextStepDue="2026-12-02", nextStepTime="09:00")

    at = open_job(job_id)

    assert at.download_button(key="next-step-ics").label == "Add next step to calendar (.ics)"
    event = fields(downloads["next-step-stripe.ics"])
    assert event["SUMMARY"] == "Onsite, 3 rounds (Stripe)"
    assert event["DTSTART"].startswith("2026120")


def test_a_job_without_a_step_offers_no_calendar_file(app_env: Path) -> None:
    at = open_job(add_job())

    assert not [b for b in at.get("download_button") if b.key == "next-step-ics"]


def test_the_board_lists_what_is_due_overdue_first_and_marks_the_card(app_env: Path) -> None:
    soon = add_board_job(employer="Soon Corp")
    late = add_board_job(employer="Late Corp")
    add_board_job(employer="Nothing Planned")
    set_step(soon, nextStep="Send references", nextStepDue=(today() + timedelta(days=3)).isoformat())
    set_step(late, nextStep="Reply to Anna", nextStepDue=(today() - timedelta(days=2)).isoformat())

    at = open_page()

    assert at.expander[0].label == "Due · 2 · 1 overdue"
    listed = [
        m.value
        for m in at.markdown
        if ":small[:gray[" in m.value and "Corp" in m.value and "in stage" not in m.value
    ]
    assert [line.split("]]")[0].rsplit("[", 1)[-1].split(" · ")[0] for line in listed] == [
        "Late Corp",
        "Soon Corp",
    ]
    assert listed[0].startswith(":red[**Overdue 2 d: Reply to Anna**]")
    card = next(m.value for m in at.markdown if m.value.startswith("**Late Corp**"))
    assert ":red[**Overdue 2 d: Reply to Anna**]" in card


def test_set_follow_up_on_a_quiet_card_fills_the_next_step_two_days_ahead(app_env: Path) -> None:
    job_id = add_board_job(employer="Globex")
    at = open_page()

    at.button(key=f"follow-up-{job_id}").click().run()

    assert not at.exception, at.exception
    job = stored_job(job_id)
    assert (job.next_step, job.next_step_due) == (
        "Follow up with Globex",
        today() + timedelta(days=2),
    )
    assert not [b for b in at.button if b.key == f"follow-up-{job_id}"]
    assert at.expander[0].label == "Due · 1"


def test_set_follow_up_from_a_stale_tab_does_not_land(app_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.pages.test_stale_tab import NEW, OLD, tab_on

    monkeypatch.setenv("JOBOPS_PASSWORD", OLD)
    job_id = add_board_job(employer="Globex")
    at = tab_on()
    monkeypatch.setenv("JOBOPS_PASSWORD", NEW)

    at.button(key=f"follow-up-{job_id}").click().run()

    assert stored_job(job_id).next_step is None
    assert not at.exception, at.exception
