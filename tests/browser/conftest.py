"""Fixtures for the real-browser journeys: the app on a free port, Debian's Chromium, failure artifacts."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from bench.screenshots import CHROMIUM, CHROMIUM_FLAGS, IDLE, free_port, running_app, screenshot_whole
from jobops.config import PROJECT_ROOT
from jobops.router.learned import shipped_reader
from tests.fakes.google import FakeGoogle

ARTIFACTS = PROJECT_ROOT / "test-artifacts"
VIEWPORT = {"width": 1440, "height": 900}
TIMEOUT_MS = 20_000
# Assertions wait as long as actions: on a loaded machine a click's rerun can outlast Playwright's 5 s default,
# and a toast that shows for four seconds after it would then be missed.
expect.set_options(timeout=TIMEOUT_MS)
# A pressed button asks for a rerun at once, in the browser, before the server answers.
RUN_START_MS = 5_000
WATCH_RUNS = """() => {
  window.__jobopsRunStarted = false;
  window.__jobopsRunWatch?.disconnect();
  const app = document.querySelector("[data-testid='stApp']");
  window.__jobopsRunWatch = new MutationObserver(() => {
    if (app.getAttribute("data-test-script-state") !== "notRunning") window.__jobopsRunStarted = true;
  });
  window.__jobopsRunWatch.observe(app, {attributes: true, attributeFilter: ["data-test-script-state"]});
}"""


@dataclass
class RunningApp:
    """The app under test: where it answers, its database and its log, and the fake Google behind it."""

    base: str
    database_url: str
    log_path: Path
    google: FakeGoogle

    def api(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        """Call the REST API the way the seed's curl examples do and return the envelope's data."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            f"{self.base}/api{path}", data=data, method=method, headers={"content-type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=15) as answer:
            envelope = json.load(answer)
        assert envelope["ok"], envelope
        return envelope["data"]


