"""Decisions in the Tracking Inbox: approve, deny, bulk, and a job created from an orphan message."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from jobops import inbox, inbox_lists, inbox_undo
from jobops.errors import Conflict, InvalidInput, NotFound
from jobops.jobs import get_job
from jobops.models import MailMessage, SenderMemory
from jobops.schemas.inbox import BulkDecision, Decision, OrphanJob
from jobops.schemas.undo import UndoRequest
from tests.inbox_mail import (
    INTERVIEW_INVITE,
    MAY_1,
    ORPHAN,
    VAGUE_INVITE,
    applied_job,
    routed,
    timeline,
)

# --- approve ---------------------------------------------------------------------------------


def test_approving_links_the_mail_and_logs_its_stage_dated_when_it_arrived(session: Session) -> None:
    job_id = applied_job(session)
    message = routed(session, VAGUE_INVITE)

    result = inbox.approve(session, message.id, Decision())

    assert result.message.processing_status == "manual_linked"
    assert result.matched_job.id == job_id
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
    inbox.approve(session, first.id, Decision(job_id=backend))

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


def thread_waiting_for_review(session: Session) -> tuple[MailMessage, MailMessage]:
    """A vague first mail and a scheduler's booking in its thread: both wait, since the thread is not linked yet."""
    first = routed(session, VAGUE_INVITE, thread="stripe-thread")
    reply = routed(
        session,
        {
            "subject": "Re: Next steps",
            "sender": "no-reply@calendly.com",
            "sender_name": "Calendly",
            "body": "Hi Alex, you are invited to a technical interview. Please choose a slot with the link below.",
        },
        thread="stripe-thread",
        received_at=MAY_1 + timedelta(days=1),
    )
    assert (first.processing_status, reply.processing_status) == ("pending_user", "pending_user")
    return first, reply


def test_approving_links_the_threads_waiting_mail_that_is_now_sure(session: Session) -> None:
    job_id = applied_job(session)
    first, reply = thread_waiting_for_review(session)

    result = inbox.approve(session, first.id, Decision())

    assert result.thread_linked == [reply.id]
    assert (reply.processing_status, reply.matched_job_id) == ("auto_linked", job_id)
    assert [event.to_stage for event in timeline(session, job_id)][-2:] == [
        "recruiter_screen",
        "technical_interview",
    ]


def test_undoing_an_approval_and_the_mail_it_linked_puts_the_thread_back_in_the_inbox(
    session: Session,
) -> None:
    job_id = applied_job(session)
    first, reply = thread_waiting_for_review(session)
    result = inbox.approve(session, first.id, Decision())

    report = inbox_undo.undo_many(
        session,
        [(key, UndoRequest(decision="link", job_id=job_id)) for key in (first.id, *result.thread_linked)],
    )

    assert (report.undone, report.failed) == (2, [])
    assert (first.processing_status, reply.processing_status) == ("pending_user", "pending_user")
    assert get_job(session, job_id).current_stage == "applied"


def test_bulk_approving_mail_of_one_thread_links_each_once(session: Session) -> None:
    job_id = applied_job(session)
    first, reply = thread_waiting_for_review(session)

    report = inbox.bulk(session, BulkDecision(action="approve", message_ids=[first.id, reply.id]))

    assert (report.succeeded, report.failed) == (2, 0)
    assert all(result.thread_linked == [] for result in report.results)
    assert reply.processing_status == first.processing_status == "manual_linked"
    assert timeline(session, job_id)[-1].to_stage == "technical_interview"


def test_approving_with_another_job_and_stage_uses_them(session: Session) -> None:
    suggested = applied_job(session, "Backend Engineer", "Stripe")
    chosen = applied_job(session, "Data Scientist", "Alan")
    message = routed(session, VAGUE_INVITE)
    assert message.matched_job_id == suggested

    inbox.approve(session, message.id, Decision(job_id=chosen, stage_target="assessment"))

    assert session.get(MailMessage, message.id).matched_job_id == chosen
    assert get_job(session, chosen).current_stage == "assessment"
    assert [e.to_stage for e in timeline(session, suggested)] == ["applied"]


def test_approving_an_orphan_without_a_job_asks_for_the_job(session: Session) -> None:
    applied_job(session)
    message = routed(session, ORPHAN)

    with pytest.raises(InvalidInput) as error:
        inbox.approve(session, message.id, Decision())

    assert error.value.field == "jobId"
    assert session.get(MailMessage, message.id).processing_status == "pending_user"


def test_approving_an_orphan_with_a_job_links_it(session: Session) -> None:
    job_id = applied_job(session)
    message = routed(session, ORPHAN)

    inbox.approve(session, message.id, Decision(job_id=job_id))

    assert session.get(MailMessage, message.id).matched_job_id == job_id
    assert get_job(session, job_id).current_stage == "recruiter_screen"


def test_deciding_twice_is_a_conflict(session: Session) -> None:
    applied_job(session)
    approved = routed(session, VAGUE_INVITE)
    auto = routed(session, INTERVIEW_INVITE, received_at=MAY_1 + timedelta(hours=1))
    inbox.approve(session, approved.id, Decision())

    for decide, message_id in [
        (inbox.approve, approved.id),
        (inbox.deny, approved.id),
        (inbox.approve, auto.id),
    ]:
        with pytest.raises(Conflict):
            decide(session, message_id, Decision())


