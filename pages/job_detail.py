"""Job: one application's stage timeline, logging what happened, notes and details."""

from datetime import date, datetime, time

import pandas as pd
import streamlit as st
from sqlalchemy.orm import Session

from jobops import calendar_file, inbox, jobs, tracking
from jobops.errors import InvalidInput, NotFound
from jobops.escape import inert
from jobops.humanize import as_local, local_date, local_datetime, relative_time
from jobops.localtime import at_local_time
from jobops.stages import (
    CLOSED, EVENT_TYPES, NO_CHANGE, OUTCOMES, STAGES, STANDING_LABELS, stage_label, standing, standing_label,
)
from jobops.ui import attempt, flash, session, show_flash

EVENT_TYPE_LABELS = {"status_update": "Stage change", "interview_log": "Interview log", "note": "Note"}
EDIT_KEY = "job-edit-event"

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


@st.dialog("Edit event")
def edit_dialog(job_id: str, event: dict) -> None:
    """Change an event's stage, date, label, note or outcome, or delete it."""
    when = as_local(event["occurredAt"])
    stage = st.selectbox("Stage", STAGES, index=STAGES.index(event["toStage"]), format_func=stage_label)
    # The API accepts events up to a day ahead (time zones): such a date must still open here.
    day = st.date_input("Date", value=when.date(), max_value=max(date.today(), when.date()))
    at = st.time_input("Time", value=when.time().replace(second=0, microsecond=0))
    title = st.text_input("Label", value=event["title"])
    note = st.text_area("Note", value=event["metadata"].get("note", ""))
    outcome = None
    if stage == CLOSED:
        current = event["outcome"] if event["outcome"] in OUTCOMES else OUTCOMES[0]
        outcome = st.selectbox("Outcome", OUTCOMES, index=OUTCOMES.index(current), format_func=stage_label)
    save, remove, cancel = st.columns(3)
    if save.button("Save", type="primary", icon=":material/save:", key="edit-save"):
        changes = {"toStage": stage, "occurredAt": at_local_time(day, at), "title": title,
                   "metadata": {"note": note}, "outcome": outcome}
        saved = attempt(lambda s: tracking.update_event(s, job_id, event["id"], changes))
        if saved is not None:
            flash(with_moved_notice("Event saved.", saved))
            st.session_state.pop(EDIT_KEY, None)
            st.rerun()
    if remove.button("Delete", icon=":material/delete:", key="edit-delete"):
        if attempt(lambda s: tracking.delete_event(s, job_id, event["id"]), "Event deleted.") is not None:
            st.session_state.pop(EDIT_KEY, None)
            st.rerun()
    if cancel.button("Cancel", key="edit-cancel"):
        st.session_state.pop(EDIT_KEY, None)
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
            left.markdown(f"**{inert(event['title'])}**  \n:gray-badge[{inert(stage)}] "
                          f":gray-badge[{EVENT_TYPE_LABELS.get(event['metadata'].get('eventType'), 'Event')}]")
            left.caption(f"{local_datetime(event['occurredAt'])} · {relative_time(event['occurredAt'])} · by {actor}")
            if event["metadata"].get("reasonCode") == tracking.APPLIED_MOVED:
                left.caption(f"Applied date moved to {local_date(event['occurredAt'])}: older mail or events "
                             "were linked to this job.")
            if event["metadata"].get("note"):
                left.text(event["metadata"]["note"])
            if right.button("Edit", key=f"edit-{event['id']}", icon=":material/edit:"):
                st.session_state[EDIT_KEY] = event["id"]
    editing = st.session_state.get(EDIT_KEY)
    match = next((e for e in events if e["id"] == editing), None)
    if match:
        edit_dialog(job_id, match)


def log_form(job: dict) -> None:
    """Log a stage change, an interview or a note."""
    st.subheader("Log what happened", anchor=False)
    targets = [NO_CHANGE, *STAGES]
    pick, when_col = st.columns([2, 1], vertical_alignment="bottom")
    stage = pick.selectbox("Stage", targets, index=0, key="log-stage",
                           format_func=lambda s: "No change (note or interview log)" if s == NO_CHANGE else stage_label(s))
    earlier = when_col.toggle("It happened earlier", key="log-earlier", help="Off: logged as happening now.")
    with st.form("log-event", clear_on_submit=True):
        left, middle, right = st.columns(3)
        day, at = date.today(), datetime.now().time()
        if earlier:
            day = left.date_input("Date", value=date.today(), max_value=date.today())
            at = middle.time_input("Time", value=time(9, 0))
        kind = (right if earlier else left).selectbox("Type", EVENT_TYPES, format_func=EVENT_TYPE_LABELS.get,
                               index=EVENT_TYPES.index("note" if stage == NO_CHANGE else "status_update"))
        outcome = None
        if stage == CLOSED:
            outcome = st.selectbox("Outcome", OUTCOMES, format_func=stage_label)
        label = st.text_input("Label", placeholder="Optional: e.g. Call with Anna from recruiting")
        note = st.text_area("Note", placeholder="What was said, who you met, what comes next")
        submitted = st.form_submit_button("Log event", type="primary", icon=":material/add:")
    if submitted:
        metadata = {"actor": "user", "eventType": kind}
        if label.strip():
            metadata["eventLabel"] = label.strip()
        if note.strip():
            metadata["note"] = note
        logged = attempt(lambda s: tracking.transition_stage(
            s, job["id"], stage, occurred_at=at_local_time(day, at) if earlier else None, metadata=metadata,
            outcome=outcome))
        if logged:
            flash(with_moved_notice(f"Logged: {logged['title']}", logged))
            st.rerun()


