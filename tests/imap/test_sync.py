"""IMAP sync runs: new UIDs only, the search window, the cap, UIDVALIDITY changes and unreadable mail."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from sqlalchemy import Engine, select

from jobops import providers
from jobops.db import session_scope
from jobops.errors import Conflict, NotFound
from jobops.imap import accounts
from jobops.mail.accounts import account_status
from jobops.models import MailAccount, MailMessage
from jobops.schemas.mail import ImapConnect
from tests.builders import add_job
from tests.fakes.imap import PASSWORD, FakeImap, mail, nested


def stored(engine: Engine) -> list[MailMessage]:
    with session_scope(engine) as session:
        return list(session.scalars(select(MailMessage).order_by(MailMessage.subject)))


def cursor(engine: Engine, folder: str = "INBOX") -> dict:
    with session_scope(engine) as session:
        return session.scalars(select(MailAccount)).one().settings["cursors"][folder]


def test_a_sync_stores_mail_of_the_search_window_with_its_fields(engine: Engine, connected: FakeImap) -> None:
    sender = '"Dana" <Dana@Acme.example>'
    connected.add(mail(subject="Interview invitation", sender=sender, message_id="i@acme"))
    connected.add(mail(subject="Old news", message_id="old@acme"), age=timedelta(days=45))

    run = providers.sync_account(engine, "imap", "default", search_days=30)

    assert (run.status, run.mode, run.discovered, run.fetched, run.errored) == (
        "completed",
        "full",
        1,
        1,
        0,
    )
    [message] = stored(engine)
    assert (message.provider, message.account_key) == ("imap", "default")
    assert message.external_message_id == "i@acme"
    assert (message.from_address, message.from_domain, message.sender_name) == (
        "dana@acme.example",
        "acme.example",
        "Dana",
    )
    assert message.body_text == "Please pick a slot for your interview."
    assert cursor(engine) == {"uidvalidity": 1000, "lastUid": 1}


def test_a_second_sync_fetches_only_mail_that_arrived_since(engine: Engine, connected: FakeImap) -> None:
    connected.add(mail(message_id="a@acme"))
    connected.add(mail(message_id="b@acme"))
    providers.sync_account(engine, "imap", "default")
    connected.fetched.clear()

    again = providers.sync_account(engine, "imap", "default")
    new_uid = connected.add(mail(subject="Offer", message_id="c@acme"))
    third = providers.sync_account(engine, "imap", "default")

    assert (again.mode, again.discovered, again.fetched) == ("incremental", 0, 0)
    assert (third.discovered, third.fetched) == (1, 1)
    assert connected.fetched == [new_uid]
    assert len(stored(engine)) == 3


def test_max_messages_caps_a_run_and_the_next_run_takes_the_rest(engine: Engine, connected: FakeImap) -> None:
    for i in range(7):
        connected.add(mail(subject=f"m{i}", message_id=f"m{i}@acme"))

    first = providers.sync_account(engine, "imap", "default", max_messages=5)
    second = providers.sync_account(engine, "imap", "default", max_messages=5)

    assert (first.fetched, second.fetched) == (5, 2)
    assert len(stored(engine)) == 7


def test_a_changed_uidvalidity_reads_the_folder_again_without_storing_duplicates(
    engine: Engine, connected: FakeImap
) -> None:
    connected.add(mail(message_id="a@acme"))
    connected.add(mail(message_id="b@acme"))
    providers.sync_account(engine, "imap", "default")
    connected.renumber()
    connected.add(mail(subject="After the rebuild", message_id="c@acme"))

    run = providers.sync_account(engine, "imap", "default")

    assert (run.discovered, run.fetched) == (3, 1)
    assert sorted(m.external_message_id for m in stored(engine)) == ["a@acme", "b@acme", "c@acme"]
    assert cursor(engine) == {"uidvalidity": 1001, "lastUid": 3}


def test_a_message_without_message_id_is_known_by_folder_uidvalidity_and_uid(
    engine: Engine, connected: FakeImap
) -> None:
    connected.add(mail(message_id=None))
    providers.sync_account(engine, "imap", "default")
    assert [m.external_message_id for m in stored(engine)] == ["INBOX:1000:1"]


def test_a_message_that_cannot_be_parsed_is_counted_and_the_others_are_stored(
    engine: Engine, connected: FakeImap
) -> None:
    connected.add(mail(message_id="a@acme"))
    connected.add(b"this line is no header\r\n\r\nand nothing here says who sent it\r\n")
    connected.add(mail(message_id="c@acme"))

    run = providers.sync_account(engine, "imap", "default")
    again = providers.sync_account(engine, "imap", "default")

    assert (run.status, run.fetched, run.errored) == ("completed", 2, 1)
    assert (again.discovered, again.errored) == (0, 0)  # the broken one is not fetched forever


def test_only_the_chosen_folders_are_read(engine: Engine, imap: FakeImap) -> None:
    imap.add(mail(message_id="inbox@acme"))
    imap.add(mail(message_id="jobs@acme"), folder="Jobs")
    accounts.connect(engine, ImapConnect(**imap.connect_body(folders=["Jobs"])))

    providers.sync_account(engine, "imap", "default")

    assert [m.external_message_id for m in stored(engine)] == ["jobs@acme"]


def test_new_mail_goes_through_the_router(engine: Engine, connected: FakeImap) -> None:
    connected.add(mail(message_id="a@acme"))
    run = providers.sync_account(engine, "imap", "default")
    assert run.classified == 1
    assert stored(engine)[0].processing_status != "pending"


def test_a_changed_password_fails_the_run_and_asks_to_reconnect_without_showing_it(
    engine: Engine, connected: FakeImap, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    connected.password = "a new one"

    run = providers.sync_account(engine, "imap", "default")

    assert run.status == "failed" and "Reconnect IMAP" in run.error_message
    with session_scope(engine) as session:
        status = account_status(session, "imap", "default")
    assert status.status == "error"
    assert PASSWORD not in caplog.text and PASSWORD not in str(run)


def test_a_sync_while_another_runs_is_refused(engine: Engine, connected: FakeImap) -> None:
    run_id = providers.begin_run(engine, "imap", "default")
    try:
        with pytest.raises(Conflict, match="An IMAP sync is already running"):
            providers.begin_run(engine, "imap", "default")
    finally:
        providers.execute_run(engine, "imap", run_id)


def test_syncing_an_account_that_is_not_connected_is_not_found(engine: Engine) -> None:
    with pytest.raises(NotFound, match="Connect IMAP first"):
        providers.sync_account(engine, "imap", "default")


def test_an_imap_sync_goes_on_past_a_hostile_message_and_the_next_sync_is_clean(
    engine: Engine, connected: FakeImap
) -> None:
    connected.add(mail(subject="Before", message_id="a@x"))
    connected.add(nested())
    connected.add(mail(subject="After", message_id="c@x"))

    first = providers.sync_account(engine, "imap", "default")
    second = providers.sync_account(engine, "imap", "default")

    assert (first.status, first.fetched, first.errored) == ("completed", 2, 1)
    assert (second.status, second.errored) == ("completed", 0)
    assert [m.subject for m in stored(engine)] == ["After", "Before"]


def reply(subject: str, in_reply_to: str, body: str, sender: str = "Seeker <seeker@example.com>") -> bytes:
    """A reply that names the message it answers, as mail clients write one."""
    raw = mail(subject=subject, sender=sender, body=body, message_id=f"re-{in_reply_to}")
    return raw.replace(
        b"Content-Type:",
        f"In-Reply-To: <{in_reply_to}>\r\nReferences: <{in_reply_to}>\r\nContent-Type:".encode(),
        1,
    )


def test_the_owners_reply_in_a_thread_about_a_job_is_read_from_the_sent_folder(
    engine: Engine, connected: FakeImap
) -> None:
    with session_scope(engine) as session:
        job_id = add_job(session, "Data Engineer", "Northwind").id
    connected.add(
        mail(
            subject="Interview for the Data Engineer role at Northwind",
            sender="Northwind Talent <talent@northwind.example>",
            body="We would like to invite you to a technical interview for the Data Engineer role at Northwind.",
            message_id="invite@northwind",
        )
    )
    connected.add(
        reply(
            "Re: Interview",
            "invite@northwind",
            "I have accepted another offer and would like to "
            "withdraw my application. Thank you for your time.",
        ),
        folder="Sent Items",
    )
    connected.add(
        mail(
            subject="Dinner?",
            sender="Seeker <seeker@example.com>",
            body="Pizza on Friday?",
            message_id="dinner@home",
        ),
        folder="Sent Items",
    )

    providers.sync_account(engine, "imap", "default")

    with session_scope(engine) as session:
        mine = session.scalars(select(MailMessage).where(MailMessage.from_me.is_(True))).all()
        assert [m.subject for m in mine] == ["Re: Interview"]  # the unrelated sent mail stays out
        assert mine[0].external_thread_id == "invite@northwind"
        assert mine[0].stage_target == "withdrawn"
        assert mine[0].matched_job_id == job_id
