"""Which job a mail is about: posting numbers from the jobs' addresses, and whole titles in mail naming no employer."""

from __future__ import annotations

from jobops.router import JobFacts
from jobops.stages import AUTO_LINKED, PENDING_USER
from tests.router.builders import mail, route

ANALYST = JobFacts(
    "dfe-analyst",
    "Policy Analyst, School Funding",
    "Department for Schools",
    "applied",
    job_url="https://jobs.example.gov/csr/jobs.cgi?jcode=604417",
)
ADVISER = JobFacts(
    "dfe-adviser",
    "Senior Policy Adviser, School Funding",
    "Department for Schools",
    "applied",
    job_url="https://jobs.example.gov/csr/jobs.cgi?jcode=604502",
)
NURSE = JobFacts(
    "harbour-nurse",
    "Staff Nurse, Cardiology",
    "Harbour Health",
    "applied",
    job_url="https://careers.harbourhealth.example/job/2026HH07731",
)


def test_a_job_board_mail_that_writes_only_the_posting_number_is_about_that_job() -> None:
    decision = route(
        [ANALYST, NURSE],
        mail(
            "Dear applicant, thank you for applying. We have received your application for vacancy 604417.",
            "Application received",
            "Government Jobs <noreply@jobs.example.gov>",
        ),
    )
    assert (decision.job_id, decision.stage_target) == ("dfe-analyst", "applied")
    assert "writes the posting number of Policy Analyst, School Funding" in decision.reason


def test_the_posting_number_picks_one_of_two_jobs_at_an_employer() -> None:
    decision = route(
        [ANALYST, ADVISER],
        mail(
            "Thank you for your application to the Department for Schools (reference 604502). "
            "We will be in touch after the sift.",
            "Your application",
            "Department for Schools <recruitment@schools.example.gov>",
        ),
    )
    assert (decision.job_id, decision.bucket) == ("dfe-adviser", AUTO_LINKED)


def test_a_posting_number_with_letters_is_read_too() -> None:
    decision = route(
        [ANALYST, NURSE],
        mail(
            "We have received your application (2026HH07731). Thank you for applying.",
            "Application received",
            "Careers <noreply@careers-portal.example>",
        ),
    )
    assert decision.job_id == "harbour-nurse"


def test_mail_naming_one_employer_and_another_jobs_number_waits_for_review() -> None:
    decision = route(
        [ANALYST, NURSE],
        mail(
            "Thank you for applying to Harbour Health. Your application for vacancy 604417 has been received.",
            "Harbour Health - application received",
            "Harbour Health <jobs@harbourhealth.example>",
        ),
    )
    assert (decision.job_id, decision.bucket) == ("dfe-analyst", PENDING_USER)
    assert "but writes the posting number" in decision.reason


def test_a_number_both_jobs_share_or_a_short_number_decides_nothing() -> None:
    first = JobFacts(
        "a", "Data Analyst", "Norland Water", "applied", job_url="https://x.example/job/77120?c=1"
    )
    second = JobFacts(
        "b", "Data Engineer", "Norland Water", "applied", job_url="https://x.example/job/77120?c=2"
    )
    shared = route(
        [first, second],
        mail("We received your application 77120.", "Application", "Norland Water <hr@norlandwater.example>"),
    )
    assert "posting number" not in shared.reason
    year = JobFacts("c", "Data Analyst", "Norland Water", "applied", job_url="https://x.example/2026/analyst")
    short = route(
        [year, NURSE],
        mail("Thank you for your application in 2026.", "Application", "Careers <jobs@board.example>"),
    )
    assert "posting number" not in short.reason


def test_mail_naming_no_employer_but_a_whole_long_title_suggests_that_job_for_review() -> None:
    job = JobFacts(
        "moe", "Senior Adviser, Curriculum Mathematics Programme", "Ministry of Learning", "applied"
    )
    decision = route(
        [job, NURSE],
        mail(
            "Thank you for applying for the role of Senior Adviser, Curriculum Mathematics Programme. "
            "We will review applications after the closing date.",
            "Application received",
            "Recruitment Team <recruitment@jobs-portal.example>",
        ),
    )
    assert (decision.job_id, decision.bucket) == ("moe", PENDING_USER)
    assert "and no employer" in decision.reason


def test_a_short_common_title_alone_names_no_job() -> None:
    job = JobFacts("ml", "Senior ML Engineer", "Island Robotics", "applied")
    decision = route(
        [job, NURSE],
        mail(
            "I'm hiring a Senior ML Engineer for a client in Berlin. Open to a quick call?",
            "Opportunity",
            "Jo <jo@search-partners.example>",
        ),
    )
    assert decision.job_id is None


def test_of_two_employers_sharing_a_word_the_one_more_of_whose_name_the_mail_writes_is_suggested() -> None:
    phoenix = JobFacts("phx", "ICU Travel RN 13wk nights", "Banner UMC Phoenix", "applied")
    tucson = JobFacts("tus", "RN ICU (staff)", "Banner Health – UMC Tucson", "applied")
    decision = route(
        [tucson, phoenix],
        mail(
            "Hi Daniela! Thanks for applying to this one, it is moving fast: Banner - University Medical Center "
            "Phoenix, ICU, 13 weeks, 3x12 nights. The manager would like to interview you on Thursday.",
            "Banner Phoenix ICU",
            "Brittany Cole <brittany.cole@ayahealthcare.example>",
        ),
    )
    assert decision.job_id == "phx"
    assert decision.bucket == PENDING_USER


def test_an_agency_telling_the_candidate_they_were_submitted_to_a_facility_is_the_application() -> None:
    phoenix = JobFacts("phx", "ICU Travel RN", "Banner UMC Phoenix", "applied")
    decision = route(
        [phoenix],
        mail(
            "Hi Daniela, great news - your profile has been submitted for the following job: Facility: Banner UMC "
            "Phoenix, ICU, 3x12 nights.",
            "You've been submitted! Banner UMC Phoenix",
            "Aya Healthcare <noreply@ayahealthcare.example>",
        ),
    )
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, "phx", "applied")


TISZA_WATER = JobFacts("tv", "Kontroller", "TIVA Zrt. (Tisza Vízművek)", "applied")


def test_the_candidates_own_employer_sharing_a_tracked_employers_first_word_is_not_that_employer() -> None:
    body = (
        "Kedves Anna! Köszönjük, hogy vállalod a szakmai interjúkat a junior kontroller pozícióra. "
        "A beosztás: kedd 9:00 és 10:30.\n\nÜdv.:\nHR\nTisza Kerámia Zrt."
    )
    decision = route(
        [TISZA_WATER], mail(body, "Interjúbeosztás", "Tisza Kerámia HR <hr@tiszakeramia.example>")
    )
    assert decision.job_id is None


def test_a_recruiter_writing_the_tracked_employers_first_word_still_points_to_it() -> None:
    body = (
        "Kedves Anna! A Tisza Vízművek megbízásából keresem a Kontroller pozícióval kapcsolatban: "
        "szívesen beszélnék Önnel egy rövid telefonos beszélgetés keretében."
    )
    decision = route(
        [TISZA_WATER], mail(body, "Kontroller pozíció", "Kiss Péter <peter.kiss@tiszatalent.example>")
    )
    assert decision.job_id == "tv"
