"""A next step as a calendar event: RFC 5545 text that reads back to the same step, day and time."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from jobops.calendar_file import escape_text, file_name, fold, job_step_event, next_step_event
from jobops.localtime import at_local_time
from tests.builders import job_answer

STAMP = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
JOB = job_answer(
    employer="Acme, Inc.",
    jobUrl="https://acme.example/jobs/1",
    nextStep="Technical interview; room 4, bring ID",
    nextStepDue="2026-12-02",
    nextStepTime="14:30",
)


def parse(raw: bytes) -> list[tuple[str, str]]:
    """Content lines as (name with parameters, value), unfolded and unescaped, as a calendar app reads them."""
    text = raw.decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    unfolded = text.replace("\r\n ", "").split("\r\n")[:-1]
    escapes = {"\\\\": "\\", "\\;": ";", "\\,": ",", "\\n": "\n", "\\N": "\n"}
    lines = []
    for line in unfolded:
        name, value = line.split(":", 1)
        lines.append((name, re.sub(r"\\[\\;,nN]", lambda m: escapes[m.group(0)], value)))
    return lines


def fields(raw: bytes) -> dict[str, str]:
    return dict(parse(raw))


def test_an_interview_step_reads_back_with_its_summary_description_and_hour_in_utc() -> None:
    event = fields(job_step_event(JOB, now=STAMP))

    start = at_local_time(date(2026, 12, 2), time(14, 30))
    assert event["SUMMARY"] == "Technical interview; room 4, bring ID (Acme, Inc.)"
    assert event["DESCRIPTION"] == "Backend Engineer at Acme, Inc.\nhttps://acme.example/jobs/1"
    assert event["DTSTART"] == start.strftime("%Y%m%dT%H%M%SZ")
    assert event["DTEND"] == (start + timedelta(hours=1)).strftime("%Y%m%dT%H%M%SZ")
    assert event["DTSTAMP"] == "20261130T080000Z"
    assert event["UID"] == "next-step-j1@jobops"


def test_the_file_is_one_event_inside_one_calendar() -> None:
    names = [name for name, _ in parse(job_step_event(JOB, now=STAMP))]

    assert names[:2] == ["BEGIN", "VERSION"]
    assert [v for n, v in parse(job_step_event(JOB, now=STAMP)) if n in ("BEGIN", "END")] == [
        "VCALENDAR",
        "VEVENT",
        "VEVENT",
        "VCALENDAR",
    ]
    assert fields(job_step_event(JOB, now=STAMP))["VERSION"] == "2.0"


def test_a_step_without_a_time_is_an_all_day_event() -> None:
    event = fields(job_step_event(JOB.model_copy(update={"next_step_time": None}), now=STAMP))

    assert event["DTSTART;VALUE=DATE"] == "20261202"
    assert event["DTEND;VALUE=DATE"] == "20261203"


def test_commas_semicolons_backslashes_and_line_breaks_are_escaped() -> None:
    assert escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


def test_long_lines_fold_at_75_octets_without_splitting_a_character() -> None:
    summary = "Entretien technique à Zürich avec l’équipe “Plateforme” — " * 4

    raw = next_step_event(uid="u", summary=summary, description="", day=date(2026, 12, 2), at=None, now=STAMP)

    physical = raw.split(b"\r\n")
    assert max(len(line) for line in physical) <= 75
    assert any(line.startswith(b" ") for line in physical)
    for line in physical:
        line.decode("utf-8")  # a split character would not decode
    assert fields(raw)["SUMMARY"] == summary


def test_a_short_line_is_not_folded() -> None:
    assert fold("SUMMARY:Call Anna") == "SUMMARY:Call Anna"


def test_the_download_name_is_plain_ascii() -> None:
    assert file_name(job_answer(employer="Zürich Ré, Inc.")) == "next-step-z-rich-r-inc.ics"
    assert file_name(job_answer(employer="株式会社")) == "next-step-job.ics"
