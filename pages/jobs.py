"""Jobs: every job you track, adding one, importing a CSV, exporting."""

from datetime import date

import pandas as pd
import streamlit as st
from sqlalchemy.orm import Session

from jobops import job_csv, jobs, sample, sheet_values
from jobops.dashboard.page import attempt, flash, session, show_flash
from jobops.errors import InvalidInput
from jobops.escape import inert
from jobops.humanize import relative_time
from jobops.schemas import parse
from jobops.schemas.jobs import JobIn, JobOut
from jobops.stages import CLOSED, JOB_STATUSES, STANDING_LABELS, STANDINGS, STATUS_LABELS, standing_label

show_flash()
st.title("Jobs")
st.caption("Everything you applied to or plan to. Open a job to see its timeline and log what happened.")

tab_names = ["All jobs", "Add a job", "Import CSV"]
default_tab = "Import CSV" if st.query_params.get("tab") == "import" else "All jobs"
list_tab, add_tab, import_tab = st.tabs(tab_names, default=default_tab)


def job_rows(items: list[JobOut]) -> pd.DataFrame:
    """The table behind the list: readable stages and relative dates."""
    return pd.DataFrame(
        {
            "id": [j.id for j in items],
            "Employer": [j.employer + (" (sample)" if j.is_sample else "") for j in items],
            "Title": [j.title for j in items],
            "Where it stands": [standing_label(j.status, j.current_stage, j.outcome) for j in items],
            "Applied": [relative_time(j.applied_at) if j.applied_at else "—" for j in items],
            "Last activity": [relative_time(j.last_event_at or j.created_at) for j in items],
            "Source": [j.source or "" for j in items],
            "Posting": [j.job_url for j in items],
        }
    )


with list_tab:
    search_col, standing_col, closed_col = st.columns([2, 3, 1], vertical_alignment="bottom")
    search = search_col.text_input("Search", placeholder="Employer, title or location", key="jobs-search")
    standings = standing_col.multiselect(
        "Where it stands",
        STANDINGS,
        format_func=STANDING_LABELS.get,
        placeholder="Anywhere but closed",
        key="jobs-standing",
    )
    show_closed = closed_col.toggle(
        "Show closed",
        key="jobs-show-closed",
        help="Closed jobs are archived: hidden unless you ask for them.",
    )
    with session() as s:
        listing = jobs.list_jobs(s, standings=standings, include_closed=show_closed, search=search)
        archived = (
            0
            if show_closed or standings
            else jobs.list_jobs(s, standings=[CLOSED], search=search, limit=0).total
        )
        samples_loaded = sample.has_sample_data(s)
        export = job_csv.export_jobs_csv(s)
    if not listing.items:
        if archived:
            st.info(
                f"All {archived} matching job(s) are closed: turn on Show closed to see them.",
                icon=":material/inventory_2:",
            )
        elif search or standings:
            st.info("No job matches these filters.", icon=":material/filter_alt_off:")
        else:
            st.info(
                "No jobs yet. Add one in the next tab, import a CSV, or load sample data.",
                icon=":material/info:",
            )
            if st.button("Load sample data", icon=":material/science:", key="jobs-load-sample"):
                count = attempt(sample.load_sample_data)
                flash(f"Added {count} sample jobs.")
                st.rerun()
    else:
        frame = job_rows(listing.items)
        selection = st.dataframe(
            frame,
            hide_index=True,
            width="stretch",
            on_select="rerun",
            selection_mode="multi-row",
            key="jobs-table",
            column_order=[
                c for c in frame.columns if c != "id" and (c != "Posting" or frame[c].notna().any())
            ],
            height=min(36 * (len(frame) + 1) + 2, 560),
            column_config={
                "Posting": st.column_config.LinkColumn("Posting", display_text="Open posting"),
                "Employer": st.column_config.TextColumn(width="medium"),
                "Title": st.column_config.TextColumn(width="medium"),
            },
        )
        picked = [frame.iloc[i]["id"] for i in selection.selection.rows]
        hidden = f" {archived} closed job(s) hidden: turn on Show closed to see them." if archived else ""
        st.caption(f"{listing.total} jobs.{hidden} Select rows to act on them.")
        b1, b2, b3, b4 = st.columns(4)
        if b1.button("Open timeline", icon=":material/timeline:", disabled=len(picked) != 1, key="jobs-open"):
            st.switch_page("pages/job_detail.py", query_params={"id": picked[0]})
        if b2.button("Mark as applied", icon=":material/send:", disabled=not picked, key="jobs-mark-applied"):
            for job_id in picked:
                attempt(lambda s, j=job_id: jobs.mark_applied(s, j))
            flash(f"Marked {len(picked)} job(s) as applied.")
            st.rerun()
        b3.download_button(
            "Export CSV",
            export,
            file_name=f"jobops-jobs-{date.today()}.csv",
            mime="text/csv",
            icon=":material/download:",
            key="jobs-export",
        )
        if samples_loaded and b4.button(
            "Remove sample data", icon=":material/delete_sweep:", key="jobs-remove-sample"
        ):
            removed = attempt(sample.remove_sample_data)
            flash(f"Removed {removed} sample jobs.")
            st.rerun()

