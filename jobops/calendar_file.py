"""A job's next step as an iCalendar event (RFC 5545) that any calendar app can import."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from jobops.localtime import at_local_time
from jobops.schemas.jobs import JobOut

PRODID = "-//JobOps//Next step//EN"
EVENT_LENGTH = timedelta(hours=1)
MAX_LINE_OCTETS = 75  # RFC 5545 3.1: longer content lines are folded


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line, folded into CRLF + space continuations of at most 75 octets, never inside a character."""
    parts: list[str] = []
    current, size = "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        limit = MAX_LINE_OCTETS if not parts else MAX_LINE_OCTETS - 1  # a continuation starts with a space
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += ch
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def next_step_event(
    *, uid: str, summary: str, description: str, day: date, at: time | None, now: datetime | None = None
) -> bytes:
    """A VCALENDAR with one VEVENT: an hour from `at` (the user's time) on `day`, or the whole day without a time."""
    if at is None:
        span = [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}"]
    else:
        start = at_local_time(day, at)
        span = [f"DTSTART:{_utc(start)}", f"DTEND:{_utc(start + EVENT_LENGTH)}"]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{escape_text(uid)}",
        f"DTSTAMP:{_utc(now or datetime.now(UTC))}",
        *span,
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


def job_step_event(job: JobOut, now: datetime | None = None) -> bytes:
    """The calendar event for a job's next step."""
    if job.next_step is None or job.next_step_due is None:
        raise ValueError("The job has no next step.")
    description = f"{job.title} at {job.employer}"
    if job.job_url:
        description += f"\n{job.job_url}"
    return next_step_event(
        uid=f"next-step-{job.id}@jobops",
        summary=f"{job.next_step} ({job.employer})",
        description=description,
        day=job.next_step_due,
        at=job.next_step_time,
        now=now,
    )


def file_name(job: JobOut) -> str:
    """A safe download name: `next-step-acme.ics`."""
    stem = re.sub(r"[^a-z0-9]+", "-", job.employer.lower()).strip("-")[:40].strip("-")
    return f"next-step-{stem or 'job'}.ics"
