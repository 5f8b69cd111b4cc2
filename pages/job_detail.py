"""Job: one application's stage timeline, logging what happened, notes and details."""

from datetime import date, datetime, time

import pandas as pd
import streamlit as st
from sqlalchemy.orm import Session

from jobops import calendar_file, jobs, tracking
from jobops.errors import InvalidInput, NotFound
from jobops.escape import inert
from jobops.humanize import as_local, local_date, local_datetime, relative_time
from jobops.job_emails import job_emails
from jobops.localtime import at_local_time
from jobops.stages import (
    CLOSED,
    EVENT_TYPES,
    NO_CHANGE,
    OUTCOMES,
    STAGES,
    STANDING_LABELS,
    stage_label,
    standing,
    standing_label,
)
from jobops.ui import attempt, flash, session, show_flash

EVENT_TYPE_LABELS = {"status_update": "Stage change", "interview_log": "Interview log", "note": "Note"}
EDIT_KEY = "job-edit-event"
CONFIRM_BACK_KEY = "job-edit-confirm-back"
CONFIRM_DELETE_KEY = "job-edit-confirm-delete"
LOG_FORM_KEY = "job-log-form"
UNDO_KEY = "job-undo-last-delete"
DELETE_JOB_KEY = "job-delete-confirm"
LOG_RESET_KEY = "job-log-reset"

show_flash()
job_id = st.query_params.get("id")


def pick_job() -> None:
    """No job in the address: let the user choose one."""
    st.title("Job timeline")
    with session() as s:
        items = jobs.list_jobs(s)["items"]
    if not items:
        st.info("No jobs yet. Add one on the Jobs page.", icon=":material/info:")
        st.page_link("pages/jobs.py", label="Go to Jobs", icon=":material/work:")
        st.stop()
    labels = {j["id"]: f"{j['employer']} · {j['title']}" for j in items}
    chosen = st.selectbox("Job", list(labels), format_func=labels.get, index=None, placeholder="Choose a job")
    if chosen:
        st.query_params["id"] = chosen
        st.rerun()
    st.stop()


def with_moved_notice(message: str, answer: dict) -> str:
    """The message, saying so when the action moved the applied date back."""
    moved = answer.get("appliedMovedTo")
    return f"{message.rstrip('.')}. Applied date moved to {local_date(moved)}." if moved else message


def header(job: dict) -> None:
    """Who, what, where the job stands."""
    st.title(inert(f"{job['employer']} · {job['title']}"), anchor=False)
    where = standing(job["status"], job["currentStage"])
    facts = [f"**{inert(standing_label(job['status'], job['currentStage'], job['outcome']))}**"]
    if where == "in_progress":
        facts.append(STANDING_LABELS[where])
    if job["appliedAt"]:
        facts.append(f"applied {local_date(job['appliedAt'])} ({relative_time(job['appliedAt'])})")
    if job["location"]:
        facts.append(inert(job["location"]))
    if job["source"]:
        facts.append(f"via {inert(job['source'])}")
    st.markdown(" · ".join(facts))
    if job["jobUrl"]:
        st.link_button("Open posting", job["jobUrl"], icon=":material/open_in_new:")


def where_after(preview: dict) -> str:
    """Where the job will stand after the edit, in words."""
    after = stage_label(preview["stageAfter"])
    if preview["outcomeAfter"]:
        after = f"{after}: {stage_label(preview['outcomeAfter'])}"
    return after


def close_edit() -> None:
    """Forget the open dialog and any question it asked."""
    for key in (EDIT_KEY, CONFIRM_BACK_KEY, CONFIRM_DELETE_KEY):
        st.session_state.pop(key, None)


def save_event(job_id: str, event: dict, changes: dict) -> None:
    """Save the edit and close the dialog."""
    saved = attempt(lambda s: tracking.update_event(s, job_id, event["id"], changes))
    if saved is not None:
        flash(with_moved_notice("Event saved.", saved))
        close_edit()
        st.rerun()


def confirm_back(job_id: str, event: dict) -> None:
    """Ask before an edit moves the job back to an earlier stage."""
    changes, preview = st.session_state[CONFIRM_BACK_KEY]
    st.warning(
        f"This moves the job back from {inert(stage_label(preview['stageBefore']))} to "
        f"{inert(where_after(preview))}.",
        icon=":material/undo:",
    )
    go, back = st.columns(2)
    if go.button("Move it back", type="primary", key="edit-confirm-back"):
        save_event(job_id, event, changes)
    if back.button("Keep editing", key="edit-keep-editing"):
        st.session_state.pop(CONFIRM_BACK_KEY, None)
        st.rerun()


