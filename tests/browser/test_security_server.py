"""The running app against a hostile page: DNS rebinding, framing, other local ports, huge bodies.

One `streamlit run app.py` serves the module. The hostile pages come from a small server of their
own on another loopback port; a rebound name is simulated by telling Chromium that
`attacker.example` resolves to 127.0.0.1, which is what a DNS rebinding attack achieves.
"""

from __future__ import annotations

import http.client
import json
import re
import socket
import stat
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from bench.screenshots import CHROMIUM_FLAGS

if TYPE_CHECKING:
    from tests.browser.conftest import RunningApp

pytestmark = [
    pytest.mark.browser,
]

REBOUND_NAME = "attacker.example"
SECRET_TITLE = "Staff Engineer (confidential search)"
# Resolves to True when the websocket opened, False when it was refused or closed first.
OPENS_WEBSOCKET = """url => new Promise(resolve => {
    const ws = new WebSocket(url, ["streamlit"]);
    ws.onopen = () => { ws.close(); resolve(true); };
    ws.onerror = () => resolve(false);
    ws.onclose = () => resolve(false);
})"""
READS_API = """async path => {
    const answer = await fetch(path);
    return {status: answer.status, text: await answer.text()};
}"""


class HostilePages:
    """A web server on another loopback port that serves whatever page a test sets."""

    def __init__(self) -> None:
        self.html = "<p>nothing yet</p>"
        pages = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
                body = pages.html.encode()
                self.send_response(200)
                self.send_header("content-type", "text/html; charset=utf-8")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def hostile() -> Iterator[HostilePages]:
    pages = HostilePages()
    yield pages
    pages.close()


@pytest.fixture(scope="module")
def secret_job(app: RunningApp) -> dict[str, Any]:
    """A job nobody else should read."""
    return app.api("POST", "/jobs", {"title": SECRET_TITLE, "employer": "Quiet Corp"})


@pytest.fixture
def rebinding_page(browser_type: Any, browser_type_launch_args: dict[str, Any]) -> Iterator[Any]:
    """A tab in a Chromium that resolves attacker.example to this machine, as after a rebinding."""
    rule = f"--host-resolver-rules=MAP {REBOUND_NAME} 127.0.0.1"
    browser = browser_type.launch(**{**browser_type_launch_args, "args": [*CHROMIUM_FLAGS, rule]})
    try:
        yield browser.new_page()
    finally:
        browser.close()


def port_of(app: RunningApp) -> int:
    return urlsplit(app.base).port or 80


def raw_request(
    app: RunningApp, method: str, path: str, headers: dict[str, str], body: bytes | None = None
) -> tuple[int, dict[str, str], str]:
    """One HTTP request with exactly these headers (Host included): status, headers, text."""
    connection = http.client.HTTPConnection("127.0.0.1", port_of(app), timeout=15)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for name, value in {**headers, "content-length": str(len(body or b""))}.items():
            connection.putheader(name, value)
        connection.endheaders(body)
        answer = connection.getresponse()
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read().decode()
    finally:
        connection.close()


def static_asset(app: RunningApp) -> str:
    """The path of one of the dashboard's script files, as its page names it."""
    _status, _headers, page = raw_request(app, "GET", "/", {"host": f"localhost:{port_of(app)}"})
    found = re.search(r'src="\.?(/?static/[^"]+\.js)"', page)
    assert found, "the dashboard page names no script"
    return "/" + found.group(1).lstrip("/")


# --- 1. DNS rebinding -----------------------------------------------------------------------------


def test_the_seed_curl_examples_still_work_on_localhost(app: RunningApp, secret_job: dict[str, Any]) -> None:
    host = {"host": f"localhost:{port_of(app)}", "content-type": "application/json"}
    status, _headers, text = raw_request(app, "GET", "/api/jobs", host)
    assert status == 200 and SECRET_TITLE in text
    body = json.dumps({"title": "Backend Engineer", "employer": "Stripe"}).encode()
    status, _headers, text = raw_request(app, "POST", "/api/jobs", host, body)
    assert status == 201 and json.loads(text)["ok"] is True


def test_under_a_rebound_name_the_api_pages_callback_and_files_answer_403(
    app: RunningApp, secret_job: dict[str, Any]
) -> None:
    rebound = {"host": f"{REBOUND_NAME}:{port_of(app)}"}
    for path in [
        "/api/jobs",
        "/api/post-application/inbox",
        "/",
        "/job",
        "/oauth/gmail/callback?state=s&code=c",
        "/_stcore/health",
        static_asset(app),
    ]:
        status, _headers, text = raw_request(app, "GET", path, rebound)
        assert status == 403, path
        assert SECRET_TITLE not in text


