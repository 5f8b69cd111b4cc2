"""The job page's details tab: salary and the recruiter's contact, and what a bad address does."""

from __future__ import annotations

from pathlib import Path

from tests.pages.app_page import by_label
from tests.pages.job_page import add_job, open_job, stored_job


def test_salary_and_recruiter_are_saved_from_the_details_tab(app_env: Path) -> None:
    job_id = add_job()
    at = open_job(job_id)
    by_label(at.text_input, "Salary").input("€60–70k")
    by_label(at.text_input, "Recruiter").input("Anna Berg")
    by_label(at.text_input, "Recruiter email").input("anna@stripe.example")

    by_label(at.button, "Save details").click().run()

    assert not at.exception, at.exception
    job = stored_job(job_id)
    assert (job.salary, job.recruiter_name, job.recruiter_email) == (
        "€60–70k",
        "Anna Berg",
        "anna@stripe.example",
    )
    assert by_label(at.text_input, "Salary").value == "€60–70k"


def test_a_bad_recruiter_address_shows_a_message_by_its_label_and_keeps_what_was_typed(app_env: Path) -> None:
    job_id = add_job()
    at = open_job(job_id)
    by_label(at.text_input, "Salary").input("€60–70k")
    by_label(at.text_input, "Recruiter email").input("anna at stripe")

    by_label(at.button, "Save details").click().run()

    assert not at.exception, at.exception
    assert at.error[0].value.startswith("Recruiter email must be an email address")
    assert by_label(at.text_input, "Recruiter email").value == "anna at stripe"
    assert by_label(at.text_input, "Salary").value == "€60–70k"
    job = stored_job(job_id)
    assert (job.salary, job.recruiter_email) == (None, None)
