"""Field types shared by the job and event models: enums, moments and clock times as the JSON edge has them."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, Any

from pydantic import Field, PlainSerializer, WithJsonSchema

from jobops.errors import InvalidInput
from jobops.stages import JOB_STATUSES, OUTCOMES, STAGES
from jobops.validation import EARLIEST_SECONDS, LATEST_SECONDS

# A due day outside these years is a typo, not a plan.
FIRST_YEAR, LAST_YEAR = 2000, 2100
CLOCK_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]$"  # a next step's wall-clock time in the user's zone


def one_of(values: tuple[str, ...]) -> Any:
    """A string field documented as one of these words."""
    return Field(json_schema_extra={"enum": list(values)})


Stage = Annotated[str, one_of(STAGES)]
Outcome = Annotated[str, one_of(OUTCOMES)]
JobStatus = Annotated[str, one_of(JOB_STATUSES)]
# What a request may give for a moment: ISO 8601 (a date alone means that day from its start in the user's
# time zone) or Unix seconds.
MomentIn = Annotated[
    datetime,
    WithJsonSchema(
        {
            "anyOf": [
                {
                    "type": "string",
                    "format": "date-time",
                    "description": "ISO 8601 date-time, or a date such as 2026-11-20.",
                },
                {
                    "type": "number",
                    "minimum": EARLIEST_SECONDS,
                    "maximum": LATEST_SECONDS,
                    "description": "Unix seconds.",
                },
            ]
        },
        mode="validation",
    ),
]
Clock = Annotated[
    time,
    PlainSerializer(lambda value: value.strftime("%H:%M"), return_type=str),
    WithJsonSchema({"type": "string", "pattern": CLOCK_PATTERN}),
]
Day = Annotated[date, WithJsonSchema({"type": "string", "format": "date"})]


def day(field: str, value: Any) -> date | None:
    """A calendar day from `2026-12-02` (or a date), or None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        found: date | None = value
    else:
        try:
            found = date.fromisoformat(value.strip()) if isinstance(value, str) else None
        except ValueError:
            found = None
    if found is None:
        raise InvalidInput(f"{field} must be a date such as 2026-12-02.", field=field)
    if not FIRST_YEAR <= found.year < LAST_YEAR:
        raise InvalidInput(f"{field} must fall between {FIRST_YEAR} and {LAST_YEAR}.", field=field)
    return found


def clock(field: str, value: Any) -> time | None:
    """A wall-clock time from `14:30` (or a time), to the minute, or None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    text = value.strip() if isinstance(value, str) else ""
    if len(text) != 5 or text[2] != ":" or not (text[:2] + text[3:]).isdigit():
        raise InvalidInput(f"{field} must be a time such as 14:30.", field=field)
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{field} must be a time such as 14:30.", field=field) from None
