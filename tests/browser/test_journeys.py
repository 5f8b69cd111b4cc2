"""What a user does in a real browser, end to end, against `streamlit run app.py`.

One app process (and one fake Google) serves the whole module; each journey gets a fresh tab and
a new Streamlit session. The journeys share the database and run in file order: the first one
needs the empty board a newcomer sees, the others use employers of their own.
Run them with `pytest -m browser`; on a failure, screenshots and page text land in test-artifacts/.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import expect

if TYPE_CHECKING:
    from tests.browser.conftest import Dashboard, RunningApp

pytestmark = [
    pytest.mark.browser,
]

MAIL_MENU = "Mail"
# The seed's curl example (post-application-workflow.txt), body for body.
SEED_STAGE_BODY = {
    "toStage": "technical_interview",
    "metadata": {"actor": "user", "eventType": "status_update", "eventLabel": "Moved to Technical Interview"},
}


def open_button(scope: Any) -> Any:
    """A card's Open timeline button."""
    return scope.get_by_role("button", name="Open timeline")


def card_on_board(ui: Dashboard, employer: str) -> Any:
    """A job's card: the bordered block with its employer and its Open button."""
    return ui.block(employer, has=open_button(ui.page))


def active_jobs(app: RunningApp) -> int:
    """Jobs applied to and not closed, as the API lists them."""
    items = app.api("GET", "/jobs")["items"]
    return sum(1 for job in items if job["appliedAt"] and job["currentStage"] != "closed")


def test_a_newcomer_loads_sample_data_and_sees_it_charted_on_insights(ui: Dashboard, app: RunningApp) -> None:
    ui.open()
    expect(ui.page.get_by_text("No active applications yet")).to_be_visible()

    ui.click("Load sample data")
    expect(ui.toast("sample jobs")).to_be_visible()
    expect(ui.column("Offer")).to_contain_text("Northwind Payments")
    ui.menu("Insights")

    expect(ui.page.get_by_role("heading", name="Insights", exact=True)).to_be_visible()
    active = ui.page.get_by_test_id("stMetric").filter(has_text="Active applications")
    expect(active.get_by_test_id("stMetricValue")).to_have_text(str(active_jobs(app)))
    charts = ui.page.get_by_test_id("stPlotlyChart")
    expect(charts).to_have_count(8)  # six of the pipeline, two of the sample mail
    for number in range(8):
        expect(charts.nth(number).locator("svg.main-svg").first).to_be_visible()
    funnel = ui.block("Funnel", has=charts)
    expect(funnel.locator("svg.main-svg").first).to_contain_text("Offer")
    sources = ui.block("Rates by source", has=charts)
    expect(sources.locator("svg.main-svg").first).to_contain_text("Referral")
    expect(ui.block("Gone quiet")).to_contain_text("Harbor Logistics")


def test_a_new_user_adds_a_job_moves_it_and_logs_a_note(ui: Dashboard) -> None:
    employer, title = "Fernhill Studios", "Game Tools Engineer"
    note = "Two hour pairing session with Priya; next step is the final round."
    ui.open("jobs")
    ui.page.get_by_role("tab", name="Add a job").click()
    ui.page.get_by_label("Job title *").fill(title)
    ui.page.get_by_label("Employer *").fill(employer)
    expect(ui.page.get_by_role("combobox", name="Status")).to_have_value("Applied")
    ui.click("Add job")
    expect(ui.toast(f"Added {title} at {employer}.")).to_be_visible()

    ui.menu("In Progress Board")
    expect(ui.column("Applied")).to_contain_text(employer)
    ui.choose(card_on_board(ui, employer).get_by_role("combobox", name="Move to"), "Technical Interview")
    expect(ui.toast("Moved to Technical Interview")).to_be_visible()
    card = card_on_board(ui, employer)
    expect(ui.column("Technical Interview").filter(has_text=employer)).to_have_count(1)
    expect(ui.column("Applied")).not_to_contain_text(employer)
    open_button(card).click()
    ui.settle()

    expect(ui.page.get_by_role("heading", name=f"{employer} · {title}")).to_be_visible()
    stage = ui.page.get_by_role("combobox", name="Stage")
    expect(stage).to_have_value("No change (note or interview log)")
    ui.page.get_by_label("Note", exact=True).fill(note)
    ui.click("Log event")

    expect(ui.toast("Logged:")).to_be_visible()
    timeline = ui.page.get_by_role("tabpanel", name="Timeline")
    expect(timeline.get_by_text(note)).to_be_visible()
    expect(timeline.get_by_text("Moved to Technical Interview")).to_be_visible()
    events = timeline.get_by_test_id("stVerticalBlock").filter(has=ui.page.get_by_role("button", name="Edit"))
    expect(events.filter(has_text="Applied").last).to_contain_text("Stage change")
    text = timeline.inner_text()
    assert max(text.index(note), text.index("Moved to Technical Interview")) < text.rindex("Applied"), text


