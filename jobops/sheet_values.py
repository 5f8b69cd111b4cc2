"""What spreadsheet cells mean: dates written ISO, month-first or day-first, and free-text statuses."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Final

from jobops.errors import InvalidInput
from jobops.stages import APPLIED, OPEN_STAGES, OUTCOMES, STATUS_LABELS, stage_label

ISO: Final = "iso"
DAY_FIRST: Final = "day_first"
MONTH_FIRST: Final = "month_first"
DATE_ORDERS: Final = (DAY_FIRST, MONTH_FIRST)
DATE_ORDER_LABELS: Final = {DAY_FIRST: "Day first (31/12/2026)", MONTH_FIRST: "Month first (12/31/2026)"}

CLOCK = re.compile(r"(\d{1,2})[:.h](\d{2})(?::\d{2}(?:\.\d+)?)?\s*([ap]\.?m\.?)?", re.IGNORECASE)
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
NUMERIC_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:[ T].*)?")
WORDED_FORMATS = (
    "%d %b %Y",
    "%d %B %Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d %Y",
    "%B %d %Y",
    "%d-%b-%Y",
    "%d-%b-%y",
)

# Where a job can stand after an import: before applying, at an open stage, or closed with an outcome.
PRE_APPLY: Final = ("discovered", "ready", "skipped", "expired")
TARGETS: Final[tuple[str, ...]] = (*OPEN_STAGES, *OUTCOMES, *PRE_APPLY)

# Words people write in a status column, checked in order: the first phrase found in the cell wins,
# so "Rejected after onsite" is a rejection and "Offer declined" is not an offer.
STATUS_PHRASES: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("offer_accepted", ("offer accepted", "accepted offer", "accepted", "hired", "signed")),
    ("offer_declined", ("offer declined", "declined offer", "i declined", "turned down")),
    ("withdrawn", ("withdrawn", "withdrew", "withdraw", "pulled out")),
    ("ghosted", ("ghosted", "ghost")),
    ("no_response", ("no response", "no reply", "no answer", "never heard", "unanswered")),
    (
        "rejected",
        (
            "rejected",
            "rejection",
            "declined",
            "not selected",
            "unsuccessful",
            "not moving forward",
            "turned away",
            "denied",
            "no offer",
        ),
    ),
    ("offer", ("offer",)),
    ("onsite", ("onsite", "on site", "on-site", "final", "last round")),
    ("hiring_manager_screen", ("hiring manager", "team match", "manager interview", "manager call")),
    ("technical_interview", ("technical", "tech interview", "coding interview", "interviewing", "interview")),
    (
        "assessment",
        ("assessment", "take home", "take-home", "homework", "coding challenge", "test", "case study"),
    ),
    ("recruiter_screen", ("phone screen", "screen", "recruiter", "hr call", "phone call", "intro call")),
    ("ready", ("ready",)),
    ("skipped", ("skipped", "not applying", "pass")),
    ("expired", ("expired", "posting closed", "position closed")),
    (
        "discovered",
        (
            "wishlist",
            "wish list",
            "saved",
            "interested",
            "to apply",
            "bookmarked",
            "discovered",
            "not applied",
        ),
    ),
    (
        APPLIED,
        (
            "applied",
            "submitted",
            "sent",
            "in progress",
            "pending",
            "under review",
            "in review",
            "waiting",
            "active",
            "open",
        ),
    ),
)


def target_label(target: str) -> str:
    """How a target reads in the mapping: `Recruiter Screen`, `Closed: Rejected`, `Ready to apply`."""
    if target in OUTCOMES:
        return f"Closed: {stage_label(target)}"
    if target in PRE_APPLY:
        return f"Not applied: {STATUS_LABELS[target]}"
    return stage_label(target)


def _words(value: str) -> str:
    """Lower case, one space between words, separators as spaces."""
    return " " + re.sub(r"[\s_/|,;:()]+", " ", value.lower()).strip() + " "


def guess_status(value: str) -> str | None:
    """The target a status cell most likely means, or None when no known word is in it."""
    words = _words(value)
    stripped = words.strip()
    if stripped in TARGETS:
        return stripped
    if stripped.replace(" ", "_") in TARGETS:
        return stripped.replace(" ", "_")
    for target, phrases in STATUS_PHRASES:
        if any(f" {phrase} " in words for phrase in phrases):
            return target
    return None


def guess_statuses(values: Iterable[str]) -> dict[str, str | None]:
    """Each distinct non-empty status of a column with its guessed target."""
    return {v: guess_status(v) for v in dict.fromkeys(v.strip() for v in values) if v}


def date_order(values: Iterable[str], today: date | None = None) -> str | None:
    """ISO, day-first or month-first for a column of dates; None when every date could be either way.

    A day above 12 in the first place means day-first, in the second month-first; an order that
    would put an application in the future is ruled out. A column with both is refused row by row.
    """
    pairs = [
        tuple(int(g) for g in found.groups()) for v in values if (found := NUMERIC_DATE.fullmatch(v.strip()))
    ]
    if not pairs:
        return ISO
    first_big = any(a > 12 for a, _, _ in pairs)
    second_big = any(b > 12 for _, b, _ in pairs)
    if first_big != second_big:
        return DAY_FIRST if first_big else MONTH_FIRST
    if first_big:
        return None
    possible = [order for order in DATE_ORDERS if _fits(pairs, order, today or date.today())]
    return possible[0] if len(possible) == 1 else None


def _fits(pairs: list[tuple[int, ...]], order: str, today: date) -> bool:
    """Whether every date read in this order is a calendar date no later than today."""
    for a, b, year in pairs:
        day, month = (a, b) if order == DAY_FIRST else (b, a)
        try:
            if date(_full_year(year), month, day) > today:
                return False
        except ValueError:
            return False
    return True


def _full_year(year: int) -> int:
    """`26` is 2026: spreadsheets shorten years of this century."""
    return year + 2000 if year < 100 else year


def parse_date(field: str, value: str, order: str | None) -> date | datetime:
    """A cell as a date (or the ISO date-time it holds); InvalidInput names the field."""
    raw = value.strip()
    if ISO_DATE.fullmatch(raw):
        return _iso(field, raw)
    found = NUMERIC_DATE.fullmatch(raw)
    if found:
        a, b, year = (int(g) for g in found.groups())
        year = _full_year(year)
        if order not in DATE_ORDERS:
            raise InvalidInput(
                f"{field} {raw!r} could be day-first or month-first; choose which.", field=field
            )
        day, month = (a, b) if order == DAY_FIRST else (b, a)
        return _checked(field, raw, year, month, day)
    for pattern in WORDED_FORMATS:
        try:
            return datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise InvalidInput(
        f"{field} {raw[:40]!r} is not a date (write 2026-03-11, 11/03/2026 or 11 Mar 2026).", field=field
    )


def _iso(field: str, raw: str) -> date | datetime:
    """An ISO date, or the date-time when the cell has one."""
    try:
        return (
            date.fromisoformat(raw) if len(raw) <= 10 else datetime.fromisoformat(raw.replace("Z", "+00:00"))
        )
    except ValueError:
        raise InvalidInput(f"{field} {raw[:40]!r} is not a date.", field=field) from None


def _checked(field: str, raw: str, year: int, month: int, day: int) -> date:
    """The calendar date, or InvalidInput for a 31 February."""
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidInput(f"{field} {raw!r} is not a date in the calendar.", field=field) from None


def parse_time(field: str, value: str) -> time:
    """A cell as a wall-clock time to the minute: `14:30`, `14:30:00`, `2:30 PM`, `9.05`, `14h30`."""
    raw = value.strip()
    found = CLOCK.fullmatch(raw)
    if found:
        hour, minute = int(found.group(1)), int(found.group(2))
        half = (found.group(3) or "").lower().replace(".", "")
        if half and 1 <= hour <= 12:
            hour = hour % 12 + (12 if half == "pm" else 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise InvalidInput(f"{field} {raw[:40]!r} is not a time (write 14:30 or 2:30 PM).", field=field)
