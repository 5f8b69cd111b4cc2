"""Tracking by hand in a real browser: a date edited backwards, closing with a reason, undoing a delete, a next step
that falls due, and taking back an inbox approval or an automatic link.

One app serves the module; each journey uses employers of its own, so the journeys do not see each other's jobs.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import expect

from jobops import inbox_routing
from jobops.db import make_engine, session_scope
from jobops.models import MailMessage

if TYPE_CHECKING:
    from tests.browser.conftest import Dashboard, RunningApp

pytestmark = [
    pytest.mark.browser,
]

NOW = datetime.now(UTC)


def days_ago(days: int) -> str:
    """An ISO instant that many days back, at 10:00 UTC."""
    return (NOW - timedelta(days=days)).replace(hour=10, minute=0, second=0, microsecond=0).isoformat()


def job_with_stages(app: RunningApp, employer: str, title: str, *stages: tuple[str, int]) -> dict[str, Any]:
    """A job applied 30 days ago that moved to each (stage, days ago) in turn, through the API."""
    job = app.api("POST", "/jobs", {"title": title, "employer": employer, "appliedAt": days_ago(30)})
    for stage, ago in stages:
        label = f"Moved to {stage.replace('_', ' ').title()}"
        body = {
            "toStage": stage,
            "occurredAt": days_ago(ago),
            "metadata": {"actor": "user", "eventLabel": label},
        }
        app.api("POST", f"/jobs/{job['id']}/stages", body)
    return job


def stored(app: RunningApp, job_id: str) -> dict[str, Any]:
    """The job as the API answers it now."""
    return app.api("GET", f"/jobs/{job_id}")


def set_date(ui: Dashboard, label: str, day: date, scope: Any = None) -> None:
    """Type a day into a date input's year, month and day fields, as a user does with the keyboard."""
    field = (scope or ui.page).get_by_role("group", name=label, exact=True)
    field.get_by_role("spinbutton").first.click()
    ui.page.keyboard.type(day.strftime("%Y%m%d"))
    (scope or ui.page).get_by_text(label, exact=True).first.click()  # leaving the field sets the day
    ui.settle()


def test_editing_a_date_backwards_says_where_the_job_will_stand_and_asks_first(
    ui: Dashboard, app: RunningApp
) -> None:
    job = job_with_stages(
        app, "Kestrel Maps", "Routing Engineer", ("recruiter_screen", 20), ("technical_interview", 10)
    )
    ui.open(f"job?id={job['id']}")
    timeline = ui.page.get_by_role("tabpanel", name="Timeline")
    event = timeline.get_by_test_id("stVerticalBlock").filter(has_text="Moved to Technical Interview")
    ui.click("Edit", scope=event.filter(has=ui.page.get_by_role("button", name="Edit")).last)
    dialog = ui.page.get_by_role("dialog")
    expect(dialog.get_by_text("After saving, the job stands in Technical Interview.")).to_be_visible()

    set_date(ui, "Date", (NOW - timedelta(days=25)).date(), scope=dialog)
    expect(dialog.get_by_text("After saving, the job stands in Recruiter Screen.")).to_be_visible()
    ui.click("Save", scope=dialog)
    expect(
        dialog.get_by_text("This moves the job back from Technical Interview to Recruiter Screen.")
    ).to_be_visible()
    assert stored(app, job["id"])["currentStage"] == "technical_interview"  # nothing saved before the answer
    ui.snapshot("event-date-backwards-asks")
    ui.click("Move it back", scope=dialog)

    expect(ui.toast("Event saved.")).to_be_visible()
    assert stored(app, job["id"])["currentStage"] == "recruiter_screen"
    expect(ui.page.get_by_text("Recruiter Screen", exact=True).first).to_be_visible()


