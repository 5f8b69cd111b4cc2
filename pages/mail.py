"""Gmail: connect the mailbox, sync now with live progress, past runs, disconnect."""

import threading
from datetime import datetime

import pandas as pd
import streamlit as st

from jobops import inbox
from jobops.config import load_settings
from jobops.errors import JobOpsError
from jobops.gmail import PROVIDER, oauth, sync
from jobops.gmail.accounts import CONNECTED, DEFAULT_ACCOUNT_KEY, account_status
from jobops.humanize import local_datetime, relative_time
from jobops.ui import engine, flash, md_escape, session, show_flash

AUTH_URL_KEY = "gmail-authorization-url"
RUN_COLUMNS = {
    "startedAt": "Started",
    "status": "Status",
    "mode": "Mode",
    "discovered": "New",
    "fetched": "Fetched",
    "relevant": "Relevant",
    "matched": "Auto-linked",
    "errored": "Errors",
    "errorMessage": "Message",
}


def start_sync(max_messages: int, search_days: int) -> None:
    """Record the run now (a second one is refused at once), then carry it out in the background."""
    try:
        run_id = sync.begin_run(engine(), DEFAULT_ACCOUNT_KEY)
    except JobOpsError as exc:
        st.error(exc.message, icon=":material/error:")
        return
    options = {"max_messages": max_messages, "search_days": search_days, "route_pending": inbox.route_pending}
    threading.Thread(target=sync.execute_run, args=(engine(), run_id), kwargs=options, daemon=True).start()
    st.rerun()  # draw the progress bar now instead of the form that started the run


def latest_run() -> dict | None:
    """The newest run of the account, if any."""
    with session() as s:
        runs = sync.list_runs(s, PROVIDER, DEFAULT_ACCOUNT_KEY, limit=1)
    return runs[0] if runs else None


@st.fragment(run_every=1.0)
def progress() -> None:
    """Redrawn every second from the run's row while the sync runs."""
    run = latest_run()
    if run is None or run["status"] != "running":
        st.rerun()
    done = run["fetched"] + run["errored"]
    share = done / run["discovered"] if run["discovered"] else 0.0
    st.progress(share, text=f"Syncing: {done} of {run['discovered']} new messages fetched")


def connect_controls(label: str) -> None:
    """Start consent and offer the link to Google's page."""
    if st.button(label, key="gmail-connect", type="primary"):
        try:
            st.session_state[AUTH_URL_KEY] = oauth.start(engine(), DEFAULT_ACCOUNT_KEY)["authorizationUrl"]
        except JobOpsError as exc:
            st.error(exc.message, icon=":material/error:")
    if AUTH_URL_KEY in st.session_state:
        st.link_button("Continue to Google", st.session_state[AUTH_URL_KEY], icon=":material/open_in_new:")
        st.caption("Google asks for read-only access, then brings you back here.")


def sync_controls() -> None:
    """Options and the Sync now button."""
    with st.form("gmail-sync", border=False):
        left, right = st.columns(2)
        max_messages = left.number_input(
            "Most messages to fetch", min_value=1, max_value=sync.MAX_MESSAGES,
            value=sync.DEFAULT_MAX_MESSAGES, key="gmail-max-messages",
        )
        search_days = right.number_input(
            "Search the last … days", min_value=1, max_value=sync.MAX_SEARCH_DAYS,
            value=sync.DEFAULT_SEARCH_DAYS, key="gmail-search-days",
        )
        if st.form_submit_button("Sync now", icon=":material/sync:", type="primary"):
            start_sync(int(max_messages), int(search_days))


def disconnect_controls() -> None:
    """Revoke access after a confirmation; synced messages stay."""
    with st.popover("Disconnect Gmail", icon=":material/link_off:"):
        st.write("JobOps stops reading your mail and forgets its access. Messages already synced stay.")
        if st.button("Disconnect", key="gmail-disconnect", type="primary"):
            try:
                oauth.disconnect(engine(), DEFAULT_ACCOUNT_KEY)
            except JobOpsError as exc:
                st.error(exc.message, icon=":material/error:")
            else:
                flash("Gmail disconnected. Synced messages were kept.")
                st.rerun()


def runs_table() -> None:
    """Past runs, newest first."""
    with session() as s:
        runs = sync.list_runs(s, PROVIDER, DEFAULT_ACCOUNT_KEY, limit=20)
    if not runs:
        st.caption("No sync yet.")
        return
    table = pd.DataFrame(runs)[list(RUN_COLUMNS)].rename(columns=RUN_COLUMNS)
    table["Started"] = [local_datetime(datetime.fromisoformat(v)) for v in table["Started"]]
    st.dataframe(table, hide_index=True, width="stretch", key="gmail-runs")


show_flash()
st.title("Gmail")
st.caption(
    "JobOps searches your Gmail for mail about your applications, with read-only access. "
    "The smart router links what it is sure about and sends the rest to the Tracking Inbox."
)

if st.query_params.get("gmail") == "connected":
    st.success("Gmail is connected. Run a first sync below.", icon=":material/check_circle:")
if st.query_params.get("gmail_error"):
    st.error(f"Gmail was not connected: {st.query_params['gmail_error']}", icon=":material/error:")

if not load_settings().gmail_configured:
    st.info(
        "Gmail is not configured. Set GMAIL_OAUTH_CLIENT_ID and GMAIL_OAUTH_CLIENT_SECRET (environment or "
        ".streamlit/secrets.toml) and restart JobOps. Manual tracking works without Gmail.",
        icon=":material/settings:",
    )
    st.stop()

with session() as s:
    status = account_status(s, PROVIDER, DEFAULT_ACCOUNT_KEY)

if status["status"] == CONNECTED:
    last = relative_time(datetime.fromisoformat(status["lastSyncAt"]) if status["lastSyncAt"] else None)
    st.markdown(f"**Connected** as {md_escape(status['email'] or 'your Gmail account')} · last sync {last}")
    current = latest_run()
    if current and current["status"] == "running":
        progress()
    else:
        sync_controls()
    disconnect_controls()
elif status["status"] == "error":
    st.warning(status["lastError"] or "Gmail needs to be reconnected.", icon=":material/warning:")
    connect_controls("Reconnect Gmail")
    disconnect_controls()
else:
    st.write("Gmail is not connected.")
    connect_controls("Connect Gmail")

st.subheader("Sync runs")
runs_table()
