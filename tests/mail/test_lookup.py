"""A sync whose account or run vanished meanwhile ends with a message that says so."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from jobops.errors import NotFound
from jobops.mail.lookup import account_of, run_of


def test_a_disconnected_account_tells_the_user_to_connect_it_again(session: Session) -> None:
    with pytest.raises(NotFound, match="imap account 'work' was disconnected. Connect it again"):
        account_of(session, "imap", "work")


def test_a_missing_run_is_not_found(session: Session) -> None:
    with pytest.raises(NotFound, match="no longer exists"):
        run_of(session, "no-such-run")