ADD_FORM_KEY = "jobs-add-form"


def in_labels(exc: InvalidInput) -> InvalidInput:
    """The refusal, naming the field by the label the user sees instead of its API name."""
    label = FIELD_LABELS.get(exc.field or "")
    message = exc.message.replace(exc.field, label, 1) if label and exc.field else exc.message
    return InvalidInput(message, field=exc.field)


def add_job(data: dict[str, object]) -> JobOut | None:
    """Create the job; a refusal speaks the form's labels."""

    def create(s: Session) -> JobOut:
        try:
            return jobs.create_job(s, parse(JobIn, data))
        except InvalidInput as exc:
            raise in_labels(exc) from None

    return attempt(create)


def add_job_form() -> None:
    """Add one job; what was typed stays on a refusal and clears once the job is added."""
    form = st.session_state.setdefault(ADD_FORM_KEY, 0)  # a new form key starts empty
    with st.form(f"add-job-{form}", border=True):
        left, right = st.columns(2)
        title = left.text_input("Job title *", placeholder="Backend Engineer")
        employer = right.text_input("Employer *", placeholder="Stripe")
        job_url = left.text_input("Posting URL", placeholder="https://…")
        location = right.text_input("Location", placeholder="Remote, Berlin…")
        source = left.text_input("Source", placeholder="LinkedIn, referral, company site…")
        status = right.selectbox(
            "Status", JOB_STATUSES, index=JOB_STATUSES.index("applied"), format_func=STATUS_LABELS.get
        )
        applied_on = left.date_input(
            "Applied on", value=date.today(), max_value=date.today(), help="Used when the status is Applied."
        )
        notes = st.text_area("Notes", placeholder="Salary range, who referred you, anything to remember")
        submitted = st.form_submit_button("Add job", type="primary", icon=":material/add:")
    if submitted:
        data: dict[str, object] = {
            "title": title,
            "employer": employer,
            "jobUrl": job_url,
            "location": location,
            "source": source,
            "status": status,
            "notes": notes,
        }
        if status == "applied":
            data["appliedAt"] = applied_on  # a date alone: the application covers that whole day
        created = add_job(data)
        if created:
            st.session_state[ADD_FORM_KEY] = form + 1
            flash(f"Added {created.title} at {created.employer}.")
            st.rerun()


FIELD_LABELS = {
    "title": "Job title",
    "employer": "Employer",
    "jobUrl": "Posting URL",
    "location": "Location",
    "source": "Source",
    "notes": "Notes",
    "status": "Status",
    "appliedAt": "Applied on",
    "salary": "Salary",
    "recruiterName": "Recruiter",
    "recruiterEmail": "Recruiter email",
    "nextStep": "Next step",
    "nextStepDue": "Due date",
    "nextStepTime": "Due time",
    "closedAt": "Closed on",
    "stage": "Stage",
    "outcome": "Outcome",
}
UNRECOGNISED = "Applied (the status text kept in the notes)"


