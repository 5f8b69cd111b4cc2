"""A user sets Gmail up from the Mail page alone, on a port other than the default, in a real browser."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import RunningApp, app_on_fake_google

if TYPE_CHECKING:
    from tests.browser.conftest import Dashboard

pytestmark = [
    pytest.mark.browser,
]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """The app with Google's endpoints pointed at the fake but no OAuth client and no redirect URI configured."""
    with app_on_fake_google(
        tmp_path_factory.mktemp("jobops-setup"),
        configured=False,
        client_id="1234-jobops.apps.googleusercontent.com",  # the shape Google issues
        client_secret="GOCSPX-browser-test",
    ) as running:
        yield running


def test_gmail_is_set_up_from_googles_client_file_without_a_restart(
    ui: Dashboard, app: RunningApp, tmp_path: Path
) -> None:
    google = app.google
    redirect = f"{app.base}/oauth/gmail/callback"
    assert not redirect.startswith("http://localhost:3001")
    client_file = tmp_path / "client_secret_1234-jobops.apps.googleusercontent.com.json"
    client_file.write_text(
        json.dumps(
            {
                "web": {
                    "client_id": google.client_id,
                    "client_secret": google.client_secret,
                    "project_id": "jobops",
                    "auth_uri": "https://accounts.google.com/o/oauth2/auth",
                    "token_uri": "https://oauth2.googleapis.com/token",
                    "redirect_uris": [redirect],
                }
            }
        )
    )

    ui.open("mail")
    expect(ui.page.get_by_text("Gmail is not set up yet", exact=False)).to_be_visible()
    expect(ui.page.get_by_test_id("stCode").filter(has_text=redirect).first).to_be_visible()
    expect(ui.page.get_by_role("link", name="Open the Google Cloud console")).to_have_attribute(
        "href", re.compile(r"^https://console\.cloud\.google\.com/")
    )
    expect(ui.page.get_by_text(re.compile("reconnect Gmail each week"))).to_be_visible()
    ui.page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(str(client_file))
    ui.settle()
    ui.snapshot("gmail-setup-client-file")
    ui.click("Use this client file")

    expect(ui.toast("Gmail is set up. Connect your account.")).to_be_visible()
    ui.click("Connect Gmail")
    with ui.page.context.expect_page() as consent_tab:
        ui.page.get_by_role("link", name="Continue to Google").click()
    ui.page = consent_tab.value
    ui.page.wait_for_url(re.compile(rf"^{re.escape(app.base)}/mail\?gmail=connected"))
    ui.settle()
    expect(ui.page.get_by_text(f"Account: {google.email}")).to_be_visible()
