"""The Mail page's Gmail tab: set up Google's client once, connect through consent, sync, disconnect."""

import streamlit as st

from jobops.config import load_settings
from jobops.dashboard.page import engine, flash, session
from jobops.errors import JobOpsError
from jobops.escape import inert
from jobops.gmail import PROVIDER as GMAIL
from jobops.gmail import client_file, consent_errors, oauth
from jobops.mail.accounts import CONNECTED, ERROR, account_status
from jobops.schemas.mail import DEFAULT_ACCOUNT_KEY
from pages.mail_sync import auto_sync_controls, last_sync, sync_controls

AUTH_URL_KEY = "gmail-authorization-url"
CONSOLE_URL = "https://console.cloud.google.com/apis/credentials"
TESTING_MODE = (
    "While your Google app stays in Testing mode (the consent screen's publishing status), Google "
    "ends its access after 7 days: reconnect Gmail each week, or publish the app to stop that."
)


def gmail_connect_controls(label: str) -> None:
    """Start consent and offer the link to Google's page."""
    if st.button(label, key="gmail-connect", type="primary"):
        try:
            st.session_state[AUTH_URL_KEY] = oauth.start(engine(), DEFAULT_ACCOUNT_KEY).authorization_url
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
    if status.status == CONNECTED:
        st.markdown(f"**Connected** · last sync {last_sync(status)}")
        st.text(f"Account: {status.email or 'your Gmail account'}")
        auto_sync_controls(GMAIL, status)
        sync_controls(GMAIL)
        gmail_disconnect_controls()
    elif status.status == ERROR:
        st.warning(inert(status.last_error or "Gmail needs to be reconnected."), icon=":material/warning:")
        st.caption(TESTING_MODE)
        gmail_connect_controls("Reconnect Gmail")
        gmail_disconnect_controls()
    else:
        st.write("Gmail is not connected.")
        gmail_connect_controls("Connect Gmail")
