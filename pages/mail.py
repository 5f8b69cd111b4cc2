"""Mail: bring mail in from Gmail, an IMAP mailbox or mailbox files; live sync progress; past runs."""

from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from jobops import inbox_lists, providers
from jobops.config import load_settings
from jobops.errors import JobOpsError
from jobops.escape import inert
from jobops.gmail import PROVIDER as GMAIL
from jobops.gmail import client_file, consent_errors, oauth
from jobops.humanize import local_datetime, relative_time
from jobops.imap import PROVIDER as IMAP
from jobops.imap import accounts as imap_accounts
from jobops.imap.client import DEFAULT_PORTS, SECURITY
from jobops.mail import files, runs, schedule
from jobops.mail.accounts import (
    AUTO_SYNC_CHOICES,
    CONNECTED,
    DEFAULT_ACCOUNT_KEY,
    ERROR,
    account_status,
)
from jobops.ui import attempt, engine, flash, guarded, session, show_flash

AUTH_URL_KEY = "gmail-authorization-url"
CONSOLE_URL = "https://console.cloud.google.com/apis/credentials"
TESTING_MODE = (
    "While your Google app stays in Testing mode (the consent screen's publishing status), Google "
    "ends its access after 7 days: reconnect Gmail each week, or publish the app to stop that."
)
SOURCES = providers.LABELS
SECURITY_LABELS = {"ssl": "SSL/TLS", "starttls": "STARTTLS", "none": "None (this computer only)"}
RUN_COLUMNS = {
    "provider": "Source",
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


# --- syncing, shared by Gmail and IMAP -------------------------------------------------------


def start_sync(provider: str, max_messages: int, search_days: int) -> None:
    """Record the run now (a second one is refused at once), then carry it out in the background."""
    try:
        providers.start_sync_in_background(
            engine(), provider, DEFAULT_ACCOUNT_KEY, max_messages=max_messages, search_days=search_days
        )
    except JobOpsError as exc:
        st.error(inert(exc.message), icon=":material/error:")
        return
    st.rerun()  # draw the progress bar now, not the form that started the run


def latest_run(provider: str) -> dict | None:
    """The newest run of the provider's account, if any."""
    with session() as s:
        found = runs.list_runs(s, provider, DEFAULT_ACCOUNT_KEY, limit=1)
    return found[0] if found else None


@st.fragment(run_every=1.0)
def progress(provider: str) -> None:
    """Redrawn every second from the run's row while the sync runs."""
    run = latest_run(provider)
    if run is None or run["status"] != "running":
        st.rerun()
    done = run["fetched"] + run["errored"]
    share = done / run["discovered"] if run["discovered"] else 0.0
    st.progress(share, text=f"Syncing: {done} of {run['discovered']} new messages fetched")


def sync_controls(provider: str) -> None:
    """Options and the Sync now button, or the progress of the running sync."""
    current = latest_run(provider)
    if current and current["status"] == "running":
        progress(provider)
        return
    run_summary(provider)
    with st.form(f"{provider}-sync", border=False):
        left, right = st.columns(2)
        max_messages = left.number_input(
            "Most messages to fetch",
            min_value=1,
            max_value=runs.MAX_MESSAGES,
            value=runs.DEFAULT_MAX_MESSAGES,
            key=f"{provider}-max-messages",
        )
        search_days = right.number_input(
            "Search the last … days",
            min_value=1,
            max_value=runs.MAX_SEARCH_DAYS,
            value=runs.DEFAULT_SEARCH_DAYS,
            key=f"{provider}-search-days",
        )
        if st.form_submit_button("Sync now", icon=":material/sync:", type="primary"):
            start_sync(provider, int(max_messages), int(search_days))


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
    name = SOURCES[provider]
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


def auto_sync_controls(provider: str, status: dict) -> None:
    """How often the account syncs by itself while JobOps runs, saved on change."""
    current = status["autoSyncMinutes"]
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


def last_sync(status: dict) -> str:
    """When the account last synced, relative to now."""
    return relative_time(datetime.fromisoformat(status["lastSyncAt"]) if status["lastSyncAt"] else None)


# --- Gmail -----------------------------------------------------------------------------------


def gmail_connect_controls(label: str) -> None:
    """Start consent and offer the link to Google's page."""
    if st.button(label, key="gmail-connect", type="primary"):
        try:
            st.session_state[AUTH_URL_KEY] = oauth.start(engine(), DEFAULT_ACCOUNT_KEY)["authorizationUrl"]
        except JobOpsError as exc:
            st.error(inert(exc.message), icon=":material/error:")
    if AUTH_URL_KEY in st.session_state:
        st.link_button("Continue to Google", st.session_state[AUTH_URL_KEY], icon=":material/open_in_new:")
        st.caption("Google asks for read-only access, then brings you back here.")


def gmail_disconnect_controls() -> None:
    """Revoke access after a confirmation; synced messages stay."""
    with st.popover("Disconnect Gmail", icon=":material/link_off:"):
        st.write("JobOps stops reading your mail and forgets its access. Messages already synced stay.")
        if st.button("Disconnect", key="gmail-disconnect", type="primary"):
            try:
                oauth.disconnect(engine(), DEFAULT_ACCOUNT_KEY)
            except JobOpsError as exc:
                st.error(inert(exc.message), icon=":material/error:")
            else:
                flash("Gmail disconnected. Synced messages were kept.")
                st.rerun()


def consent_result() -> None:
    """Say how the trip to Google's consent page ended, once (the address is cleaned up after)."""
    if st.query_params.get("gmail") == "connected":
        st.toast("Gmail is connected. Run a first sync.", icon=":material/check_circle:")
        del st.query_params["gmail"]
    if "gmail_error" in st.query_params:  # a code; the page says a fixed sentence, never the address's words
        st.error(
            f"Gmail was not connected. {consent_errors.message_for(st.query_params.get('gmail_error'))}",
            icon=":material/error:",
        )
        del st.query_params["gmail_error"]


def setup_steps(redirect_uri: str) -> None:
    """How to create the OAuth client that Gmail access needs (once, in Google Cloud), then hand it to JobOps."""
    st.info(
        "Gmail is not set up yet. It takes about five minutes, once. Manual tracking, IMAP and mailbox "
        "files work without it.",
        icon=":material/settings:",
    )
    st.link_button("Open the Google Cloud console", CONSOLE_URL, icon=":material/open_in_new:")
    st.markdown(
        "1. In the Google Cloud console, create a project, e.g. *JobOps*.\n"
        "2. In *APIs & Services → Library*, enable the **Gmail API**.\n"
        "3. In *OAuth consent screen*, choose *External*, fill in the app name and your address, and add "
        "yourself as a test user.\n"
        "4. In *Credentials → Create credentials → OAuth client ID*, choose **Web application** and add this "
        "authorised redirect URI (the address this page is served on):"
    )
    st.code(redirect_uri, language=None)
    st.markdown("5. Click **Download JSON** on the client Google created and upload that file here:")
    client_file_upload(redirect_uri)
    st.caption(TESTING_MODE)
    with st.expander("Or configure it in a file instead"):
        st.markdown(
            "Create the file `.streamlit/secrets.toml` next to `app.py` (it does not exist until you create it), "
            "or set these as environment variables, then restart JobOps:"
        )
        st.code(
            'GMAIL_OAUTH_CLIENT_ID = "….apps.googleusercontent.com"\n'
            'GMAIL_OAUTH_CLIENT_SECRET = "…"\n'
            f'GMAIL_OAUTH_REDIRECT_URI = "{redirect_uri}"',
            language="toml",
        )
    st.caption(
        "JobOps asks only for read-only access (gmail.readonly). Your mail never leaves this computer."
    )


def client_file_upload(redirect_uri: str) -> None:
    """Take Google's client file: a valid one is stored (secret encrypted) and Gmail is configured at once."""
    upload = st.file_uploader(
        "Google's client file (client_secret….json)", type=["json"], key="gmail-client-file"
    )
    if not st.button(
        "Use this client file", key="gmail-client-save", icon=":material/key:", disabled=upload is None
    ):
        return
    try:
        client = client_file.parse(upload.getvalue())
        client_file.save(client, redirect_uri)
    except JobOpsError as exc:
        st.error(inert(exc.message), icon=":material/error:")
        return
    missing = (
        ""
        if redirect_uri in client.redirect_uris
        else (f" Check that {redirect_uri} is among the client's authorised redirect URIs in Google Cloud.")
    )
    flash(f"Gmail is set up. Connect your account.{missing}")
    st.rerun()


def served_redirect_uri(configured: str) -> str:
    """The redirect URI for the address the browser reached this app on, unless one is configured."""
    return client_file.redirect_uri_for(st.context.url, configured)


def run_summary(provider: str) -> None:
    """What the last finished run brought in, and the advice that applies when it found nothing."""
    run = latest_run(provider)
    if run is None or run["status"] == "running":
        return
    with session() as s:
        waiting = inbox_lists.pending_count(s)
    if run["status"] == "failed":
        st.error(
            f"The last sync failed: {inert(run['errorMessage'] or 'unknown error')}", icon=":material/error:"
        )
    elif run["discovered"] == 0:
        st.info(
            "The last sync found no new recruitment mail. If you expected some: check that you connected the "
            "mailbox you apply from, widen the search window (days) or raise the message cap, and check "
            "the OAuth credentials and redirect URI.",
            icon=":material/search_off:",
        )
    else:
        st.success(
            f"Last sync: {run['fetched']} new messages, {run['matched']} linked to jobs automatically, "
            f"{run['errored']} errors.",
            icon=":material/check_circle:",
        )
    if waiting:
        st.page_link(
            "pages/inbox.py",
            label=f"{waiting} message(s) wait for review in the Tracking Inbox",
            icon=":material/inbox:",
        )


def gmail_section() -> None:
    """Connect Gmail through Google's consent page, then sync."""
    st.caption(
        "Connect your Google account with read-only access and JobOps searches Gmail for mail "
        "about your applications."
    )
    consent_result()
    settings = load_settings()
    if not settings.gmail_configured:
        setup_steps(served_redirect_uri(settings.gmail_redirect_uri))
        return
    with session() as s:
        status = account_status(s, GMAIL, DEFAULT_ACCOUNT_KEY)
    if status["status"] == CONNECTED:
        st.markdown(f"**Connected** · last sync {last_sync(status)}")
        st.text(f"Account: {status['email'] or 'your Gmail account'}")
        auto_sync_controls(GMAIL, status)
        sync_controls(GMAIL)
        gmail_disconnect_controls()
    elif status["status"] == ERROR:
        st.warning(inert(status["lastError"] or "Gmail needs to be reconnected."), icon=":material/warning:")
        st.caption(TESTING_MODE)
        gmail_connect_controls("Reconnect Gmail")
        gmail_disconnect_controls()
    else:
        st.write("Gmail is not connected.")
        gmail_connect_controls("Connect Gmail")


# --- IMAP ------------------------------------------------------------------------------------


def imap_connect_form(status: dict, label: str) -> None:
    """Server, username and app password; JobOps logs in before it stores anything."""
    with st.form("imap-connect", clear_on_submit=True):
        host = st.text_input(
            "Server", value=status["host"] or "", placeholder="imap.example.com", key="imap-host"
        )
        left, right = st.columns(2)
        security = left.selectbox(
            "Security",
            SECURITY,
            index=SECURITY.index(status["security"] or "ssl"),
            format_func=SECURITY_LABELS.get,
            key="imap-security",
        )
        port = right.number_input(
            "Port (empty: the usual one)", min_value=1, max_value=65535, value=status["port"], key="imap-port"
        )
        username = st.text_input("Username", value=status["username"] or "", key="imap-username")
        password = st.text_input(
            "App password", type="password", key="imap-password", help="Stored encrypted; never shown again."
        )
        folders = st.text_input(
            "Folders (comma-separated)", value=", ".join(status["folders"] or ["INBOX"]), key="imap-folders"
        )
        if st.form_submit_button(label, type="primary"):
            body = {
                "host": host,
                "port": int(port or DEFAULT_PORTS[security]),
                "security": security,
                "username": username,
                "password": password,
                "folders": [f.strip() for f in folders.split(",") if f.strip()] or None,
            }
            try:
                imap_accounts.connect(engine(), DEFAULT_ACCOUNT_KEY, body)
            except JobOpsError as exc:
                st.error(inert(exc.message), icon=":material/error:")
            else:
                flash("IMAP is connected. Run a first sync.")
                st.rerun()


def imap_disconnect_controls() -> None:
    """Forget the app password after a confirmation; synced messages stay."""
    with st.popover("Disconnect IMAP", icon=":material/link_off:"):
        st.write("JobOps forgets the app password. Messages already synced stay.")
        if st.button("Disconnect", key="imap-disconnect", type="primary"):
            imap_accounts.disconnect(engine(), DEFAULT_ACCOUNT_KEY)
            flash("IMAP disconnected. Synced messages were kept.")
            st.rerun()


def imap_section() -> None:
    """Connect any mailbox that speaks IMAP, then sync."""
    st.caption(
        "Any provider that offers IMAP (Outlook, Yahoo, Fastmail, your own server): sign in with an "
        "app password, which JobOps stores encrypted."
    )
    with session() as s:
        status = imap_accounts.status(s, DEFAULT_ACCOUNT_KEY)
    if status["status"] == CONNECTED:
        where = inert(f"{status['username']} on {status['host']}")
        st.markdown(
            f"**Connected** as {where} · {inert(', '.join(status['folders']))} · "
            f"last sync {last_sync(status)}"
        )
        auto_sync_controls(IMAP, status)
        sync_controls(IMAP)
        imap_disconnect_controls()
        return
    if status["status"] == ERROR:
        st.warning(inert(status["lastError"] or "IMAP needs to be reconnected."), icon=":material/warning:")
    imap_connect_form(status, "Reconnect IMAP" if status["host"] else "Connect IMAP")


# --- mailbox files ---------------------------------------------------------------------------


def files_section() -> None:
    """Upload .mbox or .eml files and import them once."""
    st.caption(
        "Upload an .mbox file (Google Takeout exports one) or saved .eml files; importing the same "
        "file again adds nothing."
    )
    uploads = st.file_uploader(
        "Mailbox files", type=["mbox", "eml"], accept_multiple_files=True, key="mailbox-files"
    )
    if st.button("Import", key="mailbox-import", icon=":material/upload:", disabled=not uploads):
        with st.spinner("Importing…"):
            try:
                run = files.import_uploads(engine(), [(f.name, f.getvalue()) for f in uploads])
            except JobOpsError as exc:
                st.error(inert(exc.message), icon=":material/error:")
                return
        report = st.error if run["status"] == "failed" else st.success
        report(inert(files.describe(run)))
    st.caption("For a file larger than the upload limit, run `python -m jobops import-mail PATH`.")


def runs_table() -> None:
    """Past runs of every source, newest first."""
    with session() as s:
        found = runs.list_runs(s, limit=20)
    if not found:
        st.caption("No sync yet.")
        return
    table = pd.DataFrame(found)[list(RUN_COLUMNS)].rename(columns=RUN_COLUMNS)
    table["Source"] = [SOURCES.get(p, p) for p in table["Source"]]
    table["Started"] = [local_datetime(datetime.fromisoformat(v)) for v in table["Started"]]
    table["Status"] = table["Status"].str.capitalize()
    table["Message"] = table["Message"].fillna("")
    st.dataframe(table, hide_index=True, width="stretch", key="mail-runs")


show_flash()
st.title("Mail")
st.caption(
    "Bring in mail about your applications in one of three ways. The smart router links what it is "
    "sure about and sends the rest to the Tracking Inbox."
)
gmail_tab, imap_tab, files_tab = st.tabs(["Gmail", "IMAP", "Mailbox file"])
with gmail_tab:
    gmail_section()
with imap_tab:
    imap_section()
with files_tab:
    files_section()

st.subheader("Sync runs")
runs_table()
