"""The Gmail API over HTTP: connect through consent, the callback page, provider actions and runs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, func, select
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.testclient import TestClient

from jobops import providers
from jobops.api import gmail as gmail_api
from jobops.db import session_scope
from jobops.models import MailAccount, MailMessage
from tests.fakes.consent import consent
from tests.fakes.google import FakeGoogle

BASE = "/api/post-application/providers/gmail"
ACTIONS = f"{BASE}/actions"

pytestmark = pytest.mark.usefixtures("google_env")


@pytest.fixture
def web(engine: Engine) -> Iterator[TestClient]:
    """The Gmail routes mounted as app.py mounts them."""
    app = Starlette(routes=[Mount("/api", routes=gmail_api.routes()), *gmail_api.callback_routes()])
    with TestClient(app, base_url="http://localhost:3001", follow_redirects=False) as test_client:
        yield test_client


def connect(web: TestClient) -> dict:
    started = web.get(f"{BASE}/oauth/start", params={"accountKey": "default"}).json()["data"]
    answer = consent(started["authorizationUrl"])
    body = {"accountKey": "default", "state": answer["state"], "code": answer["code"]}
    response = web.post(f"{BASE}/oauth/exchange", json=body)
    assert response.status_code == 200, response.text
    return response.json()["data"]


def accounts(engine: Engine) -> int:
    with session_scope(engine) as session:
        query = select(func.count()).where(MailAccount.encrypted_credentials.is_not(None))
        return session.scalar(query)


def test_connecting_through_start_consent_and_exchange_reports_connected(web: TestClient) -> None:
    connected = connect(web)
    status = web.get(f"{BASE}/status", params={"accountKey": "default"})
    assert connected["status"] == status.json()["data"]["status"] == "connected"
    assert status.json()["data"]["email"] == "seeker@example.com"
    assert "token" not in status.text.lower()


def test_the_oauth_callback_connects_and_sends_the_browser_to_the_gmail_page(
    web: TestClient, engine: Engine
) -> None:
    started = web.post(f"{ACTIONS}/connect", json={}).json()["data"]
    answer = consent(started["authorizationUrl"])
    response = web.get("/oauth/gmail/callback", params={"code": answer["code"], "state": answer["state"]})
    assert response.status_code == 303
    assert response.headers["location"] == "/mail?gmail=connected"
    assert accounts(engine) == 1


def test_a_denied_consent_comes_back_as_an_error_on_the_gmail_page(
    web: TestClient, google: FakeGoogle, engine: Engine
) -> None:
    google.deny_consent = True
    started = web.get(f"{BASE}/oauth/start").json()["data"]
    answer = consent(started["authorizationUrl"])
    response = web.get("/oauth/gmail/callback", params=answer)
    assert response.status_code == 303
    assert response.headers["location"] == "/mail?gmail_error=denied"
    assert accounts(engine) == 0


def test_a_forged_state_is_refused_by_both_the_api_and_the_callback(web: TestClient, engine: Engine) -> None:
    body = {"accountKey": "default", "state": "forged", "code": "anything"}
    refused = web.post(f"{BASE}/oauth/exchange", json=body)
    assert refused.status_code == 400
    assert refused.json()["error"]["details"] == {"field": "state"}
    callback = web.get("/oauth/gmail/callback", params={"state": "forged", "code": "anything"})
    assert callback.headers["location"] == "/mail?gmail_error=expired"
    assert accounts(engine) == 0


def test_starting_without_client_credentials_is_503_saying_gmail_is_not_configured(
    web: TestClient, google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GMAIL_OAUTH_CLIENT_ID")
    response = web.get(f"{BASE}/oauth/start")
    assert response.status_code == 503
    assert "Gmail is not configured" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "path",
    ["mailbox/actions/sync", "outlook/actions/status", "gmail/actions/explode", "imap/actions/explode"],
)
def test_an_unknown_provider_or_action_is_400(web: TestClient, path: str) -> None:
    response = web.post(f"/api/post-application/providers/{path}", json={})
    assert response.status_code == 400


def test_the_sync_action_stores_mail_and_the_run_is_listed(
    web: TestClient, google: FakeGoogle, engine: Engine
) -> None:
    connect(web)
    for i in range(3):
        google.add_message(subject=f"Interview {i}")

    body = {"accountKey": "default", "maxMessages": 100, "searchDays": 30}
    response = web.post(f"{ACTIONS}/sync", json=body)

    assert response.status_code == 200, response.text
    run = response.json()["data"]
    assert (run["status"], run["fetched"], run["classified"]) == ("completed", 3, 3)
    runs = web.get("/api/post-application/runs", params={"provider": "gmail", "accountKey": "default"})
    assert [r["id"] for r in runs.json()["data"]["items"]] == [run["id"]]
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(MailMessage)) == 3


@pytest.mark.parametrize(
    ("body", "field"), [({"maxMessages": 501}, "maxMessages"), ({"searchDays": 0}, "searchDays")]
)
def test_sync_options_out_of_range_are_400_naming_the_field(web: TestClient, body: dict, field: str) -> None:
    connect(web)
    response = web.post(f"{ACTIONS}/sync", json=body)
    assert response.status_code == 400
    assert response.json()["error"]["details"] == {"field": field}


def test_a_sync_while_another_runs_is_409(web: TestClient, engine: Engine) -> None:
    connect(web)
    run_id = providers.begin_run(engine, "gmail", "default")
    try:
        response = web.post(f"{ACTIONS}/sync", json={})
        assert response.status_code == 409
    finally:
        providers.execute_run(engine, "gmail", run_id)


def test_a_sync_refused_by_google_is_502_and_the_account_asks_to_reconnect(
    web: TestClient, google: FakeGoogle
) -> None:
    connect(web)
    google.revoke_all()
    response = web.post(f"{ACTIONS}/sync", json={})
    assert response.status_code == 502
    assert "Reconnect Gmail" in response.json()["error"]["message"]
    status = web.post(f"{ACTIONS}/status", json={}).json()["data"]
    assert status["status"] == "error"


def test_the_disconnect_action_revokes_and_forgets_the_tokens(
    web: TestClient, google: FakeGoogle, engine: Engine
) -> None:
    connect(web)
    response = web.post(f"{ACTIONS}/disconnect", json={"accountKey": "default"})
    assert response.json()["data"]["status"] == "disconnected"
    assert google.calls["revoke"] == 1
    assert accounts(engine) == 0
