"""Taking back inbox decisions: an approval, an automatic link, a dismissal."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from jobops import inbox, inbox_lists, inbox_routing, inbox_undo
from jobops.backup import export_backup, import_backup
from jobops.db import make_engine, migrate, session_scope
from jobops.errors import Conflict
from jobops.job_emails import job_emails
from jobops.jobs import get_job
from jobops.link_refusals import HELD_BACK
from jobops.models import MailMessage, SenderMemory
from jobops.schemas.inbox import Decision
from jobops.schemas.undo import UndoRequest
from tests.builders import edit_event, edit_job, move
from tests.inbox_mail import (
    APPLIED_AT,
    INTERVIEW_INVITE,
    JOB_ALERT,
    MAY_1,
    REJECTION,
    VAGUE_INVITE,
    applied_job,
    routed,
    timeline,
)

UNDO = UndoRequest()


def stages(session: Session, job_id: str) -> list[str]:
    return [e.to_stage for e in timeline(session, job_id)]


def waiting_ids(session: Session) -> list[str]:
    return [i.message.id for i in inbox_lists.list_inbox(session).items]


def approved(session: Session, job_id: str, stage: str = "recruiter_screen") -> MailMessage:
    """A vague invite the user approved for the job at that stage."""
    message = routed(session, VAGUE_INVITE)
    inbox.approve(session, message.id, Decision(job_id=job_id, stage_target=stage))
    return message


# --- an approval -------------------------------------------------------------------------------


def test_undoing_an_approval_removes_its_event_and_puts_the_mail_back_with_its_suggestion(
    session: Session,
) -> None:
    job_id = applied_job(session)
    move(session, job_id, "no_change", metadata={"eventType": "note", "note": "Keep me"})
    message = approved(session, job_id)
    assert get_job(session, job_id).current_stage == "recruiter_screen"

    answer = inbox_undo.undo_decision(session, message.id, UndoRequest(decision="link", job_id=job_id))

    assert answer.removed_events == ["Logged from email: Recruiter Screen"]
    assert stages(session, job_id) == ["applied", "applied"]
    assert timeline(session, job_id)[-1].metadata.note == "Keep me"
    assert get_job(session, job_id).current_stage == "applied"
    assert waiting_ids(session) == [message.id]
    assert answer.message.processing_status == "pending_user"
    assert answer.matched_job.id == job_id
    assert job_emails(session, job_id).total == 0


def test_undoing_an_approval_forgets_the_sender_it_taught(session: Session) -> None:
    job_id = applied_job(session)
    message = approved(session, job_id)
    assert session.get(SenderMemory, "maya@stripe.com") is not None

    inbox_undo.undo_decision(session, message.id, UNDO)

    assert session.get(SenderMemory, "maya@stripe.com") is None


def test_undoing_one_of_two_approvals_keeps_the_sender_on_the_other_ones_job(session: Session) -> None:
    backend = applied_job(session, "Backend Engineer")
    data = applied_job(session, "Data Engineer, Payments")
    first = approved(session, backend)
    second = routed(session, VAGUE_INVITE, received_at=MAY_1 + timedelta(days=1))
    inbox.approve(session, second.id, Decision(job_id=data))

    inbox_undo.undo_decision(session, second.id, UNDO)

    assert session.get(SenderMemory, "maya@stripe.com").job_id == backend
    assert session.get(MailMessage, first.id).processing_status == "manual_linked"


def test_an_event_edited_since_the_approval_stays_on_the_timeline(session: Session) -> None:
    job_id = applied_job(session)
    message = approved(session, job_id)
    event = timeline(session, job_id)[-1]
    edit_event(session, job_id, event.id, title="Call with Maya")

    answer = inbox_undo.undo_decision(session, message.id, UNDO)

    assert answer.kept_events == ["Call with Maya"]
    assert [e.title for e in timeline(session, job_id)][-1] == "Call with Maya"
    assert get_job(session, job_id).current_stage == "recruiter_screen"
    assert session.get(MailMessage, message.id).processing_status == "pending_user"


# --- an automatic link ---------------------------------------------------------------------------


def test_undoing_an_automatic_link_moves_the_job_back_and_routing_again_does_not_relink_it(
    session: Session,
) -> None:
    job_id = applied_job(session)
    message = routed(session, INTERVIEW_INVITE)
    assert message.processing_status == "auto_linked"

    inbox_undo.undo_decision(session, message.id, UNDO)
    edit_job(session, job_id, title="Backend Engineer (Payments)")  # matches waiting mail again
    inbox_routing.rematch_waiting(session)

    again = session.get(MailMessage, message.id)
    assert (again.processing_status, again.matched_job_id) == ("pending_user", job_id)
    assert HELD_BACK in again.reason
    assert stages(session, job_id) == ["applied"]
    assert get_job(session, job_id).current_stage == "applied"


def test_after_undoing_an_automatic_link_the_senders_next_mail_waits_for_a_click(session: Session) -> None:
    job_id = applied_job(session)
    first = routed(session, INTERVIEW_INVITE)
    inbox_undo.undo_decision(session, first.id, UNDO)

    later = routed(session, REJECTION, received_at=MAY_1 + timedelta(days=3))

    assert (later.processing_status, later.matched_job_id) == ("pending_user", job_id)
    assert get_job(session, job_id).current_stage == "applied"


def test_approving_the_sender_again_lets_their_next_mail_link_itself(session: Session) -> None:
    job_id = applied_job(session)
    first = routed(session, INTERVIEW_INVITE)
    inbox_undo.undo_decision(session, first.id, UNDO)
    inbox.approve(session, first.id, Decision())

    later = routed(session, REJECTION, received_at=MAY_1 + timedelta(days=3))

    assert later.processing_status == "auto_linked"
    assert get_job(session, job_id).outcome == "rejected"


# --- a dismissal ---------------------------------------------------------------------------------


def test_a_denied_mail_comes_back_to_the_inbox_with_the_job_it_was_suggested_for(session: Session) -> None:
    job_id = applied_job(session)
    message = routed(session, VAGUE_INVITE)
    inbox.deny(session, message.id, Decision())
    assert waiting_ids(session) == []

    answer = inbox_undo.undo_decision(session, message.id, UndoRequest(decision="dismissal", job_id=job_id))

    assert answer.undone == "dismissal"
    assert waiting_ids(session) == [message.id]
    assert session.get(MailMessage, message.id).matched_job_id == job_id
    assert stages(session, job_id) == ["applied"]


# --- what cannot be undone ---------------------------------------------------------------------


def test_undoing_twice_says_the_mail_already_waits_and_changes_nothing(session: Session) -> None:
    job_id = applied_job(session)
    message = approved(session, job_id)
    inbox_undo.undo_decision(session, message.id, UNDO)

    with pytest.raises(Conflict) as error:
        inbox_undo.undo_decision(session, message.id, UNDO)

    assert "already waits in the Tracking Inbox" in error.value.message
    assert waiting_ids(session) == [message.id]


def test_undoing_a_link_to_a_job_the_mail_is_no_longer_linked_to_changes_nothing(session: Session) -> None:
    first = applied_job(session)
    second = applied_job(session, "Data Scientist", "Alan")
    message = approved(session, first)
    inbox_undo.undo_decision(session, message.id, UNDO)
    inbox.approve(session, message.id, Decision(job_id=second, stage_target="assessment"))

    with pytest.raises(Conflict) as error:
        inbox_undo.undo_decision(session, message.id, UndoRequest(decision="link", job_id=first))

    assert "changed since" in error.value.message
    assert get_job(session, second).current_stage == "assessment"


def test_undoing_a_dismissal_of_mail_that_was_linked_since_changes_nothing(session: Session) -> None:
    job_id = applied_job(session)
    message = routed(session, VAGUE_INVITE)
    inbox.deny(session, message.id, Decision())
    inbox_undo.undo_decision(session, message.id, UNDO)
    inbox.approve(session, message.id, Decision(job_id=job_id))

    with pytest.raises(Conflict) as error:
        inbox_undo.undo_decision(session, message.id, UndoRequest(decision="dismissal"))

    assert "it is now linked to a job" in error.value.message
    assert session.get(MailMessage, message.id).processing_status == "manual_linked"


def test_mail_the_router_set_aside_has_no_decision_to_undo(session: Session) -> None:
    applied_job(session)
    message = routed(session, JOB_ALERT)

    with pytest.raises(Conflict) as error:
        inbox_undo.undo_decision(session, message.id, UNDO)

    assert "no decision of yours" in error.value.message


def test_undoing_several_reports_each_one_that_could_not_be_undone(session: Session) -> None:
    job_id = applied_job(session)
    linked = approved(session, job_id)
    alert = routed(session, JOB_ALERT)

    report = inbox_undo.undo_many(session, [(linked.id, UNDO), (alert.id, UNDO)])

    assert report.undone == 1
    assert [f.message_id for f in report.failed] == [alert.id]
    assert waiting_ids(session) == [linked.id]


def test_a_backup_restored_elsewhere_keeps_the_automatic_links_taken_back(
    session: Session, tmp_path: Path
) -> None:
    applied_job(session)
    message = routed(session, INTERVIEW_INVITE)
    inbox_undo.undo_decision(session, message.id, UNDO)
    session.flush()
    other = make_engine(f"sqlite:///{tmp_path / 'restored.db'}")
    migrate(other)

    with session_scope(other) as restored:
        import_backup(restored, json.loads(json.dumps(export_backup(session))), "merge")
        inbox_routing.rematch_waiting(restored)
        again = restored.get(MailMessage, message.id)
        assert again.processing_status == "pending_user"
        assert HELD_BACK in again.reason
    other.dispose()


def test_undoing_the_link_of_mail_older_than_the_application_says_the_applied_date_stays(
    session: Session,
) -> None:
    job_id = applied_job(session)
    older = routed(session, VAGUE_INVITE, received_at=APPLIED_AT - timedelta(days=3))
    moved = inbox.approve(session, older.id, Decision()).applied_moved_to
    assert moved is not None

    answer = inbox_undo.undo_decision(session, older.id, UNDO)

    assert answer.applied_date_left_at == moved == get_job(session, job_id).applied_at
    assert stages(session, job_id) == ["applied"]


def test_undoing_a_link_that_moved_no_date_says_nothing_of_it(session: Session) -> None:
    applied_job(session)
    message = approved(session, applied_job(session, "Data Scientist", "Alan"))

    assert inbox_undo.undo_decision(session, message.id, UNDO).applied_date_left_at is None
