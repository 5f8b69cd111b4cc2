"""The Mail page's sync parts, shared by Gmail and IMAP: Sync now, live progress, automatic sync, past runs."""

from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from jobops import inbox_lists, providers
from jobops.dashboard.page import attempt, engine, guarded, session
from jobops.errors import JobOpsError
from jobops.escape import inert
from jobops.humanize import local_datetime, relative_time
from jobops.mail import runs, schedule
from jobops.mail.accounts import AUTO_SYNC_CHOICES
from jobops.schemas.mail import (
    DEFAULT_ACCOUNT_KEY,
    DEFAULT_MAX_MESSAGES,
    DEFAULT_SEARCH_DAYS,
    MAX_MESSAGES,
    MAX_SEARCH_DAYS,
    AccountStatus,
    RunOut,
    SyncRequest,
)

RUN_COLUMNS = {
    "provider": "Source",
    "started_at": "Started",
    "status": "Status",
    "mode": "Mode",
    "discovered": "New",
    "fetched": "Fetched",
    "relevant": "Relevant",
    "matched": "Auto-linked",
    "errored": "Errors",
    "error_message": "Message",
}


def start_sync(provider: str, request: SyncRequest) -> None:
    """Record the run now (a second one is refused at once), then carry it out in the background."""
    try:
        providers.start_sync_in_background(
            engine(),
            provider,
            request.account_key,
            max_messages=request.max_messages,
            search_days=request.search_days,
        )
    except JobOpsError as exc:
        st.error(inert(exc.message), icon=":material/error:")
        return
    st.rerun()  # draw the progress bar now, not the form that started the run


def latest_run(provider: str) -> RunOut | None:
    """The newest run of the provider's account, if any."""
    with session() as s:
        found = runs.list_runs(s, provider, DEFAULT_ACCOUNT_KEY, limit=1)
    return found[0] if found else None


@st.fragment(run_every=1.0)
def progress(provider: str) -> None:
    """Redrawn every second from the run's row while the sync runs."""
    run = latest_run(provider)
    if run is None or run.status != "running":
        st.rerun()
        return
    done = run.fetched + run.errored
    share = done / run.discovered if run.discovered else 0.0
    st.progress(share, text=f"Syncing: {done} of {run.discovered} new messages fetched")


def sync_controls(provider: str) -> None:
    """Options and the Sync now button, or the progress of the running sync."""
    current = latest_run(provider)
    if current and current.status == "running":
        progress(provider)
        return
    run_summary(provider)
    with st.form(f"{provider}-sync", border=False):
        left, right = st.columns(2)
        max_messages = left.number_input(
            "Most messages to fetch",
            min_value=1,
            max_value=MAX_MESSAGES,
            value=DEFAULT_MAX_MESSAGES,
            key=f"{provider}-max-messages",
        )
        search_days = right.number_input(
            "Search the last … days",
            min_value=1,
            max_value=MAX_SEARCH_DAYS,
            value=DEFAULT_SEARCH_DAYS,
            key=f"{provider}-search-days",
        )
        if st.form_submit_button("Sync now", icon=":material/sync:", type="primary"):
            start_sync(provider, SyncRequest(max_messages=int(max_messages), search_days=int(search_days)))


def auto_sync_label(minutes: int) -> str:
    """`Off`, `every 15 minutes`, `every 3 hours`, `daily`."""
    if minutes <= 0:
        return "Off"
    if minutes == 1440:
        return "daily"
    if minutes % 60:
        return f"every {minutes} minutes"
    hours = minutes // 60
    return "every hour" if hours == 1 else f"every {hours} hours"


@guarded
def save_auto_sync(provider: str) -> None:
    """Store the interval just chosen; the toast shows on the rerun that follows."""
    minutes = st.session_state[f"{provider}-auto-sync"]
    name = providers.LABELS[provider]
    saved = (
        f"{name} syncs automatically {auto_sync_label(minutes)}."
        if minutes
        else (f"Automatic sync is off: {name} syncs when you click Sync now.")
    )
    attempt(lambda s: providers.set_auto_sync(s, provider, DEFAULT_ACCOUNT_KEY, minutes), saved)


def next_auto_sync(provider: str) -> str:
    """When the next automatic sync is due, relative to now."""
    with session() as s:
        due = schedule.next_sync_of(s, provider, DEFAULT_ACCOUNT_KEY)
    if due is None:
        return "JobOps syncs this mailbox only when you click Sync now."
    if due <= datetime.now(UTC):
        return "Next automatic sync: within a minute."
    return f"Next automatic sync {relative_time(due)}."


def auto_sync_controls(provider: str, status: AccountStatus) -> None:
    """How often the account syncs by itself while JobOps runs, saved on change."""
    current = status.auto_sync_minutes
    options = sorted({*AUTO_SYNC_CHOICES, current})
    choice, due = st.columns([1, 2], vertical_alignment="bottom")
    choice.selectbox(
        "Sync automatically",
        options,
        index=options.index(current),
        format_func=auto_sync_label,
        key=f"{provider}-auto-sync",
        on_change=save_auto_sync,
        args=(provider,),
    )
    due.caption(next_auto_sync(provider))


def last_sync(status: AccountStatus) -> str:
    """When the account last synced, relative to now."""
    return relative_time(status.last_sync_at)


def run_summary(provider: str) -> None:
    """What the last finished run brought in, and the advice that applies when it found nothing."""
    run = latest_run(provider)
    if run is None or run.status == "running":
        return
    with session() as s:
        waiting = inbox_lists.pending_count(s)
    if run.status == "failed":
        st.error(
            f"The last sync failed: {inert(run.error_message or 'unknown error')}", icon=":material/error:"
        )
    elif run.discovered == 0:
        st.info(
            "The last sync found no new recruitment mail. If you expected some: check that you connected the "
            "mailbox you apply from, widen the search window (days) or raise the message cap, and check "
            "the OAuth credentials and redirect URI.",
            icon=":material/search_off:",
        )
    else:
        st.success(
            f"Last sync: {run.fetched} new messages, {run.matched} linked to jobs automatically, "
            f"{run.errored} errors.",
            icon=":material/check_circle:",
        )
    if waiting:
        st.page_link(
            "pages/inbox.py",
            label=f"{waiting} message(s) wait for review in the Tracking Inbox",
            icon=":material/inbox:",
        )


def runs_table() -> None:
    """Past runs of every source, newest first."""
    with session() as s:
        found = runs.list_runs(s, limit=20)
    if not found:
        st.caption("No sync yet.")
        return
    table = pd.DataFrame([run.model_dump() for run in found])[list(RUN_COLUMNS)].rename(columns=RUN_COLUMNS)
    table["Source"] = [providers.LABELS.get(p, p) for p in table["Source"]]
    table["Started"] = [local_datetime(run.started_at) for run in found]
    table["Status"] = table["Status"].str.capitalize()
    table["Message"] = table["Message"].fillna("")
    st.dataframe(table, hide_index=True, width="stretch", key="mail-runs")
