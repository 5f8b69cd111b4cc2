"""The Tracking Inbox API over HTTP: the seed document's requests, decisions, bulk actions and a job's emails."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine
from starlette.testclient import TestClient

from jobops import inbox_routing
from jobops.db import session_scope
from jobops.models import MailAccount, MailMessage
from tests.builders import stored_job

MAY_1 = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
ACCOUNT = {"provider": "gmail", "accountKey": "default"}
INBOX = "/api/post-application/inbox"
MESSAGE_FIELDS = {
    "id",
    "externalMessageId",
    "externalThreadId",
    "fromAddress",
    "fromDomain",
    "senderName",
    "subject",
    "receivedAt",
    "snippet",
    "matchedJobId",
    "matchConfidence",
    "stageTarget",
    "messageType",
    "processingStatus",
    "reason",
}
VAGUE_INVITE = (
    "maya@stripe.com",
    "Next steps",
    (
        "Hi Alex, thanks again for your interest in the Backend Engineer role at Stripe. "
        "We would like to schedule an interview with you by phone."
    ),
)
ORPHAN = (
    "talent@figma.com",
    "Phone screen: Product Designer",
    "Hi Alex, we'd like to schedule a phone screen for the Product Designer role at Figma.",
)
INTERVIEW_INVITE = (
    "recruiting@stripe.com",
    "Invitation: technical interview for Backend Engineer",
    "Hi Alex, we'd like to invite you to a technical interview for the Backend Engineer role.",
)


def applied_job(engine: Engine, title: str = "Backend Engineer", employer: str = "Stripe") -> str:
    return stored_job(engine, title, employer, applied_at="2024-04-20T09:00:00Z")


def routed_message(engine: Engine, mail: tuple[str, str, str], *, thread: str = "", hours: int = 0) -> str:
    """Store one synced Gmail message, route it as a sync would, return its id."""
    sender, subject, body = mail
    with session_scope(engine) as session:
        message = MailMessage(
            provider="gmail",
            account_key="default",
            external_message_id=f"gm-{subject}-{hours}",
            external_thread_id=thread or f"th-{subject}-{hours}",
            from_address=sender,
            from_domain=sender.rpartition("@")[2],
            sender_name="",
            subject=subject,
            body_text=body,
            snippet=body[:100],
            received_at=MAY_1 + timedelta(hours=hours),
            processing_status="pending",
        )
        session.add(message)
        session.flush()
        inbox_routing.route_pending(session, [message.id])
        return message.id


def job(api: TestClient, job_id: str) -> dict[str, Any]:
    return api.get(f"/api/jobs/{job_id}").json()["data"]


def assert_ok(response: Any) -> Any:
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ok"] is True
    assert body["meta"]["requestId"] == response.headers["x-request-id"]
    return body["data"]


def assert_error(response: Any, status: int, code: str, field: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert (body["ok"], body["error"]["code"]) == (False, code)
    assert body["error"]["message"]
    assert body["meta"]["requestId"] == response.headers["x-request-id"]
    if field is not None:
        assert body["error"]["details"]["field"] == field
    return body["error"]


def test_the_inbox_lists_waiting_mail_with_its_suggested_job(api: TestClient, engine: Engine) -> None:
    job_id = applied_job(engine)
    suggested = routed_message(engine, VAGUE_INVITE, hours=1)
    orphan = routed_message(engine, ORPHAN, hours=2)
    routed_message(engine, INTERVIEW_INVITE, hours=3)  # auto-linked: not in the inbox

    data = assert_ok(api.get(f"{INBOX}?provider=gmail&accountKey=default"))

    assert data["total"] == 2
    assert [i["message"]["id"] for i in data["items"]] == [orphan, suggested]
    assert all(set(i["message"]) >= MESSAGE_FIELDS for i in data["items"])
    first, second = data["items"]
    assert first["matchedJob"] is None
    assert second["matchedJob"] == {"id": job_id, "title": "Backend Engineer", "employer": "Stripe"}
    assert second["message"]["processingStatus"] == "pending_user"
    assert second["message"]["receivedAt"] == "2024-05-01T09:00:00Z"


def test_another_mailbox_has_its_own_inbox(api: TestClient, engine: Engine) -> None:
    applied_job(engine)
    routed_message(engine, VAGUE_INVITE)

    data = assert_ok(api.get(f"{INBOX}?provider=gmail&accountKey=work"))

    assert data == {"items": [], "total": 0}


def test_approving_moves_the_job_to_the_mails_stage(api: TestClient, engine: Engine) -> None:
    job_id = applied_job(engine)
    message_id = routed_message(engine, VAGUE_INVITE)

    data = assert_ok(api.post(f"{INBOX}/{message_id}/approve", json=ACCOUNT))

    assert data["message"]["processingStatus"] == "manual_linked"
    assert data["event"]["toStage"] == "recruiter_screen"
    assert data["event"]["occurredAt"] == "2024-05-01T08:00:00Z"
    assert job(api, job_id)["currentStage"] == "recruiter_screen"


def test_approving_twice_is_a_409(api: TestClient, engine: Engine) -> None:
    applied_job(engine)
    message_id = routed_message(engine, VAGUE_INVITE)
    assert_ok(api.post(f"{INBOX}/{message_id}/approve", json=ACCOUNT))

    assert_error(api.post(f"{INBOX}/{message_id}/approve", json=ACCOUNT), 409, "CONFLICT")
    assert_error(api.post(f"{INBOX}/{message_id}/deny", json=ACCOUNT), 409, "CONFLICT")


def test_denying_dismisses_the_mail_and_leaves_the_job(api: TestClient, engine: Engine) -> None:
    job_id = applied_job(engine)
    message_id = routed_message(engine, VAGUE_INVITE)

    data = assert_ok(api.post(f"{INBOX}/{message_id}/deny", json=ACCOUNT))

    assert (data["message"]["processingStatus"], data["message"]["matchedJobId"]) == ("ignored", None)
    assert job(api, job_id)["currentStage"] == "applied"
    assert assert_ok(api.get(INBOX))["total"] == 0


def test_an_unknown_message_is_a_404(api: TestClient, engine: Engine) -> None:
    assert_error(api.post(f"{INBOX}/no-such-message/approve", json=ACCOUNT), 404, "NOT_FOUND")
    assert_error(api.post(f"{INBOX}/no-such-message/deny", json=ACCOUNT), 404, "NOT_FOUND")


def test_approving_an_orphan_without_a_job_is_a_400_naming_jobid(api: TestClient, engine: Engine) -> None:
    job_id = applied_job(engine)
    message_id = routed_message(engine, ORPHAN)

    assert_error(api.post(f"{INBOX}/{message_id}/approve", json=ACCOUNT), 400, "INVALID_REQUEST", "jobId")
    data = assert_ok(api.post(f"{INBOX}/{message_id}/approve", json={**ACCOUNT, "jobId": job_id}))
    assert data["matchedJob"]["id"] == job_id


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**ACCOUNT, "stageTarget": "hired"}, "stageTarget"),
        ({**ACCOUNT, "provider": "outlook"}, "provider"),
        ({**ACCOUNT, "extra": 1}, "extra"),
    ],
)
def test_a_bad_decision_body_is_a_400_naming_the_field(
    api: TestClient, engine: Engine, body: dict[str, Any], field: str
) -> None:
    applied_job(engine)
    message_id = routed_message(engine, VAGUE_INVITE)

    assert_error(api.post(f"{INBOX}/{message_id}/approve", json=body), 400, "INVALID_REQUEST", field)


def test_a_decision_sent_as_plain_text_is_refused(api: TestClient, engine: Engine) -> None:
    applied_job(engine)
    message_id = routed_message(engine, VAGUE_INVITE)

    response = api.post(
        f"{INBOX}/{message_id}/approve",
        content=b'{"provider":"gmail"}',
        headers={"content-type": "text/plain"},
    )

    assert_error(response, 415, "UNSUPPORTED_MEDIA_TYPE")
    assert assert_ok(api.get(INBOX))["total"] == 1


def test_bulk_actions_report_each_message(api: TestClient, engine: Engine) -> None:
    job_id = applied_job(engine)
    suggested = routed_message(engine, VAGUE_INVITE, hours=1)
    orphan = routed_message(engine, ORPHAN, hours=2)

    approved = assert_ok(
        api.post(
            f"{INBOX}/actions",
            json={**ACCOUNT, "action": "approve", "messageIds": [suggested, orphan, "no-such-message"]},
        )
    )
    denied = assert_ok(
        api.post(f"{INBOX}/actions", json={**ACCOUNT, "action": "deny", "messageIds": [orphan]})
    )

    assert {k: approved[k] for k in ("requested", "succeeded", "failed", "skipped")} == {
        "requested": 3,
        "succeeded": 1,
        "failed": 1,
        "skipped": 1,
    }
    assert [r["status"] for r in approved["results"]] == ["succeeded", "skipped", "failed"]
    assert approved["results"][1]["code"] == "NO_SUGGESTED_MATCH"
    assert (denied["requested"], denied["succeeded"]) == (1, 1)
    assert job(api, job_id)["currentStage"] == "recruiter_screen"
    assert assert_ok(api.get(INBOX))["total"] == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**ACCOUNT, "action": "archive", "messageIds": ["x"]}, "action"),
        ({**ACCOUNT, "action": "deny", "messageIds": []}, "messageIds"),
    ],
)
def test_a_bad_bulk_request_is_a_400(api: TestClient, body: dict[str, Any], field: str) -> None:
    assert_error(api.post(f"{INBOX}/actions", json=body), 400, "INVALID_REQUEST", field)


def test_a_jobs_emails_are_newest_first_with_a_gmail_link_and_no_credentials(
    api: TestClient, engine: Engine
) -> None:
    job_id = applied_job(engine)
    with session_scope(engine) as session:
        session.add(
            MailAccount(
                provider="gmail",
                account_key="default",
                email="alex@example.com",
                encrypted_credentials="refresh-token-ciphertext",
                status="connected",
            )
        )
    older = routed_message(engine, INTERVIEW_INVITE, thread="18f3a9", hours=0)
    newer = routed_message(engine, VAGUE_INVITE, hours=5)
    assert_ok(api.post(f"{INBOX}/{newer}/approve", json=ACCOUNT))

    response = api.get(f"/api/jobs/{job_id}/emails?limit=10")
    data = assert_ok(response)
    only_one = assert_ok(api.get(f"/api/jobs/{job_id}/emails?limit=1"))

    assert data["total"] == 2
    assert [i["message"]["id"] for i in data["items"]] == [newer, older]
    assert data["items"][1]["sourceUrl"] == "https://mail.google.com/mail/u/0/#all/18f3a9"
    assert data["items"][1]["accountDisplayName"] == "alex@example.com"
    assert "refresh-token-ciphertext" not in response.text
    assert (len(only_one["items"]), only_one["total"]) == (1, 2)


@pytest.mark.parametrize("limit", ["0", "501", "ten", "-1"])
def test_a_bad_emails_limit_is_a_400(api: TestClient, engine: Engine, limit: str) -> None:
    job_id = applied_job(engine)

    assert_error(api.get(f"/api/jobs/{job_id}/emails?limit={limit}"), 400, "INVALID_REQUEST", "limit")


def test_the_emails_of_an_unknown_job_are_a_404(api: TestClient) -> None:
    assert_error(api.get("/api/jobs/no-such-job/emails"), 404, "NOT_FOUND")


REJECTION = (
    "recruiting@stripe.com",
    "Your application to Stripe",
    "Hi Alex, thank you for your interest in the Backend Engineer role. After careful consideration, "
    "we have decided to move forward with other candidates.",
)


def test_approving_older_rejection_on_a_job_added_today_closes_it_and_says_the_applied_date_moved(
    api: TestClient, engine: Engine
) -> None:
    created = api.post("/api/jobs", json={"title": "Backend Engineer", "employer": "Stripe"}).json()["data"]
    message_id = routed_message(engine, VAGUE_INVITE)

    data = assert_ok(api.post(f"{INBOX}/{message_id}/approve", json={**ACCOUNT, "stageTarget": "rejected"}))

    assert data["appliedMovedTo"] == "2024-05-01T00:00:00Z"
    assert (data["event"]["toStage"], data["event"]["outcome"]) == ("closed", "rejected")
    closed = job(api, created["id"])
    assert (closed["status"], closed["currentStage"], closed["outcome"]) == (
        "in_progress",
        "closed",
        "rejected",
    )
    assert (closed["appliedAt"], closed["closedAt"]) == ("2024-05-01T00:00:00Z", "2024-05-01T08:00:00Z")
    events = assert_ok(api.get(f"/api/jobs/{created['id']}/events"))["items"]
    assert [e["toStage"] for e in events] == ["applied", "closed"]


def test_approving_mail_at_the_stage_the_job_is_in_links_it_with_no_event(
    api: TestClient, engine: Engine
) -> None:
    job_id = applied_job(engine)
    message_id = routed_message(engine, VAGUE_INVITE)

    data = assert_ok(api.post(f"{INBOX}/{message_id}/approve", json={**ACCOUNT, "stageTarget": "applied"}))

    assert (data["event"], data["appliedMovedTo"]) == (None, None)
    assert data["message"]["processingStatus"] == "manual_linked"
    assert assert_ok(api.get(f"/api/jobs/{job_id}/events"))["total"] == 1
    assert assert_ok(api.get(f"/api/jobs/{job_id}/emails"))["total"] == 1


def test_a_rejection_for_a_job_closed_by_hand_shows_on_its_emails(api: TestClient, engine: Engine) -> None:
    job_id = applied_job(engine)
    assert_ok(
        api.patch(f"/api/jobs/{job_id}/outcome", json={"outcome": "rejected", "closedAt": "2024-04-30"})
    )

    message_id = routed_message(engine, REJECTION)

    emails = assert_ok(api.get(f"/api/jobs/{job_id}/emails"))
    assert [i["message"]["id"] for i in emails["items"]] == [message_id]
    assert assert_ok(api.get(f"/api/jobs/{job_id}/events"))["total"] == 2


def test_approving_mail_for_a_closed_job_by_hand_is_accepted(api: TestClient, engine: Engine) -> None:
    job_id = applied_job(engine)
    assert_ok(api.patch(f"/api/jobs/{job_id}/outcome", json={"outcome": "ghosted", "closedAt": "2024-04-30"}))
    message_id = routed_message(engine, ORPHAN)

    data = assert_ok(
        api.post(
            f"{INBOX}/{message_id}/approve", json={**ACCOUNT, "jobId": job_id, "stageTarget": "no_change"}
        )
    )

    assert data["matchedJob"]["id"] == job_id
    assert job(api, job_id)["outcome"] == "ghosted"


def test_adding_a_job_over_the_api_links_the_orphan_waiting_for_it(api: TestClient, engine: Engine) -> None:
    applied_job(engine)
    orphan = routed_message(engine, ORPHAN)

    created = api.post(
        "/api/jobs", json={"title": "Product Designer", "employer": "Figma", "appliedAt": "2024-04-20"}
    ).json()["data"]

    assert created["currentStage"] == "recruiter_screen"
    emails = assert_ok(api.get(f"/api/jobs/{created['id']}/emails"))
    assert [i["message"]["id"] for i in emails["items"]] == [orphan]
    assert assert_ok(api.get(INBOX))["total"] == 0


def test_renaming_a_job_over_the_api_gives_waiting_mail_the_new_suggestion(
    api: TestClient, engine: Engine
) -> None:
    job_id = applied_job(engine, employer="Strype")
    routed_message(engine, VAGUE_INVITE)

    assert_ok(api.patch(f"/api/jobs/{job_id}", json={"employer": "Stripe"}))

    (item,) = assert_ok(api.get(INBOX))["items"]
    assert item["matchedJob"]["id"] == job_id


def test_approving_one_message_of_a_thread_answers_which_waiting_ones_it_linked(
    api: TestClient, engine: Engine
) -> None:
    job_id = applied_job(engine)
    first = routed_message(engine, VAGUE_INVITE, thread="stripe")
    booking = (
        "no-reply@calendly.com",
        "Re: Next steps",
        "Hi Alex, you are invited to a technical interview. Please choose a slot with the link below.",
    )
    reply = routed_message(engine, booking, thread="stripe", hours=4)

    data = assert_ok(api.post(f"{INBOX}/{first}/approve", json=ACCOUNT))

    assert data["threadLinked"] == [reply]
    waiting = assert_ok(api.get(INBOX, params=ACCOUNT))["items"]
    assert reply not in [item["message"]["id"] for item in waiting]
    events = assert_ok(api.get(f"/api/jobs/{job_id}/events"))["items"]
    assert [e["toStage"] for e in events][-1] == "technical_interview"
