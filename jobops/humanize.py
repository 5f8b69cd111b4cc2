"""Dates and durations as people read them: relative and in local time, never raw timestamps."""

from __future__ import annotations

from datetime import UTC, datetime

from jobops.localtime import as_local

__all__ = ["as_local", "local_date", "local_datetime", "relative_time", "days_between"]


def local_date(moment: datetime | None) -> str:
    """`Mon 24 Nov 2026` in local time, or an em dash."""
    if moment is None:
        return "—"
    return as_local(moment).strftime("%a %d %b %Y")


def local_datetime(moment: datetime | None) -> str:
    """`24 Nov 2026, 14:05` in local time, or an em dash."""
    if moment is None:
        return "—"
    return as_local(moment).strftime("%d %b %Y, %H:%M")


def relative_time(moment: datetime | None, now: datetime | None = None) -> str:
    """`just now`, `5 minutes ago`, `yesterday`, `3 days ago`, `in 2 days`."""
    if moment is None:
        return "never"
    now = now or datetime.now(UTC)
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    seconds = (now - aware).total_seconds()
    future = seconds < 0
    seconds = abs(seconds)
    if seconds < 60:
        return "just now"
    units = (
        (86400 * 365, "year"),
        (86400 * 30, "month"),
        (86400 * 7, "week"),
        (86400, "day"),
        (3600, "hour"),
    )
    unit_seconds, unit = next(((s, u) for s, u in units if seconds >= s), (60, "minute"))
    count = int(seconds // unit_seconds)
    if unit == "day" and count == 1:
        return "tomorrow" if future else "yesterday"
    label = f"{count} {unit}{'s' if count != 1 else ''}"
    return f"in {label}" if future else f"{label} ago"


def days_between(start: datetime | None, end: datetime | None = None) -> int | None:
    """Whole days from start to end (default now)."""
    if start is None:
        return None
    end = end or datetime.now(UTC)
    aware = start if start.tzinfo else start.replace(tzinfo=UTC)
    return max(0, (end - aware).days)
