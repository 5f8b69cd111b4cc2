"""The Emails tab of the job page: linked mail as plain text, why it was linked, the event it logged."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from jobops.db import get_engine, session_scope
from tests.pages.job_page import NOW, add_job, open_job


def linked_mail(job_id: str, *, provider: str = "gmail", subject: str, body: str) -> str:
    """A message about the job, routed as a sync would route it (the router links and logs it)."""
    from jobops import inbox_routing
    from jobops.models import MailMessage

    with session_scope(get_engine()) as session:
        message = MailMessage(
            provider=provider,
            account_key="default",
            external_message_id=f"m-{subject}",
            external_thread_id=f"t-{subject}" if provider == "gmail" else None,
            from_address="recruiting@stripe.com",
            from_domain="stripe.com",
            sender_name="Stripe Recruiting",
            subject=subject,
            body_text=body,
            snippet=body[:80],
            received_at=NOW - timedelta(days=5),
            processing_status="pending",
        )
        session.add(message)
        session.flush()
        inbox_routing.route_pending(session, [message.id])
        assert message.matched_job_id == job_id
        return message.id


INVITE_BODY = (
    "Hi Alex,\n\nWe'd like to invite you to a technical interview for the Backend Engineer role. "
    "Please pick a time that works for you.\n\nMaya"
)


def test_the_emails_tab_lists_linked_mail_as_plain_text(app_env: Path) -> None:
    from jobops.models import MailMessage

    job_id = add_job("recruiter_screen")
    hostile = "![x](http://tracker.example/p.png) <script>alert(1)</script>"
    with session_scope(get_engine()) as session:
        session.add(
            MailMessage(
                provider="gmail",
                account_key="default",
                external_message_id="m1",
                external_thread_id="t1",
                from_address="jobs@stripe.com",
                sender_name="Stripe",
                subject=hostile,
                processing_status="manual_linked",
                matched_job_id=job_id,
                match_confidence=72,
                stage_target="recruiter_screen",
            )
        )

    at = open_job(job_id)

    assert not at.exception
    (table,) = [d.value for d in at.dataframe if "Subject" in d.value.columns]
    assert list(table["Subject"]) == [hostile]
    assert list(table["Open"]) == ["https://mail.google.com/mail/u/0/#all/t1"]
    assert all(hostile not in m.value for m in at.markdown)


def test_the_emails_tab_shows_each_messages_text_why_it_was_linked_and_the_event_it_logged(
    app_env: Path,
) -> None:
    job_id = add_job()
    linked_mail(job_id, subject="Invitation: technical interview for Backend Engineer", body=INVITE_BODY)

    at = open_job(job_id)

    shown = [t.value for t in at.text]
    assert INVITE_BODY in shown
    assert any(v.startswith("Why: ") and len(v) > len("Why: ") for v in shown)
    assert any(v.startswith("Logged as: Logged from email: Technical Interview") for v in shown), shown
    (table,) = [d.value for d in at.dataframe if "Subject" in d.value.columns]
    assert list(table["Logged as"])[0].startswith("Logged from email: Technical Interview")
    assert [b.proto.url for b in at.get("link_button") if b.proto.label == "Open in Gmail"] == [
        "https://mail.google.com/mail/u/0/#all/t-Invitation%3A%20technical%20interview%20for%20Backend%20Engineer"
    ]


def test_mail_text_with_markup_is_shown_as_typed_and_never_rendered(app_env: Path) -> None:
    job_id = add_job()
    hostile = INVITE_BODY + "\n![x](http://tracker.example/p.png) <img src=x onerror=alert(1)> **bold**"
    linked_mail(job_id, subject="Invitation: technical interview for Backend Engineer", body=hostile)

    at = open_job(job_id)

    assert hostile in [t.value for t in at.text]
    rendered = [m.value for m in at.markdown] + [e.label for e in at.expander]
    assert not any("tracker.example/p.png" in v or "<img" in v for v in rendered)


def test_imported_mail_has_no_empty_open_column_nor_link(app_env: Path) -> None:
    job_id = add_job()
    linked_mail(
        job_id,
        provider="mailbox",
        subject="Invitation: technical interview for Backend Engineer",
        body=INVITE_BODY,
    )

    at = open_job(job_id)

    (table,) = [d.value for d in at.dataframe if "Subject" in d.value.columns]
    assert "Open" not in table.columns
    assert INVITE_BODY in [t.value for t in at.text]
    assert not [b for b in at.get("link_button") if "Gmail" in b.proto.label]