def keep_undo(kind: str, job_id: str, label: str, snapshot: dict) -> None:
    """Remember the last delete, so it can be undone."""
    st.session_state[UNDO_KEY] = {"kind": kind, "jobId": job_id, "label": label, "snapshot": snapshot}


def undo_offer(job_id: str) -> None:
    """Offer to bring back the last event or job deleted here."""
    last = st.session_state.get(UNDO_KEY)
    if not last or last["jobId"] != job_id:
        return
    what = "this job" if last["kind"] == "job" else f"“{inert(last['label'])}”"
    text, button = st.columns([4, 1], vertical_alignment="center")
    text.info(f"You deleted {what}.", icon=":material/delete:")
    if button.button("Undo", icon=":material/undo:", key="job-undo"):
        restore = jobs.restore_job if last["kind"] == "job" else tracking.restore_event
        if attempt(lambda s: restore(s, last["snapshot"]), f"Brought back {last['label']}.") is not None:
            st.session_state.pop(UNDO_KEY, None)
            st.rerun()


@st.dialog("Delete this job?")
def delete_job_dialog(job: dict) -> None:
    """Ask before deleting the job and its timeline."""
    st.warning(
        f"Delete {inert(job['title'])} at {inert(job['employer'])} with its timeline? Linked mail stays, "
        "unlinked. You can undo this right after.",
        icon=":material/delete_forever:",
    )
    go, back = st.columns(2)
    if go.button("Delete job", type="primary", key="job-confirm-delete"):

        def delete(s: Session) -> dict:
            snapshot = jobs.deletable_job(s, job["id"])
            jobs.delete_job(s, job["id"])
            return snapshot

        snapshot = attempt(delete, "Job deleted.")
        if snapshot is not None:
            st.session_state.pop(DELETE_JOB_KEY, None)
            keep_undo("job", job["id"], f"{job['title']} at {job['employer']}", snapshot)
            st.rerun()
    if back.button("Keep it", key="job-keep"):
        st.session_state.pop(DELETE_JOB_KEY, None)
        st.rerun()


def delete_job_button(job: dict) -> None:
    """Delete the job, after asking."""
    if st.button("Delete this job", icon=":material/delete_forever:", key="job-delete"):
        st.session_state[DELETE_JOB_KEY] = job["id"]
    if st.session_state.get(DELETE_JOB_KEY) == job["id"]:
        delete_job_dialog(job)


def confirm_delete_event(job_id: str, event: dict) -> None:
    """Ask before deleting an event."""
    st.warning(
        f"Delete “{inert(event['title'])}”? The job's stage follows the events that remain.",
        icon=":material/delete:",
    )
    go, back = st.columns(2)
    if go.button("Delete event", type="primary", key="edit-confirm-delete"):

        def delete(s: Session) -> dict:
            snapshot = tracking.deletable_event(s, job_id, event["id"])
            tracking.delete_event(s, job_id, event["id"])
            return snapshot

        snapshot = attempt(delete, "Event deleted. You can undo it above the timeline.")
        if snapshot is not None:
            keep_undo("event", job_id, event["title"], snapshot)
            close_edit()
            st.rerun()
    if back.button("Keep it", key="edit-keep-event"):
        st.session_state.pop(CONFIRM_DELETE_KEY, None)
        st.rerun()


