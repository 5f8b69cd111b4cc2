"""The job page: the timeline, logging what happened, editing or deleting an event, the details."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from jobops import tracking
from jobops.db import get_engine, session_scope
from jobops.jobs import get_job, list_jobs
from jobops.schemas.events import EventOut
from jobops.schemas.jobs import JobOut
from tests import builders
from tests.builders import move

APP = str(Path(__file__).resolve().parents[2] / "app.py")
NOW = datetime.now(UTC)


def add_job(*stages: str) -> str:
    """A job applied 30 days ago that moved through `stages`, one every few days."""
    with session_scope(get_engine()) as session:
        job = builders.add_job(session, applied_at=NOW - timedelta(days=30))
        for step, stage in enumerate(stages, start=1):
            builders.move(session, job.id, stage, occurred_at=NOW - timedelta(days=30 - 3 * step))
    return job.id


def events(job_id: str) -> list[EventOut]:
    with session_scope(get_engine()) as session:
        return tracking.list_events(session, job_id)


def stored_job(job_id: str) -> JobOut:
    with session_scope(get_engine()) as session:
        return get_job(session, job_id)


def open_job(job_id: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/job_detail.py")
    at.query_params["id"] = job_id
    at.run()
    assert not at.exception, at.exception
    return at


def by_label(widgets: Any, label: str) -> Any:
    return next(w for w in widgets if w.label == label)


def test_the_page_shows_the_job_and_its_timeline_newest_first(app_env: Path) -> None:
    job_id = add_job("recruiter_screen", "technical_interview")

    at = open_job(job_id)

    assert at.title[0].value == "Stripe · Backend Engineer"
    cards = [m.value for m in at.markdown if m.value.startswith("**") and "gray-badge" in m.value]
    titles = [card.split("**")[1] for card in cards]
    assert titles == ["Moved to Technical Interview", "Moved to Recruiter Screen", "Applied"]


def test_logging_a_stage_change_adds_an_event_and_moves_the_job(app_env: Path) -> None:
    job_id = add_job("recruiter_screen")
    at = open_job(job_id)
    at.selectbox(key="log-stage").set_value("onsite").run()
    by_label(at.text_area, "Note").input("Met four people from the team")

    by_label(at.button, "Log event").click().run()

    assert not at.exception, at.exception
    latest = events(job_id)[-1]
    assert (latest.to_stage, latest.metadata.note) == ("onsite", "Met four people from the team")
    assert stored_job(job_id).current_stage == "onsite"
    assert at.toast[0].value == "Logged: Moved to Final Round"


def test_logging_a_note_keeps_the_stage(app_env: Path) -> None:
    job_id = add_job("technical_interview")
    at = open_job(job_id)
    by_label(at.text_input, "Label").input("Sent thank-you mail")

    by_label(at.button, "Log event").click().run()

    assert not at.exception, at.exception
    latest = events(job_id)[-1]
    assert (latest.to_stage, latest.title, latest.metadata.event_type) == (
        "technical_interview",
        "Sent thank-you mail",
        "note",
    )
    assert stored_job(job_id).current_stage == "technical_interview"


def test_closing_with_an_outcome_from_the_log_form(app_env: Path) -> None:
    job_id = add_job("onsite")
    at = open_job(job_id)
    at.selectbox(key="log-stage").set_value("closed").run()
    by_label(at.selectbox, "Outcome").set_value("offer_declined")

    by_label(at.button, "Log event").click().run()

    assert not at.exception, at.exception
    job = stored_job(job_id)
    assert (job.current_stage, job.outcome) == ("closed", "offer_declined")
    assert "Closed: Offer declined" in at.markdown[0].value


def test_closing_asks_for_an_outcome_and_keeps_the_reason_typed(app_env: Path) -> None:
    job_id = add_job("onsite")
    at = open_job(job_id)
    at.selectbox(key="log-stage").set_value("closed").run()
    assert by_label(at.selectbox, "Outcome").value is None
    by_label(at.text_area, "Reason").input("Went with an internal candidate")

    by_label(at.button, "Log event").click().run()

    assert not at.exception, at.exception
    assert "Choose how it ended" in at.error[0].value
    assert stored_job(job_id).current_stage == "onsite"
    assert by_label(at.text_area, "Reason").value == "Went with an internal candidate"


def test_a_reason_given_when_closing_is_kept_on_the_closing_event_and_the_form_starts_over(
    app_env: Path,
) -> None:
    job_id = add_job("onsite")
    at = open_job(job_id)
    at.selectbox(key="log-stage").set_value("closed").run()
    by_label(at.selectbox, "Outcome").set_value("rejected")
    by_label(at.text_area, "Reason").input("Went with an internal candidate")

    by_label(at.button, "Log event").click().run()

    assert not at.exception, at.exception
    closing = events(job_id)[-1]
    assert (closing.outcome, closing.metadata.note) == (
        "rejected",
        "Went with an internal candidate",
    )
    assert at.selectbox(key="log-stage").value == "no_change"
    assert not [w for w in at.selectbox if w.label == "Outcome"]
    assert by_label(at.text_area, "Note").value == ""


def test_edit_opens_a_dialog_that_saves_changes_to_the_event(app_env: Path) -> None:
    job_id = add_job("recruiter_screen")
    screen = events(job_id)[-1]
    at = open_job(job_id)

    at.button(key=f"edit-{screen.id}").click().run()
    dialog_label = next(w for w in at.text_input if w.label == "Label" and w.value == screen.title)
    dialog_label.input("Call with Anna")
    dialog_stage = next(w for w in at.selectbox if w.label == "Stage" and w.key is None)
    dialog_stage.set_value("hiring_manager_screen")
    at.button(key="edit-save").click().run()

    assert not at.exception, at.exception
    edited = events(job_id)[-1]
    assert (edited.id, edited.title) == (screen.id, "Call with Anna")
    assert edited.to_stage == "hiring_manager_screen"
    assert stored_job(job_id).current_stage == "hiring_manager_screen"
    assert "edit-save" not in [b.key for b in at.button]


def test_deleting_an_event_from_the_dialog_recomputes_the_stage(app_env: Path) -> None:
    job_id = add_job("recruiter_screen", "offer")
    offer = events(job_id)[-1]
    at = open_job(job_id)

    at.button(key=f"edit-{offer.id}").click().run()
    at.button(key="edit-delete").click().run()
    assert len(events(job_id)) == 3  # asked first
    at.button(key="edit-confirm-delete").click().run()

    assert not at.exception, at.exception
    assert [e.to_stage for e in events(job_id)] == ["applied", "recruiter_screen"]
    assert stored_job(job_id).current_stage == "recruiter_screen"


def test_cancel_closes_the_dialog_without_changes(app_env: Path) -> None:
    job_id = add_job("offer")
    before = events(job_id)
    at = open_job(job_id)

    at.button(key=f"edit-{before[-1].id}").click().run()
    at.button(key="edit-cancel").click().run()

    assert not at.exception, at.exception
    assert events(job_id) == before
    assert "edit-save" not in [b.key for b in at.button]


def test_an_event_logged_for_later_today_can_still_be_edited(app_env: Path) -> None:
    job_id = add_job()
    with session_scope(get_engine()) as session:
        later_today = NOW + timedelta(hours=20)
        soon = move(session, job_id, "recruiter_screen", occurred_at=later_today)
    at = open_job(job_id)

    at.button(key=f"edit-{soon.id}").click().run()

    assert not at.exception, at.exception
    assert "edit-save" in [b.key for b in at.button]


def test_the_details_form_saves_notes(app_env: Path) -> None:
    job_id = add_job()
    at = open_job(job_id)
    by_label(at.text_area, "Notes").input("Salary band 80-95k")

    by_label(at.button, "Save details").click().run()

    assert not at.exception, at.exception
    assert stored_job(job_id).notes == "Salary band 80-95k"


def test_deleting_the_job_asks_first_then_offers_to_undo(app_env: Path) -> None:
    job_id = add_job("offer")
    at = open_job(job_id)

    at.button(key="job-delete").click().run()
    assert stored_job(job_id).current_stage == "offer"  # nothing deleted before the answer
    at.button(key="job-confirm-delete").click().run()

    assert not at.exception, at.exception
    with session_scope(get_engine()) as session:
        assert list_jobs(session).total == 0
    assert at.info[0].value == "You deleted this job."
    assert at.toast[0].value == "Job deleted."


def test_undoing_a_job_delete_brings_back_the_job_and_its_timeline(app_env: Path) -> None:
    job_id = add_job("recruiter_screen", "offer")
    before = events(job_id)
    at = open_job(job_id)
    at.button(key="job-delete").click().run()
    at.button(key="job-confirm-delete").click().run()

    at.button(key="job-undo").click().run()

    assert not at.exception, at.exception
    assert stored_job(job_id).current_stage == "offer"
    assert events(job_id) == before
    assert at.title[0].value == "Stripe · Backend Engineer"
    assert "job-undo" not in [b.key for b in at.button]


def test_keeping_the_job_deletes_nothing(app_env: Path) -> None:
    job_id = add_job()
    at = open_job(job_id)
    at.button(key="job-delete").click().run()

    at.button(key="job-keep").click().run()

    assert stored_job(job_id).title == "Backend Engineer"
    assert "job-confirm-delete" not in [b.key for b in at.button]


def test_a_deleted_event_can_be_undone_from_the_job_page(app_env: Path) -> None:
    job_id = add_job("recruiter_screen", "offer")
    before = events(job_id)
    at = open_job(job_id)
    at.button(key=f"edit-{before[-1].id}").click().run()
    at.button(key="edit-delete").click().run()
    at.button(key="edit-confirm-delete").click().run()
    assert stored_job(job_id).current_stage == "recruiter_screen"
    assert at.info[0].value == "You deleted “Moved to Offer”."

    at.button(key="job-undo").click().run()

    assert not at.exception, at.exception
    assert events(job_id) == before
    assert stored_job(job_id).current_stage == "offer"


def test_keeping_an_event_deletes_nothing(app_env: Path) -> None:
    job_id = add_job("offer")
    before = events(job_id)
    at = open_job(job_id)
    at.button(key=f"edit-{before[-1].id}").click().run()
    at.button(key="edit-delete").click().run()

    at.button(key="edit-keep-event").click().run()

    assert events(job_id) == before
    assert "edit-save" in [b.key for b in at.button]


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


def test_a_note_logged_right_after_a_move_comes_after_it_in_the_timeline(app_env: Path) -> None:
    job_id = add_job()
    at = open_job(job_id)
    at.selectbox(key="log-stage").set_value("technical_interview").run()
    by_label(at.button, "Log event").click().run()
    at.selectbox(key="log-stage").set_value("no_change").run()
    by_label(at.text_area, "Note").input("Prepared system design notes")
    by_label(at.button, "Log event").click().run()

    assert [e.to_stage for e in events(job_id)] == ["applied", "technical_interview", "technical_interview"]
    assert events(job_id)[-1].metadata.note == "Prepared system design notes"
    assert stored_job(job_id).current_stage == "technical_interview"


def test_an_event_that_happened_earlier_is_back_dated(app_env: Path) -> None:
    job_id = add_job()
    at = open_job(job_id)
    at.selectbox(key="log-stage").set_value("recruiter_screen").run()
    at.toggle(key="log-earlier").set_value(True).run()
    three_days_ago = (NOW - timedelta(days=3)).astimezone().date()
    by_label(at.date_input, "Date").set_value(three_days_ago)

    by_label(at.button, "Log event").click().run()

    screen = events(job_id)[-1]
    assert screen.to_stage == "recruiter_screen"
    assert screen.occurred_at.astimezone().date() == three_days_ago


def test_logging_an_event_older_than_the_application_says_the_applied_date_moved(app_env: Path) -> None:
    job_id = add_job()  # applied 30 days ago
    at = open_job(job_id)
    at.selectbox(key="log-stage").set_value("recruiter_screen").run()
    at.toggle(key="log-earlier").set_value(True).run()
    forty_days_ago = (NOW - timedelta(days=40)).date()
    by_label(at.date_input, "Date").set_value(forty_days_ago)

    by_label(at.button, "Log event").click().run()

    assert not at.exception, at.exception
    shown = forty_days_ago.strftime("%a %d %b %Y")
    assert at.toast[0].value == f"Logged: Moved to Recruiter Screen. Applied date moved to {shown}."
    assert [e.to_stage for e in events(job_id)] == ["applied", "recruiter_screen"]
    assert any(c.value.startswith(f"Applied date moved to {shown}") for c in at.caption)


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


def test_editing_a_date_says_where_the_job_will_stand_and_asks_before_moving_it_back(app_env: Path) -> None:
    job_id = add_job("recruiter_screen", "technical_interview")
    interview = events(job_id)[-1]
    at = open_job(job_id)
    at.button(key=f"edit-{interview.id}").click().run()

    by_label(at.date_input, "Date").set_value((NOW - timedelta(days=29)).astimezone().date()).run()
    assert "After saving, the job stands in Recruiter Screen." in [c.value for c in at.caption]
    at.button(key="edit-save").click().run()

    assert not at.exception, at.exception
    assert stored_job(job_id).current_stage == "technical_interview"
    assert any("back from Technical Interview to Recruiter Screen" in w.value for w in at.warning)
    at.button(key="edit-confirm-back").click().run()

    assert not at.exception, at.exception
    assert stored_job(job_id).current_stage == "recruiter_screen"
    assert "edit-save" not in [b.key for b in at.button]


def test_keep_editing_leaves_the_job_where_it_was(app_env: Path) -> None:
    job_id = add_job("recruiter_screen", "technical_interview")
    interview = events(job_id)[-1]
    at = open_job(job_id)
    at.button(key=f"edit-{interview.id}").click().run()
    by_label(at.date_input, "Date").set_value((NOW - timedelta(days=29)).astimezone().date()).run()
    at.button(key="edit-save").click().run()

    at.button(key="edit-keep-editing").click().run()

    assert stored_job(job_id).current_stage == "technical_interview"
    assert "edit-save" in [b.key for b in at.button]


def test_a_note_offers_no_stage_to_change(app_env: Path) -> None:
    job_id = add_job("recruiter_screen")
    with session_scope(get_engine()) as session:
        note = move(session, job_id, "no_change", metadata={"note": "Sent references"})
    at = open_job(job_id)

    at.button(key=f"edit-{note.id}").click().run()

    assert not [w for w in at.selectbox if w.label == "Stage" and w.key is None]
    at.button(key="edit-save").click().run()
    assert not at.exception, at.exception
    assert events(job_id)[-1].to_stage == "recruiter_screen"
