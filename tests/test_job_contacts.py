"""Salary and the recruiter's contact on a job: stored as typed, edited, checked, cleared."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from jobops import jobs
from jobops.errors import InvalidInput
from jobops.schemas.jobs import JobOut
from tests.builders import add_job, edit_job

CONTACT = {"salary": "€60–70k", "recruiterName": "Anna Berg", "recruiterEmail": "anna@acme.example"}


def add(session: Session, **fields: str) -> JobOut:
    return add_job(session, "Engineer", "Acme", **fields)


def test_a_job_keeps_its_salary_and_recruiter_as_typed(session: Session) -> None:
    job = add(session, **CONTACT)

    stored = jobs.get_job(session, job.id)

    assert (stored.salary, stored.recruiter_name, stored.recruiter_email) == (
        "€60–70k",
        "Anna Berg",
        "anna@acme.example",
    )


def test_editing_the_recruiter_changes_only_that_field(session: Session) -> None:
    job = add(session, **CONTACT)

    edit_job(session, job.id, **{"recruiterEmail": "a.berg@acme.example"})

    stored = jobs.get_job(session, job.id)
    assert (stored.salary, stored.recruiter_email) == ("€60–70k", "a.berg@acme.example")


@pytest.mark.parametrize(
    "address", ["anna at acme", "anna@", "@acme.example", "anna@acme", "a b@acme.example"]
)
def test_a_recruiter_address_that_is_not_an_email_is_refused_and_nothing_changes(
    session: Session, address: str
) -> None:
    job = add(session, **CONTACT)
    session.commit()

    with pytest.raises(InvalidInput) as exc:
        edit_job(session, job.id, **{"recruiterEmail": address})
    session.rollback()

    assert exc.value.field == "recruiterEmail"
    assert jobs.get_job(session, job.id).recruiter_email == "anna@acme.example"


def test_clearing_the_salary_leaves_it_empty(session: Session) -> None:
    job = add(session, **CONTACT)

    edit_job(session, job.id, **{"salary": "  "})

    assert jobs.get_job(session, job.id).salary is None
