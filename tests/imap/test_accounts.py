"""Connecting IMAP: the login is checked before anything is stored, and the password stays encrypted."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select

from jobops.crypto import decrypt
from jobops.db import session_scope
from jobops.errors import InvalidInput, UpstreamError
from jobops.imap import accounts
from jobops.mail.accounts import set_auto_sync
from jobops.models import MailAccount
from jobops.schemas.mail import ImapConnect
from tests.fakes.imap import PASSWORD, FakeImap


def stored_accounts(engine: Engine) -> int:
    with session_scope(engine) as session:
        return session.scalar(select(func.count()).select_from(MailAccount))


def test_connecting_logs_in_and_stores_the_password_encrypted(engine: Engine, imap: FakeImap) -> None:
    status = accounts.connect(engine, ImapConnect(**imap.connect_body(folders=["INBOX"])))

    assert (status.status, status.connected, status.email) == ("connected", True, imap.username)
    assert (status.host, status.port, status.folders) == ("127.0.0.1", imap.port, ["INBOX"])
    assert PASSWORD not in str(status)
    with session_scope(engine) as session:
        account = session.scalars(select(MailAccount)).one()
        assert PASSWORD not in account.encrypted_credentials and PASSWORD not in str(account.settings)
        assert decrypt(account.encrypted_credentials) == PASSWORD


def test_a_wrong_password_is_refused_with_a_clear_message_and_nothing_is_stored(
    engine: Engine, imap: FakeImap
) -> None:
    with pytest.raises(InvalidInput) as refused:
        accounts.connect(engine, ImapConnect(**imap.connect_body(password="wrong")))

    assert "refused the username or password" in refused.value.message
    assert refused.value.field == "password"
    assert stored_accounts(engine) == 0


def test_a_folder_the_server_does_not_have_is_refused(engine: Engine, imap: FakeImap) -> None:
    with pytest.raises(InvalidInput, match="no folder 'Jobs'"):
        accounts.connect(engine, ImapConnect(**imap.connect_body(folders=["INBOX", "Jobs"])))
    assert stored_accounts(engine) == 0


def test_a_server_that_does_not_answer_is_an_upstream_error(engine: Engine, imap: FakeImap) -> None:
    with pytest.raises(UpstreamError, match="Could not talk to 127.0.0.1:1"):
        accounts.connect(engine, ImapConnect(**imap.connect_body(port=1)))


def test_no_transport_security_is_refused_for_a_server_on_another_machine(engine: Engine) -> None:
    body = {"host": "imap.example.com", "security": "none", "username": "me", "password": "x"}
    with pytest.raises(InvalidInput) as refused:
        accounts.connect(engine, ImapConnect(**body))
    assert refused.value.field == "security"


@pytest.mark.parametrize(("security", "port"), [("ssl", 993), ("starttls", 143)])
def test_the_port_defaults_to_the_one_that_goes_with_the_security(security: str, port: int) -> None:
    body = {"host": "imap.example.com", "security": security, "username": "me"}
    server, folders = accounts.check_server(ImapConnect(**body))
    assert (server.port, folders) == (port, ["INBOX"])


def test_disconnecting_forgets_the_password_and_keeps_the_server_settings(
    engine: Engine, connected: FakeImap
) -> None:
    status = accounts.disconnect(engine, "default")

    assert (status.status, status.host) == ("disconnected", "127.0.0.1")
    with session_scope(engine) as session:
        assert session.scalars(select(MailAccount.encrypted_credentials)).one() is None


def test_reconnecting_keeps_how_often_the_account_syncs_by_itself(engine: Engine, imap: FakeImap) -> None:
    accounts.connect(engine, ImapConnect(**imap.connect_body()))
    with session_scope(engine) as session:
        set_auto_sync(session, "imap", "default", 180)

    status = accounts.connect(engine, ImapConnect(**imap.connect_body(folders=["INBOX"])))

    assert status.auto_sync_minutes == 180