def test_under_a_rebound_name_a_post_with_a_matching_origin_creates_nothing(app: RunningApp) -> None:
    port = port_of(app)
    headers = {
        "host": f"{REBOUND_NAME}:{port}",
        "origin": f"http://{REBOUND_NAME}:{port}",
        "content-type": "application/json",
    }
    body = json.dumps({"title": "Planted by a rebound page", "employer": "Attacker"}).encode()
    status, _headers, _text = raw_request(app, "POST", "/api/jobs", headers, body)
    assert status == 403
    assert "Planted by a rebound page" not in json.dumps(app.api("GET", "/jobs"))


def test_a_page_at_a_rebound_name_reads_neither_the_api_nor_the_websocket(
    app: RunningApp, secret_job: dict[str, Any], rebinding_page: Any
) -> None:
    port = port_of(app)
    answer = rebinding_page.goto(f"http://{REBOUND_NAME}:{port}/")
    for path in ("/api/jobs", "/api/post-application/inbox"):
        read = rebinding_page.evaluate(READS_API, path)
        assert SECRET_TITLE not in read["text"] and read["status"] == 403, path
    assert rebinding_page.evaluate(OPENS_WEBSOCKET, f"ws://{REBOUND_NAME}:{port}/_stcore/stream") is False
    assert answer is not None and answer.status == 403
    assert "JOBOPS_ALLOWED_HOSTS" in rebinding_page.inner_text("body")


# --- 4. Clickjacking ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/job", "/api/jobs", "/api/nothing", "static"])
def test_every_answer_forbids_other_sites_to_frame_it(app: RunningApp, path: str) -> None:
    path = static_asset(app) if path == "static" else path
    _status, headers, _text = raw_request(app, "GET", path, {"host": f"127.0.0.1:{port_of(app)}"})
    assert headers["x-frame-options"] == "DENY"
    assert headers["content-security-policy"] == "frame-ancestors 'none'"


def test_a_hostile_page_cannot_show_a_job_page_in_a_frame(
    app: RunningApp, secret_job: dict[str, Any], hostile: HostilePages, page: Any
) -> None:
    job_page = f"{app.base}/job?id={secret_job['id']}"
    hostile.html = (
        f'<h1>Win a prize</h1><iframe id="prize" src="{job_page}" width="1200" height="800" '
        "onload=\"document.title = 'frame loaded'\"></iframe>"
    )
    page.goto(hostile.url)
    expect(page).to_have_title("frame loaded")
    framed = [frame.url for frame in page.frames if frame.parent_frame is not None]
    assert framed == ["chrome-error://chromewebdata/"]  # Chromium's page for a refused frame
    assert app.api("GET", f"/jobs/{secret_job['id']}")["title"] == SECRET_TITLE


# --- 5. The websocket and pages on other local ports ------------------------------------------------


def test_the_websocket_opens_for_the_apps_own_page(app: RunningApp, page: Any) -> None:
    page.goto(f"{app.base}/api/health")
    assert page.evaluate(OPENS_WEBSOCKET, f"ws://127.0.0.1:{port_of(app)}/_stcore/stream") is True


def test_a_page_on_another_local_port_cannot_open_the_websocket(
    app: RunningApp, hostile: HostilePages, page: Any
) -> None:
    page.goto(hostile.url)
    port = port_of(app)
    for host in ("127.0.0.1", "localhost"):
        assert page.evaluate(OPENS_WEBSOCKET, f"ws://{host}:{port}/_stcore/stream") is False, host


# --- 11. Files on disk ------------------------------------------------------------------------------


def test_the_database_and_its_journals_are_readable_by_their_owner_only(
    app: RunningApp, secret_job: dict[str, Any]
) -> None:
    database = Path(app.database_url.removeprefix("sqlite:///"))
    files = [database.with_name(database.name + suffix) for suffix in ("", "-wal", "-shm")]
    assert {f.name: stat.S_IMODE(f.stat().st_mode) for f in files} == {f.name: 0o600 for f in files}
    assert stat.S_IMODE(database.parent.stat().st_mode) == 0o700


# --- 12. Huge bodies ---------------------------------------------------------------------------------


def test_a_huge_chunked_post_is_answered_413_before_it_has_all_been_sent(app: RunningApp) -> None:
    """The client sends 2 MB of a body it says goes on; the answer must come without the rest."""
    with socket.create_connection(("127.0.0.1", port_of(app)), timeout=15) as sock:
        sock.sendall(
            f"POST /api/jobs HTTP/1.1\r\nHost: localhost:{port_of(app)}\r\n"
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
        )
        chunk = b" " * 65_536
        for _ in range(32):
            sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        answer = http.client.HTTPResponse(sock)
        answer.begin()
        envelope = json.loads(answer.read())
    assert answer.status == 413
    assert envelope["error"]["code"] == "PAYLOAD_TOO_LARGE"
