"""Moving in from a spreadsheet, in a real browser: the file most people arrive with, imported once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

if TYPE_CHECKING:
    from tests.browser.conftest import Dashboard, RunningApp

pytestmark = [
    pytest.mark.browser,
]

SPREADSHEET = Path(__file__).resolve().parents[1] / "data" / "spreadsheet_jobs.csv"


def upload(ui: Dashboard) -> None:
    """Choose the spreadsheet in the Import CSV tab and wait for the preview."""
    ui.page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(SPREADSHEET))
    ui.settle()
    expect(ui.page.get_by_text("Preview · 21 rows")).to_be_visible()


def test_a_newcomer_moves_in_from_their_spreadsheet(ui: Dashboard, app: RunningApp) -> None:
    ui.open("jobs?tab=import")
    upload(ui)
    import_button = ui.page.get_by_role("button", name="Import jobs")
    expect(import_button).to_be_disabled()
    expect(ui.page.get_by_text("could be either")).to_be_visible()
    expect(ui.page.get_by_role("combobox", name="Interviewing")).to_have_value("Technical Interview")
    expect(ui.page.get_by_role("combobox", name="Ghosted")).to_have_value("Closed: Ghosted")

    ui.page.get_by_text("Day first (31/12/2026)").click()
    ui.settle()
    ui.choose(ui.page.get_by_role("combobox", name="Interviewing"), "Team Match")
    ui.snapshot("moving-in-mapping")
    ui.click("Import jobs")

    result = ui.page.get_by_test_id("stAlertContentSuccess")
    expect(result).to_contain_text("Imported 20 job(s).")
    ui.snapshot("moving-in-imported")
    jobs = {j["employer"]: j for j in app.api("GET", "/jobs")["items"]}
    assert len(jobs) == 20
    assert (jobs["Stripe"]["currentStage"], jobs["Stripe"]["salary"]) == ("hiring_manager_screen", "€60–70k")
    assert jobs["Stripe"]["appliedAt"].startswith("2026-03-0")
    assert (jobs["Quarry"]["currentStage"], jobs["Quarry"]["outcome"]) == ("closed", "rejected")
    assert (jobs["Lumen Health"]["currentStage"], jobs["Fjord AI"]["currentStage"]) == (
        "recruiter_screen",
        "offer",
    )

    ui.open("jobs?tab=import")
    upload(ui)
    ui.page.get_by_text("Day first (31/12/2026)").click()
    ui.settle()
    ui.click("Import jobs")

    expect(ui.page.get_by_test_id("stAlertContentInfo")).to_contain_text("Nothing new")
    assert app.api("GET", "/jobs")["total"] == 20
