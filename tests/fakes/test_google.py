"""The fake Gmail shows labels, history, the owner's mail and threads the way Gmail does, seen through the real client."""

from __future__ import annotations

import base64
from datetime import timedelta
from typing import Any

import pytest
from googleapiclient.discovery import Resource
from googleapiclient.errors import HttpError
from googleapiclient.http import BatchHttpRequest

from tests.fakes.google import DEFAULT_SENDER, UNITS, FakeGoogle

REDIRECT_URI = "http://localhost:3001/callback"


# ----- labels, the owner's mail, headers


def test_messages_show_their_labels_in_get_and_history_while_list_gives_ids_only(
    gmail: Resource, google: FakeGoogle
) -> None:
    start = gmail.users().getProfile(userId="me").execute()["historyId"]
    incoming = google.add_message()
    reply = google.add_message(from_me=True, thread_id=incoming.thread_id)
    users = gmail.users()
    assert users.messages().get(userId="me", id=reply.id).execute()["labelIds"] == ["SENT"]
    history = users.history().list(userId="me", startHistoryId=start).execute()["history"]
    added = [record["messagesAdded"][0]["message"]["labelIds"] for record in history]
    assert added == [["INBOX"], ["SENT"]]
    listed = users.messages().list(userId="me").execute()["messages"]
    assert all(set(item) == {"id", "threadId"} for item in listed)


def test_history_can_be_limited_to_one_label(gmail: Resource, google: FakeGoogle) -> None:
    start = gmail.users().getProfile(userId="me").execute()["historyId"]
    incoming = google.add_message()
    google.add_message(from_me=True)
    history = gmail.users().history().list(userId="me", startHistoryId=start, labelId="INBOX").execute()
    assert [record["messagesAdded"][0]["message"]["id"] for record in history["history"]] == [incoming.id]


def test_the_owners_mail_is_sent_from_their_address_with_reply_headers(
    gmail: Resource, google: FakeGoogle
) -> None:
    reply = google.add_message(
        from_me=True,
        message_id="<r1@example.com>",
        in_reply_to="<q1@acme.example>",
        references="<q0@acme.example> <q1@acme.example>",
    )
    resource = gmail.users().messages().get(userId="me", id=reply.id).execute()
    headers = {h["name"]: h["value"] for h in resource["payload"]["headers"]}
    assert headers["From"] == google.email and headers["To"] == DEFAULT_SENDER
    assert headers["Message-ID"] == "<r1@example.com>"
    assert headers["In-Reply-To"] == "<q1@acme.example>"
    assert headers["References"] == "<q0@acme.example> <q1@acme.example>"
    assert "Message-ID" not in {h["name"] for h in google.add_message().resource()["payload"]["headers"]}


# ----- threads.get


def test_threads_get_gives_the_threads_messages_oldest_first_for_ten_units(
    gmail: Resource, google: FakeGoogle
) -> None:
    first = google.add_message(subject="Interview", age=timedelta(hours=3))
    reply = google.add_message(
        subject="Re: Interview", from_me=True, thread_id=first.thread_id, age=timedelta(hours=2)
    )
    later = google.add_message(subject="Re: Interview", text="Tuesday then.", thread_id=first.thread_id)
    google.add_message(subject="Elsewhere")
    units = google.units
    thread = gmail.users().threads().get(userId="me", id=first.thread_id, format="minimal").execute()
    assert [m["id"] for m in thread["messages"]] == [first.id, reply.id, later.id]
    assert [m["labelIds"] for m in thread["messages"]] == [["INBOX"], ["SENT"], ["INBOX"]]
    assert all("payload" not in m and m["internalDate"] and m["historyId"] for m in thread["messages"])
    assert google.calls["threads"] == 1 and google.units - units == UNITS["threads"] == 10


def test_threads_get_gives_headers_for_metadata_and_bodies_for_full(
    gmail: Resource, google: FakeGoogle
) -> None:
    first = google.add_message(subject="Interview", text="Does Tuesday work?")
    threads = gmail.users().threads()
    metadata = threads.get(
        userId="me", id=first.thread_id, format="metadata", metadataHeaders=["Subject", "From"]
    ).execute()["messages"][0]["payload"]
    assert {h["name"] for h in metadata["headers"]} == {"Subject", "From"} and "body" not in metadata
    assert google.served[first.id] == 0
    full = threads.get(userId="me", id=first.thread_id, format="full").execute()["messages"][0]["payload"]
    assert base64.urlsafe_b64decode(full["body"]["data"] + "==") == b"Does Tuesday work?"
    assert google.served[first.id] == 1


def test_threads_get_answers_404_for_an_unknown_thread(gmail: Resource, google: FakeGoogle) -> None:
    with pytest.raises(HttpError) as missing:
        gmail.users().threads().get(userId="me", id="ffffffffffffffff").execute()
    assert missing.value.status_code == 404


def test_threads_get_works_inside_a_batch(gmail: Resource, google: FakeGoogle) -> None:
    one, two = google.add_message(), google.add_message()
    google.add_message(thread_id=one.thread_id)
    answers: dict[str, Any] = {}
    batch = BatchHttpRequest(
        callback=lambda rid, answer, exc: answers.update({rid: answer or exc}),
        batch_uri=f"{google.url}/batch/gmail/v1",
    )
    for thread_id in (one.thread_id, two.thread_id, "ffffffffffffffff"):
        request = gmail.users().threads().get(userId="me", id=thread_id, format="minimal")
        batch.add(request, request_id=thread_id)
    batch.execute()
    assert len(answers[one.thread_id]["messages"]) == 2 and len(answers[two.thread_id]["messages"]) == 1
    assert isinstance(answers["ffffffffffffffff"], HttpError)
    assert google.calls["batch"] == 1 and google.calls["threads"] == 3


def test_a_failing_thread_id_answers_its_statuses_then_succeeds(gmail: Resource, google: FakeGoogle) -> None:
    message = google.add_message()
    google.fail_ids = {message.thread_id: [503]}
    with pytest.raises(HttpError) as failed:
        gmail.users().threads().get(userId="me", id=message.thread_id).execute()
    assert failed.value.status_code == 503
    assert gmail.users().threads().get(userId="me", id=message.thread_id).execute()["id"] == message.thread_id
