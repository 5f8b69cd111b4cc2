"""Why a trip to Google's consent page failed: a short code in the address, a fixed sentence on the page.

The Mail page never shows what the address says, so a crafted link cannot put its own words there.
"""

from __future__ import annotations

from jobops.errors import InvalidInput, JobOpsError, NotConfigured, UpstreamError

DENIED = "denied"
MESSAGES: dict[str, str] = {
    DENIED: "Gmail access was not granted.",
    "expired": "The connection link is invalid or has expired. Start connecting Gmail again.",
    "refused": "Google refused the authorization code. Start connecting Gmail again.",
    "scope": "Read access to Gmail was not allowed. Connect again and allow reading your mail.",
    "unreachable": "Google could not be reached to finish connecting. Try again.",
    "not_configured": "Gmail is not set up yet: see the steps below.",
}
FALLBACK = "Something went wrong while connecting. Start connecting Gmail again."
_BY_FIELD = {"state": "expired", "code": "refused", "scope": "scope"}


def code_for(exc: JobOpsError) -> str:
    """The code for a failed code exchange."""
    if isinstance(exc, NotConfigured):
        return "not_configured"
    if isinstance(exc, UpstreamError):
        return "unreachable"
    if isinstance(exc, InvalidInput):
        return _BY_FIELD.get(exc.field or "", "failed")
    return "failed"


def message_for(code: str | None) -> str:
    """The sentence for a code; anything else gets the same general sentence."""
    return MESSAGES.get(code or "", FALLBACK)
