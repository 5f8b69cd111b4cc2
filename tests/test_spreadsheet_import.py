"""Moving in from a spreadsheet: dates, free-text statuses, salary, extra columns, encodings, re-imports."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from jobops import job_csv, jobs, sheet_values
from jobops.errors import InvalidInput
from jobops.schemas.jobs import JobOut

SPREADSHEET = Path(__file__).parent / "data" / "spreadsheet_jobs.csv"
JOB_ROWS = 20  # and one empty row


def frame_of(data: bytes):
    return job_csv.read_csv(data)


def import_bytes(session: Session, data: bytes, **options) -> dict:
    frame = frame_of(data)
    return job_csv.import_jobs(session, frame, job_csv.guess_mapping(list(frame.columns)), **options)


def by_employer(session: Session) -> dict[str, JobOut]:
    return {j.employer: j for j in jobs.list_jobs(session).items}


def test_every_row_of_the_spreadsheet_imports_when_the_date_order_is_given(session: Session) -> None:
    report = import_bytes(session, SPREADSHEET.read_bytes(), dates=sheet_values.DAY_FIRST)

    assert report == {"imported": JOB_ROWS, "skipped": []}
    assert jobs.list_jobs(session).total == JOB_ROWS


def test_free_text_statuses_land_in_their_stage_or_closed_with_their_outcome(session: Session) -> None:
    import_bytes(session, SPREADSHEET.read_bytes(), dates=sheet_values.DAY_FIRST)

    found = by_employer(session)
    standing = {
        e: (found[e].current_stage, found[e].outcome)
        for e in ("Stripe", "Lumen Health", "Quarry", "Fjord AI", "Nimbus", "Acme")
    }
    assert standing == {
        "Stripe": ("technical_interview", None),
        "Lumen Health": ("recruiter_screen", None),
        "Quarry": ("closed", "rejected"),
        "Fjord AI": ("offer", None),
        "Nimbus": ("closed", "ghosted"),
        "Acme": ("applied", None),
    }


def test_day_first_dates_and_the_salary_are_kept(session: Session) -> None:
    import_bytes(session, SPREADSHEET.read_bytes(), dates=sheet_values.DAY_FIRST)

    stripe = by_employer(session)["Stripe"]

    assert stripe.applied_at.date().isoformat() == "2026-03-02"
    assert stripe.salary == "€60–70k"
    assert stripe.notes == "Referral from Sam"


def test_month_first_reads_the_same_dates_the_other_way(session: Session) -> None:
    import_bytes(session, SPREADSHEET.read_bytes(), dates=sheet_values.MONTH_FIRST)

    assert by_employer(session)["Stripe"].applied_at.date().isoformat() == "2026-02-03"


def test_dates_that_could_be_either_way_are_asked_about_before_anything_is_written(session: Session) -> None:
    frame = frame_of(SPREADSHEET.read_bytes())
    mapping = job_csv.guess_mapping(list(frame.columns))

    assert job_csv.detect_date_order(frame, mapping) is None
    with pytest.raises(InvalidInput) as exc:
        job_csv.import_jobs(session, frame, mapping)

    assert exc.value.field == "dates"
    assert jobs.list_jobs(session).total == 0


@pytest.mark.parametrize(
    ("dates", "order", "applied"),
    [
        ("25/03/2026\n02/04/2026", sheet_values.DAY_FIRST, "2026-03-25"),
        ("03/25/2026\n04/02/2026", sheet_values.MONTH_FIRST, "2026-03-25"),
        ("2026-03-25\n2026-04-02", sheet_values.ISO, "2026-03-25"),
        ("25.03.26\n02.04.26", sheet_values.DAY_FIRST, "2026-03-25"),
    ],
)
def test_the_date_order_is_decided_from_the_column(
    session: Session, dates: str, order: str, applied: str
) -> None:
    first, second = dates.split("\n")
    text = f"Company,Position,Date Applied\nAcme,Engineer,{first}\nGlobex,Analyst,{second}\n"
    frame = frame_of(text.encode())
    mapping = job_csv.guess_mapping(list(frame.columns))

    assert job_csv.detect_date_order(frame, mapping) == order
    job_csv.import_jobs(session, frame, mapping)
    assert by_employer(session)["Acme"].applied_at.date().isoformat() == applied


def test_the_user_can_change_where_a_status_puts_a_job(session: Session) -> None:
    import_bytes(
        session,
        SPREADSHEET.read_bytes(),
        dates=sheet_values.DAY_FIRST,
        statuses={"Interviewing": "hiring_manager_screen", "Ghosted": "no_response"},
    )

    found = by_employer(session)
    assert found["Stripe"].current_stage == "hiring_manager_screen"
    assert found["Nimbus"].outcome == "no_response"


def test_a_status_mapped_to_something_unknown_is_refused(session: Session) -> None:
    with pytest.raises(InvalidInput):
        import_bytes(
            session,
            SPREADSHEET.read_bytes(),
            dates=sheet_values.DAY_FIRST,
            statuses={"Interviewing": "promoted"},
        )

    assert jobs.list_jobs(session).total == 0


def test_the_guessed_statuses_list_each_distinct_value_once(session: Session) -> None:
    frame = frame_of(SPREADSHEET.read_bytes())

    guessed = job_csv.guess_statuses(frame, job_csv.guess_mapping(list(frame.columns)))

    assert guessed == {
        "Interviewing": "technical_interview",
        "Phone Screen": "recruiter_screen",
        "Rejected": "rejected",
        "Offer": "offer",
        "Ghosted": "ghosted",
        "Applied": "applied",
    }


def test_columns_no_field_takes_and_unknown_statuses_are_kept_in_the_notes(session: Session) -> None:
    text = "Company,Position,Status,Referrer,Notes\nAcme,Engineer,Waiting on visa,Sam,Nice team\n"

    import_bytes(session, text.encode())

    acme = by_employer(session)["Acme"]
    assert acme.notes == "Nice team\n\nReferrer: Sam"
    assert acme.current_stage == "applied"


def test_a_status_nobody_recognises_is_kept_in_the_notes_and_the_job_stays_applied(session: Session) -> None:
    import_bytes(session, b"Company,Position,Status\nAcme,Engineer,Blue\n")

    acme = by_employer(session)["Acme"]
    assert (acme.current_stage, acme.notes) == ("applied", "Status: Blue")


def test_empty_rows_are_skipped_quietly(session: Session) -> None:
    report = import_bytes(session, b"Company,Position,Salary\nAcme,Engineer,\n,,\n  ,,\nGlobex,Analyst,\n")

    assert report == {"imported": 2, "skipped": []}


def test_a_second_import_of_the_same_file_adds_nothing(session: Session) -> None:
    import_bytes(session, SPREADSHEET.read_bytes(), dates=sheet_values.DAY_FIRST)

    again = import_bytes(session, SPREADSHEET.read_bytes(), dates=sheet_values.DAY_FIRST)

    assert again["imported"] == 0
    assert len(again["skipped"]) == JOB_ROWS
    assert jobs.list_jobs(session).total == JOB_ROWS


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_the_encodings_spreadsheets_write_import_the_same(session: Session, encoding: str) -> None:
    text = (
        SPREADSHEET.read_bytes()
        .decode("utf-8-sig")
        .replace("€", "EUR ")
        .replace("–", "-")
        .replace("£", "GBP ")
    )
    if encoding == "utf-16":  # Excel's "Unicode text": the same table, tab-separated
        rows = csv.reader(io.StringIO(text))
        out = io.StringIO()
        csv.writer(out, delimiter="\t", lineterminator="\r\n").writerows(rows)
        text = out.getvalue()

    report = import_bytes(session, text.encode(encoding), dates=sheet_values.DAY_FIRST)

    assert report["imported"] == JOB_ROWS
    assert by_employer(session)["Müller & Söhne"].salary == "EUR 55k"


def test_an_exported_file_keeps_stages_and_outcomes_when_imported_again(session: Session) -> None:
    import_bytes(session, SPREADSHEET.read_bytes(), dates=sheet_values.DAY_FIRST)
    exported = job_csv.export_jobs_csv(session).encode()
    for job in jobs.list_jobs(session).items:
        jobs.delete_job(session, job.id)

    report = import_bytes(session, exported)

    found = by_employer(session)
    assert report["imported"] == JOB_ROWS
    assert (found["Quarry"].outcome, found["Stripe"].current_stage) == (
        "rejected",
        "technical_interview",
    )
    assert found["Stripe"].notes == "Referral from Sam"


def test_an_order_that_would_put_an_application_in_the_future_is_ruled_out() -> None:
    today = date(2026, 3, 20)

    assert sheet_values.date_order(["02/03/2026", "10/03/2026"], today) == sheet_values.DAY_FIRST
    assert sheet_values.date_order(["03/02/2026", "03/10/2026"], today) == sheet_values.MONTH_FIRST
    assert sheet_values.date_order(["02/03/2026", "01/02/2026"], today) is None
