"""Job: one application's stage timeline, logging what happened, notes and details."""

import streamlit as st
from sqlalchemy.orm import Session

from jobops import calendar_file, jobs, tracking
from jobops.dashboard.page import attempt, session, show_flash
from jobops.errors import InvalidInput, NotFound
from jobops.escape import inert
from jobops.humanize import local_date, relative_time
from jobops.job_emails import job_emails
from jobops.schemas import parse
from jobops.schemas.jobs import JobOut, JobPatch
from jobops.stages import STANDING_LABELS, standing, standing_label
from pages.job_emails import email_list
from pages.job_timeline import UNDO_KEY, keep_undo, log_form, timeline

DELETE_JOB_KEY = "job-delete-confirm"

show_flash()
job_id = st.query_params.get("id")


def pick_job() -> None:
    """No job in the address: let the user choose one."""
    st.title("Job timeline")
    with session() as s:
        items = jobs.list_jobs(s).items
    if not items:
        st.info("No jobs yet. Add one on the Jobs page.", icon=":material/info:")
        st.page_link("pages/jobs.py", label="Go to Jobs", icon=":material/work:")
        st.stop()
    labels = {j.id: f"{j.employer} · {j.title}" for j in items}
    chosen = st.selectbox("Job", list(labels), format_func=labels.get, index=None, placeholder="Choose a job")
    if chosen:
        st.query_params["id"] = chosen
        st.rerun()
    st.stop()


def header(job: JobOut) -> None:
    """Who, what, where the job stands."""
    st.title(inert(f"{job.employer} · {job.title}"), anchor=False)
    where = standing(job.status, job.current_stage)
    facts = [f"**{inert(standing_label(job.status, job.current_stage, job.outcome))}**"]
    if where == "in_progress":
        facts.append(STANDING_LABELS[where])
    if job.applied_at:
        facts.append(f"applied {local_date(job.applied_at)} ({relative_time(job.applied_at)})")
    if job.location:
        facts.append(inert(job.location))
    if job.source:
        facts.append(f"via {inert(job.source)}")
    st.markdown(" · ".join(facts))
    if job.job_url:
        st.link_button("Open posting", job.job_url, icon=":material/open_in_new:")


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
def delete_job_dialog(job: JobOut) -> None:
    """Ask before deleting the job and its timeline."""
    st.warning(
        f"Delete {inert(job.title)} at {inert(job.employer)} with its timeline? Linked mail stays, "
        "unlinked. You can undo this right after.",
        icon=":material/delete_forever:",
    )
    go, back = st.columns(2)
    if go.button("Delete job", type="primary", key="job-confirm-delete"):

        def delete(s: Session) -> dict[str, object]:
            snapshot = jobs.deletable_job(s, job.id)
            jobs.delete_job(s, job.id)
            return snapshot

        snapshot = attempt(delete, "Job deleted.")
        if snapshot is not None:
            st.session_state.pop(DELETE_JOB_KEY, None)
            keep_undo("job", job.id, f"{job.title} at {job.employer}", snapshot)
            st.rerun()
    if back.button("Keep it", key="job-keep"):
        st.session_state.pop(DELETE_JOB_KEY, None)
        st.rerun()


def delete_job_button(job: JobOut) -> None:
    """Delete the job, after asking."""
    if st.button("Delete this job", icon=":material/delete_forever:", key="job-delete"):
        st.session_state[DELETE_JOB_KEY] = job.id
    if st.session_state.get(DELETE_JOB_KEY) == job.id:
        delete_job_dialog(job)


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


def save_details(job_id: str, changes: dict[str, object]) -> JobOut | None:
    """Save the details; a refusal names the field by the label the user sees."""

    def save(s: Session) -> JobOut:
        try:
            return jobs.update_job(s, job_id, parse(JobPatch, changes))
        except InvalidInput as exc:
            label = DETAIL_LABELS.get(exc.field or "")
            message = exc.message.replace(exc.field, label, 1) if label and exc.field else exc.message
            raise InvalidInput(message, field=exc.field) from None

    return attempt(save, "Details saved.")


def details_form(job: JobOut) -> None:
    """Edit the job's details, salary, recruiter and notes."""
    with st.form("job-details"):
        left, right = st.columns(2)
        title = left.text_input("Job title", value=job.title)
        employer = right.text_input("Employer", value=job.employer)
        job_url = left.text_input("Posting URL", value=job.job_url or "")
        location = right.text_input("Location", value=job.location or "")
        source = left.text_input("Source", value=job.source or "")
        salary = right.text_input("Salary", value=job.salary or "", placeholder="€60–70k, $120k + equity…")
        recruiter = left.text_input("Recruiter", value=job.recruiter_name or "", placeholder="Name")
        recruiter_email = right.text_input(
            "Recruiter email", value=job.recruiter_email or "", placeholder="name@company.com"
        )
        step, due, at = st.columns([2, 1, 1])
        next_step = step.text_input(
            "Next step",
            value=job.next_step or "",
            placeholder="Technical interview with Anna, send references…",
        )
        next_due = due.date_input(
            "Due date",
            value=job.next_step_due,
            format="YYYY-MM-DD",
        )
        next_time = at.time_input(
            "Due time",
            value=job.next_step_time,
            help="Optional: the time of an interview or call.",
        )
        notes = st.text_area("Notes", value=job.notes or "", height=160)
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
        if save_details(job.id, changes) is not None:
            st.rerun()


def calendar_download(job: JobOut) -> None:
    """The next step as a calendar event, for an interview or call to land in the user's calendar."""
    if not (job.next_step and job.next_step_due):
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
        emails = job_emails(s, job_id)
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
undo_offer(job.id)
timeline_tab, emails_tab, details_tab = st.tabs(["Timeline", f"Emails ({emails.total})", "Details & notes"])
with timeline_tab:
    timeline(job.id, events)
    st.divider()
    log_form(job)
with emails_tab:
    email_list(emails.items)
with details_tab:
    details_form(job)
    calendar_download(job)
    delete_job_button(job)