@st.dialog("Edit event")
def edit_dialog(job_id: str, event: dict) -> None:
    """Change an event's stage, date, label, note or outcome, or delete it."""
    if st.session_state.get(CONFIRM_BACK_KEY):
        confirm_back(job_id, event)
        return
    if st.session_state.get(CONFIRM_DELETE_KEY):
        confirm_delete_event(job_id, event)
        return
    when = as_local(event["occurredAt"])
    moves = event["metadata"].get("eventType", "status_update") == "status_update"
    stage = event["toStage"]
    if moves:
        stage = st.selectbox("Stage", STAGES, index=STAGES.index(event["toStage"]), format_func=stage_label)
    else:
        st.caption("A note stays in the stage the job was in at its date.")
    # The API accepts events up to a day ahead (time zones): such a date must still open here.
    day = st.date_input("Date", value=when.date(), max_value=max(date.today(), when.date()))
    at = st.time_input("Time", value=when.time().replace(second=0, microsecond=0))
    title = st.text_input("Label", value=event["title"])
    note = st.text_area("Note", value=event["metadata"].get("note", ""))
    outcome = None
    if moves and stage == CLOSED:
        current = event["outcome"] if event["outcome"] in OUTCOMES else OUTCOMES[0]
        outcome = st.selectbox("Outcome", OUTCOMES, index=OUTCOMES.index(current), format_func=stage_label)
    changes = {"occurredAt": at_local_time(day, at), "title": title, "metadata": {"note": note}}
    if moves:
        changes |= {"toStage": stage, "outcome": outcome}
    try:
        with session() as s:
            preview = tracking.preview_event_update(s, job_id, event["id"], changes)
    except InvalidInput as exc:
        st.error(inert(exc.message), icon=":material/error:")
        preview = {"movesBack": False}
    else:
        st.caption(f"After saving, the job stands in {inert(where_after(preview))}.")
    save, remove, cancel = st.columns(3)
    if save.button("Save", type="primary", icon=":material/save:", key="edit-save"):
        if preview["movesBack"]:
            st.session_state[CONFIRM_BACK_KEY] = (changes, preview)
            st.rerun()
        save_event(job_id, event, changes)
    if remove.button("Delete", icon=":material/delete:", key="edit-delete"):
        st.session_state[CONFIRM_DELETE_KEY] = True
        st.rerun()
    if cancel.button("Cancel", key="edit-cancel"):
        close_edit()
        st.rerun()


def timeline(job_id: str, events: list[dict]) -> None:
    """The events, oldest or newest first, each with who logged it and an edit button."""
    newest_first = st.toggle("Newest first", value=True, key="timeline-order")
    ordered = events[::-1] if newest_first else events
    if not ordered:
        st.info("No events yet. Log the first one below.", icon=":material/info:")
    for event in ordered:
        actor = "You" if event["metadata"].get("actor", "user") == "user" else "JobOps, from email"
        with st.container(border=True):
            left, right = st.columns([6, 1])
            stage = stage_label(event["toStage"])
            if event["outcome"]:
                stage = f"{stage}: {stage_label(event['outcome'])}"
            left.markdown(
                f"**{inert(event['title'])}**  \n:gray-badge[{inert(stage)}] "
                f":gray-badge[{EVENT_TYPE_LABELS.get(event['metadata'].get('eventType'), 'Event')}]"
            )
            left.caption(
                f"{local_datetime(event['occurredAt'])} · {relative_time(event['occurredAt'])} · by {actor}"
            )
            if event["metadata"].get("reasonCode") == tracking.APPLIED_MOVED:
                left.caption(
                    f"Applied date moved to {local_date(event['occurredAt'])}: older mail or events "
                    "were linked to this job."
                )
            if event["metadata"].get("note"):
                left.text(event["metadata"]["note"])
            if right.button("Edit", key=f"edit-{event['id']}", icon=":material/edit:"):
                st.session_state[EDIT_KEY] = event["id"]
    editing = st.session_state.get(EDIT_KEY)
    match = next((e for e in events if e["id"] == editing), None)
    if match:
        edit_dialog(job_id, match)


