"""The Tracking Inbox page: empty state, the review table, approve, deny, orphans and bulk actions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from jobops import inbox_lists, inbox_routing, tracking
from jobops.db import get_engine, session_scope
from jobops.jobs import get_job
from jobops.models import MailMessage
from jobops.schemas.jobs import JobOut
from tests import builders
from tests.builders import move
from tests.pages.app_page import open_page

RECEIVED = datetime.now(UTC) - timedelta(days=2)
HOSTILE_SUBJECT = "![x](http://tracker.example/p.png) <script>alert(1)</script>"
VAGUE_INVITE = {
    "subject": "Next steps",
    "sender": "maya@stripe.com",
    "body": "Hi Alex, thanks again for your interest in the Backend Engineer role at Stripe. "
    "We would like to schedule an interview with you by phone.",
}
ORPHAN = {
    "subject": "Interview invitation: Product Designer",
    "sender": "talent@figma.com",
    "body": "Hi Alex, we'd like to schedule a phone screen for the Product Designer role at Figma.",
}


def add_job(title: str = "Backend Engineer", employer: str = "Stripe") -> str:
    return builders.stored_job(None, title, employer, applied_at=datetime.now(UTC) - timedelta(days=20))


def routed_message(subject: str, sender: str, body: str, *, hours: int = 0, thread: str = "") -> str:
    """A synced Gmail message, routed as a sync would route it; returns its id."""
    with session_scope(get_engine()) as session:
        message = MailMessage(
            provider="gmail",
            account_key="default",
            external_message_id=f"gm-{sender}-{subject}",
            external_thread_id=thread or f"th-{sender}-{subject}",
            from_address=sender,
            from_domain=sender.rpartition("@")[2],
            subject=subject,
            body_text=body,
            snippet=body[:100],
            received_at=RECEIVED + timedelta(hours=hours),
            processing_status="pending",
        )
        session.add(message)
        session.flush()
        inbox_routing.route_pending(session, [message.id])
        return message.id


def stored_message(message_id: str) -> MailMessage:
    with session_scope(get_engine()) as session:
        message = session.get(MailMessage, message_id)
        session.expunge(message)
        return message


def stored_job(job_id: str) -> JobOut:
    with session_scope(get_engine()) as session:
        return get_job(session, job_id)


def test_an_empty_inbox_says_there_is_nothing_to_review(app_env: Path) -> None:
    at = open_page("pages/inbox.py")

    assert "Nothing to review" in at.success[0].value
    assert not at.dataframe


def test_waiting_mail_is_listed_with_its_confidence_and_suggested_job(app_env: Path) -> None:
    add_job()
    routed_message(**VAGUE_INVITE, hours=1)
    routed_message(**ORPHAN, hours=2)

    at = open_page("pages/inbox.py")

    table = at.dataframe[0].value
    assert list(table["Subject"]) == [ORPHAN["subject"], VAGUE_INVITE["subject"]]
    assert list(table["Suggested job"]) == ["— choose a job —", "Stripe · Backend Engineer"]
    assert 50 <= table["Confidence"][1] < 95
    assert any("2 to review" in m.value for m in at.markdown)


def test_a_hostile_subject_is_shown_as_plain_text_never_as_markdown(app_env: Path) -> None:
    add_job()
    routed_message(HOSTILE_SUBJECT, "maya@stripe.com", VAGUE_INVITE["body"])

    at = open_page("pages/inbox.py")

    assert HOSTILE_SUBJECT in [t.value for t in at.text]
    assert list(at.dataframe[0].value["Subject"]) == [HOSTILE_SUBJECT]
    shown_as_markdown = [m.value for m in at.markdown] + [c.value for c in at.caption]
    assert not any("tracker.example" in value or "<script>" in value for value in shown_as_markdown)


def test_approving_an_item_moves_the_jobs_stage(app_env: Path) -> None:
    job_id = add_job()
    message_id = routed_message(**VAGUE_INVITE)
    at = open_page("pages/inbox.py")

    at.button(key=f"approve-{message_id}").click().run()

    assert not at.exception, at.exception
    assert stored_job(job_id).current_stage == "recruiter_screen"
    assert stored_message(message_id).processing_status == "manual_linked"
    assert at.toast[0].value == "Linked to Stripe · Backend Engineer."
    assert "Nothing to review" in at.success[0].value


def test_approving_with_another_stage_logs_that_stage(app_env: Path) -> None:
    job_id = add_job()
    message_id = routed_message(**VAGUE_INVITE)
    at = open_page("pages/inbox.py")
    at.selectbox(key=f"stage-{message_id}").set_value("technical_interview").run()

    at.button(key=f"approve-{message_id}").click().run()

    assert not at.exception, at.exception
    assert stored_job(job_id).current_stage == "technical_interview"


def test_denying_an_item_dismisses_it_and_leaves_the_job(app_env: Path) -> None:
    job_id = add_job()
    message_id = routed_message(**VAGUE_INVITE)
    at = open_page("pages/inbox.py")

    at.button(key=f"deny-{message_id}").click().run()

    assert not at.exception, at.exception
    message = stored_message(message_id)
    assert (message.processing_status, message.matched_job_id) == ("ignored", None)
    assert stored_job(job_id).current_stage == "applied"
    assert "Nothing to review" in at.success[0].value


def test_an_orphan_is_approved_after_picking_its_job(app_env: Path) -> None:
    job_id = add_job("Product Designer", "Acme Studio")
    message_id = routed_message(**ORPHAN)
    at = open_page("pages/inbox.py")
    assert at.button(key=f"approve-{message_id}").disabled

    at.selectbox(key=f"job-{message_id}").set_value(job_id).run()
    at.button(key=f"approve-{message_id}").click().run()

    assert not at.exception, at.exception
    assert stored_message(message_id).matched_job_id == job_id
    assert stored_job(job_id).current_stage == "recruiter_screen"


def test_bulk_approve_links_the_selected_rows_and_skips_the_orphan(app_env: Path) -> None:
    stripe = add_job()
    alan = add_job("Data Scientist", "Alan")
    stripe_mail = routed_message(**VAGUE_INVITE, hours=1)
    alan_mail = routed_message(
        "Next steps",
        "julie@alan.com",
        "Hi Alex, thanks for your interest in the "
        "Data Scientist role at Alan. We would like to schedule an interview with you by phone.",
        hours=2,
    )
    orphan = routed_message(**ORPHAN, hours=3)
    at = open_page("pages/inbox.py")
    assert list(at.dataframe[0].value["id"]) == [orphan, alan_mail, stripe_mail]
    at.session_state["inbox-table"] = {"selection": {"rows": [0, 1, 2], "columns": []}}
    at.run()

    at.button(key="inbox-bulk-approve").click().run()

    assert not at.exception, at.exception
    assert at.toast[0].value == "Approved 2; skipped 1 with no suggested job; 0 failed."
    assert stored_job(stripe).current_stage == stored_job(alan).current_stage == "recruiter_screen"
    assert list(at.dataframe[0].value["id"]) == [orphan]
    assert at.button(key="inbox-bulk-approve").label == "Approve 0 selected"


def test_bulk_deny_dismisses_the_selected_rows_only(app_env: Path) -> None:
    job_id = add_job()
    kept = routed_message(**VAGUE_INVITE, hours=1)
    denied = routed_message(**ORPHAN, hours=2)
    at = open_page("pages/inbox.py")
    at.session_state["inbox-table"] = {"selection": {"rows": [0], "columns": []}}
    at.run()

    at.button(key="inbox-bulk-deny").click().run()

    assert not at.exception, at.exception
    assert at.toast[0].value == "Denied 1 message(s)."
    assert stored_message(denied).processing_status == "ignored"
    assert stored_message(kept).processing_status == "pending_user"
    assert list(at.dataframe[0].value["id"]) == [kept]
    # The selection was cleared: the remaining row is not picked up by the next bulk action.
    assert at.button(key="inbox-bulk-deny").disabled
    assert [e.to_stage for e in _events(job_id)] == ["applied"]


def _events(job_id: str) -> list[dict]:
    with session_scope(get_engine()) as session:
        return tracking.list_events(session, job_id)


def test_a_closed_job_can_be_picked_and_the_toast_says_when_the_applied_date_moved(app_env: Path) -> None:
    with session_scope(get_engine()) as session:
        job_id = builders.add_job(session, "Product Designer", "Acme Studio").id
        move(session, job_id, "closed", outcome="ghosted")
    message_id = routed_message(**ORPHAN)
    at = open_page("pages/inbox.py")
    picker = at.selectbox(key=f"job-{message_id}")
    assert picker.options == ["Acme Studio · Product Designer (closed)"]

    picker.set_value(job_id).run()
    at.selectbox(key=f"stage-{message_id}").set_value("rejected").run()
    at.button(key=f"approve-{message_id}").click().run()

    assert not at.exception, at.exception
    assert stored_message(message_id).matched_job_id == job_id
    assert stored_job(job_id).applied_at.date() == RECEIVED.date()
    moved_to = RECEIVED.strftime("%a %d %b %Y")
    assert (
        at.toast[0].value
        == f"Linked to Acme Studio · Product Designer (closed). Applied date moved to {moved_to}."
    )


def test_more_than_a_thousand_waiting_messages_can_all_be_reached_page_by_page(app_env: Path) -> None:
    count = 1_030
    with session_scope(get_engine()) as session:
        session.add_all(
            MailMessage(
                provider="gmail",
                account_key="default",
                external_message_id=f"bulk-{i}",
                subject=f"Update {i:04d}",
                from_address="talent@example.com",
                processing_status="pending_user",
                match_confidence=60,
                received_at=RECEIVED - timedelta(minutes=i),
            )
            for i in range(count)
        )
    at = open_page("pages/inbox.py")
    assert any(f"{count} to review" in m.value for m in at.markdown)
    assert at.dataframe[0].value["Subject"].iloc[0] == "Update 0000"

    last = at.number_input(key="inbox-page")
    assert last.max == 42
    last.set_value(42).run()

    assert not at.exception, at.exception
    assert list(at.dataframe[0].value["Subject"]) == [f"Update {i:04d}" for i in range(1_025, count)]


def test_narrowing_the_filters_brings_a_far_page_back_within_the_list(app_env: Path) -> None:
    with session_scope(get_engine()) as session:
        session.add_all(
            MailMessage(
                provider="gmail",
                account_key="default",
                external_message_id=f"bulk-{i}",
                subject=f"Update {i:03d}",
                from_address="talent@example.com",
                processing_status="pending_user",
                match_confidence=85 if i < 3 else 60,
                received_at=RECEIVED - timedelta(minutes=i),
            )
            for i in range(60)
        )
    at = open_page("pages/inbox.py")
    at.number_input(key="inbox-page").set_value(3).run()

    at.selectbox(key="inbox-band").set_value("Likely (80–94)").run()

    assert not at.exception, at.exception
    assert list(at.dataframe[0].value["Subject"]) == ["Update 000", "Update 001", "Update 002"]


def test_an_orphan_offers_a_job_prefilled_from_the_mail_and_creates_it_in_one_click(app_env: Path) -> None:
    message_id = routed_message(**ORPHAN)
    at = open_page("pages/inbox.py")
    assert at.text_input(key=f"new-employer-{message_id}").value == "Figma"
    assert at.text_input(key=f"new-title-{message_id}").value == "Product Designer"

    at.button(key=f"FormSubmitter:new-job-{message_id}-Create job and link this mail").click().run()

    assert not at.exception, at.exception
    job_id = stored_message(message_id).matched_job_id
    job = stored_job(job_id)
    assert (job.employer, job.title, job.current_stage) == (
        "Figma",
        "Product Designer",
        "recruiter_screen",
    )
    assert stored_message(message_id).processing_status == "manual_linked"
    assert [t.value for t in at.toast] == ["Added Figma · Product Designer and linked this mail to it."]


def test_a_job_from_an_orphan_needs_a_title_and_nothing_is_added_without_one(app_env: Path) -> None:
    message_id = routed_message(
        subject="Next steps",
        sender="talent@figma.com",
        body="Hi Alex, we'd like to schedule a phone screen for the Product Designer role.",
    )
    at = open_page("pages/inbox.py")
    assert at.text_input(key=f"new-title-{message_id}").value == ""

    at.button(key=f"FormSubmitter:new-job-{message_id}-Create job and link this mail").click().run()

    assert [e.value for e in at.error] == ["Enter the job title to create the job."]
    assert at.text_input(key=f"new-employer-{message_id}").value == "Figma"
    assert stored_message(message_id).processing_status == "pending_user"
    with session_scope(get_engine()) as session:
        assert inbox_lists.job_choices(session) == []


def test_mail_with_a_suggested_job_offers_no_new_job(app_env: Path) -> None:
    add_job()
    message_id = routed_message(**VAGUE_INVITE)
    at = open_page("pages/inbox.py")

    assert f"new-title-{message_id}" not in [w.key for w in at.text_input]