def email_list(items: list[dict]) -> None:
    """Mail linked to this job: a summary table, then each message's text, why it was linked and what it logged."""
    if not items:
        st.info("No email is linked to this job yet. Approve messages in the Tracking Inbox or sync your mail.",
                icon=":material/mail:")
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
            "Linked": ["automatically" if i["message"]["processingStatus"] == "auto_linked" else "by you"
                       for i in items],
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
        st.text(f"From: {message['senderName']} <{message['fromAddress']}>" if message["senderName"]
                else f"From: {message['fromAddress']}")
        st.text(f"Received: {local_datetime(message['receivedAt'])} · {item['accountDisplayName']}")
        if message["reason"]:
            st.text(f"Why: {message['reason']}")
        st.text(f"Logged as: {logged_as(item)}")
        st.text(item["bodyText"] or "(no text)")
        if item["sourceUrl"]:
            st.link_button("Open in Gmail", item["sourceUrl"], icon=":material/open_in_new:")


DETAIL_LABELS = {"title": "Job title", "employer": "Employer", "jobUrl": "Posting URL", "location": "Location",
                 "source": "Source", "notes": "Notes", "salary": "Salary", "recruiterName": "Recruiter",
                 "recruiterEmail": "Recruiter email", "nextStepDue": "Due date", "nextStepTime": "Due time",
                 "nextStep": "Next step"}


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
        recruiter_email = right.text_input("Recruiter email", value=job["recruiterEmail"] or "",
                                           placeholder="name@company.com")
        step, due, at = st.columns([2, 1, 1])
        next_step = step.text_input("Next step", value=job["nextStep"] or "",
                                    placeholder="Technical interview with Anna, send references…")
        next_due = due.date_input("Due date", value=date.fromisoformat(job["nextStepDue"]) if job["nextStepDue"]
                                  else None, format="YYYY-MM-DD")
        next_time = at.time_input("Due time", value=time.fromisoformat(job["nextStepTime"]) if job["nextStepTime"]
                                  else None, help="Optional: the time of an interview or call.")
        notes = st.text_area("Notes", value=job["notes"] or "", height=160)
        saved = st.form_submit_button("Save details", type="primary", icon=":material/save:")
    if saved:
        changes = {"title": title, "employer": employer, "jobUrl": job_url, "location": location,
                   "source": source, "salary": salary, "recruiterName": recruiter,
                   "recruiterEmail": recruiter_email, "notes": notes, "nextStep": next_step,
                   "nextStepDue": next_due, "nextStepTime": next_time}
        if save_details(job["id"], changes) is not None:
            st.rerun()
    if st.button("Delete this job", icon=":material/delete_forever:", key="job-delete"):
        if attempt(lambda s: jobs.delete_job(s, job["id"]), "Job deleted.") is not None:
            st.switch_page("pages/jobs.py")


def calendar_download(job: dict) -> None:
    """The next step as a calendar event, for an interview or call to land in the user's calendar."""
    if not (job["nextStep"] and job["nextStepDue"]):
        return
    st.download_button("Add next step to calendar (.ics)", data=calendar_file.job_step_event(job),
                       file_name=calendar_file.file_name(job), mime="text/calendar", icon=":material/event:",
                       key="next-step-ics")


if not job_id:
    pick_job()

try:
    with session() as s:
        job = jobs.get_job(s, job_id)
        events = tracking.list_events(s, job_id)
        emails = inbox.job_emails(s, job_id)
except NotFound:
    st.error("This job no longer exists.", icon=":material/error:")
    st.page_link("pages/jobs.py", label="Back to Jobs", icon=":material/work:")
    st.stop()

st.page_link("pages/board.py", label="Back to the board", icon=":material/arrow_back:")
header(job)
timeline_tab, emails_tab, details_tab = st.tabs(["Timeline", f"Emails ({emails['total']})", "Details & notes"])
with timeline_tab:
    timeline(job["id"], events)
    st.divider()
    log_form(job)
with emails_tab:
    email_list(emails["items"])
with details_tab:
    details_form(job)
    calendar_download(job)
