"""The Gmail client over HTTP: paging, batches of 50, retries of 429 and 5xx, history, pacing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from googleapiclient.errors import HttpError
from sqlalchemy import Engine

from jobops.config import Settings
from jobops.gmail import client as gmail_client
from jobops.gmail import oauth
from jobops.gmail.client import GmailClient, HistoryExpired, TokenBucket
from tests.fakes.clock import FakeClock
from tests.fakes.consent import connect_gmail
from tests.fakes.google import FakeGoogle


@pytest.fixture
def gmail(engine: Engine, settings: Settings, google: FakeGoogle) -> GmailClient:
    connect_gmail(engine, settings=settings)
    credentials = oauth.credentials_for(engine, "default", settings)
    return GmailClient(credentials, settings.gmail_api_endpoint, TokenBucket(rate=100_000))


def test_message_ids_follow_every_page_newest_first(gmail: GmailClient, google: FakeGoogle) -> None:
    sent = [google.add_message(subject=f"m{i}") for i in range(7)]
    google.page_size_cap = 3
    pages = list(gmail.message_pages("newer_than:30d"))
    newest_first = [(m.id, m.thread_id) for m in reversed(sent)]
    assert pages == [newest_first[i : i + 3] for i in (0, 3, 6)]
    assert google.calls["list"] == 3


def test_the_search_window_is_sent_to_gmail(gmail: GmailClient, google: FakeGoogle) -> None:
    recent = google.add_message(age=timedelta(days=2))
    google.add_message(age=timedelta(days=40))
    assert list(gmail.message_pages("newer_than:30d")) == [[(recent.id, recent.thread_id)]]


def test_messages_are_fetched_in_batches_of_at_most_fifty(gmail: GmailClient, google: FakeGoogle) -> None:
    ids = [google.add_message(subject=f"m{i}").id for i in range(120)]
    result = gmail.get_messages(ids)
    assert sorted(result.messages) == sorted(ids)
    assert google.calls["batch"] == 3
    assert google.calls["get"] == 120
    assert result.messages[ids[0]]["payload"]["headers"]


def test_items_answered_429_or_503_are_sent_again_after_a_pause(
    gmail: GmailClient, google: FakeGoogle, backoff_waits: list[float]
) -> None:
    ids = [google.add_message().id for _ in range(5)]
    google.fail_ids = {ids[1]: [429, 503], ids[3]: [503]}
    result = gmail.get_messages(ids)
    assert sorted(result.messages) == sorted(ids) and not result.failed
    assert google.calls["batch"] == 3
    assert len(backoff_waits) == 2 and backoff_waits[1] > backoff_waits[0] * 0.9 / 2


def test_a_message_that_keeps_failing_is_reported_without_stopping_the_others(
    gmail: GmailClient, google: FakeGoogle
) -> None:
    ids = [google.add_message().id for _ in range(3)]
    google.broken_ids = {ids[0]: 500}
    missing = "ffffffffffffffff"
    result = gmail.get_messages(ids + [missing])
    assert result.failed == {ids[0]: 500, missing: 404}
    assert sorted(result.messages) == sorted(ids[1:])
    assert google.calls["batch"] == gmail_client.MAX_ATTEMPTS


def test_history_lists_messages_added_since_a_history_id(gmail: GmailClient, google: FakeGoogle) -> None:
    start = gmail.profile()["historyId"]
    added = google.add_message(thread_id="t-1")
    ids, newest = gmail.added_since(start)
    assert ids == {added.id: "t-1"} and newest == str(google.history_id)
    assert gmail.added_since(newest) == ({}, newest)


def test_a_history_id_gmail_no_longer_keeps_raises_history_expired(
    gmail: GmailClient, google: FakeGoogle
) -> None:
    start = gmail.profile()["historyId"]
    google.forget_history()
    with pytest.raises(HistoryExpired):
        gmail.added_since(start)


def test_single_calls_are_retried_on_rate_limits(
    gmail: GmailClient, google: FakeGoogle, backoff_waits: list[float]
) -> None:
    google.quota_units_per_second = 1  # the 5-unit list call cannot fit until the quota is lifted
    google.add_message()
    with pytest.raises(HttpError):
        list(gmail.message_pages("newer_than:1d"))
    assert len(backoff_waits) == gmail_client.MAX_ATTEMPTS - 1


def test_the_token_bucket_paces_spending_to_its_rate() -> None:
    clock = FakeClock()
    bucket = TokenBucket(rate=1000, capacity=100, clock=clock, sleep=clock.sleep)
    for _ in range(4):
        bucket.acquire(100)
    assert clock.slept == pytest.approx(0.3)  # the first 100 units were in the bucket; each next took 0.1 s


class RecordingBucket(TokenBucket):
    """A bucket that never waits and remembers what was asked of it."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[float] = []

    def acquire(self, units: float) -> None:
        self.asked.append(units)


def test_every_call_is_paid_for_in_quota_units_before_it_is_sent(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    connect_gmail(engine, settings=settings)
    ids = [google.add_message().id for _ in range(60)]
    bucket = RecordingBucket()
    credentials = oauth.credentials_for(engine, "default", settings)
    gmail = GmailClient(credentials, settings.gmail_api_endpoint, bucket)

    gmail.profile()
    list(gmail.message_pages("newer_than:1d"))
    gmail.added_since(str(google.history_id))
    gmail.get_messages(ids)

    assert bucket.asked == [1, 5, 2, 250, 50]


def test_a_mailbox_under_the_real_quota_still_delivers_every_message(
    engine: Engine, settings: Settings, google: FakeGoogle
) -> None:
    connect_gmail(engine, settings=settings)
    google.quota_units_per_second = 250
    ids = [google.add_message().id for _ in range(60)]
    credentials = oauth.credentials_for(engine, "default", settings)
    bucket = gmail_client.quota_bucket(settings.gmail_api_endpoint, "default")  # also paid for connecting
    result = GmailClient(credentials, settings.gmail_api_endpoint, bucket).get_messages(ids)
    assert len(result.messages) == 60 and not result.failed
