"""A job's emails: newest first, readable, each with a link to its thread and the event it logged."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from jobops import inbox, inbox_routing, job_emails
from jobops.errors import NotFound
from jobops.models import MailAccount
from jobops.schemas.inbox import Decision
from tests.inbox_mail import (
    INTERVIEW_INVITE,
    MAY_1,
    VAGUE_INVITE,
    applied_job,
    routed,
    stored_message,
    timeline,
)

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
    inbox.approve(session, second.id, Decision())

    emails = job_emails.job_emails(session, job_id)

    assert emails.total == 2
    assert [i.message.id for i in emails.items] == [second.id, first.id]
    assert emails.items[1].source_url == "https://mail.google.com/mail/u/0/#all/thread-a"
    assert emails.items[0].account_display_name == "alex@example.com"
    assert "secret-token-blob" not in repr(emails)


def test_a_jobs_emails_for_an_unknown_job_is_not_found(session: Session) -> None:
    with pytest.raises(NotFound):
        job_emails.job_emails(session, "no-such-job")


# --- a job's mail, readable -----------------------------------------------------------------------


def test_a_jobs_emails_carry_the_text_the_reason_and_the_event_each_message_logged(session: Session) -> None:
    job_id = applied_job(session)
    invite = routed(session, INTERVIEW_INVITE, received_at=MAY_1)
    vague = routed(session, VAGUE_INVITE, received_at=MAY_1 - timedelta(days=2))
    inbox.approve(session, vague.id, Decision(stage_target="no_change"))

    items = {i.message.id: i for i in job_emails.job_emails(session, job_id).items}

    assert items[invite.id].body_text == INTERVIEW_INVITE["body"]
    assert items[invite.id].message.reason
    logged = items[invite.id].event
    assert logged.to_stage == "technical_interview"
    assert logged.id in [e.id for e in timeline(session, job_id) if e.message_id == invite.id]
    assert items[vague.id].event.title == "Logged from email: Email"


def test_a_linked_message_that_logged_nothing_has_no_event(session: Session) -> None:
    job_id = applied_job(session)
    stored_message(session, **INTERVIEW_INVITE, received_at=MAY_1)
    reminder = {
        **INTERVIEW_INVITE,
        "subject": "Reminder: your technical interview for Backend Engineer",
        "body": "Hi Alex, a friendly reminder of your technical interview for the Backend Engineer role tomorrow.",
    }
    late = stored_message(session, **reminder, received_at=MAY_1 + timedelta(hours=3))
    inbox_routing.route_pending(session)

    items = {i.message.id: i for i in job_emails.job_emails(session, job_id).items}

    assert items[late].event is None
