"""The user's time zone (JOBOPS_TIMEZONE, default the machine's) and the days people mean in it."""

from __future__ import annotations

import logging
import os
from datetime import UTC, date, datetime, time, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from jobops.config import load_settings

log = logging.getLogger(__name__)


@lru_cache(maxsize=8)
def _zone_named(name: str) -> tzinfo | None:
    """The zone of an IANA name; a wrong name falls back to the machine's zone, said once in the log."""
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, OSError):
        log.warning("JOBOPS_TIMEZONE %r is not a known time zone; using the machine's own.", name[:64])
        return None


def user_zone() -> tzinfo | None:
    """The configured zone, or None for the machine's local zone."""
    return _configured_zone(os.environ.get("JOBOPS_TIMEZONE"), os.environ.get("JOBOPS_SECRETS_FILE"))


@lru_cache(maxsize=8)
def _configured_zone(_environment: str | None, _secrets_file: str | None) -> tzinfo | None:
    """The zone the settings name, read once for each environment (pages format many dates a run)."""
    name = load_settings().time_zone
    return _zone_named(name.strip()) if name and name.strip() else None


def as_local(moment: datetime) -> datetime:
    """The moment in the user's time zone (naive means UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(user_zone())


def local_day(moment: datetime) -> date:
    """The calendar day a moment falls on for the user."""
    return as_local(moment).date()


def at_local_time(day: date, at: time) -> datetime:
    """A day and a wall-clock time in the user's zone, as an aware UTC datetime."""
    zone = user_zone()
    naive = datetime.combine(day, at.replace(tzinfo=None))
    # A naive datetime's astimezone() reads it as the machine's local time, daylight saving included.
    local = naive.replace(tzinfo=zone) if zone else naive.astimezone()
    return local.astimezone(UTC)


def start_of_day(day: date) -> datetime:
    """The first moment of a day in the user's zone: a date alone covers that whole day."""
    return at_local_time(day, time(0, 0))
