"""Who sent a mail: hiring platforms, assessment platforms and calendar services speak for an employer, not as one."""

from __future__ import annotations

import pytest

from jobops.router import JobFacts, RouterMemory
from jobops.router.senders import domain_labels, sender_kind
from jobops.stages import AUTO_LINKED, PENDING_USER
from tests.router.builders import mail, route, route_tracked

GOOGLE = JobFacts("google", "Site Reliability Engineer", "Google", "applied")
ALLEGRO = JobFacts("allegro", "Senior Data Engineer", "Allegro", "technical_interview")


def test_an_ats_sender_is_matched_through_the_employer_in_its_display_name() -> None:
    decision = route_tracked(
        mail(
            "Thank you for applying for the Machine Learning Engineer position. We've received your application.",
            subject="Thank you for applying",
            sender="Meta via Greenhouse <no-reply@greenhouse.io>",
        )
    )
    assert (decision.job_id, decision.stage_target, decision.bucket) == ("meta-ml", "applied", AUTO_LINKED)


def test_a_shared_platform_address_teaches_nothing_about_the_job() -> None:
    memory = RouterMemory(sender_jobs={"no-reply@greenhouse.io": "block-sre"})
    decision = route_tracked(
        mail(
            "We received your application for Backend Engineer (Java).",
            sender="Zalando <no-reply@greenhouse.io>",
        ),
        memory,
    )
    assert decision.job_id == "zalando"


def test_an_assessment_platform_mail_without_a_stage_phrase_suggests_the_assessment_stage() -> None:
    decision = route_tracked(
        mail(
            "Thank you for finishing the test for Zalando. Your results have been sent to the recruitment team.",
            "Your test",
            "Codility <no-reply@codility.com>",
        )
    )
    assert (decision.job_id, decision.stage_target, decision.bucket) == (
        "zalando",
        "assessment",
        PENDING_USER,
    )


def test_a_google_calendar_invitation_is_not_mail_from_google_the_employer() -> None:
    invitation = mail(
        "Allegro – rozmowa techniczna (Senior Data Engineer)\nOrganizer: anna.nowak@allegro.com\n"
        "Invitation from Google Calendar",
        "Invitation: Allegro – technical interview @ Tue 10 Mar 2026",
        "Google Calendar <calendar-notification@google.com>",
    )
    decision = route([GOOGLE, ALLEGRO], invitation)
    assert decision.job_id == "allegro"


def test_an_assessment_platform_naming_the_employer_in_subject_and_body_links_a_clear_invitation() -> None:
    jobs = [ALLEGRO, JobFacts("klarna", "Data Engineer", "Klarna", "recruiter_screen")]
    both = route(
        jobs,
        mail(
            "Hi Ana, Klarna has invited you to take the following test: Data Engineering (90 minutes).",
            "Klarna: complete the following assessment",
            "HackerRank <no-reply@hackerrank.com>",
        ),
    )
    body_only = route(
        jobs,
        mail(
            "Hi Ana, Klarna has invited you to take the following test: Data Engineering (90 minutes).",
            "Complete the following assessment",
            "HackerRank <no-reply@hackerrank.com>",
        ),
    )
    assert (both.job_id, both.stage_target, both.bucket) == ("klarna", "assessment", AUTO_LINKED)
    assert (body_only.job_id, body_only.bucket) == ("klarna", PENDING_USER)


def test_agencies_under_a_shared_public_parent_domain_are_told_apart() -> None:
    jobs = [
        JobFacts(
            "easa",
            "Policy Officer – Environmental Protection",
            "EASA",
            "applied",
            job_url="https://careers.easa.europa.eu/",
        ),
        JobFacts("frontex", "Policy Officer – Strategic Planning", "Frontex", "applied"),
    ]
    decision = route(
        jobs,
        mail(
            "Dear Irina, thank you for your application to the Policy Officer selection procedure. As you "
            "requested, your name has been withdrawn from the reserve list.",
            "Selection procedure",
            "Frontex Recruitment <recruitment@frontex.europa.eu>",
        ),
    )
    assert decision.job_id == "frontex"
    assert "EASA" not in decision.reason


def test_public_sector_job_boards_and_reference_check_services_do_not_stand_for_an_employer() -> None:
    school = JobFacts(
        "te-awa",
        "Head of Faculty Science",
        "Te Awa College",
        "applied",
        job_url="https://gazette.education.govt.nz/v/1",
    )
    ministry = JobFacts("moe", "Senior Adviser", "Ministry of Education NZ", "applied")
    receipt = route(
        [school, ministry],
        mail(
            "Kia ora, thank you for applying for the Senior Adviser role. We have received your application.",
            "Application received",
            "Ministry of Education <careers@education.govt.nz>",
        ),
    )
    references = route(
        [school, ministry],
        mail(
            "Hi Ceri, Te Awa College has asked us to collect two references for your application.",
            "Reference check for Te Awa College",
            "Xref <no-reply@xref.com>",
        ),
    )
    assert "Te Awa" not in receipt.reason
    assert (references.job_id, references.stage_target) == ("te-awa", "no_change")


@pytest.mark.parametrize(
    ("domain", "label"),
    [
        ("ku.edu.tr", "ku"),
        ("careers.aub.edu.lb", "aub"),
        ("szpital-lukasz.krakow.pl", "szpital-lukasz"),
        ("mail.stripe.co.uk", "stripe"),
        ("dg-empl.ec.europa.eu", "ec"),
        ("stripe.com", "stripe"),
    ],
)
def test_the_organisation_label_of_a_domain_sits_in_front_of_its_registry_suffix(
    domain: str, label: str
) -> None:
    assert domain_labels(domain)[0] == label


def test_test_centres_and_training_portals_send_assessments_and_screening_labs_send_checks() -> None:
    unit = JobFacts("tokai", "Industrial Electrician", "Tokai Seiki", "applied")
    booked = route(
        [unit],
        mail(
            "Your appointment for the skills test required by Tokai Seiki is confirmed for 14 April, 09:00, at the "
            "Colombo test centre.",
            "Appointment Confirmation",
            "Prometric <noreply@prometric.com>",
        ),
    )
    screen = route(
        [unit],
        mail(
            "As part of the pre-employment screening for your application to Tokai Seiki, a drug test has been "
            "ordered for you. Please visit a patient service centre within 3 days.",
            "Your drug test appointment authorization",
            "Quest Diagnostics <donotreply@questdiagnostics.com>",
        ),
    )
    assert sender_kind("prometric.com") == "assessment"
    assert sender_kind("questdiagnostics.com") == sender_kind("wafid.com") == "background_check"
    assert (booked.job_id, booked.stage_target) == ("tokai", "assessment")
    assert "Prometric" not in booked.reason
    assert (screen.job_id, screen.stage_target) == ("tokai", "no_change")
