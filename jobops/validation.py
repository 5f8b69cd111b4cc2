"""Checks for values that come from people: each failure names the field it is about."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlparse

from jobops.errors import InvalidInput
from jobops.localtime import start_of_day

MAX_TEXT = 20_000
# Embeddings, overrides and isolates reorder what is shown ("Trojan Source" spoofing); text never needs them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_CONTROLS = frozenset("\t\n\r")
# A date this far ahead is a typo, not a back-dated or scheduled event.
MAX_FUTURE = timedelta(days=1)
# Unix seconds outside these years are a mistake (a count of days, or milliseconds), not a date.
EARLIEST_SECONDS = 946_684_800  # 2000-01-01T00:00:00Z
LATEST_SECONDS = 4_102_444_800  # 2100-01-01T00:00:00Z
# One @, no spaces, a dotted domain: what a person types; anything subtler is the mail server's to judge.
EMAIL = re.compile(r"[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\].]{2,}")


def reject_unknown(data: Mapping[str, Any], allowed: Iterable[str], where: str = "body") -> None:
    """Refuse fields nobody reads, so a typo is not silently ignored."""
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise InvalidInput(
            f"Unknown field{'s' if len(unknown) > 1 else ''} in {where}: {', '.join(unknown)}.",
            field=unknown[0],
        )


def text(field: str, value: Any, *, required: bool = False, max_len: int = 300) -> str | None:
    """A trimmed string, None when empty and optional."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InvalidInput(f"{field} is required.", field=field)
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{field} must be a string.", field=field)
    value = clean(value).strip()
    if not value and required:
        raise InvalidInput(f"{field} is required.", field=field)
    if len(value) > max_len:
        raise InvalidInput(f"{field} is longer than {max_len} characters.", field=field)
    return value


def clean(value: str) -> str:
    """Text without NUL, other control characters (tab and line breaks stay) or bidi overrides."""
    return "".join(ch for ch in value if not _hidden_control(ch))


def _hidden_control(ch: str) -> bool:
    """A character that only hides, garbles or reorders what is shown."""
    return ch in BIDI_CONTROLS or (ch not in LINE_CONTROLS and unicodedata.category(ch) == "Cc")


def choice(field: str, value: Any, allowed: Iterable[str], *, required: bool = False) -> str | None:
    """One of a fixed set of words."""
    allowed = tuple(allowed)
    if value is None or value == "":
        if required:
            raise InvalidInput(f"{field} is required; use one of: {', '.join(allowed)}.", field=field)
        return None
    if not isinstance(value, str) or value not in allowed:
        raise InvalidInput(
            f"{field} must be one of: {', '.join(allowed)} (got {str(value)[:40]!r}).", field=field
        )
    return value


def integer(field: str, value: Any, *, default: int, low: int, high: int) -> int:
    """A whole number within bounds; booleans and strings are refused."""
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int):
        # Plain ASCII digits only: int() refuses `²`, `--5` and strings of thousands of digits.
        digits = value.strip().removeprefix("-") if isinstance(value, str) else ""
        if not (digits.isascii() and digits.isdigit() and len(digits) <= 18):
            raise InvalidInput(f"{field} must be a whole number.", field=field)
        value = int(value)
    if not low <= value <= high:
        raise InvalidInput(f"{field} must be between {low} and {high}.", field=field)
    return value


def url(field: str, value: Any) -> str | None:
    """An http(s) address, or None; one with spaces, control characters or bidi overrides is refused."""
    if isinstance(value, str) and any(ch.isspace() or _hidden_control(ch) for ch in value.strip()):
        raise InvalidInput(
            f"{field} must be an http:// or https:// address without spaces or control characters.",
            field=field,
        )
    value = text(field, value, max_len=2000)
    if value is None:
        return None
    try:
        parsed = urlparse(value)
    except ValueError:  # an unbalanced IPv6 bracket
        raise InvalidInput(f"{field} must be an http:// or https:// address.", field=field) from None
    if parsed.scheme not in {"http", "https"} or not parsed.netloc:
        raise InvalidInput(f"{field} must be an http:// or https:// address.", field=field)
    return value


def email(field: str, value: Any) -> str | None:
    """An email address (`name@example.com`), or None when empty."""
    value = text(field, value, max_len=320)
    if value is not None and not EMAIL.fullmatch(value):
        raise InvalidInput(f"{field} must be an email address such as name@example.com.", field=field)
    return value


def moment(field: str, value: Any, *, required: bool = False, allow_future: bool = False) -> datetime | None:
    """An aware UTC datetime from ISO 8601 text, Unix seconds, a date or a datetime.

    A date alone covers that whole day in the user's time zone, so it starts then; a naive date-time is UTC.
    """
    if value is None or value == "":
        if required:
            raise InvalidInput(f"{field} is required.", field=field)
        return None
    try:
        parsed = _parse(field, value)
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        parsed = parsed.astimezone(UTC)
    except (OverflowError, OSError):  # year 1 or 9999 shifted past the calendar by its offset
        raise InvalidInput(f"{field} is out of range.", field=field) from None
    if parsed.year < 1970:
        raise InvalidInput(f"{field} is before 1970.", field=field)
    if not allow_future and parsed > datetime.now(UTC) + MAX_FUTURE:
        raise InvalidInput(f"{field} is in the future.", field=field)
    return parsed


def _parse(field: str, value: Any) -> datetime:
    """The value as a datetime, aware or naive."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_unix_seconds(field, value)
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return start_of_day(value)
    if isinstance(value, str):
        return _parse_iso(field, value.strip())
    raise InvalidInput(f"{field} must be an ISO 8601 date or date-time, or Unix seconds.", field=field)


def _from_unix_seconds(field: str, seconds: float) -> datetime:
    """Seconds since 1970 (UTC), as other trackers send them; a small or huge number is a mistake."""
    if not EARLIEST_SECONDS <= seconds <= LATEST_SECONDS:  # also refuses NaN
        milliseconds = EARLIEST_SECONDS * 1000 <= seconds <= LATEST_SECONDS * 1000
        hint = " (this looks like milliseconds)" if milliseconds else ""
        raise InvalidInput(
            f"{field} in Unix seconds must fall between 2000-01-01 and 2100-01-01{hint}.", field=field
        )
    return datetime.fromtimestamp(seconds, tz=UTC)


def _parse_iso(field: str, raw: str) -> datetime:
    """Parse `2026-11-20` (from the start of that day for the user), `2026-11-20T10:00`, `...Z`, an offset."""
    try:
        return start_of_day(date.fromisoformat(raw))
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise InvalidInput(
            f"{field} must be an ISO 8601 date or date-time such as 2026-11-20T14:30:00Z, or Unix seconds.",
            field=field,
        ) from None


def mapping(field: str, value: Any) -> dict[str, Any]:
    """A JSON object (None becomes empty)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InvalidInput(f"{field} must be an object.", field=field)
    return value
