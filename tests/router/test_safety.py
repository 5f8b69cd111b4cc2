"""JobOps links mail by itself only when its signals agree; a disagreement waits for review and the Why line names it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from jobops.router import Decision, JobFacts, MailFacts, Router, RouterMemory
from jobops.stages import AUTO_LINKED, IGNORED, PENDING_USER
from tests.router import builders

LANTERN = JobFacts("ln-data", "Data Engineer", "Lanternfish", "applied")
LANTERN_PLATFORM = JobFacts("ln-platform", "Platform Engineer", "Lanternfish", "applied")
RECRUITER = "Noor Haddad <noor.haddad@lanternfish.io>"


def mail(body: str, subject: str, sender: str = RECRUITER, thread: str | None = None) -> MailFacts:
    """A received mail from 'Name <address>'."""
    name, _, address = sender.partition("<")
    address = address.rstrip(">").lower()
    return MailFacts(
        message_id="s1",
        thread_id=thread,
        from_address=address,
        from_domain=address.rpartition("@")[2],
        sender_name=name.strip(),
        subject=subject,
        received_at=datetime(2026, 6, 2, 10, tzinfo=UTC),
        body_text=body,
    )


def route(
    message: MailFacts, jobs: tuple[JobFacts, ...] = (LANTERN,), memory: RouterMemory | None = None
) -> Decision:
    """Route one mail against a few jobs."""
    return Router(list(jobs)).route(message, memory)


def held(decision: Decision, words: str) -> bool:
    """Waiting for review, with the disagreement named in the Why line."""
    return decision.bucket == PENDING_USER and "not sure" in decision.reason and words in decision.reason


def test_a_clear_invitation_from_the_employer_is_still_linked_by_itself() -> None:
    decision = route(
        mail(
            "Hi Sam, thanks for applying to the Data Engineer role. We'd like to invite you to a technical "
            "interview with two of our engineers next week. Could you share your availability?",
            "Technical interview - Data Engineer",
        )
    )
    assert (decision.bucket, decision.job_id, decision.stage_target) == (
        AUTO_LINKED,
        "ln-data",
        "technical_interview",
    )


def test_an_invitation_that_later_reads_like_a_survey_suggests_its_step_for_review() -> None:
    decision = route(
        mail(
            "Hi Sam, we'd like you to take an online assessment for the Data Engineer role: two coding tasks, "
            "about an hour in all. At the end there is a short survey about the test itself.",
            "Online assessment - Data Engineer",
        )
    )
    assert (decision.job_id, decision.stage_target, decision.bucket) == (
        "ln-data",
        "assessment",
        PENDING_USER,
    )
    assert 'online assessment", before "survey' in decision.reason


def test_a_rejection_that_also_puts_the_vacancy_on_hold_is_not_logged_by_itself() -> None:
    decision = route(
        mail(
            "Hi Sam, the Data Engineer role has been put on hold after a budget review, and we will not be "
            "progressing your application for now. Thank you for your interest.",
            "Your application - Data Engineer",
        )
    )
    assert held(decision, "names more than one decision (closed, rejected)")


@pytest.mark.parametrize(
    "body",
    [
        "Hi Sam, a quick note: the Data Engineer search is on hold until the new budget year. Thanks for your time.",
        "Hallo Sam, die Besetzung der Stelle Data Engineer ist vorerst pausiert. Wir melden uns wieder.",
    ],
)
def test_mail_that_only_puts_the_vacancy_on_hold_is_suggested_as_closed_for_review(body: str) -> None:
    decision = route(mail(body, "Your application - Data Engineer"))
    assert (decision.job_id, decision.stage_target, decision.bucket) == ("ln-data", "closed", PENDING_USER)
    assert "a vacancy on hold" in decision.reason


def test_a_final_round_mentioned_in_mail_about_paused_hiring_waits_for_review() -> None:
    decision = route(
        mail(
            "Hi Sam, your final round for the Data Engineer role was planned for next week, but hiring for the "
            "team is paused while we review headcount. I'll write as soon as I know more.",
            "Data Engineer - final round",
        )
    )
    assert held(decision, 'says "paused": the vacancy may be closed')
    assert decision.job_id == "ln-data"


def test_a_step_the_mail_denies_is_not_logged_by_itself() -> None:
    decision = route(
        mail(
            "Hi Sam, I lead the team behind the Data Engineer role. This is not a technical interview: I'd just "
            "like to hear about your projects over coffee. Would you be free on Thursday?",
            "Data Engineer - coffee on Thursday",
        )
    )
    assert held(decision, '"technical interview" is denied by the words before it')


def test_a_step_only_asked_about_in_the_subject_waits_for_review() -> None:
    decision = route(mail("Do you have a moment around lunch? Noor", "Phone screen tomorrow?"))
    assert held(decision, 'the stage "phone screen" is only asked about in the subject')
    assert decision.job_id == "ln-data"


def test_a_short_reply_that_names_a_time_in_a_linked_thread_waits_for_review() -> None:
    memory = RouterMemory(thread_jobs={"t1": "ln-data"})
    decision = route(
        mail("Perfect, Thursday 14:30 works for me. Speak then!", "Re: Data Engineer", thread="t1"),
        memory=memory,
    )
    assert held(decision, 'a short reply naming a time ("14:30")')
    assert decision.job_id == "ln-data"


def test_a_short_thank_you_in_a_linked_thread_is_still_linked_by_itself() -> None:
    memory = RouterMemory(thread_jobs={"t1": "ln-data"})
    decision = route(
        mail("Thanks a lot, Noor, that is very helpful!", "Re: Data Engineer", thread="t1"), memory=memory
    )
    assert decision.bucket == AUTO_LINKED


def test_an_employers_events_mail_is_a_mailing_list_not_an_application() -> None:
    decision = route(
        mail(
            "Join our engineers for an evening of talks. We'd love to get to know you! Register on our careers "
            "site.",
            "Careers evening: meet the Data team",
            sender="Lanternfish Events <events@lanternfish.io>",
        )
    )
    assert (decision.bucket, decision.reason) == (IGNORED, "not recruiting mail (a mailing list)")


def test_a_mailing_address_writing_in_a_thread_waiting_for_review_is_held() -> None:
    memory = RouterMemory(review_threads={"t1": "ln-data"})
    decision = route(
        mail(
            "Thanks for registering for the careers evening. Your interview slot with the Data team is confirmed.",
            "Re: Careers evening",
            sender="Lanternfish Events <events@lanternfish.io>",
            thread="t1",
        ),
        memory=memory,
    )
    assert held(decision, "sent by the mailing address events@lanternfish.io")


def platform_invite_in_a_data_thread(data_job: JobFacts = LANTERN) -> Decision:
    """A Platform Engineer invitation in a thread linked to the Data Engineer job."""
    return route(
        mail(
            "Hi Sam, following up on the Platform Engineer role: we'd like to invite you to a technical interview "
            "for the Platform Engineer team next week.",
            "Re: Platform Engineer - next steps",
            thread="t2",
        ),
        jobs=(data_job, LANTERN_PLATFORM),
        memory=RouterMemory(thread_jobs={"t2": data_job.id}),
    )


def test_a_thread_linked_to_one_job_whose_mail_names_another_waits_for_review() -> None:
    decision = platform_invite_in_a_data_thread()
    assert held(decision, "the thread is linked to Data Engineer but the mail names Platform Engineer")


def test_an_approach_for_another_brand_of_the_employer_waits_for_review() -> None:
    instagram = JobFacts("meta-ig", "Data Engineer, Instagram", "Meta", "applied")
    decision = route(
        mail(
            "Hi Sam, I recruit for WhatsApp Business in London. We're hiring a Data Engineer and your pipelines "
            "work caught my eye. Would you be up for a 20-minute call next week?",
            "WhatsApp Business - Data Engineer",
            sender="Lee Park <lpark@meta.com>",
        ),
        jobs=(instagram,),
    )
    assert held(decision, "names WhatsApp, another part of Meta than this job's")


def test_a_step_named_as_news_in_the_subject_but_as_a_coming_one_in_the_body_waits_for_review() -> None:
    decision = route(
        mail(
            "Hi Sam, a few practical notes before your final round tomorrow: it starts at 9:30 at our Leith "
            "office, bring a photo ID, and lunch is with the team.",
            "Lanternfish final round",
        )
    )
    assert held(decision, "is also told as another time's step")
    assert decision.job_id == "ln-data"


def test_a_long_thank_you_for_a_case_study_that_hides_a_rejection_waits_for_review() -> None:
    decision = route(
        mail(
            "Hi Sam, thank you for completing the case study for the Data Engineer role, and for the care you "
            "put into it. The panel read every submission together this week. They felt that other applicants "
            "were a closer fit for what the team needs this year, above all hands-on streaming work at our "
            "scale. It was a close call and your write-up on data contracts was one of the clearest we saw. I "
            "hope our paths cross again, and I will keep your details on file for future openings in the data "
            "group.",
            "Data Engineer at Lanternfish",
        )
    )
    assert held(decision, "a completion receipt of")
    assert "leads with" not in decision.reason


def test_a_short_thank_you_for_a_case_study_is_still_linked_by_itself() -> None:
    decision = route(
        mail(
            "Hi Sam, thank you for completing the case study for the Data Engineer role. The panel will read it "
            "this week and I'll be in touch soon.",
            "Data Engineer at Lanternfish",
        )
    )
    assert (decision.bucket, decision.stage_target) == (AUTO_LINKED, "no_change")


def test_the_employers_longer_legal_name_is_not_another_brand() -> None:
    klarna = JobFacts("kl", "Data Engineer", "Klarna", "applied")
    decision = route(
        mail(
            "Hi Sam, we'd like to invite you to a technical interview for the Data Engineer role at Klarna Bank "
            "next week. Could you share your availability?",
            "Technical interview - Data Engineer",
            sender="Ada Lind <ada.lind@klarna.com>",
        ),
        jobs=(klarna,),
    )
    assert (decision.bucket, decision.stage_target) == (AUTO_LINKED, "technical_interview")


def test_a_reminder_that_names_its_step_after_the_word_reminder_is_still_linked_by_itself() -> None:
    decision = route(
        mail(
            "Hi Sam, just a reminder that your online assessment link expires on Friday. No need to reply.",
            "Reminder: your online assessment for Data Engineer",
        )
    )
    assert (decision.bucket, decision.stage_target) == (AUTO_LINKED, "no_change")


def test_a_no_far_from_the_step_does_not_deny_it() -> None:
    decision = route(
        mail(
            "Hi Sam, no rush on this, but we'd like to invite you to a technical interview with two of our "
            "engineers. Could you share your availability for next week?",
            "Technical interview - Data Engineer",
        )
    )
    assert (decision.bucket, decision.stage_target) == (AUTO_LINKED, "technical_interview")


def test_a_job_title_typed_over_two_lines_still_gives_a_one_line_why() -> None:
    decision = platform_invite_in_a_data_thread(
        JobFacts("ln-data", "Data\nEngineer", "Lanternfish", "applied")
    )
    assert held(decision, "the thread is linked to Data Engineer but the mail names Platform Engineer")
    assert "\n" not in decision.reason


def test_an_earlier_step_than_one_waiting_for_review_is_not_logged_by_itself() -> None:
    waiting = JobFacts("nw", "Data Engineer", "Northwind", "applied", waiting_stage="onsite")
    call = builders.mail(
        "Would you have 20 minutes for a call tomorrow? I'd like to talk with you about the search.",
        "Quick call tomorrow?",
        "Marcus <marcus@northwind.com>",
    )
    decision = builders.route([waiting], call)
    alone = builders.route([replace(waiting, waiting_stage=None)], call)
    assert (decision.job_id, decision.bucket) == ("nw", PENDING_USER)
    assert "mail waiting for review already suggests Final Round" in decision.reason
    assert alone.bucket == AUTO_LINKED


def test_mail_offering_a_different_opening_at_the_employer_waits_and_its_job_is_not_sure() -> None:
    english = route(
        mail(
            "Hi Sam, while the Data Engineer process is paused, there is another role on our analytics team that "
            "fits your profile. Would you be open to a 30-minute call about it?",
            "Data Engineer: a 30-minute call",
        )
    )
    french = route(
        mail(
            "Bonjour Sam, votre candidature au poste de Data Engineer n'a pas été retenue, mais une autre "
            "opportunité chez Lanternfish pourrait vous intéresser.",
            "Autre opportunité chez Lanternfish",
        )
    )
    assert held(english, "a different opening") and english.job_id == "ln-data"
    assert held(french, "a different opening")
    assert not english.job_sure and not french.job_sure


@pytest.mark.parametrize(
    "body",
    [
        "Αγαπητή Sam, σας ευχαριστούμε για τη συνέντευξη. Υπάρχει άλλη θέση στην ομάδα μας, Data Engineer.",
        "Dzień dobry, mamy inne stanowisko w zespole danych, które może Panią zainteresować.",
        "Hej Sam, vi har en annan tjänst i teamet som kanske passar dig bättre.",
        "Halo Sam, ada peluang lain di tim data kami yang mungkin cocok untuk Anda.",
        "山田様\n\n書類選考の結果とあわせて、別職種のご案内をお送りします。",
    ],
)
def test_a_different_opening_is_read_in_more_languages(body: str) -> None:
    assert held(route(mail(body, "Data Engineer")), "a different opening")


def test_another_named_opening_at_a_sister_site_waits_and_its_job_is_not_sure() -> None:
    decision = route(
        mail(
            "Hi Sam, separate from your Data Engineer application: our sister office is looking for a Reporting "
            "Analyst. Would you like me to share your profile with them?",
            "Another Lanternfish opportunity – Reporting Analyst",
        )
    )
    assert held(decision, "a different opening") and not decision.job_sure


def test_a_rejection_keeping_the_candidate_in_mind_for_another_role_is_still_linked() -> None:
    decision = route(
        mail(
            "Hi Sam, thank you for interviewing for the Data Engineer role. We have decided not to move forward "
            "with your application. We would be glad to keep you in mind for another data role in the future.",
            "Re: Interview – Data Engineer",
        ),
        (replace(LANTERN, current_stage="technical_interview"),),
    )
    assert decision.bucket == AUTO_LINKED and decision.stage_target == "rejected"
    assert "different opening" not in decision.reason


@pytest.mark.parametrize(
    ("subject", "body", "linked"),
    [
        (
            "Your application – Data Engineer (R0062210)",
            "Hi Sam, thank you for applying for Data Engineer, posting R0062210. We have received it.",
            False,
        ),
        (
            "Your application – Data Engineer (R0061842)",
            "Hi Sam, thank you for applying for Data Engineer, posting R0061842. We have received it.",
            True,
        ),
    ],
)
def test_mail_writing_another_posting_number_than_the_jobs_own_waits_for_review(
    subject: str, body: str, linked: bool
) -> None:
    job = replace(LANTERN, job_url="https://lanternfish.example/careers/job/Data-Engineer_R0061842")
    decision = route(mail(body, subject), (job,))
    assert (decision.bucket == AUTO_LINKED) is linked
    assert held(decision, 'another posting number ("R0062210")') is not linked


def test_a_pitch_for_an_untitled_opening_after_the_job_closed_waits_and_its_job_is_not_sure() -> None:
    closed = replace(LANTERN, current_stage="rejected")
    decision = route(
        mail(
            "Hi Sam, we are hiring for peak season in the warehouse team, day and night shifts. If you're "
            "interested, reply to this email and I will book you in.",
            "We'd love to have you back",
        ),
        (closed,),
    )
    assert held(decision, "it asks whether you want an opening") and not decision.job_sure


def test_a_pitch_writing_a_title_far_from_the_jobs_waits_for_review() -> None:
    decision = route(
        mail(
            "Dear Sam, we are recruiting a consultant, Urban Planning Expert, for three months. If you are "
            "interested and available, please send me your updated CV.",
            "Consultancy – Urban Planning Expert",
        )
    )
    assert held(decision, "it asks whether you want an opening")


@pytest.mark.parametrize(
    ("stage", "subject", "body"),
    [
        (
            "applied",
            "Data Engineer – next step",
            "Hi Sam, thanks for applying for the Data Engineer role. If you are interested in moving ahead, "
            "please book a technical interview with our team.",
        ),
        (
            "technical_interview",
            "Your application",
            "Hi Sam, thank you for your time. We will not move forward with your application. If you are "
            "interested in future openings, keep an eye on our careers page.",
        ),
    ],
)
def test_asking_interest_in_the_tracked_job_or_after_a_rejection_does_not_doubt_the_job(
    stage: str, subject: str, body: str
) -> None:
    decision = route(mail(body, subject), (replace(LANTERN, current_stage=stage),))
    assert "asks whether you want an opening" not in decision.reason


def test_the_candidate_having_accepted_another_position_is_no_other_opening() -> None:
    decision = route(
        mail(
            "Hi Sam, thanks for letting us know that you have accepted another position. We have withdrawn your "
            "application for the Data Engineer role. Best of luck!",
            "Your application - Data Engineer",
        )
    )
    assert "different opening" not in decision.reason


@pytest.mark.parametrize(
    ("title", "subject", "body"),
    [
        (
            "Night Shift Loader",
            "Application received – Weekend Route Planner",
            "Hello Dana, thank you for applying for a Weekend Route Planner position with Parcelwise in Leeds.",
        ),
        (
            "Youth Outreach Worker (Ref 4471)",
            "Ref 4502 – Housing Support Officer – application status",
            "Dear Dana,\n\nRE: Job ID 4502 – Housing Support Officer\n\nYou have not been selected to proceed further "
            "in this recruitment process.",
        ),
        (
            "Supply Chain Officer (P-2), Agadez",
            "Thank you for applying – Logistics Officer (P-2), Niamey",
            "Dear Dana, thank you for applying for the position Logistics Officer (P-2), Niamey. Your application "
            "has been received.",
        ),
        (
            "Líder de Experiencia al Cliente",
            "Actualización sobre tu postulación",
            "Hola Dana, gracias por tu interés en la posición Analista de Calidad – Ventas (Bogotá). En esta "
            "oportunidad decidimos avanzar con otros candidatos.",
        ),
        (
            "Supply Chain Officer (P-2), Agadez",
            "Logistics Officer (P-2), Niamey – application status",
            "Thank you for your interest in the position Logistics Officer (P-2), Niamey, Niger. We regret to "
            "inform you that your application has not been retained.",
        ),
    ],
)
def test_mail_that_writes_another_openings_title_waits_for_review(
    title: str, subject: str, body: str
) -> None:
    job = JobFacts("job", title, "Parcelwise", "applied")
    decision = builders.route(
        [job], builders.mail(body, subject, "Parcelwise Careers <careers@parcelwise.example>")
    )
    assert decision.bucket == PENDING_USER
    assert "it names another opening" in decision.reason


@pytest.mark.parametrize(
    "body",
    [
        "Hello Dana, thank you for applying for the position you saw on our site. We have received it.",
        "Hello Dana, thank you for applying for the position of Night Shift Loader. We have received it.",
        "Hello Dana, thank you for applying for a loader position at our Leeds depot. We have received it.",
    ],
)
def test_mail_about_the_tracked_opening_itself_is_still_linked(body: str) -> None:
    job = JobFacts("job", "Night Shift Loader", "Parcelwise", "applied")
    decision = builders.route(
        [job], builders.mail(body, "Your application", "Parcelwise <careers@parcelwise.example>")
    )
    assert decision.bucket == AUTO_LINKED


def test_a_first_call_the_mail_sets_up_with_the_future_director_waits_for_review() -> None:
    job = JobFacts("job", "Chargé de recherche", "Institut Lumière", "applied")
    body = (
        "Bonjour Madame Roux, Paul Girard, directeur du pôle Climat, souhaiterait avoir un premier échange "
        "avec vous, d'une trentaine de minutes, avant les entretiens formels."
    )
    decision = builders.route(
        [job], builders.mail(body, "Votre candidature", "Institut Lumière <rh@lumiere.example>")
    )
    assert decision.bucket == PENDING_USER
    assert 'the call may be with the hiring manager ("directeur")' in decision.reason


def test_a_recruiters_screen_for_a_team_lead_role_is_still_linked() -> None:
    job = JobFacts("job", "Support Team Lead", "Parcelwise", "applied")
    body = "Hi Dana, thanks for applying for Support Team Lead. Could we set up a 20-minute phone screen on Monday?"
    decision = builders.route(
        [job], builders.mail(body, "Phone screen", "Parcelwise <careers@parcelwise.example>")
    )
    assert decision.bucket == AUTO_LINKED


def test_a_call_about_the_role_is_not_read_as_another_openings_title() -> None:
    job = JobFacts("job", "Reinsurance Pricing Actuary", "Parcelwise", "applied")
    body = "Hi Ruan, are you free for a quick call today about the pricing role?"
    decision = builders.route([job], builders.mail(body, "Today", "Oliver <oliver@parcelwise.example>"))
    assert "another opening" not in decision.reason


@pytest.mark.parametrize(
    "body",
    [
        "Hi Sam, thanks, all your certificates arrived. I have filed them under both of your applications.",
        "Dzień dobry, dokumenty dołączam do obu Pani aplikacji, żeby nie prosić drugi raz.",
        "Guten Tag, Ihre Zeugnisse haben wir für beide Bewerbungen gespeichert.",
    ],
)
def test_mail_about_both_applications_at_one_employer_waits_for_review(body: str) -> None:
    decision = route(
        mail(body, "Re: Documents for your Data Engineer application"), (LANTERN, LANTERN_PLATFORM)
    )

    assert decision.bucket == PENDING_USER
    assert "it speaks of two applications" in decision.reason
    assert not decision.job_sure
