"""The door of the dashboard: st.login, a password, or a refusal to serve a network unguarded."""

from __future__ import annotations

import hashlib
import math

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from jobops import access
from jobops.config import Settings, load_settings

PASSED_KEY = "_jobops_access"


def login_configured() -> bool:
    """True when .streamlit/secrets.toml has an [auth] section for st.login."""
    try:
        return "auth" in st.secrets
    except (StreamlitSecretNotFoundError, FileNotFoundError):
        return False


def _fingerprint(password: str) -> str:
    """What the session remembers of the password it passed, so changing the password locks it again."""
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


def session_allowed() -> bool:
    """True while this browser session may use the dashboard (checked again inside every callback)."""
    settings = load_settings()
    if login_configured():
        return bool(st.user.get("is_logged_in", False))
    if settings.password:
        return st.session_state.get(PASSED_KEY) == _fingerprint(settings.password)
    return not access.exposed_without_protection(settings, access.server_address())


def require_access() -> None:
    """Stop the run unless this browser session may see the dashboard."""
    if session_allowed():
        return
    settings = load_settings()
    if login_configured():
        _login_screen()
    elif settings.password:
        _password_screen(settings)
    else:
        _exposed_screen(access.server_address())


def _login_screen() -> None:
    """Ask the user to sign in with the configured identity provider."""
    st.title("JobOps")
    st.write("Sign in to see your applications.")
    if st.button("Sign in", icon=":material/login:", type="primary", key="gate-login"):
        st.login()
    st.stop()


def _password_screen(settings: Settings) -> None:
    """A password form; a right answer is remembered for this browser session."""
    st.title("JobOps")
    with st.form("gate-password"):
        given = st.text_input("Password", type="password", key="gate-password-input")
        submitted = st.form_submit_button("Unlock", icon=":material/lock_open:", type="primary")
    if submitted and settings.password:
        attempt = access.check_secret(given, settings.password)
        if attempt.passed:
            st.session_state[PASSED_KEY] = _fingerprint(settings.password)
            st.rerun()
        st.error(_refusal(attempt), icon=":material/error:")
    st.stop()


def _refusal(attempt: access.Attempt) -> str:
    """What a refused password attempt tells the user."""
    if attempt.retry_after:
        return f"Too many wrong passwords were tried. Wait {math.ceil(attempt.retry_after)} s and try again."
    return "Wrong password."


def _exposed_screen(address: str) -> None:
    """Explain why nothing is shown and how to fix it."""
    st.title("JobOps is not protected")
    st.error(
        access.EXPOSED_DASHBOARD_MESSAGE.format(address=address or "every network interface"),
        icon=":material/shield:",
    )
    st.code(
        '# .streamlit/secrets.toml\nJOBOPS_PASSWORD = "choose-a-long-passphrase"\n'
        'JOBOPS_API_TOKEN = "another-long-random-string"',
        language="toml",
    )
    st.stop()
