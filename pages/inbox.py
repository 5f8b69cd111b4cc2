"""Tracking Inbox: mail the smart router was not sure about, one click to approve or deny."""

import pandas as pd
import streamlit as st

from jobops import inbox, inbox_lists, inbox_undo
from jobops.dashboard.page import attempt, flash, guarded, session, show_flash
from jobops.escape import inert
from jobops.humanize import local_date, local_datetime, relative_time
from jobops.schemas.inbox import BulkDecision, Decision, InboxMessage, OrphanJob
from jobops.schemas.undo import DISMISSAL, LINK, UndoRequest
from jobops.stages import MESSAGE_TYPES, ROUTER_TARGETS, stage_label

BANDS = {band.label: band for band in inbox_lists.confidence_bands()}
ITEMS_PER_PAGE = 25
PAGE_KEY = "inbox-page"
LAST_KEY = "inbox-last-decision"

show_flash()
st.title("Tracking Inbox")
st.caption(
    "Messages that look like they are about your applications but need a second look. "
    "Approve to log the stage on the job's timeline, deny to dismiss."
)

with session() as s:
    waiting = inbox_lists.pending_count(s)
    choices = inbox_lists.job_choices(
        s
    )  # open jobs, then closed ones: mail about a closed job can still be linked


def remember(
    label: str,
    kind: str,
    messages: list[InboxMessage],
    jobs: dict[str, str | None],
    followed: dict[str, list[str]] | None = None,
) -> None:
    """Keep the last decision (with the thread mail it linked), so the confirmation can offer to take it back."""
    followed = followed or {}
    undo = [
        (key, UndoRequest(provider=m.provider, account_key=m.account_key, decision=kind, job_id=jobs[m.id]))
        for m in messages
        for key in (m.id, *followed.get(m.id, []))
    ]
    st.session_state[LAST_KEY] = {"label": label, "items": undo}


def undo_offer() -> None:
    """The last decision made here, with a button that takes it back."""
    last = st.session_state.get(LAST_KEY)
    if not last:
        return
    text, button = st.columns([4, 1], vertical_alignment="center")
    text.info(inert(last["label"]), icon=":material/check_circle:")
    if button.button("Undo", icon=":material/undo:", key="inbox-undo"):
        report = attempt(lambda s: inbox_undo.undo_many(s, last["items"]))
        st.session_state.pop(LAST_KEY, None)
        if report is not None:
            flash(inbox_undo.describe_undo(report), icon=":material/undo:")
            st.rerun()


undo_offer()
job_names = {j.id: f"{j.employer} · {j.title}" + (" (closed)" if j.closed else "") for j in choices}

if not waiting:
    st.success("Nothing to review. New mail is routed when you sync.", icon=":material/inbox:")
    st.page_link("pages/mail.py", label="Go to Gmail to connect or sync", icon=":material/mail:")
    st.stop()


def decision(message: InboxMessage, job_id: str | None = None, target: str | None = None) -> Decision:
    """The approve/deny decision for one message."""
    return Decision(
        provider=message.provider, account_key=message.account_key, job_id=job_id, stage_target=target
    )


band_col, type_col, job_col = st.columns(3)
band = band_col.selectbox("Confidence", list(BANDS), key="inbox-band")
types = type_col.multiselect(
    "Type", MESSAGE_TYPES, format_func=str.capitalize, placeholder="Any type", key="inbox-types"
)
suggested = job_col.selectbox(
    "Suggested job",
    [None, *job_names],
    format_func=lambda j: "Any job" if j is None else job_names[j],
    key="inbox-job",
)

review = inbox_lists.ReviewFilter(BANDS[band], tuple(types), suggested)
with session() as s:
    total = inbox_lists.review_page(s, review, offset=0, limit=0).total
