"""The Jobs page: the list, adding a job, importing a CSV, sample data and bulk actions."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from jobops.db import get_engine, session_scope
from jobops.jobs import list_jobs
from jobops.sample import SAMPLE_JOBS, load_sample_data
from jobops.schemas.jobs import JobOut
from tests import builders
from tests.pages.app_page import by_label, open_page

CSV = (
    b"Company;Job Title;Date Applied\n"
    b"Stripe;Backend Engineer;2026-10-01\n"
    b"Lumen Health;Platform Engineer;2026-10-05\n"
    b";Orphan Role;\n"
)


def stored_jobs(**filters: Any) -> list[JobOut]:
    with session_scope(get_engine()) as session:
        return list_jobs(session, **filters).items


def add_job(**fields: Any) -> JobOut:
    with session_scope(get_engine()) as session:
        return builders.add_job(session, **fields)


def test_without_jobs_the_list_says_how_to_start_and_can_load_samples(app_env: Path) -> None:
    at = open_page("pages/jobs.py")
    assert "No jobs yet" in at.info[0].value

    at.button(key="jobs-load-sample").click().run()

    assert not at.exception, at.exception
    assert len(stored_jobs()) == len(SAMPLE_JOBS)
    closed = len(stored_jobs(standings=["closed"]))
    assert closed and len(at.dataframe[0].value) == len(SAMPLE_JOBS) - closed


def test_the_list_shows_each_job_with_its_stage(app_env: Path) -> None:
    add_job(employer="Lumen Health")

    at = open_page("pages/jobs.py")

    table = at.dataframe[0].value
    assert list(table["Employer"]) == ["Lumen Health"]
    assert list(table["Where it stands"]) == ["Applied"]


def close(job_id: str, outcome: str = "rejected") -> None:
    with session_scope(get_engine()) as session:
        builders.move(session, job_id, "closed", outcome=outcome)


def move(job_id: str, stage: str) -> None:
    with session_scope(get_engine()) as session:
        builders.move(session, job_id, stage)


def shown(at: AppTest) -> dict[str, str]:
    """Employer → where it stands, as the list shows it."""
    table = at.dataframe[0].value
    return dict(zip(table["Employer"], table["Where it stands"], strict=False))


def test_closed_jobs_are_archived_until_show_closed_is_turned_on(app_env: Path) -> None:
    add_job(employer="Lumen Health")
    close(add_job(employer="Stripe").id)

    at = open_page("pages/jobs.py")
    assert shown(at) == {"Lumen Health": "Applied"}
    assert "1 closed job(s) hidden" in at.caption[-1].value

    at.toggle(key="jobs-show-closed").set_value(True).run()

    assert not at.exception, at.exception
    assert shown(at) == {"Lumen Health": "Applied", "Stripe": "Closed: Rejected"}


def test_the_in_progress_filter_lists_active_jobs_past_applied_and_no_closed_ones(app_env: Path) -> None:
    add_job(employer="Applied Co")
    move(add_job(employer="Interviewing Co").id, "technical_interview")
    closed = add_job(employer="Closed Co").id
    move(closed, "technical_interview")
    close(closed)
    at = open_page("pages/jobs.py")

    at.multiselect(key="jobs-standing").set_value(["in_progress"]).run()

    assert not at.exception, at.exception
    assert shown(at) == {"Interviewing Co": "Technical Interview"}
    assert at.multiselect(key="jobs-standing").format_func("in_progress") == "In progress"


def test_the_closed_filter_lists_closed_jobs_with_their_outcome(app_env: Path) -> None:
    add_job(employer="Applied Co")
    close(add_job(employer="Declined Co").id, "offer_declined")
    at = open_page("pages/jobs.py")

    at.multiselect(key="jobs-standing").set_value(["closed", "applied"]).run()

    assert not at.exception, at.exception
    assert shown(at) == {"Applied Co": "Applied", "Declined Co": "Closed: Offer declined"}


def test_when_every_job_is_closed_the_list_says_how_to_see_them(app_env: Path) -> None:
    close(add_job().id)

    at = open_page("pages/jobs.py")

    assert "All 1 matching job(s) are closed" in at.info[0].value


def test_the_add_job_form_creates_an_applied_job(app_env: Path) -> None:
    at = open_page("pages/jobs.py")
    by_label(at.text_input, "Job title *").input("Platform Engineer")
    by_label(at.text_input, "Employer *").input("Lumen Health")
    by_label(at.text_input, "Location").input("Berlin")
    by_label(at.date_input, "Applied on").set_value(date.today() - timedelta(days=3))

    by_label(at.button, "Add job").click().run()

    assert not at.exception, at.exception
    (job,) = stored_jobs()
    assert (job.title, job.employer, job.location, job.current_stage) == (
        "Platform Engineer",
        "Lumen Health",
        "Berlin",
        "applied",
    )
    assert job.applied_at.date() == date.today() - timedelta(days=3)
    assert at.toast[0].value == "Added Platform Engineer at Lumen Health."


def test_the_add_job_form_without_an_employer_shows_an_error_and_adds_nothing(app_env: Path) -> None:
    at = open_page("pages/jobs.py")
    by_label(at.text_input, "Job title *").input("Platform Engineer")

    by_label(at.button, "Add job").click().run()

    assert not at.exception, at.exception
    assert "Employer is required" in at.error[0].value
    assert stored_jobs() == []


def test_a_bad_posting_url_is_named_by_its_label_and_the_typed_input_stays(app_env: Path) -> None:
    at = open_page("pages/jobs.py")
    by_label(at.text_input, "Job title *").input("Platform Engineer")
    by_label(at.text_input, "Employer *").input("Lumen Health")
    by_label(at.text_input, "Posting URL").input("lumen.example/jobs/42")
    by_label(at.text_area, "Notes").input("Referred by Sam")

    by_label(at.button, "Add job").click().run()

    assert not at.exception, at.exception
    assert at.error[0].value.startswith("Posting URL must be")
    assert "jobUrl" not in at.error[0].value
    assert stored_jobs() == []
    assert by_label(at.text_input, "Job title *").value == "Platform Engineer"
    assert by_label(at.text_input, "Posting URL").value == "lumen.example/jobs/42"
    assert by_label(at.text_area, "Notes").value == "Referred by Sam"


def test_the_add_job_form_is_empty_again_once_the_job_is_added(app_env: Path) -> None:
    at = open_page("pages/jobs.py")
    by_label(at.text_input, "Job title *").input("Platform Engineer")
    by_label(at.text_input, "Employer *").input("Lumen Health")

    by_label(at.button, "Add job").click().run()

    assert len(stored_jobs()) == 1
    assert by_label(at.text_input, "Job title *").value == ""
    assert by_label(at.text_input, "Employer *").value == ""


def test_importing_a_csv_from_the_page_adds_jobs_and_reports_skipped_rows(app_env: Path) -> None:
    at = open_page("pages/jobs.py")
    at.file_uploader(key="jobs-csv").upload("jobs.csv", CSV, "text/csv")
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="map-employer").value == "Company"

    at.button(key="jobs-import").click().run()

    assert not at.exception, at.exception
    assert {j.employer for j in stored_jobs()} == {"Stripe", "Lumen Health"}
    assert at.warning[0].value == "Imported 2 job(s); skipped 1."
    skipped = at.dataframe[-1].value
    assert list(skipped["Row"]) == [4]


def test_a_file_that_is_not_a_csv_shows_an_error(app_env: Path) -> None:
    at = open_page("pages/jobs.py")

    at.file_uploader(key="jobs-csv").upload("empty.csv", b"\n\n", "text/csv")
    at.run()

    assert not at.exception, at.exception
    assert "empty" in at.error[0].value


def test_selected_discovered_jobs_can_be_marked_applied(app_env: Path) -> None:
    add_job(status="discovered")
    at = open_page("pages/jobs.py")
    at.session_state["jobs-table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()

    at.button(key="jobs-mark-applied").click().run()

    assert not at.exception, at.exception
    (job,) = stored_jobs()
    assert (job.status, job.current_stage) == ("applied", "applied")


def test_open_timeline_goes_to_the_selected_job(app_env: Path) -> None:
    add_job(employer="Lumen Health")
    at = open_page("pages/jobs.py")
    at.session_state["jobs-table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()

    at.button(key="jobs-open").click().run()

    assert not at.exception, at.exception
    assert at.title[0].value == "Lumen Health · Backend Engineer"


def test_remove_sample_data_keeps_the_users_own_jobs(app_env: Path) -> None:
    mine = add_job(title="My own application")
    with session_scope(get_engine()) as session:
        load_sample_data(session)
    at = open_page("pages/jobs.py")

    at.button(key="jobs-remove-sample").click().run()

    assert not at.exception, at.exception
    assert [j.id for j in stored_jobs()] == [mine.id]
    assert at.toast[0].value == f"Removed {len(SAMPLE_JOBS)} sample jobs."


def test_the_export_button_is_offered_once_there_are_jobs(app_env: Path) -> None:
    add_job()

    at = open_page("pages/jobs.py")

    assert at.download_button(key="jobs-export").label == "Export CSV"


SPREADSHEET = Path(__file__).resolve().parents[1] / "data" / "spreadsheet_jobs.csv"


def upload_spreadsheet(at: AppTest, data: bytes | None = None) -> AppTest:
    at.file_uploader(key="jobs-csv").upload("applications.csv", data or SPREADSHEET.read_bytes(), "text/csv")
    at.run()
    assert not at.exception, at.exception
    return at


def test_dates_that_could_be_either_way_are_asked_and_block_the_import_until_answered(app_env: Path) -> None:
    at = upload_spreadsheet(open_page("pages/jobs.py"))

    assert at.button(key="jobs-import").disabled
    assert "Choose how the dates are written" in at.warning[0].value

    at.radio(key="import-dates").set_value("day_first").run()
    assert not at.button(key="jobs-import").disabled
    at.button(key="jobs-import").click().run()

    assert not at.exception, at.exception
    assert at.success[0].value == "Imported 20 job(s)."
    stripe = next(j for j in stored_jobs() if j.employer == "Stripe")
    assert stripe.applied_at.date().isoformat() == "2026-03-02"


def test_the_status_mapping_is_shown_and_a_change_is_what_gets_imported(app_env: Path) -> None:
    at = upload_spreadsheet(open_page("pages/jobs.py"))
    assert at.selectbox(key="import-status-Interviewing").value == "technical_interview"
    assert at.selectbox(key="import-status-Ghosted").value == "ghosted"

    at.radio(key="import-dates").set_value("day_first")
    at.selectbox(key="import-status-Interviewing").set_value("hiring_manager_screen").run()
    at.button(key="jobs-import").click().run()

    stripe = next(j for j in stored_jobs() if j.employer == "Stripe")
    assert stripe.current_stage == "hiring_manager_screen"


def test_a_file_where_no_row_can_be_read_shows_a_red_box_and_the_reasons(app_env: Path) -> None:
    at = upload_spreadsheet(open_page("pages/jobs.py"), b"Company,Position,Link\nAcme,Engineer,not a link\n")

    at.button(key="jobs-import").click().run()

    assert not at.exception, at.exception
    assert at.error[0].value == "Imported 0 job(s); skipped 1."
    assert not at.success
    assert "jobUrl" in at.dataframe[-1].value["Why it was skipped"][0]
    assert stored_jobs() == []


def test_importing_the_same_file_again_adds_nothing_and_says_so(app_env: Path) -> None:
    data = b"Company,Position,Status\nAcme,Engineer,Interviewing\n"
    at = upload_spreadsheet(open_page("pages/jobs.py"), data)
    at.button(key="jobs-import").click().run()

    at.button(key="jobs-import").click().run()

    assert at.info[0].value == "Nothing new: Imported 0 job(s); 1 already in JobOps."
    assert not at.error
    assert len(stored_jobs()) == 1


def test_a_mapping_without_an_employer_column_shows_an_error_and_imports_nothing(app_env: Path) -> None:
    at = upload_spreadsheet(open_page("pages/jobs.py"), b"Company,Position\nAcme,Engineer\n")

    at.selectbox(key="map-employer").select_index(0).run()
    at.button(key="jobs-import").click().run()

    assert not at.exception, at.exception
    assert "employer" in at.error[0].value
    assert stored_jobs() == []
