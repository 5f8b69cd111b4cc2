"""The Mail page: Gmail (consent, sync with progress, disconnect), IMAP, mailbox file upload, runs."""

from __future__ import annotations

import json
import stat
import threading
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from jobops import providers
from jobops.config import DEFAULT_REDIRECT_URI, load_settings
from jobops.db import get_engine, session_scope
from jobops.gmail import client_file
from jobops.mail import runs as mail_runs
from jobops.mail.accounts import account_status
from tests.fakes.consent import connect_gmail
from tests.fakes.google import FakeGoogle
from tests.fakes.imap import PASSWORD, FakeImap, mail, nested
from tests.pages.app_page import open_page
from tests.waiting import finish, wait_for


def test_without_client_credentials_the_page_explains_how_to_configure_gmail(app_env: Path) -> None:
    at = open_page("pages/mail.py")
    assert at.title[0].value == "Mail"
    assert "Gmail is not set up yet" in at.info[0].value
    assert "Web application" in "".join(m.value for m in at.markdown)
    assert any("/oauth/gmail/callback" in c.value for c in at.code)
    assert not [b for b in at.button if b.key == "gmail-connect" or b.label == "Connect Gmail"]
    assert any("7 days" in c.value for c in at.caption)
    assert "secrets.toml" in "".join(m.value for m in at.markdown)


@pytest.mark.usefixtures("google_env")
def test_connect_offers_the_link_to_googles_consent_page(google: FakeGoogle) -> None:
    at = open_page("pages/mail.py")
    at.button(key="gmail-connect").click().run()
    assert not at.exception, at.exception
    [link] = at.link_button
    assert link.proto.url.startswith(google.auth_uri)


@pytest.mark.usefixtures("google_env")
def test_coming_back_from_google_with_an_error_says_so(google: FakeGoogle) -> None:
    at = open_page("pages/mail.py", gmail_error="denied")
    assert "Gmail access was not granted." in at.error[0].value
    assert "gmail_error" not in at.query_params


@pytest.mark.usefixtures("google_env")
def test_a_crafted_error_in_the_address_is_never_shown_on_the_page(google: FakeGoogle) -> None:
    crafted = "Session expired. [Reconnect here](https://phish.example/login)"
    at = open_page("pages/mail.py", gmail_error=crafted)
    [error] = at.error
    assert "phish.example" not in error.value and "Reconnect here" not in error.value
    assert "Start connecting Gmail again." in error.value


@pytest.mark.usefixtures("google_env")
def test_sync_now_runs_in_the_background_and_the_run_is_listed(google: FakeGoogle) -> None:
    connect_gmail(get_engine())
    for i in range(3):
        google.add_message(subject=f"Interview {i}")
    at = open_page("pages/mail.py", gmail="connected")
    assert "Gmail is connected" in at.toast[0].value
    assert "gmail" not in at.query_params

    at.button[0].click().run()  # the form's Sync now

    def finished_runs() -> list[dict]:
        with session_scope(get_engine()) as session:
            runs = mail_runs.list_runs(session, "gmail", "default")
        return runs if runs and runs[0].status != "running" else []

    runs = wait_for(finished_runs, 10, "the background sync to finish")
    at.run()

    assert not at.exception, at.exception
    assert runs[0].status == "completed" and runs[0].fetched == 3
    table = at.dataframe[0].value
    assert list(table["Status"]) == ["Completed"]
    assert "Last sync: 3 new messages" in at.success[0].value


