"""People who wrote about one job: a scheduler's or signing service's mail naming one suggests that job."""

from __future__ import annotations

from jobops.router import JobFacts, RouterMemory
from jobops.router.people import full_name, known_people, named_person
from tests.router.builders import mail, route

JOBS = [
    JobFacts("instructor", "Senior Field Instructor", "Bushveld Guiding Academy", "recruiter_screen"),
    JobFacts("warden", "Warden II", "Kenya Wildlife Service", "applied"),
]
REMINDER = (
    "Hi Daniel,\n\nThis is a friendly reminder that your event is tomorrow.\n\n"
    "Event Type: Screening call (20 min)\nHost: Chantelle Pretorius\nDate/Time: 12:00pm, Tuesday\n\n"
    "Cancel | Reschedule\nPowered by Calendly.com"
)


def test_a_full_name_has_two_words_or_more() -> None:
    assert full_name("Chantelle Pretorius") == "chantelle pretorius"
    assert full_name("Rachel") is None
    assert full_name("HR 2") is None


def test_people_are_remembered_only_from_persons_at_employers_and_for_one_job() -> None:
    people = known_people(
        [
            ("chantelle.pretorius@bushveldacademy.co.za", "Chantelle Pretorius", "instructor"),
            ("no-reply@calendly.com", "Calendly Bookings", "instructor"),
            ("careers@kws.go.ke", "KWS Careers", "warden"),
            ("amina.otieno@kws.go.ke", "Amina Otieno", "warden"),
            ("amina.otieno@kws.go.ke", "Amina Otieno", "instructor"),
        ]
    )

    assert people == {"chantelle pretorius": "instructor", "amina otieno": ""}


def test_a_text_names_a_person_only_as_a_whole_name_and_for_one_job() -> None:
    people = {"chantelle pretorius": "instructor", "amina otieno": ""}

    assert named_person("host: chantelle pretorius", people) == ("chantelle pretorius", "instructor")
    assert named_person("host: chantelle pretoriusova", people) is None
    assert named_person("chantelle pretorius and amina otieno", people) is None


def test_a_calendly_reminder_naming_a_known_host_suggests_that_job_for_review() -> None:
    memory = RouterMemory(people_jobs={"chantelle pretorius": "instructor"})
    message = mail(
        REMINDER,
        "Reminder: Screening call (20 min) with Chantelle Pretorius is tomorrow",
        "Calendly <notifications@calendly.com>",
    )

    decision = route(JOBS, message, memory)

    assert (decision.bucket, decision.job_id) == ("pending_user", "instructor")
    assert "Chantelle Pretorius, who wrote about this job" in decision.reason
    assert route(JOBS, message).job_id is None


def test_a_person_named_in_an_employers_own_mail_does_not_override_its_employer() -> None:
    memory = RouterMemory(people_jobs={"chantelle pretorius": "instructor"})
    message = mail(
        "Dear Daniel, we invite you to an interview for Warden II. Chantelle Pretorius gave you a reference.",
        "Interview invitation: Warden II",
        "Kenya Wildlife Service <careers@kws.go.ke>",
    )

    assert route(JOBS, message, memory).job_id == "warden"
