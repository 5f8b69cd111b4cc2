"""Routing synced mail: sure matches linked and logged, the rest waiting for review, noise ignored."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from jobops import inbox, inbox_lists, inbox_routing, job_csv
from jobops.jobs import get_job
from jobops.models import MailMessage
from jobops.schemas.inbox import Decision
from tests.builders import edit_job
from tests.inbox_mail import (
    ACKNOWLEDGEMENT,
    INTERVIEW_INVITE,
    JOB_ALERT,
    MAY_1,
    NEWSLETTER,
    ORPHAN,
    REJECTION,
    VAGUE_INVITE,
    applied_job,
    routed,
    stored_message,
    timeline,
)

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
    item = inbox_lists.list_inbox(session).items[0]
    assert item.message.id == message.id
    assert item.matched_job is None


@pytest.mark.parametrize("noise", [JOB_ALERT, NEWSLETTER], ids=["job alert", "newsletter"])
def test_job_alerts_and_newsletters_are_ignored(session: Session, noise: dict[str, Any]) -> None:
    job_id = applied_job(session)

    message = routed(session, noise)

    assert message.processing_status == "ignored"
    assert message.matched_job_id is None
    assert inbox_lists.list_inbox(session).total == 0
    assert len(timeline(session, job_id)) == 1


def test_a_late_acknowledgement_never_moves_the_job_back(session: Session) -> None:
    job_id = applied_job(session)
    stored_message(session, **INTERVIEW_INVITE, received_at=MAY_1)
    late_ack = stored_message(session, **ACKNOWLEDGEMENT, received_at=MAY_1 + timedelta(hours=3))

    inbox_routing.route_pending(session)  # one run: the invitation's step counts for the mail after it

    ack = session.get(MailMessage, late_ack)
    assert (ack.processing_status, ack.matched_job_id) == ("pending_user", job_id)
    assert "would move back from Technical Interview" in ack.reason
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

    inbox_routing.route_pending(session)

    assert [e.to_stage for e in timeline(session, job_id)] == ["applied", "closed"]
    job = get_job(session, job_id)
    assert (job.current_stage, job.outcome) == ("closed", "rejected")


def test_routing_again_leaves_routed_messages_alone(session: Session) -> None:
    job_id = applied_job(session)
    stored_message(session, **INTERVIEW_INVITE)
    stored_message(session, **VAGUE_INVITE, received_at=MAY_1 + timedelta(hours=1))
    first = inbox_routing.route_pending(session)

    second = inbox_routing.route_pending(session)

    assert first == {"classified": 2, "relevant": 2, "matched": 1}
    assert second == {"classified": 0, "relevant": 0, "matched": 0}
    assert len(timeline(session, job_id)) == 2
    assert inbox_lists.list_inbox(session).total == 1


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


def test_a_scheduler_naming_a_person_who_wrote_linked_mail_suggests_that_persons_job(
    session: Session,
) -> None:
    backend = applied_job(session, "Backend Engineer")
    applied_job(session, "Platform Engineer", "Zalando")
    written = {**INTERVIEW_INVITE, "sender": "maya.chen@stripe.com", "sender_name": "Maya Chen"}
    first = stored_message(session, **written)
    booked = stored_message(
        session,
        subject="Reminder: Call with Maya Chen is tomorrow",
        sender="notifications@calendly.com",
        sender_name="Calendly",
        body="This is a friendly reminder that your event is tomorrow.\nHost: Maya Chen\nPowered by Calendly.com",
        received_at=MAY_1 + timedelta(days=2),
    )

    inbox_routing.route_pending(session, [first, booked])  # one sync: the person is known by the second mail

    assert session.get(MailMessage, first).processing_status == "auto_linked"
    reminder = session.get(MailMessage, booked)
    assert (reminder.processing_status, reminder.matched_job_id) == ("pending_user", backend)
    assert [e.to_stage for e in timeline(session, backend)] == ["applied", "technical_interview"]


# --- matching waiting mail again -------------------------------------------------------------


def test_adding_the_job_of_a_waiting_orphan_links_it_and_logs_its_stage(session: Session) -> None:
    applied_job(session)
    orphan = routed(session, ORPHAN)
    assert orphan.matched_job_id is None

    figma = applied_job(session, "Product Designer", "Figma")

    assert (orphan.processing_status, orphan.matched_job_id) == ("auto_linked", figma)
    assert [e.to_stage for e in timeline(session, figma)] == ["applied", "recruiter_screen"]
    assert timeline(session, figma)[-1].metadata.actor == "system"
    assert inbox_lists.list_inbox(session).total == 0


def test_editing_a_job_gives_waiting_mail_the_new_suggestion(session: Session) -> None:
    job_id = applied_job(session, "Backend Engineer", "Strype")  # a typo: the mail names Stripe
    message = routed(session, VAGUE_INVITE)
    assert message.matched_job_id is None

    edit_job(session, job_id, **{"employer": "Stripe"})

    assert (message.processing_status, message.matched_job_id) == ("pending_user", job_id)
    assert inbox_lists.list_inbox(session).items[0].matched_job.id == job_id
    assert [e.to_stage for e in timeline(session, job_id)] == ["applied"]


def test_importing_jobs_from_csv_links_waiting_mail_too(session: Session) -> None:
    orphan = routed(session, ORPHAN)
    frame = job_csv.read_csv(b"title,company,date applied\nProduct Designer,Figma,2024-04-20\n")

    job_csv.import_jobs(session, frame, job_csv.guess_mapping(list(frame.columns)))

    assert orphan.processing_status == "auto_linked"
    assert get_job(session, orphan.matched_job_id).current_stage == "recruiter_screen"


def test_mail_from_the_own_domain_of_a_sender_you_approved_leans_to_that_job(session: Session) -> None:
    job_id = applied_job(session, "Data Engineer", "Northwind Traders")
    intro = {
        "subject": "Intro call",
        "body": "Hi, could we find 30 minutes this week for an intro call about the role?",
    }
    first = routed(session, {**intro, "sender": "sam@nwt-group.example", "sender_name": "Sam"})
    assert first.matched_job_id is None
    inbox.approve(session, first.id, Decision(job_id=job_id))

    later = routed(
        session,
        {**intro, "sender": "kim@nwt-group.example", "sender_name": "Kim"},
        received_at=MAY_1 + timedelta(days=1),
    )

    assert later.matched_job_id == job_id


def test_a_thread_held_only_for_its_stage_lets_the_candidates_thanks_link_itself(session: Session) -> None:
    job_id = applied_job(session)
    vague = stored_message(session, **VAGUE_INVITE, thread="stripe-thread")
    inbox_routing.route_pending(session)
    first = session.get(MailMessage, vague)
    assert (first.processing_status, first.matched_job_id, first.job_sure) == ("pending_user", job_id, True)

    thanks = stored_message(
        session,
        subject="Re: Next steps",
        sender="alex@fastmail.example",
        body="Thank you so much, Maya!",
        thread="stripe-thread",
        received_at=MAY_1 + timedelta(hours=2),
    )
    session.get(MailMessage, thanks).from_me = True
    inbox_routing.route_pending(session)

    reply = session.get(MailMessage, thanks)
    assert (reply.processing_status, reply.matched_job_id, reply.stage_target) == (
        "auto_linked",
        job_id,
        "no_change",
    )


def test_the_candidates_thanks_written_to_the_employers_address_is_linked_to_that_job(
    session: Session,
) -> None:
    job_id = applied_job(session)
    thanks = stored_message(
        session,
        subject="Thank you for today",
        sender="alex@fastmail.example",
        body="Hi Maya, thank you for your time this afternoon. I really enjoyed meeting the team.",
    )
    message = session.get(MailMessage, thanks)
    message.from_me, message.to_address = True, "maya.lin@stripe.com"
    inbox_routing.route_pending(session)

    assert (message.processing_status, message.matched_job_id, message.stage_target) == (
        "auto_linked",
        job_id,
        "no_change",
    )
    assert "recipient domain stripe.com belongs to Stripe" in (message.reason or "")


def test_the_candidates_mail_to_an_unknown_address_about_nothing_is_ignored(session: Session) -> None:
    applied_job(session)
    note = stored_message(
        session, subject="Dinner", sender="alex@fastmail.example", body="Thank you for dinner last night!"
    )
    message = session.get(MailMessage, note)
    message.from_me, message.to_address = True, "sam@fastmail.example"
    inbox_routing.route_pending(session)
    assert message.processing_status == "ignored"


def test_the_router_knows_a_job_the_candidate_withdrew_from_logged_or_waiting(session: Session) -> None:
    job_id = applied_job(session)
    routed(session, INTERVIEW_INVITE)
    assert not inbox_routing.active_jobs(session)[0].withdrawn

    withdrawal = stored_message(
        session,
        subject="Re: Invitation",
        sender="alex@fastmail.example",
        body="Thank you, but I have accepted another offer and would like to withdraw my application.",
        received_at=MAY_1 + timedelta(days=1),
    )
    message = session.get(MailMessage, withdrawal)
    message.from_me = True
    message.processing_status, message.relevant = "pending_user", True
    message.matched_job_id, message.stage_target = job_id, "withdrawn"
    session.flush()

    assert inbox_routing.active_jobs(session)[0].withdrawn


def test_the_employers_reply_to_a_linked_withdrawal_is_suggested_as_the_withdrawal(session: Session) -> None:
    job_id = applied_job(session)
    stored_message(session, **INTERVIEW_INVITE, thread="stripe-thread")
    inbox_routing.route_pending(session)
    withdrawal = stored_message(
        session,
        subject="Re: Invitation: technical interview for Backend Engineer",
        sender="alex@fastmail.example",
        body="Hi Maya, I have accepted another offer and would like to withdraw my application.",
        thread="stripe-thread",
        received_at=MAY_1 + timedelta(days=1),
    )
    session.get(MailMessage, withdrawal).from_me = True
    answer = stored_message(
        session,
        subject="Re: Backend Engineer",
        sender="maya@stripe.com",
        body="Škoda, ale chápu. Hodně štěstí!",
        thread="stripe-thread",
        received_at=MAY_1 + timedelta(days=2),
    )
    inbox_routing.route_pending(session)

    assert session.get(MailMessage, withdrawal).stage_target == "withdrawn"
    reply = session.get(MailMessage, answer)
    assert (reply.processing_status, reply.matched_job_id, reply.stage_target) == (
        "pending_user",
        job_id,
        "withdrawn",
    )
