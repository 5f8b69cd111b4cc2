"""The outer wall around every door of the process: rebound names, other ports' pages and framing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route, WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocket, WebSocketDisconnect

from jobops.api import routes
from jobops.dashboard.server import middleware

APP = "http://localhost:3001"
REBOUND = "attacker.example:3001"
JOB = {"title": "Backend Engineer", "employer": "Stripe"}


async def dashboard_page(_request: Request) -> HTMLResponse:
    """Stands in for Streamlit's pages and static files."""
    return HTMLResponse("<p>In Progress Board</p>")


async def stream(websocket: WebSocket) -> None:
    """Stands in for Streamlit's /_stcore/stream: it would send the session's pages and data."""
    await websocket.accept()
    await websocket.send_text("job titles")
    await websocket.close()


@pytest.fixture
def site(engine: object) -> Iterator[TestClient]:
    """The API, the OAuth callback, a page and the websocket, wrapped the way app.py wraps them."""
    extra = [Route("/", dashboard_page), WebSocketRoute("/_stcore/stream", stream)]
    app = Starlette(routes=[*routes(), *extra], middleware=middleware())
    with TestClient(app, base_url=APP) as client:
        yield client


def jobs_total(site: TestClient) -> int:
    return site.get("/api/jobs").json()["data"]["total"]


def read_stream(site: TestClient, host: str, origin: str | None) -> str:
    """What a client at that origin reads from the websocket under that host name."""
    headers = {"host": host} if origin is None else {"host": host, "origin": origin}
    with site.websocket_connect(f"ws://{host}/_stcore/stream", headers=headers) as ws:
        return ws.receive_text()


@pytest.mark.parametrize(
    "host", ["localhost:3001", "127.0.0.1:3001", "[::1]:3001", "192.168.1.20:3001", "localhost"]
)
def test_localhost_and_ip_addresses_are_served_as_today(site: TestClient, host: str) -> None:
    assert site.get("/api/jobs", headers={"host": host}).status_code == 200
    assert site.get("/", headers={"host": host}).text == "<p>In Progress Board</p>"


def test_the_seed_curl_example_still_adds_a_job(site: TestClient) -> None:
    answer = site.post("/api/jobs", json=JOB, headers={"host": "localhost:3001"})
    assert answer.status_code == 201 and answer.json()["ok"]


def test_a_rebound_name_cannot_read_the_api(site: TestClient) -> None:
    site.post("/api/jobs", json=JOB)
    answer = site.get("/api/jobs", headers={"host": REBOUND})
    assert answer.status_code == 403
    body = answer.json()
    assert body["ok"] is False and body["error"]["code"] == "FORBIDDEN"
    assert "JOBOPS_ALLOWED_HOSTS" in body["error"]["message"] and "Stripe" not in answer.text


def test_a_rebound_name_cannot_add_a_job_even_with_a_matching_origin(site: TestClient) -> None:
    headers = {"host": REBOUND, "origin": f"http://{REBOUND}"}
    assert site.post("/api/jobs", json=JOB, headers=headers).status_code == 403
    assert jobs_total(site) == 0


@pytest.mark.parametrize("path", ["/", "/oauth/gmail/callback?state=s&code=c", "/api/health", "/api/nothing"])
def test_a_rebound_name_gets_no_page_callback_or_health(site: TestClient, path: str) -> None:
    answer = site.get(path, headers={"host": REBOUND})
    assert answer.status_code == 403
    assert "In Progress Board" not in answer.text


def test_a_rebound_name_cannot_open_the_websocket(site: TestClient) -> None:
    with pytest.raises(WebSocketDisconnect) as refused:
        read_stream(site, REBOUND, f"http://{REBOUND}")
    assert refused.value.code == 1008


@pytest.mark.parametrize(
    "host", ["localhost.attacker.example", "127.0.0.1.nip.io", "attacker.example@localhost", "", "a:b:c"]
)
def test_names_that_only_look_local_are_refused(site: TestClient, host: str) -> None:
    assert site.get("/api/jobs", headers={"host": host}).status_code == 403


def test_a_name_in_jobops_allowed_hosts_is_served(site: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    assert site.get("/api/jobs", headers={"host": "jobops.home.arpa"}).status_code == 403
    monkeypatch.setenv("JOBOPS_ALLOWED_HOSTS", "nas.home.arpa, jobops.home.arpa:8443")
    assert site.get("/api/jobs", headers={"host": "jobops.home.arpa"}).status_code == 200
    assert site.get("/api/jobs", headers={"host": "NAS.home.arpa:3001"}).status_code == 200


def test_the_name_in_the_gmail_redirect_uri_is_served(
    site: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GMAIL_OAUTH_REDIRECT_URI", "https://jobops.example.com/oauth/gmail/callback")
    answer = site.post(
        "/api/jobs", json=JOB, headers={"host": "jobops.example.com", "origin": "https://jobops.example.com"}
    )
    assert answer.status_code == 201


def test_the_websocket_answers_the_apps_own_pages(site: TestClient) -> None:
    assert read_stream(site, "localhost:3001", "http://localhost:3001") == "job titles"
    assert read_stream(site, "127.0.0.1:3001", None) == "job titles"


@pytest.mark.parametrize(
    "origin",
    ["http://localhost:8000", "http://localhost", "http://127.0.0.1:8000", "null", "http://attacker.example"],
)
def test_the_websocket_refuses_pages_on_other_ports_and_sites(site: TestClient, origin: str) -> None:
    with pytest.raises(WebSocketDisconnect) as refused:
        read_stream(site, "localhost:3001", origin)
    assert refused.value.code == 1008


def test_a_page_on_another_local_port_cannot_post_to_the_api(site: TestClient) -> None:
    answer = site.post("/api/jobs", json=JOB, headers={"origin": "http://localhost:8000"})
    assert answer.status_code == 403 and answer.json()["error"]["code"] == "FORBIDDEN"
    assert jobs_total(site) == 0


@pytest.mark.parametrize(
    ("method", "path", "host"),
    [
        ("GET", "/", "localhost:3001"),
        ("GET", "/api/jobs", "localhost:3001"),
        ("POST", "/api/jobs", "localhost:3001"),
        ("GET", "/api/nothing", "localhost:3001"),
        ("GET", "/oauth/gmail/callback?error=access_denied", "localhost:3001"),
        ("GET", "/", REBOUND),
    ],
)
def test_every_answer_forbids_being_framed(site: TestClient, method: str, path: str, host: str) -> None:
    answer = site.request(
        method, path, json=JOB if method == "POST" else None, headers={"host": host}, follow_redirects=False
    )
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["content-security-policy"] == "frame-ancestors 'none'"