@pytest.mark.usefixtures("google_env")
def test_choosing_how_often_gmail_syncs_saves_it_and_says_when_the_next_sync_is_due(
    google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JOBOPS_SYNC_INTERVAL_MINUTES", raising=False)
    connect_gmail(get_engine())
    at = open_page("pages/mail.py")
    assert at.selectbox(key="gmail-auto-sync").value == 0
    assert any("only when you click Sync now" in c.value for c in at.caption)

    at.selectbox(key="gmail-auto-sync").set_value(60).run()

    assert not at.exception, at.exception
    with session_scope(get_engine()) as session:
        assert account_status(session, "gmail", "default").auto_sync_minutes == 60
    assert at.toast[0].value == "Gmail syncs automatically every hour."
    assert at.selectbox(key="gmail-auto-sync").value == 60
    assert any(c.value.startswith("Next automatic sync in ") for c in at.caption)


@pytest.mark.usefixtures("google_env")
def test_disconnect_forgets_access_and_keeps_the_runs(google: FakeGoogle) -> None:
    connect_gmail(get_engine())
    at = open_page("pages/mail.py")
    at.button(key="gmail-disconnect").click().run()
    assert not at.exception, at.exception
    with session_scope(get_engine()) as session:
        assert account_status(session, "gmail", "default").status == "disconnected"
    assert google.calls["revoke"] == 1


@pytest.mark.usefixtures("google_env")
def test_a_running_sync_shows_its_progress_instead_of_the_sync_button(google: FakeGoogle) -> None:
    connect_gmail(get_engine())
    google.add_message()
    google.fetches_open.clear()  # the run lists the mail, then waits until the page has been drawn
    run_id = providers.begin_run(get_engine(), "gmail", "default")
    worker = threading.Thread(target=providers.execute_run, args=(get_engine(), "gmail", run_id))
    worker.start()
    try:
        at = open_page("pages/mail.py")
        [bar] = at.get("progress")
        assert "Syncing" in bar.proto.text
        assert not [b for b in at.button if b.label == "Sync now"]
    finally:
        google.fetches_open.set()
        finish(worker, 30, "the sync")


def fill_imap_form(at: AppTest, imap: FakeImap, password: str) -> AppTest:
    at.text_input(key="imap-host").input("127.0.0.1")
    at.selectbox(key="imap-security").set_value("none")
    at.number_input(key="imap-port").set_value(imap.port)
    at.text_input(key="imap-username").input(imap.username)
    at.text_input(key="imap-password").input(password)
    [submit] = [b for b in at.button if b.label == "Connect IMAP"]
    submit.click().run()
    assert not at.exception, at.exception
    return at


def test_connecting_imap_from_the_page_offers_sync_and_never_shows_the_password(
    app_env: Path, imap: FakeImap
) -> None:
    at = fill_imap_form(open_page("pages/mail.py"), imap, PASSWORD)
    assert [m.value for m in at.markdown if "Connected" in m.value and "127" in m.value]
    assert [b for b in at.button if b.label == "Sync now"]
    assert PASSWORD not in str(at)


def test_an_imap_mailbox_can_be_set_to_sync_daily(app_env: Path, imap: FakeImap) -> None:
    at = fill_imap_form(open_page("pages/mail.py"), imap, PASSWORD)
    at.selectbox(key="imap-auto-sync").set_value(1440).run()
    assert not at.exception, at.exception
    with session_scope(get_engine()) as session:
        assert account_status(session, "imap", "default").auto_sync_minutes == 1440
    assert at.toast[0].value == "IMAP syncs automatically daily."


def test_a_wrong_imap_password_says_so_and_stores_nothing(app_env: Path, imap: FakeImap) -> None:
    at = fill_imap_form(open_page("pages/mail.py"), imap, "wrong")
    assert "refused the username or password" in at.error[0].value
    with session_scope(get_engine()) as session:
        assert account_status(session, "imap", "default").status == "disconnected"


def test_uploading_a_mailbox_file_imports_it_once_and_lists_the_run(app_env: Path) -> None:
    eml = mail(subject="Interview", message_id="a@acme")
    at = open_page("pages/mail.py")
    at.file_uploader(key="mailbox-files").upload("saved.eml", eml).run()
    at.button(key="mailbox-import").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value == "Read 1 message: 1 new, 0 already imported, 0 unreadable."

    at.button(key="mailbox-import").click().run()
    assert at.success[0].value == "Read 1 message: 0 new, 1 already imported, 0 unreadable."
    table = at.dataframe[0].value
    assert list(table["Source"]) == ["Mailbox file", "Mailbox file"]


def test_uploading_a_mailbox_with_a_hostile_message_imports_the_others(app_env: Path) -> None:
    messages = [
        mail(subject="Before", message_id="a@acme"),
        nested(),
        mail(subject="After", message_id="c@acme"),
    ]
    mbox = b"".join(
        b"From x@y Mon Jun 02 10:00:00 +0000 2025\n" + m.replace(b"\r\n", b"\n") + b"\n" for m in messages
    )
    at = open_page("pages/mail.py")
    at.file_uploader(key="mailbox-files").upload("takeout.mbox", mbox).run()
    at.button(key="mailbox-import").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value == "Read 3 messages: 2 new, 0 already imported, 1 unreadable."


CLIENT_ID = "1234-abc.apps.googleusercontent.com"
CLIENT_SECRET = "GOCSPX-upload-secret-value"


def client_json(redirect: str = "http://localhost:3001/oauth/gmail/callback", **web: object) -> bytes:
    """A client file as Google's Download JSON writes it."""
    body = {
        "client_id": CLIENT_ID,
        "project_id": "jobops-123",
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": "https://oauth2.googleapis.com/token",
        "client_secret": CLIENT_SECRET,
        "redirect_uris": [redirect],
        **web,
    }
    return json.dumps({"web": body}).encode()


def upload_client_file(content: bytes, name: str = "client_secret_1234.json") -> AppTest:
    at = open_page("pages/mail.py")
    at.file_uploader(key="gmail-client-file").upload(name, content, "application/json").run()
    at.button(key="gmail-client-save").click().run()
    assert not at.exception, at.exception
    return at


def test_uploading_googles_client_file_sets_gmail_up_without_a_restart(app_env: Path) -> None:
    at = upload_client_file(client_json())

    assert [t.value for t in at.toast] == ["Gmail is set up. Connect your account."]
    assert at.button(key="gmail-connect").label == "Connect Gmail"
    settings = load_settings()
    assert (settings.gmail_client_id, settings.gmail_client_secret) == (CLIENT_ID, CLIENT_SECRET)
    stored = app_env / "gmail-client.json"
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert CLIENT_SECRET not in stored.read_text()
    at.button(key="gmail-connect").click().run()
    assert not at.exception, at.exception
    assert "client_id=1234-abc.apps.googleusercontent.com" in at.get("link_button")[0].proto.url


def test_a_client_file_without_this_apps_redirect_uri_is_kept_with_a_warning(app_env: Path) -> None:
    at = upload_client_file(client_json(redirect="https://elsewhere.example/callback"))

    (toast,) = [t.value for t in at.toast]
    assert "among the client's authorised redirect URIs" in toast
    assert load_settings().gmail_configured


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"<html>not json</html>", "This file is not JSON."),
        (
            json.dumps({"installed": {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET}}).encode(),
            "This client is a Desktop app.",
        ),
        (
            json.dumps(
                {"web": {"client_id": "![x](http://tracker.example/p.png)", "client_secret": CLIENT_SECRET}}
            ).encode(),
            "The file has no valid client ID.",
        ),
        (client_json(client_secret="has spaces and <b>markup</b>"), "The file has no valid client secret."),
        (json.dumps([1, 2, 3]).encode(), "This is not the OAuth client file from Google Cloud."),
        (b"{" * 20_000, "This file is too large"),
    ],
)
def test_a_wrong_or_hostile_client_file_is_refused_with_a_clear_message_and_nothing_stored(
    app_env: Path, content: bytes, says: str
) -> None:
    at = upload_client_file(content)

    (error,) = [e.value for e in at.error]
    assert error.startswith(says)
    assert "tracker.example" not in error and "markup" not in error
    assert not (app_env / "gmail-client.json").exists()
    assert not load_settings().gmail_configured
    assert "Gmail is not set up yet" in at.info[0].value


def test_the_redirect_uri_follows_the_address_the_app_is_served_on() -> None:
    assert client_file.redirect_uri_for("http://127.0.0.1:8502/mail", DEFAULT_REDIRECT_URI) == (
        "http://127.0.0.1:8502/oauth/gmail/callback"
    )
    assert client_file.redirect_uri_for("https://jobs.example.org/mail", DEFAULT_REDIRECT_URI) == (
        "https://jobs.example.org/oauth/gmail/callback"
    )
    configured = "https://mine.example/oauth/gmail/callback"
    assert client_file.redirect_uri_for("http://127.0.0.1:8502/mail", configured) == configured
    assert client_file.redirect_uri_for(None, DEFAULT_REDIRECT_URI) == DEFAULT_REDIRECT_URI
