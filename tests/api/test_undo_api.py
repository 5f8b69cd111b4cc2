"""Taking back an inbox decision over HTTP."""

from __future__ import annotations

from sqlalchemy import Engine
from starlette.testclient import TestClient

from tests.api.test_inbox_api import (
    ACCOUNT,
    INBOX,
    INTERVIEW_INVITE,
    applied_job,
    assert_error,
    assert_ok,
    job,
    routed_message,
)


def test_undoing_an_automatic_link_moves_the_job_back_and_the_mail_waits_for_review(
    api: TestClient, engine: Engine
) -> None:
    job_id = applied_job(engine)
    message_id = routed_message(engine, INTERVIEW_INVITE)
    assert job(api, job_id)["currentStage"] == "technical_interview"

    data = assert_ok(
        api.post(f"{INBOX}/{message_id}/undo", json={**ACCOUNT, "decision": "link", "jobId": job_id})
    )

    assert data["undone"] == "link"
    assert data["removedEvents"] == ["Logged from email: Technical Interview"]
    assert data["jobStage"] == "applied"
    assert job(api, job_id)["currentStage"] == "applied"
    waiting = assert_ok(api.get(INBOX))["items"]
    assert [(i["message"]["id"], i["matchedJob"]["id"]) for i in waiting] == [(message_id, job_id)]


def test_undoing_the_same_link_twice_is_a_conflict_that_says_why(api: TestClient, engine: Engine) -> None:
    applied_job(engine)
    message_id = routed_message(engine, INTERVIEW_INVITE)
    assert_ok(api.post(f"{INBOX}/{message_id}/undo", json=ACCOUNT))

    error = assert_error(api.post(f"{INBOX}/{message_id}/undo", json=ACCOUNT), 409, "CONFLICT", "messageId")

    assert "already waits in the Tracking Inbox" in error["message"]


def test_undoing_an_unknown_message_or_with_a_wrong_field_is_a_clear_4xx(
    api: TestClient, engine: Engine
) -> None:
    message_id = routed_message(engine, INTERVIEW_INVITE)

    assert_error(api.post(f"{INBOX}/nope/undo", json=ACCOUNT), 404, "NOT_FOUND", "messageId")
    assert_error(
        api.post(f"{INBOX}/{message_id}/undo", json={"decision": "everything"}), 400, "INVALID_REQUEST"
    )
