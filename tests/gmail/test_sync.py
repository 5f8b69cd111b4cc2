"""Sync runs: each message fetched once, history-based increments, retries, errors and conflicts."""

from __future__ import annotations

import base64
import json
import os
import threading
from datetime import timedelta

import pytest
from sqlalchemy import Engine, func, select

from jobops import providers
from jobops.config import Settings
from jobops.db import session_scope
from jobops.errors import Conflict, InvalidInput, NotFound
from jobops.gmail import client, oauth
from jobops.mail import runs
from jobops.mail.accounts import account_status
from jobops.models import MailAccount, MailMessage, SyncRun
from tests.builders import add_job
from tests.fakes.google import FakeGoogle
from tests.waiting import finish, wait_for

REAL_PACING = client.PACING_UNITS_PER_SECOND


@pytest.fixture(autouse=True)
def unpaced(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fake has no quota unless a test sets one, so runs need not pace themselves."""
    monkeypatch.setattr(client, "PACING_UNITS_PER_SECOND", 1_000_000)


def run_sync(engine: Engine, settings: Settings, **options: object) -> dict:
    return providers.sync_account(engine, "gmail", "default", settings=settings, **options)


def stored(engine: Engine) -> list[MailMessage]:
    with session_scope(engine) as session:
        return list(session.scalars(select(MailMessage).order_by(MailMessage.received_at.desc())))


def history_id(engine: Engine) -> str | None:
    with session_scope(engine) as session:
        return session.scalars(select(MailAccount.history_id)).one()


@pytest.mark.usefixtures("connected")
def test_a_full_sync_stores_each_message_with_its_fields(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    sent = google.add_message(
        sender='"Dana from Acme" <Dana@Acme.example>',
        subject="Interview invitation",
        text=None,
        html="<p>Please pick a <b>slot</b>.</p><script>x()</script>",
        thread_id="thread-1",
    )
    google.add_message(age=timedelta(days=45))  # outside the search window

    run = run_sync(engine, settings)

    assert run.status == "completed" and run.mode == "full"
    assert (run.discovered, run.fetched, run.errored) == (1, 1, 0)
    [message] = stored(engine)
    assert message.external_message_id == sent.id and message.external_thread_id == "thread-1"
    assert (message.from_address, message.from_domain) == ("dana@acme.example", "acme.example")
    assert message.sender_name == "Dana from Acme"
    assert message.subject == "Interview invitation"
    assert message.body_text == "Please pick a slot."
    assert int(message.received_at.timestamp() * 1000) == sent.internal_date_ms
    assert message.processing_status != "pending"  # every run routes what it stored
    assert history_id(engine) == str(google.history_id)


@pytest.mark.usefixtures("connected")
def test_max_messages_caps_a_run_and_the_next_run_takes_the_rest(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    sent = [google.add_message(subject=f"m{i}") for i in range(130)]
    google.page_size_cap = 40

    first = run_sync(engine, settings, max_messages=100)

    assert (first.discovered, first.fetched) == (100, 100)
    assert google.calls["batch"] == 2
    assert history_id(engine) is None  # more was waiting: the next run searches again
    second = run_sync(engine, settings, max_messages=100)
    assert (second.mode, second.fetched) == ("full", 30)
    assert {m.external_message_id for m in stored(engine)} == {m.id for m in sent}


@pytest.mark.usefixtures("connected")
def test_running_the_same_sync_twice_fetches_and_stores_nothing_twice(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    for i in range(60):
        google.add_message(subject=f"m{i}")
    run_sync(engine, settings)
    calls_after_first = google.gmail_calls

    again = run_sync(engine, settings)

    assert (again.mode, again.discovered, again.fetched) == ("incremental", 0, 0)
    assert google.gmail_calls - calls_after_first == 1  # one history.list, nothing else
    assert set(google.served.values()) == {1}
    assert len(stored(engine)) == 60


@pytest.mark.usefixtures("connected")
def test_an_incremental_sync_fetches_only_mail_added_since_the_last_run(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    google.add_message()
    run_sync(engine, settings)
    new = [google.add_message(subject="Offer"), google.add_message(subject="Next steps")]

    run = run_sync(engine, settings)

    assert (run.mode, run.discovered, run.fetched) == ("incremental", 2, 2)
    assert google.calls["history"] == 1
    assert {m.id for m in new} <= {m.external_message_id for m in stored(engine)}
    assert set(google.served.values()) == {1}
    assert history_id(engine) == str(google.history_id)


@pytest.mark.usefixtures("connected")
def test_a_history_id_gmail_forgot_falls_back_to_a_full_sync(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    google.add_message()
    run_sync(engine, settings)
    google.add_message()
    google.forget_history()

    run = run_sync(engine, settings)

    assert (run.status, run.mode, run.fetched) == ("completed", "full", 1)
    assert len(stored(engine)) == 2
    assert set(google.served.values()) == {1}


@pytest.mark.usefixtures("connected")
def test_rate_limited_and_unavailable_answers_are_retried(
    engine: Engine, settings: Settings, google: FakeGoogle, backoff_waits: list[float]
) -> None:
    ids = [google.add_message().id for _ in range(4)]
    google.fail_ids = {ids[0]: [429, 429], ids[2]: [503]}

    run = run_sync(engine, settings)

    assert (run.fetched, run.errored) == (4, 0)
    assert backoff_waits


@pytest.mark.usefixtures("connected")
def test_a_message_that_keeps_failing_counts_as_errored_and_is_tried_again_next_run(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    ids = [google.add_message().id for _ in range(3)]
    google.broken_ids = {ids[1]: 500}

    run = run_sync(engine, settings)

    assert (run.status, run.fetched, run.errored) == ("completed", 2, 1)
    assert history_id(engine) is None
    google.broken_ids = {}
    retry = run_sync(engine, settings)
    assert (retry.fetched, retry.errored) == (1, 0)
    assert len(stored(engine)) == 3


@pytest.mark.usefixtures("connected")
def test_a_quota_limited_mailbox_is_synced_without_losing_messages(
    engine: Engine, settings: Settings, google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client, "PACING_UNITS_PER_SECOND", REAL_PACING)
    monkeypatch.setattr(client, "_buckets", {})
    google.quota_units_per_second = 250
    for i in range(70):
        google.add_message(subject=f"m{i}")

    run = run_sync(engine, settings)

    assert (run.fetched, run.errored) == (70, 0)


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"max_messages": 0}, "maxMessages"),
        ({"max_messages": 501}, "maxMessages"),
        ({"max_messages": "ten"}, "maxMessages"),
        ({"search_days": 0}, "searchDays"),
        ({"search_days": 366}, "searchDays"),
    ],
)
def test_options_out_of_range_are_refused_before_anything_runs(
    engine: Engine, settings: Settings, options: dict, field: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        run_sync(engine, settings, **options)
    assert refused.value.field == field


def test_options_default_to_100_messages_and_30_days() -> None:
    assert runs.check_options(None, None) == (100, 30)
    assert runs.check_options("500", 365) == (500, 365)


def test_syncing_an_account_that_is_not_connected_is_refused(engine: Engine, settings: Settings) -> None:
    with pytest.raises(NotFound, match="not connected"):
        run_sync(engine, settings)


@pytest.mark.usefixtures("connected")
def test_a_second_sync_while_one_runs_is_a_conflict(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    google.add_message()
    google.fetches_open.clear()  # the first sync lists the mail, then waits for the fetch
    worker = threading.Thread(target=run_sync, args=(engine, settings))
    worker.start()
    wait_for(lambda: list_runs(engine), 5, "the first sync to begin")

    with pytest.raises(Conflict):
        run_sync(engine, settings)

    google.fetches_open.set()
    finish(worker, 20, "the first sync")
    assert [r.status for r in list_runs(engine)] == ["completed"]


def list_runs(engine: Engine) -> list[dict]:
    with session_scope(engine) as session:
        return runs.list_runs(session, "gmail", "default")


def crashed_run(engine: Engine) -> str:
    """A run left 'running' by a process that no longer exists."""
    with session_scope(engine) as session:
        run = SyncRun(provider="gmail", account_key="default", owner_pid=2**22 + 12345)
        session.add(run)
        session.flush()
        return run.id


@pytest.mark.usefixtures("connected")
def test_a_run_interrupted_by_a_crash_is_marked_failed_at_start_up(engine: Engine) -> None:
    run_id = crashed_run(engine)
    assert runs.fail_interrupted_runs(engine) == 1
    with session_scope(engine) as session:
        run = runs.get_run(session, run_id)
    assert run.status == "failed" and run.finished_at and "Interrupted" in run.error_message


@pytest.mark.usefixtures("connected")
def test_a_run_left_by_a_crash_does_not_block_the_next_sync(engine: Engine, settings: Settings) -> None:
    crashed_run(engine)
    assert run_sync(engine, settings).status == "completed"
    assert [r.status for r in list_runs(engine)] == ["completed", "failed"]


@pytest.mark.usefixtures("connected")
def test_a_run_of_this_process_still_going_is_not_failed_at_start_up(engine: Engine) -> None:
    run_id = providers.begin_run(engine, "gmail", "default")
    assert runs.fail_interrupted_runs(engine) == 0
    with session_scope(engine) as session:
        assert runs.get_run(session, run_id).status == "running"
        assert session.get(SyncRun, run_id).owner_pid == os.getpid()


@pytest.mark.usefixtures("connected")
def test_a_revoked_grant_fails_the_run_and_asks_to_reconnect(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    google.add_message()
    google.revoke_all()

    run = run_sync(engine, settings)

    assert run.status == "failed" and "Reconnect Gmail" in run.error_message
    with session_scope(engine) as session:
        status = account_status(session, "gmail", "default")
    assert status.status == "error" and "Reconnect Gmail" in status.last_error


@pytest.mark.usefixtures("connected")
def test_an_access_token_refreshed_during_a_run_is_stored_for_the_next(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    google.add_message()
    google.expire_access_tokens()

    assert run_sync(engine, settings).fetched == 1
    assert google.calls["refresh"] == 1
    run_sync(engine, settings)
    assert google.calls["refresh"] == 1


@pytest.mark.usefixtures("connected")
def test_every_run_routes_what_it_stored_and_records_the_counts(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    with session_scope(engine) as session:
        add_job(session, **{"title": "Backend Engineer", "employer": "Acme"})
    google.add_message(
        subject="Your application to Acme", text="Thanks for applying to the Backend Engineer role."
    )
    google.add_message(
        subject="Interview at Acme", text="We would like to invite you to a technical interview."
    )
    google.add_message(sender="Deals <deals@shop.example>", subject="Weekend offer", text="50% off shoes")

    run = run_sync(engine, settings)

    assert {m.processing_status for m in stored(engine)} <= {"auto_linked", "pending_user", "ignored"}
    assert run.classified == 3
    assert run.relevant == 2


@pytest.mark.usefixtures("connected")
def test_runs_are_listed_newest_first_as_plain_data(engine: Engine, settings: Settings) -> None:
    first = run_sync(engine, settings)
    second = run_sync(engine, settings)
    runs = list_runs(engine)
    assert [r.id for r in runs] == [second.id, first.id]
    assert set(runs[0].dump()) == {
        "id",
        "provider",
        "accountKey",
        "status",
        "mode",
        "startedAt",
        "finishedAt",
        "discovered",
        "fetched",
        "relevant",
        "classified",
        "matched",
        "errored",
        "errorMessage",
    }


@pytest.mark.usefixtures("connected")
def test_disconnecting_revokes_access_and_keeps_synced_messages(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    google.add_message()
    run_sync(engine, settings)

    status = oauth.disconnect(engine, "default", settings)

    assert status.status == "disconnected" and google.calls["revoke"] == 1
    assert len(stored(engine)) == 1
    with pytest.raises(NotFound):
        run_sync(engine, settings)
    with session_scope(engine) as session:
        assert session.scalar(select(func.count()).select_from(MailMessage)) == 1


def nested_payload_json(depth: int = 1_000) -> str:
    """A Gmail payload nested `depth` levels, written by hand: json.dumps itself cannot go that deep."""
    leaf = json.dumps({"mimeType": "text/plain", "body": {"data": base64.urlsafe_b64encode(b"hi").decode()}})
    return '{"mimeType": "multipart/mixed", "parts": [' * depth + leaf + "]}" * depth


@pytest.mark.usefixtures("connected")
def test_a_gmail_sync_goes_on_past_a_message_gmail_nests_too_deep(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    google.add_message(subject="Interview before")
    hostile = google.add_message(subject="Interview deep")
    google.add_message(subject="Interview after")
    google.raw_resources[hostile.id] = (
        f'{{"id": "{hostile.id}", "threadId": "{hostile.thread_id}", "payload": {nested_payload_json()}}}'
    )

    run = run_sync(engine, settings)

    assert (run.status, run.fetched, run.errored) == ("completed", 2, 1)
    assert sorted(m.subject for m in stored(engine)) == ["Interview after", "Interview before"]
