"""The Tracking Inbox service: routing synced mail, approve, deny, bulk decisions and a job's emails."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from jobops import inbox, job_csv, tracking
from jobops.errors import Conflict, InvalidInput, NotFound
from jobops.jobs import get_job
from jobops.models import MailAccount, MailMessage, SenderMemory
from tests.builders import add_job, close_job, edit_job

APPLIED_AT = datetime(2024, 4, 20, 9, 0, tzinfo=UTC)
MAY_1 = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
GMAIL = {"provider": "gmail", "accountKey": "default"}

INTERVIEW_INVITE = {
    "subject": "Invitation: technical interview for Backend Engineer",
    "sender": "recruiting@stripe.com",
    "sender_name": "Stripe Recruiting",
    "body": "Hi Alex,\n\nWe'd like to invite you to a technical interview for the Backend Engineer role. "
    "Please pick a time that works for you.\n\nMaya",
}
ACKNOWLEDGEMENT = {
    "subject": "Thank you for applying to Stripe",
    "sender": "recruiting@stripe.com",
    "sender_name": "Stripe Recruiting",
    "body": "Hi Alex, thanks for applying for the Backend Engineer role at Stripe. "
    "We've received your application.",
}
REJECTION = {
    "subject": "Your application to Stripe",
    "sender": "recruiting@stripe.com",
    "sender_name": "Stripe Recruiting",
    "body": "Hi Alex, thank you for your interest in the Backend Engineer role. After careful consideration, "
    "we have decided to move forward with other candidates.",
}
# Names the employer and asks for an interview, but no stage outright: a suggestion, not a sure thing.
VAGUE_INVITE = {
    "subject": "Next steps",
    "sender": "maya@stripe.com",
    "sender_name": "Maya Chen",
    "body": "Hi Alex, thanks again for your interest in the Backend Engineer role at Stripe. "
    "We would like to schedule an interview with you.",
}
# A real invitation for a job the user does not track.
ORPHAN = {
    "subject": "Interview invitation: Product Designer",
    "sender": "talent@figma.com",
    "sender_name": "Figma Talent",
    "body": "Hi Alex, we'd like to schedule a phone screen for the Product Designer role at Figma.",
}
JOB_ALERT = {
    "subject": "30 new jobs for Backend Engineer",
    "sender": "alerts@linkedin.com",
    "sender_name": "LinkedIn Job Alerts",
    "body": "New jobs matching your search: Backend Engineer at Stripe, Plaid and more. Unsubscribe.",
}
NEWSLETTER = {
    "subject": "Stripe Sessions newsletter",
    "sender": "newsletter@stripe.com",
    "sender_name": "Stripe",
    "body": "Read our latest product updates. Unsubscribe at any time.",
}


def applied_job(session: Session, title: str = "Backend Engineer", employer: str = "Stripe") -> str:
    """A job applied for before any of the mail in these tests arrived."""
    return add_job(session, title, employer, applied_at=APPLIED_AT).id


def stored_message(
    session: Session,
    *,
    subject: str,
    sender: str,
    body: str,
    sender_name: str = "",
    thread: str | None = None,
    received_at: datetime = MAY_1,
    provider: str = "gmail",
    account_key: str = "default",
) -> str:
    """A synced message not routed yet (processing status `pending`); returns its id."""
    count = len(session.scalars(select(MailMessage.id)).all())
    message = MailMessage(
        provider=provider,
        account_key=account_key,
        external_message_id=f"msg-{count + 1}",
        external_thread_id=thread or f"thread-{count + 1}",
        from_address=sender,
        from_domain=sender.rpartition("@")[2],
        sender_name=sender_name,
        subject=subject,
        body_text=body,
        snippet=body[:120],
        received_at=received_at,
        processing_status="pending",
    )
    session.add(message)
    session.flush()
    return message.id


def routed(session: Session, mail: dict[str, Any], **fields: Any) -> MailMessage:
    """Store one message, route it, and return it as the router left it."""
    message_id = stored_message(session, **{**mail, **fields})
    inbox.route_pending(session, [message_id])
    return session.get(MailMessage, message_id)


def timeline(session: Session, job_id: str) -> list[dict[str, Any]]:
    return tracking.list_events(session, job_id)


# --- routing ---------------------------------------------------------------------------------


def test_a_sure_interview_invite_is_linked_and_logged_on_the_timeline(session: Session) -> None:
    job_id = applied_job(session)

    message = routed(session, INTERVIEW_INVITE)

    assert (message.processing_status, message.matched_job_id) == ("auto_linked", job_id)
    event = timeline(session, job_id)[-1]
    assert event.to_stage == "technical_interview"
    assert event.metadata.actor == "system"
    assert event.title == event.metadata.event_label == "Logged from email: Technical Interview"
    assert event.message_id == message.id
    assert event.occurred_at == MAY_1
    assert get_job(session, job_id).current_stage == "technical_interview"


def test_a_mid_confidence_mail_waits_for_the_user_with_a_suggestion_and_logs_nothing(
    session: Session,
) -> None:
    job_id = applied_job(session)

    message = routed(session, VAGUE_INVITE)

    assert message.processing_status == "pending_user"
    assert message.matched_job_id == job_id
    assert 50 <= message.match_confidence < 95
    assert [e.to_stage for e in timeline(session, job_id)] == ["applied"]


def test_relevant_mail_for_no_tracked_job_is_an_orphan_in_the_inbox(session: Session) -> None:
    applied_job(session)

    message = routed(session, ORPHAN)

    assert message.processing_status == "pending_user"
    assert message.matched_job_id is None
    item = inbox.list_inbox(session)["items"][0]
    assert item["message"]["id"] == message.id
    assert item["matchedJob"] is None


@pytest.mark.parametrize("noise", [JOB_ALERT, NEWSLETTER], ids=["job alert", "newsletter"])
def test_job_alerts_and_newsletters_are_ignored(session: Session, noise: dict[str, Any]) -> None:
    job_id = applied_job(session)

    message = routed(session, noise)

    assert message.processing_status == "ignored"
    assert message.matched_job_id is None
    assert inbox.list_inbox(session)["total"] == 0
    assert len(timeline(session, job_id)) == 1


def test_a_late_acknowledgement_never_moves_the_job_back_but_is_linked(session: Session) -> None:
    job_id = applied_job(session)
    stored_message(session, **INTERVIEW_INVITE, received_at=MAY_1)
    late_ack = stored_message(session, **ACKNOWLEDGEMENT, received_at=MAY_1 + timedelta(hours=3))

    inbox.route_pending(session)

    ack = session.get(MailMessage, late_ack)
    assert (ack.processing_status, ack.matched_job_id) == ("auto_linked", job_id)
    assert [e.to_stage for e in timeline(session, job_id)] == ["applied", "technical_interview"]
    assert get_job(session, job_id).current_stage == "technical_interview"


def test_a_rejection_closes_the_job_with_outcome_rejected(session: Session) -> None:
    job_id = applied_job(session)

    message = routed(session, REJECTION)

    assert message.processing_status == "auto_linked"
    event = timeline(session, job_id)[-1]
    assert (event.to_stage, event.outcome, event.title) == (
        "closed",
        "rejected",
        "Logged from email: Rejected",
    )
    job = get_job(session, job_id)
    assert (job.current_stage, job.outcome, job.closed_at) == ("closed", "rejected", MAY_1)


def test_mail_after_a_rejection_never_reopens_the_closed_job(session: Session) -> None:
    job_id = applied_job(session)
    stored_message(session, **REJECTION, received_at=MAY_1)
    stored_message(session, **INTERVIEW_INVITE, received_at=MAY_1 + timedelta(hours=2))

    inbox.route_pending(session)

    assert [e.to_stage for e in timeline(session, job_id)] == ["applied", "closed"]
    job = get_job(session, job_id)
    assert (job.current_stage, job.outcome) == ("closed", "rejected")


def test_routing_again_leaves_routed_messages_alone(session: Session) -> None:
    job_id = applied_job(session)
    stored_message(session, **INTERVIEW_INVITE)
    stored_message(session, **VAGUE_INVITE, received_at=MAY_1 + timedelta(hours=1))
    first = inbox.route_pending(session)

    second = inbox.route_pending(session)

    assert first == {"classified": 2, "relevant": 2, "matched": 1}
    assert second == {"classified": 0, "relevant": 0, "matched": 0}
    assert len(timeline(session, job_id)) == 2
    assert inbox.list_inbox(session)["total"] == 1


def test_a_reply_in_an_auto_linked_thread_follows_the_thread_to_its_job(session: Session) -> None:
    applied_job(session, "Backend Engineer")
    other = applied_job(session, "Data Engineer, Payments")
    backend = routed(session, INTERVIEW_INVITE, thread="thread-stripe")
    # From a personal address and naming no employer: only the thread ties it to the job.
    reply = routed(
        session,
        {
            "subject": "Re: Invitation: technical interview for Backend Engineer",
            "sender": "maya.chen@gmail.com",
            "sender_name": "Maya Chen",
            "body": "Hi Alex, great news: we'd like to invite you to the final round onsite next week.",
        },
        thread="thread-stripe",
        received_at=MAY_1 + timedelta(days=5),
    )

    assert reply.matched_job_id == backend.matched_job_id != other
    assert reply.processing_status == "auto_linked"
    assert get_job(session, backend.matched_job_id).current_stage == "onsite"


# --- approve ---------------------------------------------------------------------------------


def test_approving_links_the_mail_and_logs_its_stage_dated_when_it_arrived(session: Session) -> None:
    job_id = applied_job(session)
    message = routed(session, VAGUE_INVITE)

    result = inbox.approve(session, message.id, dict(GMAIL))

    assert result["message"]["processingStatus"] == "manual_linked"
    assert result["matchedJob"]["id"] == job_id
    event = timeline(session, job_id)[-1]
    assert (event.to_stage, event.occurred_at, event.message_id) == (
        "recruiter_screen",
        MAY_1,
        message.id,
    )
    assert event.metadata.actor == "user"
    assert get_job(session, job_id).current_stage == "recruiter_screen"


def test_approving_remembers_the_sender_so_their_next_vague_mail_leans_to_that_job(session: Session) -> None:
    backend = applied_job(session, "Backend Engineer")
    applied_job(session, "Data Engineer, Payments")
    vague = {
        "sender": "maya@stripe.com",
        "sender_name": "Maya Chen",
        "subject": "Quick chat?",
        "body": "Hi Alex, thanks for your application to Stripe. Could we set up a phone screen this week?",
    }
    first = routed(session, vague)
    inbox.approve(session, first.id, {**GMAIL, "jobId": backend})

    later = routed(
        session,
        {
            **vague,
            "subject": "Following up",
            "body": "Hi Alex, Stripe here again: could we book the phone screen for Thursday?",
        },
        received_at=MAY_1 + timedelta(days=2),
    )

    assert session.get(SenderMemory, "maya@stripe.com").job_id == backend
    assert later.matched_job_id == backend
    assert "you linked this sender" in later.reason


def test_approving_with_another_job_and_stage_uses_them(session: Session) -> None:
    suggested = applied_job(session, "Backend Engineer", "Stripe")
    chosen = applied_job(session, "Data Scientist", "Alan")
    message = routed(session, VAGUE_INVITE)
    assert message.matched_job_id == suggested

    inbox.approve(session, message.id, {**GMAIL, "jobId": chosen, "stageTarget": "assessment"})

    assert session.get(MailMessage, message.id).matched_job_id == chosen
    assert get_job(session, chosen).current_stage == "assessment"
    assert [e.to_stage for e in timeline(session, suggested)] == ["applied"]


def test_approving_an_orphan_without_a_job_asks_for_the_job(session: Session) -> None:
    applied_job(session)
    message = routed(session, ORPHAN)

    with pytest.raises(InvalidInput) as error:
        inbox.approve(session, message.id, dict(GMAIL))

    assert error.value.field == "jobId"
    assert session.get(MailMessage, message.id).processing_status == "pending_user"


def test_approving_an_orphan_with_a_job_links_it(session: Session) -> None:
    job_id = applied_job(session)
    message = routed(session, ORPHAN)

    inbox.approve(session, message.id, {**GMAIL, "jobId": job_id})

    assert session.get(MailMessage, message.id).matched_job_id == job_id
    assert get_job(session, job_id).current_stage == "recruiter_screen"


def test_deciding_twice_is_a_conflict(session: Session) -> None:
    applied_job(session)
    approved = routed(session, VAGUE_INVITE)
    auto = routed(session, INTERVIEW_INVITE, received_at=MAY_1 + timedelta(hours=1))
    inbox.approve(session, approved.id, dict(GMAIL))

    for decide, message_id in [
        (inbox.approve, approved.id),
        (inbox.deny, approved.id),
        (inbox.approve, auto.id),
    ]:
        with pytest.raises(Conflict):
            decide(session, message_id, dict(GMAIL))


def test_an_unknown_message_or_another_mailbox_is_not_found(session: Session) -> None:
    applied_job(session)
    message = routed(session, VAGUE_INVITE)

    for message_id, body in [
        ("no-such-message", GMAIL),
        (message.id, {"provider": "imap", "accountKey": "default"}),
        (message.id, {"provider": "gmail", "accountKey": "work"}),
    ]:
        with pytest.raises(NotFound):
            inbox.approve(session, message_id, dict(body))

    assert session.get(MailMessage, message.id).processing_status == "pending_user"


@pytest.mark.parametrize("target", ["rejected", "withdrawn"])
def test_approving_a_rejection_or_withdrawal_closes_the_job_with_that_outcome(
    session: Session, target: str
) -> None:
    job_id = applied_job(session)
    message = routed(session, VAGUE_INVITE)

    inbox.approve(session, message.id, {**GMAIL, "stageTarget": target})

    event = timeline(session, job_id)[-1]
    assert (event.to_stage, event.outcome) == ("closed", target)
    job = get_job(session, job_id)
    assert (job.current_stage, job.outcome) == ("closed", target)


# --- deny ------------------------------------------------------------------------------------


def test_denying_dismisses_the_mail_and_changes_nothing_else(session: Session) -> None:
    job_id = applied_job(session)
    message = routed(session, VAGUE_INVITE)
    job_before = get_job(session, job_id)

    result = inbox.deny(session, message.id, dict(GMAIL))

    assert result["message"]["processingStatus"] == "ignored"
    assert result["message"]["matchedJobId"] is None
    assert result["matchedJob"] is None
    assert get_job(session, job_id) == job_before
    assert len(timeline(session, job_id)) == 1
    assert session.get(SenderMemory, "maya@stripe.com") is None
    assert inbox.list_inbox(session)["total"] == 0
    with pytest.raises(Conflict):
        inbox.deny(session, message.id, dict(GMAIL))


# --- bulk ------------------------------------------------------------------------------------


def test_bulk_approve_links_suggestions_skips_orphans_and_reports_failures(session: Session) -> None:
    backend = applied_job(session, "Backend Engineer", "Stripe")
    alan = applied_job(session, "Data Scientist", "Alan")
    stripe_mail = routed(session, VAGUE_INVITE)
    alan_mail = routed(
        session,
        {
            "subject": "Next steps",
            "sender": "julie@alan.com",
            "sender_name": "Julie",
            "body": "Hi Alex, thanks for your interest in the Data Scientist role at Alan. "
            "We would like to schedule an interview with you.",
        },
    )
    orphan = routed(session, ORPHAN)
    assert stripe_mail.matched_job_id == backend and alan_mail.matched_job_id == alan

    report = inbox.bulk(
        session,
        {
            **GMAIL,
            "action": "approve",
            "messageIds": [stripe_mail.id, alan_mail.id, orphan.id, "no-such-message"],
        },
    )

    assert {k: report[k] for k in ("requested", "succeeded", "failed", "skipped")} == {
        "requested": 4,
        "succeeded": 2,
        "failed": 1,
        "skipped": 1,
    }
    by_id = {r["messageId"]: r for r in report["results"]}
    assert by_id[orphan.id]["code"] == "NO_SUGGESTED_MATCH"
    assert by_id["no-such-message"]["code"] == "NOT_FOUND"
    assert (
        get_job(session, backend).current_stage
        == get_job(session, alan).current_stage
        == "recruiter_screen"
    )
    assert session.get(MailMessage, orphan.id).processing_status == "pending_user"


def test_bulk_deny_dismisses_every_message(session: Session) -> None:
    job_id = applied_job(session)
    ids = [routed(session, VAGUE_INVITE).id, routed(session, ORPHAN).id]

    report = inbox.bulk(session, {**GMAIL, "action": "deny", "messageIds": ids})

    assert (report["requested"], report["succeeded"]) == (2, 2)
    assert {session.get(MailMessage, i).processing_status for i in ids} == {"ignored"}
    assert inbox.list_inbox(session)["total"] == 0
    assert len(timeline(session, job_id)) == 1


# --- a job's emails --------------------------------------------------------------------------


def test_a_jobs_emails_are_newest_first_with_a_link_to_the_gmail_thread(session: Session) -> None:
    job_id = applied_job(session)
    session.add(
        MailAccount(
            provider="gmail",
            account_key="default",
            email="alex@example.com",
            encrypted_credentials="secret-token-blob",
            status="connected",
        )
    )
    first = routed(session, INTERVIEW_INVITE, thread="thread-a", received_at=MAY_1)
    second = routed(session, VAGUE_INVITE, thread="thread-b", received_at=MAY_1 + timedelta(days=1))
    inbox.approve(session, second.id, dict(GMAIL))

    emails = inbox.job_emails(session, job_id)

    assert emails["total"] == 2
    assert [i["message"]["id"] for i in emails["items"]] == [second.id, first.id]
    assert emails["items"][1]["sourceUrl"] == "https://mail.google.com/mail/u/0/#all/thread-a"
    assert emails["items"][0]["accountDisplayName"] == "alex@example.com"
    assert "secret-token-blob" not in repr(emails)


def test_a_jobs_emails_for_an_unknown_job_is_not_found(session: Session) -> None:
    with pytest.raises(NotFound):
        inbox.job_emails(session, "no-such-job")


# --- one timeline: nothing comes before the application ---------------------------------------


def start_of(moment: datetime) -> datetime:
    """The start of that day in the tests' time zone (UTC)."""
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def test_approving_last_weeks_rejection_on_a_job_added_today_closes_it_after_its_application(
    session: Session,
) -> None:
    job_id = add_job(session, **{"title": "Backend Engineer", "employer": "Stripe"}).id  # no date typed
    last_week = datetime.now(UTC) - timedelta(days=7)
    message = routed(session, VAGUE_INVITE, received_at=last_week)

    result = inbox.approve(session, message.id, {**GMAIL, "stageTarget": "rejected"})

    assert result["appliedMovedTo"] == start_of(last_week)
    events = timeline(session, job_id)
    assert [(e.to_stage, e.occurred_at) for e in events] == [
        ("applied", start_of(last_week)),
        ("closed", last_week),
    ]
    assert events[0].metadata.reason_code == tracking.APPLIED_MOVED
    job = get_job(session, job_id)
    assert (job.status, job.current_stage, job.outcome) == ("in_progress", "closed", "rejected")
    assert (job.closed_at, job.applied_at) == (last_week, start_of(last_week))