def test_closing_a_job_needs_an_outcome_and_keeps_the_reason(ui: Dashboard, app: RunningApp) -> None:
    job = job_with_stages(app, "Orchid Bank", "Payments Engineer", ("recruiter_screen", 12))
    reason = "They hired internally; the recruiter offered to keep me in mind."
    ui.open(f"job?id={job['id']}")
    ui.choose(ui.page.get_by_role("combobox", name="Stage"), "Closed")
    ui.page.get_by_label("Reason").fill(reason)
    ui.click("Log event")
    expect(ui.page.get_by_text("Choose how it ended (the outcome) to close the job.")).to_be_visible()
    expect(ui.page.get_by_label("Reason")).to_have_value(reason)
    assert stored(app, job["id"])["currentStage"] == "recruiter_screen"

    ui.choose(ui.page.get_by_role("combobox", name="Outcome"), "Rejected")
    ui.click("Log event")

    expect(ui.toast("Logged: Closed: Rejected")).to_be_visible()
    closed = stored(app, job["id"])
    assert (closed["currentStage"], closed["outcome"]) == ("closed", "rejected")
    expect(ui.page.get_by_text("Closed: Rejected", exact=True).first).to_be_visible()
    expect(ui.page.get_by_role("tabpanel", name="Timeline").get_by_text(reason)).to_be_visible()
    expect(ui.page.get_by_role("combobox", name="Stage")).to_have_value("No change (note or interview log)")


def test_a_deleted_job_comes_back_with_its_timeline(ui: Dashboard, app: RunningApp) -> None:
    job = job_with_stages(app, "Heron Freight", "Data Engineer", ("recruiter_screen", 15), ("assessment", 5))
    ui.open(f"job?id={job['id']}")
    ui.page.get_by_role("tab", name="Details & notes").click()
    ui.click("Delete this job")
    dialog = ui.page.get_by_role("dialog")
    expect(dialog).to_contain_text("Delete Data Engineer at Heron Freight with its timeline?")
    ui.click("Delete job", scope=dialog)
    expect(ui.page.get_by_text("You deleted this job.")).to_be_visible()
    assert all(j["id"] != job["id"] for j in app.api("GET", "/jobs")["items"])

    ui.click("Undo")

    expect(ui.toast("Brought back Data Engineer at Heron Freight.")).to_be_visible()
    back = stored(app, job["id"])
    assert back["currentStage"] == "assessment"
    assert [e["toStage"] for e in app.api("GET", f"/jobs/{job['id']}/events?order=asc")["items"]] == [
        "applied",
        "recruiter_screen",
        "assessment",
    ]
    expect(ui.page.get_by_role("heading", name="Heron Freight · Data Engineer")).to_be_visible()


def test_a_next_step_set_on_the_job_page_shows_as_due_on_the_board_and_the_due_list(
    ui: Dashboard, app: RunningApp
) -> None:
    job = job_with_stages(app, "Lark Robotics", "Controls Engineer", ("technical_interview", 3))
    ui.open(f"job?id={job['id']}")
    ui.page.get_by_role("tab", name="Details & notes").click()
    ui.page.get_by_label("Next step").fill("Send the take-home back to Lark")
    set_date(ui, "Due date", (NOW - timedelta(days=1)).date())
    ui.click("Save details")
    expect(ui.toast("Details saved.")).to_be_visible()

    ui.menu("In Progress Board")

    card = (
        ui.column("Technical Interview")
        .get_by_test_id("stVerticalBlock")
        .filter(has_text="Lark Robotics")
        .last
    )
    expect(card).to_contain_text("Overdue 1 d: Send the take-home back to Lark")
    due = ui.page.get_by_test_id("stExpander").filter(has_text=re.compile(r"Due · \d+ · \d+ overdue"))
    due.get_by_text(re.compile(r"^Due · ")).click()
    step = due.get_by_test_id("stVerticalBlock").filter(has_text="Send the take-home back to Lark").last
    expect(step).to_contain_text("Lark Robotics · Controls Engineer")
    ui.snapshot("next-step-due-on-the-board")
    ui.click("Open", scope=step)
    expect(ui.page.get_by_role("heading", name="Lark Robotics · Controls Engineer")).to_be_visible()


