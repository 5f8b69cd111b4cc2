"""Gmail's accounts are mail accounts like any other: the shared helpers, under their Gmail-side name."""

from jobops.mail.accounts import (
    CONNECTED,
    DEFAULT_ACCOUNT_KEY,
    DISCONNECTED,
    ERROR,
    account_status,
    check_account_key,
    find_account,
    record_error,
    status_of,
)

__all__ = [
    "CONNECTED",
    "DEFAULT_ACCOUNT_KEY",
    "DISCONNECTED",
    "ERROR",
    "account_status",
    "check_account_key",
    "find_account",
    "record_error",
    "status_of",
]
