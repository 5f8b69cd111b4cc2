"""Mail: bring mail in from Gmail, an IMAP mailbox or mailbox files; live sync progress; past runs."""

import streamlit as st

from jobops.dashboard.page import engine, flash, session, show_flash
from jobops.errors import JobOpsError
from jobops.escape import inert
from jobops.imap import PROVIDER as IMAP
from jobops.imap import accounts as imap_accounts
from jobops.imap.client import DEFAULT_PORTS, SECURITY
from jobops.mail import files
from jobops.mail.accounts import CONNECTED, ERROR
from jobops.schemas.mail import DEFAULT_ACCOUNT_KEY, ImapAccountStatus, ImapConnect
from pages.mail_gmail import gmail_section
from pages.mail_sync import auto_sync_controls, last_sync, runs_table, sync_controls

SECURITY_LABELS = {"ssl": "SSL/TLS", "starttls": "STARTTLS", "none": "None (this computer only)"}


# --- IMAP ------------------------------------------------------------------------------------


def imap_connect_form(status: ImapAccountStatus, label: str) -> None:
    """Server, username and app password; JobOps logs in before it stores anything."""
    with st.form("imap-connect", clear_on_submit=True):
        host = st.text_input(
            "Server", value=status.host or "", placeholder="imap.example.com", key="imap-host"
        )
        left, right = st.columns(2)
        security = left.selectbox(
            "Security",
            SECURITY,
            index=SECURITY.index(status.security or "ssl"),
            format_func=SECURITY_LABELS.get,
            key="imap-security",
        )
        port = right.number_input(
            "Port (empty: the usual one)", min_value=1, max_value=65535, value=status.port, key="imap-port"
        )
        username = st.text_input("Username", value=status.username or "", key="imap-username")
        password = st.text_input(
            "App password", type="password", key="imap-password", help="Stored encrypted; never shown again."
        )
        folders = st.text_input(
            "Folders (comma-separated)", value=", ".join(status.folders or ["INBOX"]), key="imap-folders"
        )
        if st.form_submit_button(label, type="primary"):
            request = ImapConnect(
                host=host,
                port=int(port or DEFAULT_PORTS[security]),
                security=security,
                username=username,
                password=password,
                folders=[f.strip() for f in folders.split(",") if f.strip()] or None,
            )
            try:
                imap_accounts.connect(engine(), request)
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
    if status.status == CONNECTED:
        where = inert(f"{status.username} on {status.host}")
        st.markdown(
            f"**Connected** as {where} · {inert(', '.join(status.folders))} · last sync {last_sync(status)}"
        )
        auto_sync_controls(IMAP, status)
        sync_controls(IMAP)
        imap_disconnect_controls()
        return
    if status.status == ERROR:
        st.warning(inert(status.last_error or "IMAP needs to be reconnected."), icon=":material/warning:")
    imap_connect_form(status, "Reconnect IMAP" if status.host else "Connect IMAP")


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
        report = st.error if run.status == "failed" else st.success
        report(inert(files.describe(run)))
    st.caption("For a file larger than the upload limit, run `python -m jobops import-mail PATH`.")


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
