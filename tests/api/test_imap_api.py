"""The IMAP provider over HTTP: connect, status, sync, runs, inbox and disconnect; never the password."""

from __future__ import annotations

from sqlalchemy import Engine, func, select
from starlette.testclient import TestClient

from jobops.db import session_scope
from jobops.models import MailAccount
from tests.fakes.imap import PASSWORD, FakeImap, mail

BASE = "/api/post-application/providers/imap"
ACTIONS = f"{BASE}/actions"


def connect(api: TestClient, imap: FakeImap) -> dict:
    response = api.post(f"{ACTIONS}/connect", json={"accountKey": "default", **imap.connect_body()})
    assert response.status_code == 200, response.text
    return response.json()["data"]


def test_connect_answers_the_connected_account_without_the_password(api: TestClient, imap: FakeImap) -> None:
    connected = connect(api, imap)
    status = api.get(f"{BASE}/status", params={"accountKey": "default"})

    assert connected["status"] == status.json()["data"]["status"] == "connected"
    assert status.json()["data"]["host"] == "127.0.0.1"
    assert PASSWORD not in str(connected) and PASSWORD not in status.text


def test_a_wrong_password_is_400_with_a_clear_message_and_nothing_is_stored(
    api: TestClient, imap: FakeImap, engine: Engine
) -> None:
    response = api.post(f"{ACTIONS}/connect", json=imap.connect_body(password="wrong"))

    assert response.status_code == 400
    assert "refused the username or password" in response.json()["error"]["message"]
    assert "wrong" not in response.text
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(MailAccount)) == 0


def test_imap_has_no_oauth_routes(api: TestClient) -> None:
    assert api.get(f"{BASE}/oauth/start").status_code == 404


def test_the_sync_action_stores_mail_and_the_run_and_inbox_are_listed_for_imap(
    api: TestClient, imap: FakeImap
) -> None:
    connect(api, imap)
    imap.add(mail(subject="Quarterly newsletter", message_id="a@acme"))

    response = api.post(f"{ACTIONS}/sync", json={"accountKey": "default", "maxMessages": 10, "searchDays": 7})

    assert response.status_code == 200, response.text
    run = response.json()["data"]
    assert (run["provider"], run["status"], run["fetched"], run["classified"]) == ("imap", "completed", 1, 1)
    runs = api.get("/api/post-application/runs", params={"provider": "imap"}).json()["data"]["items"]
    assert [r["id"] for r in runs] == [run["id"]]
    inbox = api.get("/api/post-application/inbox", params={"provider": "imap", "accountKey": "default"})
    assert inbox.status_code == 200


def test_a_sync_the_server_refuses_is_502_and_the_account_asks_to_reconnect(
    api: TestClient, imap: FakeImap
) -> None:
    connect(api, imap)
    imap.password = "changed"

    response = api.post(f"{ACTIONS}/sync", json={})

    assert response.status_code == 502
    assert "Reconnect IMAP" in response.json()["error"]["message"]
    assert api.post(f"{ACTIONS}/status", json={}).json()["data"]["status"] == "error"


def test_connection_fields_are_refused_on_other_actions(api: TestClient, imap: FakeImap) -> None:
    connect(api, imap)
    response = api.post(f"{ACTIONS}/sync", json={"host": "elsewhere.example"})
    assert response.status_code == 400


def test_disconnect_forgets_the_password(api: TestClient, imap: FakeImap, engine: Engine) -> None:
    connect(api, imap)
    response = api.post(f"{ACTIONS}/disconnect", json={"accountKey": "default"})
    assert response.json()["data"]["status"] == "disconnected"
    with session_scope(engine) as session:
        assert session.scalars(select(MailAccount.encrypted_credentials)).one() is None


def test_runs_of_mailbox_imports_can_be_listed(api: TestClient) -> None:
    response = api.get("/api/post-application/runs", params={"provider": "mailbox"})
    assert response.json()["data"] == {"items": [], "total": 0}