def waiting_mail(app: RunningApp, sender: str, subject: str, body: str) -> str:
    """A synced message routed as a sync routes it, in the app's own database; its id."""
    engine = make_engine(app.database_url)
    try:
        with session_scope(engine) as session:
            message = MailMessage(
                provider="gmail",
                account_key="default",
                external_message_id=f"journey-{subject}",
                external_thread_id=f"journey-thread-{subject}",
                from_address=sender,
                from_domain=sender.rpartition("@")[2],
                subject=subject,
                body_text=body,
                snippet=body[:100],
                received_at=NOW - timedelta(days=1),
                processing_status="pending",
            )
            session.add(message)
            session.flush()
            inbox_routing.route_pending(session, [message.id])
            return message.id
    finally:
        engine.dispose()


def test_an_inbox_approval_is_undone_from_its_confirmation(ui: Dashboard, app: RunningApp) -> None:
    job = job_with_stages(app, "Quillon Health", "Platform Engineer")
    subject = "Next steps with Quillon Health"
    message_id = waiting_mail(
        app,
        "maya@quillonhealth.com",
        subject,
        "Hi Alex, thanks again for your interest in the Platform Engineer role at Quillon Health. "
        "We would like to schedule an interview with you by phone.",
    )
    ui.open("inbox")
    item = ui.block(subject, has=ui.page.get_by_role("button", name="Approve", exact=True))
    expect(item.get_by_role("combobox", name="Job", exact=True)).to_have_value(
        "Quillon Health · Platform Engineer"
    )
    ui.click("Approve", scope=item)
    expect(ui.toast("Linked to Quillon Health · Platform Engineer.")).to_be_visible()
    assert stored(app, job["id"])["currentStage"] == "recruiter_screen"
    confirmation = ui.page.get_by_test_id("stAlert").filter(has_text=f"Linked “{subject}”")
    expect(confirmation).to_be_visible()

    ui.click("Undo")

    expect(ui.toast("Undone: 1 back in the inbox.")).to_be_visible()
    assert stored(app, job["id"])["currentStage"] == "applied"
    waiting = ui.block(subject, has=ui.page.get_by_role("button", name="Approve", exact=True))
    expect(waiting.get_by_role("combobox", name="Job", exact=True)).to_have_value(
        "Quillon Health · Platform Engineer"
    )
    assert [i["message"]["id"] for i in app.api("GET", "/post-application/inbox")["items"]] == [message_id]


def test_an_automatic_link_is_undone_from_the_jobs_emails_tab(ui: Dashboard, app: RunningApp) -> None:
    job = job_with_stages(app, "Wrenfield Games", "Engine Programmer")
    subject = "Invitation: technical interview for Engine Programmer"
    waiting_mail(
        app,
        "recruiting@wrenfieldgames.com",
        subject,
        "Hi Alex,\n\nWe'd like to invite you to a technical interview for the Engine Programmer role at "
        "Wrenfield Games. Please pick a time that works for you.\n\nMaya",
    )
    assert stored(app, job["id"])["currentStage"] == "technical_interview"
    ui.open(f"job?id={job['id']}")
    ui.page.get_by_role("tab", name="Emails (1)").click()
    ui.page.get_by_text(re.compile(rf"^{re.escape(subject)} · ")).click()

    ui.click("Undo link")

    expect(ui.toast("Unlinked: the mail waits in the Tracking Inbox again.")).to_be_visible()
    assert stored(app, job["id"])["currentStage"] == "applied"
    expect(ui.page.get_by_role("tab", name="Emails (0)")).to_be_visible()
    ui.menu(re.compile(r"^Tracking Inbox"))
    item = ui.block(subject, has=ui.page.get_by_role("button", name="Approve", exact=True))
    expect(item.get_by_role("combobox", name="Job", exact=True)).to_have_value(
        "Wrenfield Games · Engine Programmer"
    )