def column_mapping(table: pd.DataFrame) -> dict:
    """Which column holds what: guessed, and changeable."""
    guessed = job_csv.guess_mapping(list(table.columns))
    st.markdown("**Which column holds what?**")
    options = [None, *table.columns]
    cols = st.columns(4)
    return {
        field: cols[i % 4].selectbox(
            FIELD_LABELS[field] + (" *" if field in ("title", "employer") else ""),
            options,
            index=options.index(guessed[field]) if guessed[field] else 0,
            format_func=lambda c: "— not in file —" if c is None else c,
            key=f"map-{field}",
        )
        for i, field in enumerate(job_csv.FIELD_ALIASES)
    }


def date_order(table: pd.DataFrame, mapping: dict) -> str | None:
    """How the dates are written: read from the column, or asked when the column cannot tell."""
    detected = job_csv.detect_date_order(table, mapping)
    if detected:
        return detected
    example = next(v for v in table[mapping["appliedAt"]] if v.strip())
    question = (
        f"How are the dates in “{inert(mapping['appliedAt'])}” written? {inert(example)} could be either."
    )
    return st.radio(
        question,
        sheet_values.DATE_ORDERS,
        index=None,
        horizontal=True,
        key="import-dates",
        format_func=sheet_values.DATE_ORDER_LABELS.get,
    )


def status_mapping(table: pd.DataFrame, mapping: dict) -> dict:
    """Where each status written in the file puts its jobs; the user can change every line."""
    guessed = job_csv.guess_statuses(table, mapping)
    if not guessed:
        return {}
    st.markdown("**Where each status puts its jobs**")
    options = [*sheet_values.TARGETS, None]
    cols = st.columns(3)
    return {
        value: cols[n % 3].selectbox(
            inert(value),
            options,
            index=options.index(target),
            key=f"import-status-{value}",
            format_func=lambda t: UNRECOGNISED if t is None else sheet_values.target_label(t),
        )
        for n, (value, target) in enumerate(guessed.items())
    }


def show_report(report: dict) -> None:
    """Red when nothing was imported, amber when some rows were skipped, green otherwise."""
    message = job_csv.describe_import(report)
    if report["imported"] == 0 and job_csv.only_duplicates(report):
        st.info(f"Nothing new: {message}", icon=":material/info:")
    elif report["imported"] == 0:
        st.error(message, icon=":material/error:")
    elif not job_csv.only_duplicates(report):
        st.warning(message, icon=":material/warning:")
    else:
        st.success(message, icon=":material/check_circle:")
    failed = [r for r in report["skipped"] if r["reason"] != job_csv.DUPLICATE]
    if failed:
        st.dataframe(
            pd.DataFrame(failed).rename(columns={"row": "Row", "reason": "Why it was skipped"}),
            hide_index=True,
            width="stretch",
        )


with import_tab:
    st.write(
        "Move in from your spreadsheet: save it as CSV and choose it here. Job title and employer are "
        "required; other columns you have are kept in the notes. Importing the same file again adds nothing."
    )
    upload = st.file_uploader("CSV file", type=["csv", "txt"], key="jobs-csv")
    if upload is not None:
        try:
            table = job_csv.read_csv(upload.getvalue())
        except InvalidInput as exc:
            st.error(inert(exc.message), icon=":material/error:")
            st.stop()
        st.markdown(f"**Preview** · {len(table)} rows")
        st.dataframe(table.head(10), hide_index=True, width="stretch")
        mapping = column_mapping(table)
        dates = date_order(table, mapping)
        statuses = status_mapping(table, mapping)
        if dates is None:
            st.warning("Choose how the dates are written before importing.", icon=":material/event:")
        if st.button(
            "Import jobs", type="primary", icon=":material/upload:", key="jobs-import", disabled=dates is None
        ):
            report = attempt(lambda s: job_csv.import_jobs(s, table, mapping, statuses=statuses, dates=dates))
            if report:
                show_report(report)

with add_tab:
    add_job_form()