def log_form(job: dict) -> None:
    """Log a stage change, an interview or a note; closing needs an outcome and may give a reason."""
    st.subheader("Log what happened", anchor=False)
    form = st.session_state.setdefault(LOG_FORM_KEY, 0)
    if st.session_state.pop(LOG_RESET_KEY, False):  # logged: start again from a note, happening now
        st.session_state["log-stage"], st.session_state["log-earlier"] = NO_CHANGE, False
    targets = [NO_CHANGE, *STAGES]
    pick, when_col = st.columns([2, 1], vertical_alignment="bottom")
    stage = pick.selectbox(
        "Stage",
        targets,
        index=0,
        key="log-stage",
        format_func=lambda s: "No change (note or interview log)" if s == NO_CHANGE else stage_label(s),
    )
    earlier = when_col.toggle("It happened earlier", key="log-earlier", help="Off: logged as happening now.")
    closing = stage == CLOSED
    with st.form(f"log-event-{form}"):
        left, middle, right = st.columns(3)
        day, at = date.today(), datetime.now().time()
        if earlier:
            day = left.date_input("Date", value=date.today(), max_value=date.today())
            at = middle.time_input("Time", value=time(9, 0))
        kind = (right if earlier else left).selectbox(
            "Type",
            EVENT_TYPES,
            format_func=EVENT_TYPE_LABELS.get,
            index=EVENT_TYPES.index("note" if stage == NO_CHANGE else "status_update"),
        )
        outcome = None
        if closing:
            outcome = st.selectbox(
                "Outcome", OUTCOMES, index=None, format_func=stage_label, placeholder="How did it end?"
            )
        label = st.text_input("Label", placeholder="Optional: e.g. Call with Anna from recruiting")
        note = st.text_area(
            "Reason" if closing else "Note",
            placeholder="Optional: why it ended, what they said"
            if closing
            else "What was said, who you met, what comes next",
        )
        submitted = st.form_submit_button("Log event", type="primary", icon=":material/add:")
    if not submitted:
        return
    if closing and outcome is None:
        st.error("Choose how it ended (the outcome) to close the job.", icon=":material/error:")
        return
    metadata = {"actor": "user", "eventType": kind}
    if label.strip():
        metadata["eventLabel"] = label.strip()
    if note.strip():
        metadata["note"] = note
    logged = attempt(
        lambda s: tracking.transition_stage(
            s,
            job["id"],
            stage,
            occurred_at=at_local_time(day, at) if earlier else None,
            metadata=metadata,
            outcome=outcome,
        )
    )
    if logged:
        flash(with_moved_notice(f"Logged: {logged['title']}", logged))
        st.session_state[LOG_FORM_KEY] = form + 1
        st.session_state[LOG_RESET_KEY] = True
        st.rerun()


def email_list(items: list[dict]) -> None:
    """Mail linked to this job: a summary table, then each message's text, why it was linked and what it logged."""
    if not items:
        st.info(
            "No email is linked to this job yet. Approve messages in the Tracking Inbox or sync your mail.",
            icon=":material/mail:",
        )
        return
    email_table(items)
    for item in items:
        email_details(item)


def sender_of(message: dict) -> str:
    """The sender as the user knows them."""
    return message["senderName"] or message["fromAddress"]


def logged_as(item: dict) -> str:
    """The timeline event a message created, or why there is none."""
    event = item["event"]
    return f"{event['title']} ({local_date(event['occurredAt'])})" if event else "Linked only: no event"


def email_table(items: list[dict]) -> None:
    """One row a message; the link column only when some message has a source to open."""
    rows = pd.DataFrame(
        {
            "Received": [local_datetime(i["message"]["receivedAt"]) for i in items],
            "From": [sender_of(i["message"]) for i in items],
            "Subject": [i["message"]["subject"] for i in items],
            "Linked": [
                "automatically" if i["message"]["processingStatus"] == "auto_linked" else "by you"
                for i in items
            ],
            "Confidence": [i["message"]["matchConfidence"] or 0 for i in items],
            "Logged as": [logged_as(i) for i in items],
        }
    )
    if any(i["sourceUrl"] for i in items):
        rows["Open"] = [i["sourceUrl"] for i in items]
    st.dataframe(
        rows,
        hide_index=True,
        width="stretch",
        column_config={
            "Confidence": st.column_config.ProgressColumn(min_value=0, max_value=100, format="%d%%"),
            "Open": st.column_config.LinkColumn(display_text="Open in Gmail"),
            "Subject": st.column_config.TextColumn(width="large"),
        },
    )


def email_details(item: dict) -> None:
    """One message read in full, as plain text."""
    message = item["message"]
    label = f"{message['subject'] or '(no subject)'} · {sender_of(message)}"
    with st.expander(inert(label), icon=":material/mail:"):
        st.text(
            f"From: {message['senderName']} <{message['fromAddress']}>"
            if message["senderName"]
            else f"From: {message['fromAddress']}"
        )
        st.text(f"Received: {local_datetime(message['receivedAt'])} · {item['accountDisplayName']}")
        if message["reason"]:
            st.text(f"Why: {message['reason']}")
        st.text(f"Logged as: {logged_as(item)}")
        st.text(item["bodyText"] or "(no text)")
        if item["sourceUrl"]:
            st.link_button("Open in Gmail", item["sourceUrl"], icon=":material/open_in_new:")