def test_an_unknown_message_or_another_mailbox_is_not_found(session: Session) -> None:
    applied_job(session)
    message = routed(session, VAGUE_INVITE)

    for message_id, decision in [
        ("no-such-message", Decision()),
        (message.id, Decision(provider="imap")),
        (message.id, Decision(account_key="work")),
    ]:
        with pytest.raises(NotFound):
            inbox.approve(session, message_id, decision)

    assert session.get(MailMessage, message.id).processing_status == "pending_user"


@pytest.mark.parametrize("target", ["rejected", "withdrawn"])
def test_approving_a_rejection_or_withdrawal_closes_the_job_with_that_outcome(
    session: Session, target: str
) -> None:
    job_id = applied_job(session)
    message = routed(session, VAGUE_INVITE)

    inbox.approve(session, message.id, Decision(stage_target=target))

    event = timeline(session, job_id)[-1]
    assert (event.to_stage, event.outcome) == ("closed", target)
    job = get_job(session, job_id)
    assert (job.current_stage, job.outcome) == ("closed", target)


# --- deny ------------------------------------------------------------------------------------


def test_denying_dismisses_the_mail_and_changes_nothing_else(session: Session) -> None:
    job_id = applied_job(session)
    message = routed(session, VAGUE_INVITE)
    job_before = get_job(session, job_id)

    result = inbox.deny(session, message.id, Decision())

    assert result.message.processing_status == "ignored"
    assert result.message.matched_job_id is None
    assert result.matched_job is None
    assert get_job(session, job_id) == job_before
    assert len(timeline(session, job_id)) == 1
    assert session.get(SenderMemory, "maya@stripe.com") is None
    assert inbox_lists.list_inbox(session).total == 0
    with pytest.raises(Conflict):
        inbox.deny(session, message.id, Decision())


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
            "We would like to schedule an interview with you by phone.",
        },
    )
    orphan = routed(session, ORPHAN)
    assert stripe_mail.matched_job_id == backend and alan_mail.matched_job_id == alan

    report = inbox.bulk(
        session,
        BulkDecision(
            action="approve", message_ids=[stripe_mail.id, alan_mail.id, orphan.id, "no-such-message"]
        ),
    )

    assert (report.requested, report.succeeded, report.failed, report.skipped) == (4, 2, 1, 1)
    by_id = {r.message_id: r for r in report.results}
    assert by_id[orphan.id].code == "NO_SUGGESTED_MATCH"
    assert by_id["no-such-message"].code == "NOT_FOUND"
    assert (
        get_job(session, backend).current_stage == get_job(session, alan).current_stage == "recruiter_screen"
    )
    assert session.get(MailMessage, orphan.id).processing_status == "pending_user"


def test_bulk_deny_dismisses_every_message(session: Session) -> None:
    job_id = applied_job(session)
    ids = [routed(session, VAGUE_INVITE).id, routed(session, ORPHAN).id]

    report = inbox.bulk(session, BulkDecision(action="deny", message_ids=ids))

    assert (report.requested, report.succeeded) == (2, 2)
    assert {session.get(MailMessage, i).processing_status for i in ids} == {"ignored"}
    assert inbox_lists.list_inbox(session).total == 0
    assert len(timeline(session, job_id)) == 1


# --- a job from an orphan ---------------------------------------------------------------------------


def test_an_orphans_draft_names_the_employer_from_its_domain_and_the_title_from_its_subject(
    session: Session,
) -> None:
    orphan = routed(session, ORPHAN)

    draft = inbox.job_draft(orphan)

    assert (draft.employer, draft.title) == ("Figma", "Product Designer")


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
    message = MailMessage(
        from_address=sender, from_domain=sender.rpartition("@")[2], sender_name=name, subject=subject
    )

    assert inbox.job_draft(message).model_dump() == expected


def test_creating_a_job_from_an_orphan_links_the_mail_and_logs_its_stage(session: Session) -> None:
    orphan = routed(session, ORPHAN, received_at=MAY_1)

    created = inbox.create_job_from_message(
        session, orphan.id, OrphanJob(employer="Figma", title="Product Designer")
    )

    job = created.job
    assert (job.employer, job.title, job.current_stage) == (
        "Figma",
        "Product Designer",
        "recruiter_screen",
    )
    assert (orphan.processing_status, orphan.matched_job_id) == ("manual_linked", job.id)
    assert [e.to_stage for e in timeline(session, job.id)] == ["applied", "recruiter_screen"]
    assert job.applied_at == MAY_1
    assert inbox_lists.list_inbox(session).total == 0


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
        session, orphan.id, OrphanJob(employer="Figma", title="Product Designer")
    ).job.id

    assert reply.matched_job_id == job_id


def test_creating_a_job_from_an_orphan_without_a_title_adds_nothing(session: Session) -> None:
    orphan = routed(session, ORPHAN)

    with pytest.raises(InvalidInput):
        inbox.create_job_from_message(session, orphan.id, OrphanJob(employer="Figma", title="  "))

    assert orphan.processing_status == "pending_user"
    assert inbox_lists.job_choices(session) == []


def test_creating_a_job_from_mail_already_decided_is_a_conflict(session: Session) -> None:
    orphan = routed(session, ORPHAN)
    inbox.deny(session, orphan.id, Decision())

    with pytest.raises(Conflict):
        inbox.create_job_from_message(session, orphan.id, OrphanJob(employer="Figma", title="Designer"))

    assert inbox_lists.job_choices(session) == []
