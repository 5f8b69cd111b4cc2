"""Text people typed, or that came from a backup or an address, shows as typed in Chromium.

Every hostile string points at a local pixel server: a rendered image fetches from it and a rendered
link points at it. The server must receive nothing and no link or image may name it, on any page.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import expect

from jobops.backup import export_backup, import_backup
from jobops.db import make_engine, session_scope
from jobops.escape import WORD_JOINER
from jobops.models import MailAccount, MailMessage, SyncRun

if TYPE_CHECKING:
    from tests.browser.conftest import Dashboard, RunningApp

pytestmark = [
    pytest.mark.browser,
]

# Every element that would make the browser fetch the pixel or offer a link to it.
FETCHING = "a, img, image, iframe, source, link, video, audio"


class Pixel:
    """A stdlib HTTP server on a free loopback port that writes down every request it gets."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        pixel = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the standard library's name
                pixel.hits.append(self.path)
                self.send_response(204)
                self.end_headers()

            def log_message(self, *_args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def pixel() -> Iterator[Pixel]:
    """The server that hostile text points at."""
    server = Pixel()
    yield server
    server.close()


def visible_text(locator: Any) -> str:
    """What a person reads: the element's text without the invisible word joiners."""
    return locator.inner_text().replace(WORD_JOINER, "")


def assert_nothing_points_at(ui: Dashboard, pixel: Pixel) -> None:
    """No element on the page links to or loads from the pixel server, and it was never asked."""
    ui.page.wait_for_function(
        "Array.from(document.images).every(image => image.complete)"
    )  # fetched or failed
    host = pixel.base.removeprefix("http://")
    pointing = ui.page.eval_on_selector_all(
        FETCHING, "(els, host) => els.map(e => e.outerHTML).filter(h => h.includes(host))", host
    )
    assert pointing == [], pointing
    assert pixel.hits == [], pixel.hits


def hostile_job(app: RunningApp, pixel: Pixel, tag: str) -> dict[str, Any]:
    """A job whose title holds an image, whose employer holds a link and a bare URL, and whose source is a tag."""
    return app.api(
        "POST",
        "/jobs",
        {
            "title": f"![p]({pixel.base}/{tag}-title.png) Engineer",
            "employer": f"[Reconnect here]({pixel.base}/{tag}-phish) {pixel.base}/{tag}-auto.html",
            "source": f'<a href="{pixel.base}/{tag}-plot">Referral</a>',
            "appliedAt": (datetime.now(UTC) - timedelta(days=30)).isoformat(),
        },
    )


def test_a_job_title_and_employer_with_markup_show_as_typed_on_the_board_and_the_job_page(
    ui: Dashboard, app: RunningApp, pixel: Pixel
) -> None:
    job = hostile_job(app, pixel, "pages")
    ui.open()
    expect(ui.page.get_by_text("Reconnect here").first).to_be_visible()
    assert "\\" not in ui.page.inner_text("body")
    assert_nothing_points_at(ui, pixel)

    ui.open(f"job?id={job['id']}")
    heading = ui.page.get_by_role("heading").first
    assert visible_text(heading) == f"{job['employer']} · {job['title']}"
    assert_nothing_points_at(ui, pixel)


def test_a_source_written_as_a_link_is_a_plain_label_on_the_insights_charts(
    ui: Dashboard, app: RunningApp, pixel: Pixel
) -> None:
    hostile_job(app, pixel, "charts")
    ui.open("insights")
    sources = ui.block("Rates by source", has=ui.page.get_by_test_id("stPlotlyChart"))
    expect(sources.locator("svg.main-svg").first).to_contain_text('<a href="')
    assert_nothing_points_at(ui, pixel)


def test_toasts_after_adding_logging_and_linking_show_the_typed_text(
    ui: Dashboard, app: RunningApp, pixel: Pixel
) -> None:
    title = f"![p]({pixel.base}/added.png) Analyst"
    employer = f"{pixel.base}/added-employer [site]({pixel.base}/added-link)"
    ui.open("jobs")
    ui.page.get_by_role("tab", name="Add a job").click()
    ui.page.get_by_label("Job title *").fill(title)
    ui.page.get_by_label("Employer *").fill(employer)
    ui.click("Add job")
    added = ui.toast("Added")
    expect(added).to_be_visible()
    assert f"Added {title} at {employer}." in visible_text(added)
    assert_nothing_points_at(ui, pixel)

    job = hostile_job(app, pixel, "toast")
    ui.open(f"job?id={job['id']}")
    label = f"Call with ![p]({pixel.base}/logged.png)"
    ui.page.get_by_label("Label", exact=True).fill(label)
    ui.click("Log event")
    logged = ui.toast("Logged")
    expect(logged).to_be_visible()
    assert f"Logged: {label}" in visible_text(logged)
    assert_nothing_points_at(ui, pixel)

    with session_scope(make_engine(app.database_url)) as session:
        session.add(
            MailMessage(
                provider="gmail",
                account_key="default",
                external_message_id="markup-1",
                subject="Next steps",
                from_address="talent@example.com",
                processing_status="pending_user",
                matched_job_id=job["id"],
                match_confidence=80,
                stage_target="recruiter_screen",
                message_type="interview",
                received_at=datetime.now(UTC) - timedelta(hours=2),
            )
        )
    ui.open("inbox")
    card = ui.block("Next steps", has=ui.page.get_by_role("button", name="Approve", exact=True))
    ui.click("Approve", scope=card)
    linked = ui.toast("Linked to")
    expect(linked).to_be_visible()
    assert f"Linked to {job['employer']} · {job['title']}." in visible_text(linked)
    assert_nothing_points_at(ui, pixel)


def test_a_crafted_gmail_error_in_the_address_shows_a_fixed_sentence_and_no_link(
    ui: Dashboard, pixel: Pixel
) -> None:
    crafted = f"Your session expired. [Reconnect here]({pixel.base}/phish) ![p]({pixel.base}/error.png)"
    ui.page.goto(f"{ui.base}/mail?gmail_error={crafted}")
    ui.settle()
    alert = ui.page.get_by_test_id("stAlert").filter(has_text="Gmail was not connected")
    expect(alert).to_be_visible()
    expect(alert).not_to_contain_text("Reconnect here")
    assert_nothing_points_at(ui, pixel)


def test_a_sync_error_restored_from_a_backup_shows_as_plain_text(
    ui: Dashboard, app: RunningApp, pixel: Pixel
) -> None:
    engine = make_engine(app.database_url)
    message = f"Token revoked. [Reconnect here]({pixel.base}/run-phish) ![p]({pixel.base}/run.png)"
    with session_scope(engine) as session:
        backup = export_backup(session)
    finished = datetime.now(UTC).isoformat()
    backup["syncRuns"].append(
        {
            "id": "restored-failed-run",
            "provider": "gmail",
            "accountKey": "default",
            "status": "failed",
            "mode": "full",
            "startedAt": finished,
            "finishedAt": finished,
            "discovered": 0,
            "fetched": 0,
            "relevant": 0,
            "classified": 0,
            "matched": 0,
            "errored": 1,
            "errorMessage": message,
            "ownerPid": None,
        }
    )
    with session_scope(engine) as session:
        import_backup(session, backup)
        session.add(
            MailAccount(
                provider="gmail",
                account_key="default",
                status="connected",
                email="me@example.com",
                encrypted_credentials="not-used-here",
            )
        )
    ui.open("mail")
    alert = ui.page.get_by_test_id("stAlert").filter(has_text="The last sync failed")
    expect(alert).to_be_visible()
    assert message in visible_text(alert)
    assert_nothing_points_at(ui, pixel)
    with session_scope(engine) as session:
        session.delete(session.get(SyncRun, "restored-failed-run"))
    engine.dispose()
