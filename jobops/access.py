"""Who may use the dashboard and the API: password checks and the refusal to serve a network unguarded."""

from __future__ import annotations

import hmac
import ipaddress
import time

from jobops.config import Settings

# Slows down guessing; tests patch it to 0.
FAILURE_DELAY_SECONDS = 1.0
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})

EXPOSED_DASHBOARD_MESSAGE = (
    "JobOps is listening on {address}, which other machines can reach, and nothing guards it. "
    "Your mail and applications would be open to anyone on that network. Either set a password "
    "(JOBOPS_PASSWORD in the environment or in .streamlit/secrets.toml) or sign-in with st.login "
    "(an [auth] section in .streamlit/secrets.toml), or listen on this machine only with "
    'server.address = "127.0.0.1" in .streamlit/config.toml. Then restart JobOps.'
)
EXPOSED_API_MESSAGE = (
    "The API is reachable from other machines and has no token. Set JOBOPS_API_TOKEN and send "
    "Authorization: Bearer <token>, or listen on 127.0.0.1 only (server.address in .streamlit/config.toml)."
)


def check_password(given: str, expected: str) -> bool:
    """Compare in constant time; a wrong guess costs a pause."""
    matches = hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))
    if not matches:
        time.sleep(FAILURE_DELAY_SECONDS)
    return matches


def is_loopback(address: str | None) -> bool:
    """True when a listening address only accepts connections from this machine ('' means all)."""
    host = (address or "").strip().strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def exposed_without_protection(
    settings: Settings, server_address: str | None, *, login_configured: bool = False
) -> bool:
    """The dashboard listens beyond loopback with neither a password nor st.login to guard its pages."""
    return not is_loopback(server_address) and not settings.password and not login_configured


def api_exposed_without_token(settings: Settings, server_address: str | None) -> bool:
    """The API listens beyond loopback without JOBOPS_API_TOKEN (a page password does not guard it)."""
    return not is_loopback(server_address) and not settings.api_token


def server_address() -> str:
    """Streamlit's `server.address` option ('' when unset, which means every interface)."""
    from streamlit import config

    return str(config.get_option("server.address") or "")
