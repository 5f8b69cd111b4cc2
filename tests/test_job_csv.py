"""CSV import and export: reading real-world files, guessing columns, reporting skipped rows."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from jobops import job_csv, jobs, tracking
from jobops.db import read_session_scope, session_scope
from jobops.errors import InvalidInput
from jobops.models import Job
from jobops.schemas.jobs import JobIn, JobOut
from tests.builders import add_job, close_job

SPREADSHEET = (
    "Company,Job Title,Link,Date Applied,Notes\n"
    "Stripe,Backend Engineer,https://stripe.com/jobs/1,2026-10-01,Referral from Sam\n"
    "Lumen Health,Platform Engineer,,2026-10-05,\n"
    ",Orphan Role,,,\n"
    "Quarry,Data Engineer,not a url,,\n"
    "Fjord AI,ML Engineer,,someday,\n"
)


def import_text(session: Session, text: str, encoding: str = "utf-8") -> dict:
    frame = job_csv.read_csv(text.encode(encoding))
    return job_csv.import_jobs(session, frame, job_csv.guess_mapping(list(frame.columns)))


def test_the_preview_reads_every_cell_as_text() -> None:
    frame = job_csv.read_csv(SPREADSHEET.encode())

    assert list(frame.columns) == ["Company", "Job Title", "Link", "Date Applied", "Notes"]
    assert len(frame) == 5
    assert frame.iloc[1]["Notes"] == ""
    assert frame.iloc[0]["Date Applied"] == "2026-10-01"


def test_the_mapping_is_guessed_from_common_column_names() -> None:
    mapping = job_csv.guess_mapping(["Company", "Job Title", "Link", "Date Applied", "Notes", "Salary"])

    assert mapping == {
        "title": "Job Title",
        "employer": "Company",
        "jobUrl": "Link",
        "location": None,
        "source": None,
        "notes": "Notes",
        "status": None,
        "appliedAt": "Date Applied",
        "salary": "Salary",
        "recruiterName": None,
        "recruiterEmail": None,
        "nextStep": None,
        "nextStepDue": None,
        "nextStepTime": None,
        "closedAt": None,
        "stage": None,
        "outcome": None,
    }


def test_the_mapping_ignores_case_spaces_and_underscores() -> None:
    mapping = job_csv.guess_mapping(["job_title", "EMPLOYER", "jobUrl"])

    assert (mapping["title"], mapping["employer"], mapping["jobUrl"]) == ("job_title", "EMPLOYER", "jobUrl")


def test_an_import_reports_each_skipped_row_with_its_spreadsheet_number_and_reason(session: Session) -> None:
    report = import_text(session, SPREADSHEET)

    assert report["imported"] == 2
    reasons = {row["row"]: row["reason"] for row in report["skipped"]}
    assert set(reasons) == {4, 5, 6}
    assert "employer" in reasons[4]
    assert "jobUrl" in reasons[5]
    assert "appliedAt" in reasons[6]


def test_imported_jobs_keep_their_fields_and_start_their_timeline(session: Session) -> None:
    import_text(session, SPREADSHEET)

    stripe = next(j for j in jobs.list_jobs(session).items if j.employer == "Stripe")

    assert (stripe.title, stripe.job_url, stripe.notes) == (
        "Backend Engineer",
        "https://stripe.com/jobs/1",
        "Referral from Sam",
    )
    assert stripe.applied_at.date().isoformat() == "2026-10-01"
    assert [e.to_stage for e in tracking.list_events(session, stripe.id)] == ["applied"]


def test_importing_the_same_file_again_adds_nothing(session: Session) -> None:
    import_text(session, SPREADSHEET)

    again = import_text(session, SPREADSHEET)

    assert again["imported"] == 0
    assert jobs.list_jobs(session).total == 2
    duplicates = [r for r in again["skipped"] if r["reason"].startswith("Already in JobOps")]
    assert {r["row"] for r in duplicates} == {2, 3}


def test_a_row_repeated_within_one_file_is_imported_once(session: Session) -> None:
    report = import_text(session, "title,employer\nEngineer,Acme\nengineer,ACME\n")

    assert report["imported"] == 1
    assert report["skipped"][0]["row"] == 3


def test_a_semicolon_separated_latin1_file_from_a_european_spreadsheet_imports(session: Session) -> None:
    text = "Firma;Position;Ort\nMüller & Söhne;Entwickler;München\nGroßbank;Analyst;Zürich\n"
    frame = job_csv.read_csv(text.encode("latin-1"))
    mapping = {**job_csv.guess_mapping(list(frame.columns)), "employer": "Firma", "location": "Ort"}

    report = job_csv.import_jobs(session, frame, mapping)

    assert report == {"imported": 2, "skipped": []}
    employers = {j.employer: j.location for j in jobs.list_jobs(session).items}
    assert employers == {"Müller & Söhne": "München", "Großbank": "Zürich"}


def test_a_utf8_file_with_a_byte_order_mark_keeps_its_first_column_name() -> None:
    frame = job_csv.read_csv("\ufefftitle,employer\nEngineer,Acme\n".encode())

    assert list(frame.columns) == ["title", "employer"]


def test_an_empty_file_is_refused() -> None:
    with pytest.raises(InvalidInput) as exc:
        job_csv.read_csv(b"  \n")

    assert exc.value.field == "file"


def test_an_import_without_title_and_employer_columns_is_refused(session: Session) -> None:
    frame = job_csv.read_csv(b"name,place\nA,B\n")

    with pytest.raises(InvalidInput) as exc:
        job_csv.import_jobs(session, frame, job_csv.guess_mapping(list(frame.columns)))

    assert exc.value.field == "mapping"
    assert jobs.list_jobs(session).total == 0


def test_the_export_lists_every_job_with_its_stage_and_outcome(session: Session) -> None:
    job = add_job(session, **{"title": "Engineer", "employer": "Acme", "appliedAt": "2026-10-01"})
    close_job(session, job.id, **{"outcome": "rejected"})

    rows = list(csv.DictReader(io.StringIO(job_csv.export_jobs_csv(session))))

    assert list(rows[0]) == list(job_csv.EXPORT_COLUMNS)
    row = rows[0]
    assert (row["title"], row["currentStage"], row["outcome"]) == ("Engineer", "closed", "rejected")
    assert rows[0]["appliedAt"].startswith("2026-10-01T00:00:00")


def test_an_exported_file_imports_into_an_empty_database_unchanged(session: Session) -> None:
    add_job(
        session,
        **{
            "title": "Engineer",
            "employer": "Acme",
            "location": "Remote",
            "jobUrl": "https://acme.test/1",
            "appliedAt": "2026-10-01",
        },
    )
    exported = job_csv.export_jobs_csv(session)
    jobs.delete_job(session, jobs.list_jobs(session).items[0].id)

    report = import_text(session, exported)

    (job,) = jobs.list_jobs(session).items
    assert report["imported"] == 1
    assert (job.location, job.job_url, job.applied_at.date().isoformat()) == (
        "Remote",
        "https://acme.test/1",
        "2026-10-01",
    )


def test_a_status_written_as_a_spreadsheet_would_is_understood(session: Session) -> None:
    report = import_text(
        session, "Company,Title,Status\nStripe,Backend Engineer,In Progress\nLumen,SRE,Ready\n"
    )

    assert report == {"imported": 2, "skipped": []}
    assert sorted(j.status for j in jobs.list_jobs(session).items) == ["applied", "ready"]


def test_export_makes_text_that_looks_like_a_formula_inert(session: Session) -> None:
    add_job(session, **{"title": '=HYPERLINK("http://x")', "employer": "@Evil", "notes": "plain"})

    rows = list(csv.DictReader(io.StringIO(job_csv.export_jobs_csv(session))))

    assert rows[0]["title"] == '\'=HYPERLINK("http://x")'
    assert rows[0]["employer"] == "'@Evil"
    assert rows[0]["notes"] == "plain"


def test_a_long_import_commits_in_batches_so_its_first_rows_are_saved_while_it_runs(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = job_csv.BATCH_ROWS * 2 + 50
    frame = pd.DataFrame({"Title": [f"Engineer {i}" for i in range(rows)], "Company": ["Acme"] * rows})
    seen_by_others: list[int] = []
    create = job_csv.create_job

    def create_and_look(session: Session, data: JobIn, **options: bool) -> JobOut:
        if data.title == f"Engineer {job_csv.BATCH_ROWS + 10}":  # well inside the second batch
            with read_session_scope(engine) as reader:  # another tab, or a GET on the API
                seen_by_others.append(reader.scalar(select(func.count()).select_from(Job)))
        return create(session, data, **options)

    monkeypatch.setattr(job_csv, "create_job", create_and_look)
    with session_scope(engine) as session:
        report = job_csv.import_jobs(session, frame, job_csv.guess_mapping(list(frame.columns)))

    assert report == {"imported": rows, "skipped": []}
    assert seen_by_others == [job_csv.BATCH_ROWS]


UNICODE_SHEET = "Company\tJob Title\tNotes\nZürich Versicherung\tData Engineer\tSaid “call me”\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_a_unicode_text_export_from_excel_imports_with_its_accents_and_quotes(
    session: Session, encoding: str
) -> None:
    report = import_text(session, UNICODE_SHEET, encoding)

    assert report == {"imported": 1, "skipped": []}
    [job] = jobs.list_jobs(session).items
    assert (job.employer, job.notes) == ("Zürich Versicherung", "Said “call me”")


def test_windows_quotes_and_the_euro_sign_arrive_as_typed_not_as_control_characters(session: Session) -> None:
    text = "Company,Job Title,Notes\nCafé Crème,Barista – Lead,“Salary €2,500” isn’t final\n"
    frame = job_csv.read_csv(
        text.replace("“Salary €2,500” isn’t final", '"“Salary €2,500” isn’t final"').encode("cp1252")
    )

    assert frame.iloc[0].tolist() == ["Café Crème", "Barista – Lead", "“Salary €2,500” isn’t final"]


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00 workbook", "spreadsheet workbook"),
        (b"%PDF-1.7 binary", "This is a PDF"),
        (b"Company,Title\nAcme\x00\x01\x02,Engineer\n", "not readable text"),
        (b"Company,Title\nAcme,\x81\x8d\x8f\x90\x9d\n", "not readable text"),
    ],
)
def test_a_file_that_stays_garbage_is_refused_with_a_clear_message(data: bytes, fragment: str) -> None:
    with pytest.raises(InvalidInput, match=fragment):
        job_csv.read_csv(data)
