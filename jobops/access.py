"""Who may use the dashboard and the API: secret checks and the refusal to serve a network unguarded."""

from __future__ import annotations

import hmac
import ipaddress
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from jobops.config import Settings

# The pause every caller gets after the first wrong password or token; it doubles with each further
# one up to MAX_LOCKOUT_SECONDS, and the count starts again after FORGET_AFTER_SECONDS without any.
# Tests patch it to 0.
FAILURE_DELAY_SECONDS = 1.0
MAX_LOCKOUT_SECONDS = 60.0
FORGET_AFTER_SECONDS = 15 * 60.0
MIN_API_TOKEN_LENGTH = 16
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

SHORT_API_TOKEN_MESSAGE = (
    "JOBOPS_API_TOKEN is too short: use at least {minimum} characters, for example the output of "
    'python -c "import secrets; print(secrets.token_urlsafe(32))". Until then JobOps does not start '
    "and its API refuses every call."
)


@dataclass(frozen=True)
class Attempt:
    """The outcome of one password or token check."""

    passed: bool
    # More than 0 when the secret was not even compared: every caller must wait this many seconds.
    retry_after: float = 0.0


def lockout_seconds(failures: int) -> float:
    """How long every check stays closed after the n-th wrong secret in a row."""
    return min(FAILURE_DELAY_SECONDS * 2.0 ** min(failures - 1, 30), MAX_LOCKOUT_SECONDS)


class FailureThrottle:
    """One count of wrong secrets for the whole process, shared by the API token and the page password,
    so that parallel sessions or connections do not multiply the guesses an attacker gets."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        """Forget every failure (tests; a restart does the same)."""
        self._failures = 0
        self._last_failure = float("-inf")
        self._closed_until = float("-inf")

    def check(self, given: str, expected: str) -> Attempt:
        """Compare in constant time unless closed; a wrong secret closes every check for a while."""
        with self._lock:
            now = self._clock()
            if now < self._closed_until:
                return Attempt(False, self._closed_until - now)
            if hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
                return Attempt(True)
            if now - self._last_failure > FORGET_AFTER_SECONDS:
                self._failures = 0
            self._failures += 1
            self._last_failure = now
            self._closed_until = now + lockout_seconds(self._failures)
            return Attempt(False)


THROTTLE = FailureThrottle()


def check_secret(given: str, expected: str) -> Attempt:
    """Check the dashboard password or the API token against the process-wide failure count."""
    return THROTTLE.check(given, expected)


def api_token_problem(settings: Settings) -> str | None:
    """Why the configured API token must not be used (too short to resist guessing), or None."""
    token = settings.api_token
    if token and len(token) < MIN_API_TOKEN_LENGTH:
        return SHORT_API_TOKEN_MESSAGE.format(minimum=MIN_API_TOKEN_LENGTH)
    return None


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
    """The address the serving process listens on ('' means every interface).

    The dashboard's server tells it at start (`listen_address_from`); until then, and in a process without
    it, the STREAMLIT_SERVER_ADDRESS variable says it, and without that every interface is assumed.
    """
    return _address_source()


def listen_address_from(source: Callable[[], str]) -> Callable[[], str]:
    """Read the listening address from this source from now on; returns the previous source."""
    global _address_source
    previous, _address_source = _address_source, source
    return previous


def _address_from_environment() -> str:
    """The listening address named in the environment, or '' (every interface, the safe assumption)."""
    return os.environ.get("STREAMLIT_SERVER_ADDRESS", "")


_address_source: Callable[[], str] = _address_from_environment
