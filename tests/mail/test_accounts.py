"""How often a mailbox syncs by itself: validated, stored per account, shown in its status."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from jobops import providers
from jobops.errors import InvalidInput, NotFound
from jobops.mail.accounts import account_status, set_auto_sync
from jobops.models import MailAccount


@pytest.fixture
def gmail_account(session: Session) -> MailAccount:
    account = MailAccount(provider="gmail", account_key="default", status="connected", settings={})
    session.add(account)
    session.flush()
    return account


@pytest.mark.usefixtures("gmail_account")
def test_a_chosen_interval_is_stored_and_shown_in_the_status(session: Session) -> None:
    answer = set_auto_sync(session, "gmail", "default", 60)

    assert answer.auto_sync_minutes == 60
    assert account_status(session, "gmail", "default").auto_sync_minutes == 60


@pytest.mark.usefixtures("gmail_account")
def test_zero_turns_automatic_sync_off_even_when_a_default_is_configured(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBOPS_SYNC_INTERVAL_MINUTES", "30")
    before = account_status(session, "gmail", "default").auto_sync_minutes

    set_auto_sync(session, "gmail", "default", 0)

    assert (before, account_status(session, "gmail", "default").auto_sync_minutes) == (30, 0)


@pytest.mark.usefixtures("gmail_account")
@pytest.mark.parametrize("minutes", [5, -15, 10_000, "60", True, None, 1.5])
def test_an_interval_outside_the_choices_is_refused_naming_the_field(
    session: Session, minutes: object
) -> None:
    with pytest.raises(InvalidInput) as refused:
        set_auto_sync(session, "gmail", "default", minutes)

    assert refused.value.field == "autoSyncMinutes"
    assert "0, 15, 30, 60, 180, 360, 720, 1440" in refused.value.message


def test_a_provider_without_accounts_to_sync_is_refused(session: Session) -> None:
    with pytest.raises(InvalidInput) as refused:
        providers.set_auto_sync(session, "mailbox", "files", 60)

    assert refused.value.field == "provider"


def test_an_account_that_was_never_connected_is_not_found(session: Session) -> None:
    with pytest.raises(NotFound):
        set_auto_sync(session, "imap", "default", 60)