def test_an_automatic_link_of_older_mail_moves_the_applied_date_back_too(session: Session) -> None:
    job_id = add_job(session, **{"title": "Backend Engineer", "employer": "Stripe"}).id
    last_week = datetime.now(UTC) - timedelta(days=7)

    message = routed(session, REJECTION, received_at=last_week)

    assert message.processing_status == "auto_linked"
    assert [e.to_stage for e in timeline(session, job_id)] == ["applied", "closed"]
    job = get_job(session, job_id)
    assert (job.current_stage, job.outcome, job.applied_at) == (
        "closed",
        "rejected",
        start_of(last_week),
    )


def test_linking_older_mail_without_a_stage_still_moves_the_applied_date(session: Session) -> None:
    job_id = add_job(session, **{"title": "Backend Engineer", "employer": "Stripe"}).id
    three_days_ago = datetime.now(UTC) - timedelta(days=3)
    message = routed(session, VAGUE_INVITE, received_at=three_days_ago)

    result = inbox.approve(session, message.id, {**GMAIL, "stageTarget": "applied"})

    assert result["event"] is None
    assert result["appliedMovedTo"] == start_of(three_days_ago)
    assert [(e.to_stage, e.occurred_at) for e in timeline(session, job_id)] == [
        ("applied", start_of(three_days_ago)),
    ]


