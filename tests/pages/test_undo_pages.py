"""Taking back inbox decisions from the pages: the Tracking Inbox's confirmation and a job's Emails tab."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.pages.app_page import open_page
from tests.pages.job_page import add_job as add_tracked_job
from tests.pages.job_page import open_job
from tests.pages.job_page import stored_job as tracked_job
from tests.pages.test_inbox_page import (
    ORPHAN,
    VAGUE_INVITE,
    add_job,
    routed_message,
    stored_job,
    stored_message,
)
from tests.pages.test_job_emails_tab import INVITE_BODY, linked_mail


def open_inbox() -> AppTest:
    """The Tracking Inbox page."""
    return open_page("pages/inbox.py")


def test_an_approval_can_be_undone_from_its_confirmation(app_env: Path) -> None:
    job_id = add_job()
    message_id = routed_message(**VAGUE_INVITE)
    at = open_inbox()
    at.button(key=f"approve-{message_id}").click().run()
    assert "Linked “Next steps” to Stripe · Backend Engineer." in at.info[0].value

    at.button(key="inbox-undo").click().run()

    assert not at.exception, at.exception
    assert stored_job(job_id).current_stage == "applied"
    message = stored_message(message_id)
    assert (message.processing_status, message.matched_job_id) == ("pending_user", job_id)
    assert at.toast[0].value == "Undone: 1 back in the inbox."
    assert list(at.dataframe[0].value["id"]) == [message_id]
    assert not at.info


def test_an_approval_that_linked_its_thread_is_undone_with_that_mail(app_env: Path) -> None:
    job_id = add_job()
    first = routed_message(**VAGUE_INVITE, thread="stripe")
    booking = routed_message(
        "Re: Next steps",
        "no-reply@calendly.com",
        "Hi Alex, you are invited to a technical interview. Please choose a slot with the link below.",
        hours=3,
        thread="stripe",
    )
    at = open_inbox()
    at.button(key=f"approve-{first}").click().run()
    assert at.toast[0].value == (
        "Linked to Stripe · Backend Engineer. 1 more message(s) of the thread linked with it."
    )
    assert stored_job(job_id).current_stage == "technical_interview"

    at.button(key="inbox-undo").click().run()

    assert not at.exception, at.exception
    assert at.toast[0].value == "Undone: 2 back in the inbox."
    assert stored_message(booking).processing_status == "pending_user"
    assert stored_job(job_id).current_stage == "applied"


def test_a_denied_mail_comes_back_with_its_suggestion_from_the_confirmation(app_env: Path) -> None:
    job_id = add_job()
    message_id = routed_message(**VAGUE_INVITE)
    at = open_inbox()
    at.button(key=f"deny-{message_id}").click().run()
    assert "Dismissed “Next steps”." in at.info[0].value

    at.button(key="inbox-undo").click().run()

    message = stored_message(message_id)
    assert (message.processing_status, message.matched_job_id) == ("pending_user", job_id)
    assert at.selectbox(key=f"job-{message_id}").value == job_id


def test_a_bulk_denial_is_undone_as_a_whole(app_env: Path) -> None:
    add_job()
    first = routed_message(**VAGUE_INVITE, hours=1)
    second = routed_message(**ORPHAN, hours=2)
    at = open_inbox()
    at.session_state["inbox-table"] = {"selection": {"rows": [0, 1], "columns": []}}
    at.run()
    at.button(key="inbox-bulk-deny").click().run()
    assert "Denied 2 message(s)." in at.info[0].value

    at.button(key="inbox-undo").click().run()

    assert sorted(at.dataframe[0].value["id"]) == sorted([first, second])


def test_undoing_a_decision_changed_elsewhere_since_says_so_and_changes_nothing(app_env: Path) -> None:
    add_job()
    other = add_job("Data Scientist", "Alan")
    message_id = routed_message(**VAGUE_INVITE)
    at = open_inbox()
    at.button(key=f"approve-{message_id}").click().run()
    elsewhere = open_job(
        stored_message(message_id).matched_job_id
    )  # another tab unlinks, then links elsewhere
    elsewhere.button(key=f"unlink-{message_id}").click().run()
    second_tab = open_inbox()
    second_tab.selectbox(key=f"job-{message_id}").set_value(other).run()
    second_tab.button(key=f"approve-{message_id}").click().run()

    at.button(key="inbox-undo").click().run()

    assert "changed since" in at.toast[0].value
    assert stored_message(message_id).matched_job_id == other


def test_an_automatic_link_is_undone_from_the_jobs_emails_tab(app_env: Path) -> None:
    job_id = add_tracked_job()
    message_id = linked_mail(job_id, subject="Invitation: technical interview", body=INVITE_BODY)
    at = open_job(job_id)
    assert tracked_job(job_id).current_stage == "technical_interview"
    assert at.button(key=f"unlink-{message_id}").label == "Undo link"

    at.button(key=f"unlink-{message_id}").click().run()

    assert not at.exception, at.exception
    assert tracked_job(job_id).current_stage == "applied"
    assert at.toast[0].value == (
        "Unlinked: the mail waits in the Tracking Inbox again. "
        "Removed from the timeline: Logged from email: Technical Interview."
    )
    assert any("No email is linked to this job yet" in i.value for i in at.info)
