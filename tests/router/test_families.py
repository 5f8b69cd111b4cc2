"""Brand families: mail under another name of the employer's family finds the tracked job."""

from __future__ import annotations

import pytest

from jobops.router import JobFacts, Router
from tests.router.builders import mail, route

AWS = JobFacts("aws", "Software Development Engineer", "Amazon Web Services", "applied")
BLOCK = JobFacts("block", "Android Engineer", "Block", "applied")
GOOGLE = JobFacts("google", "Site Reliability Engineer", "Google", "applied")
LINEAR = JobFacts("linear", "Product Engineer", "Linear", "applied")
META = JobFacts("meta", "Data Engineer", "Meta", "applied")
SEA = JobFacts("sea", "Backend Engineer", "Sea Limited", "applied")


@pytest.mark.parametrize(
    ("job", "sender", "subject"),
    [
        (AWS, "Amazon Jobs <no-reply@amazon.jobs>", "Your application to Amazon"),
        (META, "Instagram Recruiting <recruiting@instagram.com>", "Your application to Instagram"),
        (GOOGLE, "YouTube Careers <careers@youtube.com>", "Your application to YouTube"),
        (SEA, "Shopee Talent <talent@shopee.com>", "Your application to Shopee"),
        (BLOCK, "Cash App <jobs@cash.app>", "Your application to Cash App"),
    ],
)
def test_mail_under_another_name_of_the_brand_family_finds_the_tracked_job(
    job: JobFacts, sender: str, subject: str
) -> None:
    decision = route(
        [job, LINEAR],
        mail(
            f"Thank you for applying for the {job.title} role. We have received your application.",
            subject,
            sender,
        ),
    )
    assert decision.job_id == job.id


def test_a_pharma_group_writing_from_its_parents_domain_is_the_tracked_brand() -> None:
    job = JobFacts("janssen", "Clinical Scientist", "Janssen Pharmaceutica", "applied")
    invite = mail(
        "Dear Eva, we would like to invite you to a panel interview for the Clinical Scientist role next week.",
        "Clinical Scientist – panel interview",
        "Lotte Peeters <lpeeters@its.jnj.com>",
    )
    decision = Router([job]).route(invite)
    assert decision.job_id == "janssen"
