"""A user turns mail about an application they never tracked into a job, in a real browser."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

if TYPE_CHECKING:
    from tests.browser.conftest import Dashboard, RunningApp

pytestmark = [
    pytest.mark.browser,
]

BODY = (
    "Hi Alex, we'd like to schedule a phone screen for the Product Designer role at Figma. Does Tuesday work?"
)
ORPHAN_EML = (
    "From: Figma Talent <talent@figma.com>\r\n"
    "To: alex@example.com\r\n"
    "Subject: Interview invitation: Product Designer\r\n"
    "Date: Mon, 23 Nov 2026 09:30:00 +0000\r\n"
    "Message-ID: <orphan-1@figma.com>\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "\r\n"
    f"{BODY}\r\n"
)


def test_an_orphan_mail_becomes_a_job_in_one_click(ui: Dashboard, app: RunningApp, tmp_path: Path) -> None:
    eml = tmp_path / "figma.eml"
    eml.write_text(ORPHAN_EML, encoding="utf-8")
    ui.open()
    ui.menu("Mail")
    ui.page.get_by_role("tab", name="Mailbox file").click()
    ui.page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(eml))
    ui.settle()
    ui.click("Import")
    expect(ui.page.get_by_text("Read 1 message: 1 new")).to_be_visible()
    ui.menu(re.compile(r"^Tracking Inbox"))

    ui.page.get_by_role("button", name="Create a job from this mail").click()
    form = ui.page.get_by_test_id("stPopoverBody")
    expect(form.get_by_label("Employer")).to_have_value("Figma")
    expect(form.get_by_label("Job title")).to_have_value("Product Designer")
    ui.snapshot("orphan-create-job")
    ui.click("Create job and link this mail", scope=form)

    expect(ui.toast("Added Figma · Product Designer and linked this mail to it.")).to_be_visible()
    expect(ui.page.get_by_text("Nothing to review.")).to_be_visible()
    (job,) = [j for j in app.api("GET", "/jobs")["items"] if j["employer"] == "Figma"]
    assert (job["title"], job["currentStage"]) == ("Product Designer", "recruiter_screen")

    ui.open(f"job?id={job['id']}")
    ui.page.get_by_role("tab", name="Emails (1)").click()
    ui.page.get_by_text("Interview invitation: Product Designer · Figma Talent").click()
    expect(ui.page.get_by_text(BODY)).to_be_visible()
    expect(
        ui.page.get_by_text(re.compile(r"^Logged as: Logged from email: Recruiter Screen"))
    ).to_be_visible()