DETAIL_LABELS = {
    "title": "Job title",
    "employer": "Employer",
    "jobUrl": "Posting URL",
    "location": "Location",
    "source": "Source",
    "notes": "Notes",
    "salary": "Salary",
    "recruiterName": "Recruiter",
    "recruiterEmail": "Recruiter email",
    "nextStepDue": "Due date",
    "nextStepTime": "Due time",
    "nextStep": "Next step",
}


def save_details(job_id: str, changes: dict) -> dict | None:
    """Save the details; a refusal names the field by the label the user sees."""

    def save(s: Session) -> dict:
        try:
            return jobs.update_job(s, job_id, changes)
        except InvalidInput as exc:
            label = DETAIL_LABELS.get(exc.field or "")
            message = exc.message.replace(exc.field, label, 1) if label and exc.field else exc.message
            raise InvalidInput(message, field=exc.field) from None

    return attempt(save, "Details saved.")


def details_form(job: dict) -> None:
    """Edit the job's details, salary, recruiter and notes."""
    with st.form("job-details"):
        left, right = st.columns(2)
        title = left.text_input("Job title", value=job["title"])
        employer = right.text_input("Employer", value=job["employer"])
        job_url = left.text_input("Posting URL", value=job["jobUrl"] or "")
        location = right.text_input("Location", value=job["location"] or "")
        source = left.text_input("Source", value=job["source"] or "")
        salary = right.text_input("Salary", value=job["salary"] or "", placeholder="€60–70k, $120k + equity…")
        recruiter = left.text_input("Recruiter", value=job["recruiterName"] or "", placeholder="Name")
        recruiter_email = right.text_input(
            "Recruiter email", value=job["recruiterEmail"] or "", placeholder="name@company.com"
        )
        step, due, at = st.columns([2, 1, 1])
        next_step = step.text_input(
            "Next step",
            value=job["nextStep"] or "",
            placeholder="Technical interview with Anna, send references…",
        )
        next_due = due.date_input(
            "Due date",
            value=date.fromisoformat(job["nextStepDue"]) if job["nextStepDue"] else None,
            format="YYYY-MM-DD",
        )
        next_time = at.time_input(
            "Due time",
            value=time.fromisoformat(job["nextStepTime"]) if job["nextStepTime"] else None,
            help="Optional: the time of an interview or call.",
        )
        notes = st.text_area("Notes", value=job["notes"] or "", height=160)
        saved = st.form_submit_button("Save details", type="primary", icon=":material/save:")
    if saved:
        changes = {
            "title": title,
            "employer": employer,
            "jobUrl": job_url,
            "location": location,
            "source": source,
            "salary": salary,
            "recruiterName": recruiter,
            "recruiterEmail": recruiter_email,
            "notes": notes,
            "nextStep": next_step,
            "nextStepDue": next_due,
            "nextStepTime": next_time,
        }
        if save_details(job["id"], changes) is not None:
            st.rerun()


def calendar_download(job: dict) -> None:
    """The next step as a calendar event, for an interview or call to land in the user's calendar."""
    if not (job["nextStep"] and job["nextStepDue"]):
        return
    st.download_button(
        "Add next step to calendar (.ics)",
        data=calendar_file.job_step_event(job),
        file_name=calendar_file.file_name(job),
        mime="text/calendar",
        icon=":material/event:",
        key="next-step-ics",
    )


if not job_id:
    pick_job()

try:
    with session() as s:
        job = jobs.get_job(s, job_id)
        events = tracking.list_events(s, job_id)
        emails = job_emails(s, job_id).model_dump(by_alias=True)  # the email list below reads camelCase keys
except NotFound:
    deleted_here = st.session_state.get(UNDO_KEY, {}).get("jobId") == job_id
    if deleted_here:
        undo_offer(job_id)
    else:
        st.error("This job no longer exists.", icon=":material/error:")
    st.page_link("pages/jobs.py", label="Back to Jobs", icon=":material/work:")
    st.stop()

st.page_link("pages/board.py", label="Back to the board", icon=":material/arrow_back:")
header(job)
undo_offer(job["id"])
timeline_tab, emails_tab, details_tab = st.tabs(
    ["Timeline", f"Emails ({emails['total']})", "Details & notes"]
)
with timeline_tab:
    timeline(job["id"], events)
    st.divider()
    log_form(job)
with emails_tab:
    email_list(emails["items"])
with details_tab:
    details_form(job)
    calendar_download(job)
    delete_job_button(job)