class Dashboard:
    """A Streamlit page driven like a user would, waiting for every run to settle."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base

    def open(self, path: str = "") -> None:
        """Type an address into the browser (a new Streamlit session)."""
        self.page.goto(f"{self.base}/{path.lstrip('/')}")
        self.settle()

    def settle(self) -> None:
        """Wait until the script run has finished and nothing is left to draw."""
        self.page.wait_for_timeout(250)  # let a click's rerun start before looking for idle
        self.page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)
        self.page.wait_for_function(
            "!document.querySelector(\"[data-testid='stSkeleton']\")", timeout=TIMEOUT_MS
        )

    def snapshot(self, name: str) -> Path:
        """Keep a picture of what the user sees at a step of a journey (test-artifacts/journeys/)."""
        target = ARTIFACTS / "journeys" / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(target))
        return target

    def menu(self, name: str | re.Pattern[str]) -> None:
        """Follow a link of the sidebar menu and wait for that page to be the current one."""
        link = self.page.get_by_test_id("stSidebarNav").get_by_role("link", name=name, exact=True)
        link.click()
        expect(link).to_have_attribute("aria-current", "page")
        self.settle()

    def click(self, name: str, scope: Any = None, exact: bool = True) -> None:
        """Press a button by its text and wait for the run it starts (every Streamlit button starts one).

        A press that lands while React swaps the button's node for a new one reaches no handler and starts
        no run: that press is made again, once; a second press that starts no run fails the journey.
        """
        button = (scope or self.page).get_by_role("button", name=name, exact=exact)
        for attempt in range(2):
            self.settle()  # a press during a run can land on a node the run is about to replace
            self.page.evaluate(WATCH_RUNS)
            button.click()
            try:
                self.page.wait_for_function("window.__jobopsRunStarted === true", timeout=RUN_START_MS)
                break
            except PlaywrightTimeout:
                if attempt:
                    raise AssertionError(f"pressing “{name}” started no script run") from None
        self.settle()

    def choose(self, combobox: Any, option: str) -> None:
        """Open a selectbox and pick one of its options by text (a rerun may close the list: retry)."""
        choice = self.page.get_by_role("option", name=option, exact=True)
        for _ in range(3):
            combobox.click()
            try:
                choice.wait_for(state="visible", timeout=3_000)
                break
            except PlaywrightTimeout:
                self.page.keyboard.press("Escape")
                self.settle()
        choice.click()
        self.settle()

    def block(self, text: str, has: Any = None) -> Any:
        """The innermost container that holds this text (and the given element)."""
        found = self.page.get_by_test_id("stVerticalBlock").filter(has_text=text)
        if has is not None:
            found = found.filter(has=has)
        return found.last

    def column(self, heading: str) -> Any:
        """A board column, found by the start of its heading (`Technical Interview · 2`)."""
        title = self.page.get_by_role("button", name=re.compile(rf"{re.escape(heading)} · \d+$"))
        return self.page.get_by_test_id("stColumn").filter(has=title).last

    def toast(self, text: str) -> Any:
        """The toast that confirms an action."""
        return self.page.get_by_test_id("stToast").filter(has_text=text)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """On a failed journey, save what the browser showed and name the folder in the report."""
    outcome = yield
    report = outcome.get_result()
    dashboard = getattr(item, "funcargs", {}).get("ui")
    if report.when == "call" and report.failed and isinstance(dashboard, Dashboard):
        folder = save_artifacts(item.name, dashboard.page.context.pages, item.funcargs["app"].log_path)
        report.sections.append(("browser artifacts", f"screenshots and page text in {folder}"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's Chromium with the flags that keep it off the network (pytest-playwright's own is absent)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """A laptop-sized window in light mode."""
    return {**browser_context_args, "viewport": VIEWPORT, "color_scheme": "light", "locale": "en-GB"}


@contextmanager
def app_on_fake_google(data_dir: Path, *, configured: bool = True, **fake: Any) -> Iterator[RunningApp]:
    """`streamlit run app.py` on a free port with an empty database, Gmail's endpoints on a fake Google of its own.

    `configured=False` leaves the OAuth client and the redirect URI for the user to set up from the Mail page;
    `fake` holds FakeGoogle's options (a client id of the shape Google issues, say).
    """
    shipped_reader()  # trained (or loaded) here first, so each app's process loads it from the cache quickly
    port = free_port()
    database_url = f"sqlite:///{data_dir}/jobops.db"
    log_path = data_dir / "streamlit.log"
    with FakeGoogle(**fake) as google:
        gmail = google.environment()
        if configured:
            gmail["GMAIL_OAUTH_REDIRECT_URI"] = f"http://127.0.0.1:{port}/oauth/gmail/callback"
        else:
            gmail = {k: v for k, v in gmail.items() if "CLIENT" not in k}
        env = {
            **gmail,
            "JOBOPS_DATA_DIR": str(data_dir),
            "JOBOPS_DATABASE_URL": database_url,
            "JOBOPS_SECRETS_FILE": str(data_dir / "no-secrets.toml"),
            "JOBOPS_SECRET_KEY": "a passphrase for the browser tests",
            "JOBOPS_PASSWORD": "",
            "JOBOPS_API_TOKEN": "",
            "JOBOPS_SYNC_INTERVAL_MINUTES": "0",
        }
        started = time.monotonic()
        with running_app(env, port, log_path=log_path) as base:
            print(f"\napp at {base} in {time.monotonic() - started:.1f} s, log {log_path}")
            yield RunningApp(base, database_url, log_path, google)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """The app with an empty database and Gmail set up against the fake Google, for one test module."""
    with app_on_fake_google(tmp_path_factory.mktemp("jobops-data")) as running:
        yield running


@pytest.fixture
def ui(page: Any, app: RunningApp) -> Dashboard:
    """The dashboard in a fresh browser tab (a new Streamlit session for each journey)."""
    page.set_default_timeout(TIMEOUT_MS)
    return Dashboard(page, app.base)


def save_artifacts(test_name: str, pages: list[Any], log_path: Path) -> Path:
    """Save every open tab's screenshot, address and text, plus the server log, for a failed test."""
    folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", test_name)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for number, tab in enumerate(pages, start=1):
        try:
            screenshot_whole(tab, folder / f"tab{number}.png")
            text = tab.inner_text("body")
        except PlaywrightError as exc:  # a crashed tab still gets its address written down
            text = f"(could not read the page: {exc})"
        (folder / f"tab{number}.txt").write_text(f"{tab.url}\n\n{text}", encoding="utf-8")
    if log_path.exists():
        shutil.copyfile(log_path, folder / "streamlit.log")
    print(f"\nartifacts of {test_name}: {folder}")
    return folder


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without Debian's Chromium the journeys are skipped on a developer's machine, but fail in CI (CI=true)."""
    if Path(CHROMIUM).exists() or os.environ.get("CI") == "true":
        return
    skip = pytest.mark.skip(reason=f"needs Debian's Chromium at {CHROMIUM} (apt-get install -y chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)