def test_mail_the_same_morning_as_a_date_only_application_comes_after_it(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOBOPS_TIMEZONE", "Europe/Paris")
    job_id = add_job(session, applied_at="2024-05-01").id
    eight_in_paris = datetime(2024, 5, 1, 6, 0, tzinfo=UTC)
    message = routed(session, VAGUE_INVITE, received_at=eight_in_paris)

    result = inbox.approve(session, message.id, dict(GMAIL))

    midnight_in_paris = datetime(2024, 4, 30, 22, 0, tzinfo=UTC)
    assert result["appliedMovedTo"] is None
    assert [(e.to_stage, e.occurred_at) for e in timeline(session, job_id)] == [
        ("applied", midnight_in_paris),
        ("recruiter_screen", eight_in_paris),
    ]
    assert get_job(session, job_id).applied_at == midnight_in_paris


# --- the same stage twice --------------------------------------------------------------------


def test_approving_an_acknowledgement_on_a_job_at_applied_links_it_without_a_second_applied_event(
    session: Session,
) -> None:
    job_id = applied_job(session)
    message = routed(session, VAGUE_INVITE)

    result = inbox.approve(session, message.id, {**GMAIL, "stageTarget": "applied"})

    assert result["event"] is None
    assert result["message"]["processingStatus"] == "manual_linked"
    assert [e.to_stage for e in timeline(session, job_id)] == ["applied"]
    assert inbox.job_emails(session, job_id)["total"] == 1


def test_a_second_recruiter_screen_adds_no_second_stage_event_but_keeps_the_users_note(
    session: Session,
) -> None:
    job_id = applied_job(session)
    inbox.approve(session, routed(session, VAGUE_INVITE).id, dict(GMAIL))
    quiet = routed(session, VAGUE_INVITE, received_at=MAY_1 + timedelta(days=1))
    noted = routed(session, VAGUE_INVITE, received_at=MAY_1 + timedelta(days=2))

    inbox.approve(session, quiet.id, {**GMAIL, "stageTarget": "recruiter_screen"})
    result = inbox.approve(
        session, noted.id, {**GMAIL, "stageTarget": "recruiter_screen", "note": "Moved to Friday"}
    )

    events = timeline(session, job_id)
    assert [(e.to_stage, e.metadata.event_type) for e in events] == [
        ("applied", "status_update"),
        ("recruiter_screen", "status_update"),
        ("recruiter_screen", "note"),
    ]
    assert result["event"]["metadata"]["note"] == "Moved to Friday"
    assert result["event"]["messageId"] == noted.id
    assert inbox.job_emails(session, job_id)["total"] == 3


def test_a_different_outcome_on_a_closed_job_is_logged_but_the_same_one_is_not(session: Session) -> None:
    job_id = applied_job(session)
    close_job(session, job_id, **{"outcome": "ghosted", "closedAt": MAY_1})
    same = routed(session, VAGUE_INVITE, received_at=MAY_1 + timedelta(days=1))
    other = routed(session, VAGUE_INVITE, received_at=MAY_1 + timedelta(days=2))

    inbox.approve(session, same.id, {**GMAIL, "jobId": job_id, "stageTarget": "closed"})
    inbox.approve(session, other.id, {**GMAIL, "jobId": job_id, "stageTarget": "rejected"})

    assert [(e.to_stage, e.outcome) for e in timeline(session, job_id)] == [
        ("applied", None),
        ("closed", "ghosted"),
        ("closed", "rejected"),
    ]
    assert get_job(session, job_id).outcome == "rejected"


# --- closed jobs accept mail -----------------------------------------------------------------


def test_a_rejection_for_a_job_closed_by_hand_is_linked_to_it_without_a_second_closing(
    session: Session,
) -> None:
    job_id = applied_job(session)
    close_job(session, job_id, **{"outcome": "rejected", "closedAt": MAY_1})

    message = routed(session, REJECTION, received_at=MAY_1 + timedelta(days=1))

    assert (message.processing_status, message.matched_job_id) == ("auto_linked", job_id)
    assert [e.to_stage for e in timeline(session, job_id)] == ["applied", "closed"]
    assert [i["message"]["id"] for i in inbox.job_emails(session, job_id)["items"]] == [message.id]


def test_an_invite_for_a_closed_job_is_suggested_for_it_but_never_reopens_it_by_itself(
    session: Session,
) -> None:
    job_id = applied_job(session)
    close_job(session, job_id, **{"outcome": "withdrawn", "closedAt": MAY_1})

    message = routed(session, INTERVIEW_INVITE, received_at=MAY_1 + timedelta(days=1))

    assert (message.processing_status, message.matched_job_id) == ("pending_user", job_id)
    assert [e.to_stage for e in timeline(session, job_id)] == ["applied", "closed"]
    job = get_job(session, job_id)
    assert (job.current_stage, job.outcome) == ("closed", "withdrawn")


def test_a_users_approval_with_a_stage_may_reopen_a_closed_job(session: Session) -> None:
    job_id = applied_job(session)
    close_job(session, job_id, **{"outcome": "no_response", "closedAt": MAY_1})
    message = routed(session, VAGUE_INVITE, received_at=MAY_1 + timedelta(days=3))

    inbox.approve(session, message.id, {**GMAIL, "jobId": job_id, "stageTarget": "technical_interview"})

    job = get_job(session, job_id)
    assert (job.current_stage, job.outcome, job.closed_at) == ("technical_interview", None, None)


def test_closed_jobs_are_candidates_after_the_open_ones_most_recently_closed_first(session: Session) -> None:
    closed_long_ago = applied_job(session, "Data Engineer", "Plaid")
    open_job = applied_job(session, "Backend Engineer", "Stripe")
    closed_lately = applied_job(session, "Designer", "Figma")
    close_job(session, closed_long_ago, **{"outcome": "rejected", "closedAt": MAY_1})
    close_job(session, closed_lately, **{"outcome": "ghosted", "closedAt": MAY_1 + timedelta(days=9)})
    add_job(session, **{"title": "Someday", "employer": "Acme", "status": "discovered"})

    choices = inbox.job_choices(session)

    assert [(c["id"], c["closed"]) for c in choices] == [
        (open_job, False),
        (closed_lately, True),
        (closed_long_ago, True),
    ]
    assert [j.id for j in inbox.active_jobs(session)] == [c["id"] for c in choices]


# --- matching waiting mail again -------------------------------------------------------------


def test_adding_the_job_of_a_waiting_orphan_links_it_and_logs_its_stage(session: Session) -> None:
    applied_job(session)
    orphan = routed(session, ORPHAN)
    assert orphan.matched_job_id is None

    figma = applied_job(session, "Product Designer", "Figma")

    assert (orphan.processing_status, orphan.matched_job_id) == ("auto_linked", figma)
    assert [e.to_stage for e in timeline(session, figma)] == ["applied", "recruiter_screen"]
    assert timeline(session, figma)[-1].metadata.actor == "system"
    assert inbox.list_inbox(session)["total"] == 0


def test_editing_a_job_gives_waiting_mail_the_new_suggestion(session: Session) -> None:
    job_id = applied_job(session, "Backend Engineer", "Strype")  # a typo: the mail names Stripe
    message = routed(session, VAGUE_INVITE)
    assert message.matched_job_id is None

    edit_job(session, job_id, **{"employer": "Stripe"})

    assert (message.processing_status, message.matched_job_id) == ("pending_user", job_id)
    assert inbox.list_inbox(session)["items"][0]["matchedJob"]["id"] == job_id
    assert [e.to_stage for e in timeline(session, job_id)] == ["applied"]


def test_importing_jobs_from_csv_links_waiting_mail_too(session: Session) -> None:
    orphan = routed(session, ORPHAN)
    frame = job_csv.read_csv(b"title,company,date applied\nProduct Designer,Figma,2024-04-20\n")

    job_csv.import_jobs(session, frame, job_csv.guess_mapping(list(frame.columns)))

    assert orphan.processing_status == "auto_linked"
    assert get_job(session, orphan.matched_job_id).current_stage == "recruiter_screen"


# --- a job's mail, readable -----------------------------------------------------------------------


def test_a_jobs_emails_carry_the_text_the_reason_and_the_event_each_message_logged(session: Session) -> None:
    job_id = applied_job(session)
    invite = routed(session, INTERVIEW_INVITE, received_at=MAY_1)
    vague = routed(session, VAGUE_INVITE, received_at=MAY_1 - timedelta(days=2))
    inbox.approve(session, vague.id, {**GMAIL, "stageTarget": "no_change"})

    items = {i["message"]["id"]: i for i in inbox.job_emails(session, job_id)["items"]}

    assert items[invite.id]["bodyText"] == INTERVIEW_INVITE["body"]
    assert items[invite.id]["message"]["reason"]
    logged = items[invite.id]["event"]
    assert logged["toStage"] == "technical_interview"
    assert logged["id"] in [e.id for e in timeline(session, job_id) if e.message_id == invite.id]
    assert items[vague.id]["event"]["title"] == "Logged from email: Email"


def test_a_linked_message_that_logged_nothing_has_no_event(session: Session) -> None:
    job_id = applied_job(session)
    stored_message(session, **INTERVIEW_INVITE, received_at=MAY_1)
    late = stored_message(session, **ACKNOWLEDGEMENT, received_at=MAY_1 + timedelta(hours=3))
    inbox.route_pending(session)

    items = {i["message"]["id"]: i for i in inbox.job_emails(session, job_id)["items"]}

    assert items[late]["event"] is None


# --- a job from an orphan ---------------------------------------------------------------------------


def test_an_orphans_draft_names_the_employer_from_its_domain_and_the_title_from_its_subject(
    session: Session,
) -> None:
    orphan = routed(session, ORPHAN)

    draft = inbox.job_draft(inbox.message_to_dict(orphan))

    assert draft == {"employer": "Figma", "title": "Product Designer"}


@pytest.mark.parametrize(
    ("sender", "name", "subject", "expected"),
    [
        (
            "no-reply@greenhouse.io",
            "Acme Talent Team",
            "Your application for Data Analyst at Acme",
            {"employer": "Acme", "title": "Data Analyst"},
        ),
        ("jane.doe@gmail.com", "Jane Doe", "Quick question", {"employer": "Jane Doe", "title": ""}),
        (
            "careers@northwind.co.uk",
            "",
            "Thank you for applying to the Site Manager role",
            {"employer": "Northwind", "title": "Site Manager"},
        ),
    ],
)
def test_a_draft_is_a_guess_from_the_sender_and_subject_or_left_empty(
    sender: str, name: str, subject: str, expected: dict[str, str]
) -> None:
    message = {
        "fromAddress": sender,
        "fromDomain": sender.rpartition("@")[2],
        "senderName": name,
        "subject": subject,
    }

    assert inbox.job_draft(message) == expected


def test_creating_a_job_from_an_orphan_links_the_mail_and_logs_its_stage(session: Session) -> None:
    orphan = routed(session, ORPHAN, received_at=MAY_1)

    created = inbox.create_job_from_message(
        session, orphan.id, {**GMAIL, "employer": "Figma", "title": "Product Designer"}
    )

    job = created["job"]
    assert (job["employer"], job["title"], job["currentStage"]) == (
        "Figma",
        "Product Designer",
        "recruiter_screen",
    )
    assert (orphan.processing_status, orphan.matched_job_id) == ("manual_linked", job["id"])
    assert [e.to_stage for e in timeline(session, job["id"])] == ["applied", "recruiter_screen"]
    assert job["appliedAt"] == MAY_1
    assert inbox.list_inbox(session)["total"] == 0


def test_creating_a_job_from_an_orphan_points_the_rest_of_its_thread_to_it(session: Session) -> None:
    orphan = routed(session, ORPHAN, thread="figma-thread", received_at=MAY_1)
    reply = routed(
        session,
        {**ORPHAN, "subject": "Re: Interview invitation", "body": "Does Tuesday work?"},
        thread="figma-thread",
        received_at=MAY_1 + timedelta(hours=3),
    )
    assert reply.processing_status == "pending_user"

    job_id = inbox.create_job_from_message(
        session, orphan.id, {**GMAIL, "employer": "Figma", "title": "Product Designer"}
    )["job"]["id"]

    assert reply.matched_job_id == job_id


def test_creating_a_job_from_an_orphan_without_a_title_adds_nothing(session: Session) -> None:
    orphan = routed(session, ORPHAN)

    with pytest.raises(InvalidInput):
        inbox.create_job_from_message(session, orphan.id, {**GMAIL, "employer": "Figma", "title": "  "})

    assert orphan.processing_status == "pending_user"
    assert inbox.job_choices(session) == []


def test_creating_a_job_from_mail_already_decided_is_a_conflict(session: Session) -> None:
    orphan = routed(session, ORPHAN)
    inbox.deny(session, orphan.id, dict(GMAIL))

    with pytest.raises(Conflict):
        inbox.create_job_from_message(session, orphan.id, {**GMAIL, "employer": "Figma", "title": "Designer"})

    assert inbox.job_choices(session) == []