page_count = max(1, -(-total // ITEMS_PER_PAGE))
if st.session_state.get(PAGE_KEY, 1) > page_count:  # the filters narrowed the list
    st.session_state[PAGE_KEY] = page_count
count_col, page_col = st.columns([3, 1], vertical_alignment="bottom")
page = (
    int(page_col.number_input(f"Page (of {page_count})", 1, page_count, 1, key=PAGE_KEY))
    if page_count > 1
    else 1
)
with session() as s:
    shown = inbox_lists.review_page(s, review, offset=(page - 1) * ITEMS_PER_PAGE, limit=ITEMS_PER_PAGE).items

table = pd.DataFrame(
    {
        "id": [i.message.id for i in shown],
        "Confidence": [i.message.match_confidence if i.matched_job else None for i in shown],
        "Suggested job": [job_names.get(i.message.matched_job_id or "", "— choose a job —") for i in shown],
        "Would log": [stage_label(i.message.stage_target) for i in shown],
        "From": [i.message.sender_name or i.message.from_address for i in shown],
        "Subject": [i.message.subject for i in shown],
        "Received": [relative_time(i.message.received_at) for i in shown],
    }
)
count_col.markdown(f"**{total} to review** · select rows for bulk actions")
selection = st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    on_select="rerun",
    selection_mode="multi-row",
    key="inbox-table",
    column_order=[c for c in table.columns if c != "id"],
    column_config={
        "Confidence": st.column_config.ProgressColumn(
            "Confidence",
            min_value=0,
            max_value=100,
            format="%d%%",
            help="How sure the router is of the suggested job.",
        ),
        "Subject": st.column_config.TextColumn(width="medium"),
    },
)
# A selection outlives the rows it pointed at (after a bulk action or a filter): ignore rows past the end.
picked = [table.iloc[r]["id"] for r in selection.selection.rows if r < len(table)]
by_id = {i.message.id: i.message for i in shown}
approve_col, deny_col, _ = st.columns([1, 1, 3])


@guarded
def bulk(action: str, messages: list[InboxMessage]) -> None:
    """Apply one action to the selected messages, one call per mail account, then clear the selection."""
    succeeded = skipped = failed = moved = 0
    done: list[str] = []
    followed: dict[str, list[str]] = {}
    for provider, account_key in {(m.provider, m.account_key) for m in messages}:
        ids = [m.id for m in messages if (m.provider, m.account_key) == (provider, account_key)]
        request = BulkDecision(provider=provider, account_key=account_key, action=action, message_ids=ids)
        report = attempt(lambda s, request=request: inbox.bulk(s, request))
        if report:
            succeeded, skipped, failed = (
                succeeded + report.succeeded,
                skipped + report.skipped,
                failed + report.failed,
            )
            moved += sum(1 for r in report.results if r.applied_moved_to)
            done += [r.message_id for r in report.results if r.status == "succeeded"]
            followed |= {r.message_id: r.thread_linked for r in report.results}
    if action == "approve":
        earlier = f" Older mail moved {moved} applied date(s) earlier." if moved else ""
        more = sum(len(ids) for ids in followed.values())
        earlier += f" {more} more message(s) of their threads linked with them." if more else ""
        flash(f"Approved {succeeded}; skipped {skipped} with no suggested job; {failed} failed.{earlier}")
    else:
        flash(f"Denied {succeeded} message(s).")
    decided = [m for m in messages if m.id in done]
    verb, kind = ("Approved", LINK) if action == "approve" else ("Denied", DISMISSAL)
    jobs = {m.id: m.matched_job_id for m in decided}
    remember(f"{verb} {len(decided)} message(s).", kind, decided, jobs, followed)
    # Left as is, the selected row numbers would now point at other messages.
    st.session_state["inbox-table"] = {"selection": {"rows": [], "columns": []}}


def new_job_form(message: InboxMessage, target: str) -> None:
    """Create the job an orphan is about, prefilled from the mail, and link the mail to it."""
    draft = inbox.job_draft(message)
    with (
        st.popover("Create a job from this mail", icon=":material/add_circle:"),
        st.form(f"new-job-{message.id}", border=False),
    ):
        employer = st.text_input("Employer", value=draft.employer, key=f"new-employer-{message.id}")
        title = st.text_input("Job title", value=draft.title, key=f"new-title-{message.id}")
        submitted = st.form_submit_button("Create job and link this mail", type="primary")
    if not submitted:
        return
    missing = [label for label, value in (("Employer", employer), ("Job title", title)) if not value.strip()]
    if missing:
        st.error(
            f"Enter the {' and the '.join(m.lower() for m in missing)} to create the job.",
            icon=":material/error:",
        )
        return
    orphan = OrphanJob(
        provider=message.provider,
        account_key=message.account_key,
        employer=employer,
        title=title,
        stage_target=target,
    )
    created = attempt(lambda s: inbox.create_job_from_message(s, message.id, orphan))
    if created:
        flash(f"Added {created.job.employer} · {created.job.title} and linked this mail to it.")
        st.rerun()


approve_col.button(
    f"Approve {len(picked)} selected",
    icon=":material/done_all:",
    disabled=not picked,
    key="inbox-bulk-approve",
    on_click=bulk,
    args=("approve", [by_id[m] for m in picked]),
)
deny_col.button(
    f"Deny {len(picked)} selected",
    icon=":material/block:",
    disabled=not picked,
    key="inbox-bulk-deny",
    on_click=bulk,
    args=("deny", [by_id[m] for m in picked]),
)

st.divider()
for item in shown:
    message = item.message
    with st.container(border=True):
        head, score = st.columns([5, 1])
        head.text(message.subject or "(no subject)")
        head.caption("From")
        head.text(
            f"{message.sender_name} <{message.from_address}>" if message.sender_name else message.from_address
        )
        if item.matched_job:
            score.metric("Confidence", f"{message.match_confidence or 0}%")
        else:
            score.metric("Confidence", "No job", help="None of your jobs matches: pick one or deny.")
        score.caption(local_datetime(message.received_at))
        if message.snippet:
            st.text(message.snippet)
        if message.reason:
            st.text("Why: " + message.reason)
        job_choice, stage_choice, approve_button, deny_button = st.columns(
            [3, 2, 1, 1], vertical_alignment="bottom"
        )
        options = list(job_names)
        current = message.matched_job_id if message.matched_job_id in job_names else None
        job_id = job_choice.selectbox(
            "Job",
            options,
            index=options.index(current) if current else None,
            format_func=job_names.get,
            placeholder="Choose the job",
            key=f"job-{message.id}",
        )
        target = stage_choice.selectbox(
            "Log as",
            ROUTER_TARGETS,
            format_func=stage_label,
            index=ROUTER_TARGETS.index(message.stage_target or "no_change"),
            key=f"stage-{message.id}",
        )
        if approve_button.button(
            "Approve",
            type="primary",
            key=f"approve-{message.id}",
            disabled=job_id is None,
            use_container_width=True,
        ):
            chosen = (message.id, decision(message, job_id, target))
            approved = attempt(lambda s, chosen=chosen: inbox.approve(s, *chosen))
            if approved:
                moved, followed = approved.applied_moved_to, approved.thread_linked
                note = f" Applied date moved to {local_date(moved)}." if moved else ""
                note += f" {len(followed)} more message(s) of the thread linked with it." if followed else ""
                flash(f"Linked to {job_names[job_id]}.{note}")
                subject = message.subject or "(no subject)"
                remember(
                    f"Linked “{subject}” to {job_names[job_id]}.",
                    LINK,
                    [message],
                    {message.id: job_id},
                    {message.id: followed},
                )
                st.rerun()
        denied = deny_button.button("Deny", key=f"deny-{message.id}", use_container_width=True)
        dismissed = (message.id, decision(message))
        if denied and attempt(lambda s, dismissed=dismissed: inbox.deny(s, *dismissed)):
            flash("Dismissed.")
            subject = message.subject or "(no subject)"
            remember(f"Dismissed “{subject}”.", DISMISSAL, [message], {message.id: message.matched_job_id})
            st.rerun()
        if not item.matched_job:
            new_job_form(message, target)