def test_a_stage_change_posted_to_the_api_shows_on_the_board_after_a_refresh(
    ui: Dashboard, app: RunningApp
) -> None:
    employer = "Bramblewood Cloud"
    job = app.api("POST", "/jobs", {"title": "Site Reliability Engineer", "employer": employer})
    ui.open()
    expect(ui.column("Applied")).to_contain_text(employer)

    event = app.api("POST", f"/jobs/{job['id']}/stages", SEED_STAGE_BODY)
    assert event["toStage"] == "technical_interview"
    ui.page.reload()
    ui.settle()

    column = ui.column("Technical Interview")
    expect(column).to_contain_text(employer)
    open_button(card_on_board(ui, employer)).hover()  # the card's latest event is one hover away
    expect(ui.page.get_by_test_id("stTooltipContent")).to_contain_text(
        re.compile(r"Latest: Moved to Technical Interview · (just now|\d+ seconds? ago)")
    )
    expect(ui.column("Applied")).not_to_contain_text(employer)


def test_gmail_connect_sync_and_inbox_review_move_a_job_on_the_board(ui: Dashboard, app: RunningApp) -> None:
    applied = (datetime.now(UTC) - timedelta(days=5)).isoformat()
    app.api("POST", "/jobs", {"title": "Backend Engineer", "employer": "Stripe", "appliedAt": applied})
    invite = app.google.add_message(
        sender="Maya Chen <maya.chen.recruits@gmail.com>",
        subject="Technical interview for the Backend Engineer role at Stripe",
        text="Hi,\n\nThanks for your time last week. We'd like to invite you to a technical interview for "
        "the Backend Engineer position at Stripe. Please share your availability for next week.\n\n"
        "Maya Chen\nRecruiter",
    )
    wrong = app.google.add_message(
        sender="Globex Talent <talent@globex.example>",
        subject="Interview invitation",
        text="Hi,\n\nWe'd like to invite you to a technical interview for the Platform Engineer role at "
        "Globex. We noticed your experience with Stripe integrations.\n\nBest,\nGlobex Talent",
    )
    app.google.add_message(
        sender="Weekly Deals <deals@shop.example>",
        subject="50% off this weekend",
        text="Special offer: our biggest sale of the year starts now. Unsubscribe at any time.",
    )
    app.google.fetches_open.clear()  # the sync lists the mail, then waits while the progress bar is checked

    ui.open()
    ui.menu("Jobs")
    remove_samples = ui.page.get_by_role("button", name="Remove sample data")
    if remove_samples.count():  # an earlier journey loaded them; this one starts from the user's own jobs
        remove_samples.click()
        ui.settle()
    ui.menu(MAIL_MENU)
    ui.snapshot("mail-before-connecting")
    expect(ui.page.get_by_text("Gmail is not connected.")).to_be_visible()
    ui.click("Connect Gmail")
    with ui.page.context.expect_page() as consent_tab:
        ui.page.get_by_role("link", name="Continue to Google").click()
    ui.page = consent_tab.value  # the consent redirect lands back on JobOps in the new tab
    ui.page.wait_for_url(re.compile(r"/mail\?gmail=connected"))
    ui.settle()
    expect(ui.page.get_by_text("Gmail is connected. Run a first sync.")).to_be_visible()
    expect(ui.page.get_by_text(f"Account: {app.google.email}")).to_be_visible()

    ui.page.get_by_role("button", name="Sync now").click()
    progress = ui.page.get_by_test_id("stProgress")
    expect(progress).to_contain_text(re.compile(r"Syncing: 0 of 3 new messages fetched"))
    app.google.fetches_open.set()
    expect(progress).to_have_count(0, timeout=30_000)
    ui.settle()
    expect(ui.page.get_by_text(re.compile(r"last sync (just now|\d+ seconds? ago)"))).to_be_visible()
    expect(ui.page.get_by_text(re.compile(r"Last sync: 3 new messages"))).to_be_visible()
    ui.snapshot("mail-after-connecting-and-syncing")
    expect(ui.page.get_by_text(re.compile(r"\d+ message\(s\) wait for review"))).to_be_visible()
    runs = ui.page.get_by_test_id("stDataFrame")
    expect(runs).to_be_visible()
    expect(ui.page.get_by_role("button", name="Sync now")).to_be_enabled()

    ui.menu("In Progress Board")
    expect(card_on_board(ui, "Stripe")).to_contain_text("2 mail to review")
    ui.menu(re.compile(r"^Tracking Inbox \(\d+\)$"))  # the menu counts what waits for review
    expect(ui.page.get_by_text("2 to review")).to_be_visible()
    right = ui.block(invite.subject, has=ui.page.get_by_role("button", name="Approve", exact=True))
    expect(right.get_by_role("combobox", name="Job", exact=True)).to_have_value("Stripe · Backend Engineer")
    expect(right.get_by_role("combobox", name="Log as")).to_have_value("Technical Interview")
    ui.click("Approve", scope=right)
    expect(ui.toast("Linked to Stripe · Backend Engineer.")).to_be_visible()
    mistaken = ui.block(wrong.subject, has=ui.page.get_by_role("button", name="Deny", exact=True))
    expect(mistaken.get_by_role("combobox", name="Job", exact=True)).to_have_value(
        "Stripe · Backend Engineer"
    )
    ui.click("Deny", scope=mistaken)
    expect(ui.toast("Dismissed.")).to_be_visible()
    expect(ui.page.get_by_text("Nothing to review.")).to_be_visible()

    ui.menu("In Progress Board")
    expect(ui.column("Technical Interview")).to_contain_text("Stripe")
    expect(card_on_board(ui, "Stripe")).not_to_contain_text("to review")
    expect(ui.column("Applied")).not_to_contain_text("Stripe")
