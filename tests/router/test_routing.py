"""The smart router: relevance, employer and title matching, memory, stage reading and buckets."""

from __future__ import annotations

import pytest

from bench.evaluation import load_sets, route_alone, score
from jobops.router import Decision, JobFacts, MailFacts, Router, RouterMemory, route_message
from jobops.router.employers import employer_tokens
from jobops.router.text import newest_part
from jobops.stages import AUTO_LINK_MIN, AUTO_LINKED, IGNORED, PENDING_USER
from tests.router.builders import mail

STRIPE_BACKEND = JobFacts("stripe-be", "Backend Engineer", "Stripe, Inc.", "recruiter_screen")
STRIPE_DATA = JobFacts("stripe-data", "Data Engineer, Payments", "Stripe, Inc.", "applied")
META = JobFacts("meta-ml", "Machine Learning Engineer", "Meta Platforms, Inc.", "applied")
BLOCK = JobFacts("block-sre", "Site Reliability Engineer", "Block, Inc.", "applied")
ZALANDO = JobFacts("zalando", "Backend Engineer (Java)", "Zalando SE", "applied")
DOCTOLIB = JobFacts("doctolib", "Développeur Full Stack", "Doctolib SAS", "applied")
CABIFY = JobFacts("cabify", "Ingeniero de Datos", "Cabify", "applied")
JOBS = [STRIPE_BACKEND, STRIPE_DATA, META, BLOCK, ZALANDO, DOCTOLIB, CABIFY]


def route(message: MailFacts, memory: RouterMemory | None = None) -> Decision:
    """Route against the small job list above."""
    return Router(JOBS).route(message, memory)


def test_an_acknowledgement_from_the_employer_domain_is_auto_linked_as_applied() -> None:
    decision = route(
        mail(
            "Hi Alex, thanks for applying! We have received your application for the Site Reliability Engineer role.",
            sender="Block Recruiting <recruiting@block.xyz>",
        )
    )
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, "block-sre", "applied")
    assert decision.bucket == AUTO_LINKED and decision.confidence >= AUTO_LINK_MIN
    assert decision.message_type == "update"


@pytest.mark.parametrize(
    ("subject", "body", "sender"),
    [
        (
            "10 new jobs matching Backend Engineer",
            "Backend Engineer - Stripe - Remote\nSee all jobs",
            "LinkedIn <jobalerts-noreply@linkedin.com>",
        ),
        (
            "Interview tips webinar",
            "Join our webinar on how to ace the technical interview. Register now.",
            "Events <events@careercoach.com>",
        ),
        (
            "Special offer",
            "Special offer: 30% off your next stay. Offer ends Sunday.",
            "Deals <deals@travel.com>",
        ),
        (
            "Your application for a credit card",
            "We have received your application for the Platinum credit card.",
            "Bank <no-reply@bank.com>",
        ),
        (
            "Dinner?",
            "Are you free on Saturday? Good luck with the interview tomorrow!",
            "Sam <sam@gmail.com>",
        ),
    ],
)
def test_noise_that_uses_recruiting_words_is_ignored(subject: str, body: str, sender: str) -> None:
    decision = route(mail(body, subject, sender))
    assert (decision.relevant, decision.job_id, decision.bucket) == (False, None, IGNORED)
    assert decision.message_type == "other"


def test_employer_names_lose_legal_suffixes_punctuation_and_case() -> None:
    assert employer_tokens("Stripe, Inc.") == ("stripe",)
    assert employer_tokens("Personio SE & Co. KG") == ("personio",)
    assert employer_tokens("ACME Widgets GmbH") == ("acme", "widgets")


def test_a_sub_domain_and_a_country_domain_of_the_employer_count_as_its_own() -> None:
    for address in ("talent@mail.stripe.com", "talent@stripe.co.uk"):
        decision = route(
            mail(
                "We'd like to invite you to a technical interview for the Backend Engineer role.",
                sender=f"Talent <{address}>",
            )
        )
        assert decision.job_id == "stripe-be" and decision.bucket == AUTO_LINKED


def test_an_employer_name_inside_another_word_does_not_count() -> None:
    metadata = route(
        mail(
            "We received your application for Metadata Engineer at Metabase.",
            sender="Metabase <no-reply@ashbyhq.com>",
        )
    )
    blockchain = route(
        mail(
            "Thanks for applying to our Blockchain Analyst role, we received your application.",
            sender="Chain <no-reply@greenhouse.io>",
        )
    )
    assert metadata.relevant and metadata.job_id is None
    assert blockchain.relevant and blockchain.job_id is None


def test_an_ats_sender_is_matched_through_the_employer_in_its_display_name() -> None:
    decision = route(
        mail(
            "Thank you for applying for the Machine Learning Engineer position. We've received your application.",
            subject="Thank you for applying",
            sender="Meta via Greenhouse <no-reply@greenhouse.io>",
        )
    )
    assert (decision.job_id, decision.stage_target, decision.bucket) == ("meta-ml", "applied", AUTO_LINKED)


def test_the_title_decides_between_two_jobs_at_the_same_employer() -> None:
    decision = route(
        mail(
            "The next step for the Data Engineer, Payments role is a take-home assignment.",
            sender="Stripe Recruiting <no-reply@greenhouse.io>",
        )
    )
    assert (decision.job_id, decision.stage_target) == ("stripe-data", "assessment")
    assert decision.bucket == AUTO_LINKED


def test_two_jobs_at_one_employer_without_a_title_stay_below_auto_link() -> None:
    decision = route(
        mail(
            "Are you free for a quick call on Thursday?", sender="Stripe Recruiting <no-reply@greenhouse.io>"
        )
    )
    assert decision.job_id in {"stripe-be", "stripe-data"}
    assert decision.confidence < AUTO_LINK_MIN and decision.bucket == PENDING_USER


def test_a_message_in_a_linked_thread_belongs_to_that_job() -> None:
    memory = RouterMemory(thread_jobs={"thr-1": "block-sre"})
    decision = route(
        mail(
            "Great news, the team would like to invite you to the final round onsite.",
            sender="Tom <tom@agency.io>",
            thread="thr-1",
        ),
        memory,
    )
    assert (decision.job_id, decision.stage_target, decision.bucket) == ("block-sre", "onsite", AUTO_LINKED)


def test_a_sender_the_user_approved_leans_to_that_job_without_auto_linking_alone() -> None:
    memory = RouterMemory(sender_jobs={"tom@agency.io": "cabify"})
    decision = route(
        mail("Quick update: the client is still reviewing feedback.", sender="Tom <tom@agency.io>"), memory
    )
    assert (decision.job_id, decision.stage_target, decision.bucket) == ("cabify", "no_change", PENDING_USER)


def test_a_shared_platform_address_teaches_nothing_about_the_job() -> None:
    memory = RouterMemory(sender_jobs={"no-reply@greenhouse.io": "block-sre"})
    decision = route(
        mail(
            "We received your application for Backend Engineer (Java).",
            sender="Zalando <no-reply@greenhouse.io>",
        ),
        memory,
    )
    assert decision.job_id == "zalando"


@pytest.mark.parametrize(
    ("body", "sender", "job_id", "stage"),
    [
        (
            "Wir haben Ihre Bewerbung erhalten und melden uns bald.",
            "Zalando <jobs@zalando.de>",
            "zalando",
            "applied",
        ),
        (
            "Leider haben wir uns für andere Kandidaten entschieden.",
            "Zalando <jobs@zalando.de>",
            "zalando",
            "rejected",
        ),
        (
            "Nous avons bien reçu votre candidature pour le poste.",
            "Doctolib <talent@doctolib.com>",
            "doctolib",
            "applied",
        ),
        (
            "Malheureusement, nous ne pouvons pas donner une suite favorable à votre candidature.",
            "Doctolib <talent@doctolib.com>",
            "doctolib",
            "rejected",
        ),
        (
            "Hemos recibido tu solicitud para el puesto de Ingeniero de Datos.",
            "Cabify <talent@cabify.com>",
            "cabify",
            "applied",
        ),
        (
            "Lamentablemente, no continuaremos con tu candidatura.",
            "Cabify <talent@cabify.com>",
            "cabify",
            "rejected",
        ),
        (
            "Nos gustaría invitarte a una entrevista técnica con el equipo.",
            "Cabify <talent@cabify.com>",
            "cabify",
            "technical_interview",
        ),
    ],
)
def test_common_phrases_are_read_in_german_french_and_spanish(
    body: str, sender: str, job_id: str, stage: str
) -> None:
    decision = route(mail(body, "Ihre Bewerbung", sender))
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, job_id, stage)


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        ("We'd like you to complete a coding challenge on HackerRank.", "assessment"),
        ("Next is a conversation with the hiring manager.", "hiring_manager_screen"),
        ("We'd like to invite you to the final round onsite.", "onsite"),
        ("We're delighted to extend you an offer; the offer letter is attached.", "offer"),
        ("This confirms you have withdrawn your application.", "withdrawn"),
        ("Your application is still under review, thanks for your patience.", "no_change"),
        ("I'd love to set up a 30 minute phone screen.", "recruiter_screen"),
    ],
)
def test_each_stage_is_read_from_its_common_phrase(body: str, stage: str) -> None:
    decision = route(mail(body, "Backend Engineer at Stripe", "Stripe <talent@stripe.com>"))
    assert decision.stage_target == stage


def test_a_reply_is_read_from_its_newest_part_not_the_quoted_history() -> None:
    body = (
        "Hi Alex, let's book the technical interview for Wednesday.\n\n"
        "On Mon, 6 May 2024 at 09:12, Block <jobs@block.xyz> wrote:\n"
        "> We have received your application.\n"
    )
    decision = route(mail(body, "Re: Your application", "Nina <nina@block.xyz>"))
    assert decision.stage_target == "technical_interview"


@pytest.mark.parametrize(
    "header",
    [
        "On Mon, 6 May 2024 at 09:12, Jane <jane@x.com> wrote:",
        "Le lun. 6 mai 2024 à 10:02, Jane <jane@x.com> a écrit :",
        "Am 06.05.2024 um 10:15 schrieb Jane <jane@x.com>:",
        "El lun, 6 may 2024 a las 11:20, Jane (<jane@x.com>) escribió:",
        "-----Original Message-----",
        "From: Jane <jane@x.com>\nSent: Monday, May 6, 2024 9:15 AM",
    ],
)
def test_quoted_history_is_cut_at_every_reply_header(header: str) -> None:
    assert newest_part(f"Newest words.\n\n{header}\nOlder words.\n").strip() == "Newest words."


def test_a_bare_forward_is_read_from_the_forwarded_mail() -> None:
    body = "---------- Forwarded message ---------\nFrom: A <a@x.com>\nDate: today\n\nThe forwarded words.\n"
    assert newest_part(body).strip() == "The forwarded words."


def test_a_relevant_mail_about_an_untracked_employer_is_an_orphan_for_review() -> None:
    decision = route(
        mail(
            "Thank you for applying to Vercel, we have received your application.",
            sender="Vercel <jobs@vercel.com>",
        )
    )
    assert (decision.relevant, decision.job_id, decision.bucket) == (True, None, PENDING_USER)
    assert decision.confidence < 50


def test_a_stage_behind_the_jobs_current_stage_is_not_applied_automatically() -> None:
    decision = route(
        mail(
            "We have received your application for the Backend Engineer role.",
            sender="Stripe <jobs@stripe.com>",
        )
    )
    assert decision.job_id == "stripe-be" and decision.bucket == PENDING_USER


def test_route_message_gives_the_same_decision_as_a_router() -> None:
    message = mail("We received your application.", sender="Cabify <talent@cabify.com>")
    assert route_message(message, JOBS) == Router(JOBS).route(message)


@pytest.mark.parametrize(("name", "minimum"), [("main", 150), ("holdout", 30), ("holdout2", 80)])
def test_mail_the_router_was_tuned_on_stays_routed_right(name: str, minimum: int) -> None:
    [labelled] = load_sets([name])
    scores = score(labelled, route_alone(labelled))
    assert scores["messages"] >= minimum
    assert scores["auto-link precision"] >= 0.99, scores["mistakes"]
    assert scores["job match"] >= 0.90, scores["mistakes"]
    assert scores["stage"] >= 0.90, scores["mistakes"]
    assert scores["relevance precision"] >= 0.95, scores["mistakes"]
    assert scores["relevance recall"] >= 0.95, scores["mistakes"]


PLEO = JobFacts("pleo", "Backend Engineer", "Pleo", "applied")


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        ("Bedankt voor je sollicitatie, we hebben je gegevens goed ontvangen.", "applied"),
        ("We nodigen je graag uit voor een kennismakingsgesprek van 30 minuten.", "recruiter_screen"),
        ("Helaas hebben we besloten om niet verder te gaan met je sollicitatie.", "rejected"),
        ("De volgende stap is een technisch interview met twee engineers.", "technical_interview"),
        ("Graag nodigen we je uit voor het eindgesprek op ons kantoor.", "onsite"),
        ("Abbiamo ricevuto la tua candidatura e la stiamo valutando.", "applied"),
        ("Ti proponiamo un colloquio tecnico di un'ora con il team.", "technical_interview"),
        ("Purtroppo abbiamo deciso di non procedere con la tua candidatura.", "rejected"),
        ("Siamo felici di farti una proposta di assunzione.", "offer"),
        ("Je vous propose un appel de 20 minutes pour faire connaissance.", "recruiter_screen"),
        ("Malheureusement, nous ne donnerons pas suite à votre candidature.", "rejected"),
        ("Nous vous invitons à la dernière étape : une journée d'entretiens à Paris.", "onsite"),
        ("Wir möchten dich zu einem Interview mit unserem Design Lead einladen.", "hiring_manager_screen"),
    ],
)
def test_common_phrases_are_read_in_dutch_and_italian_and_more_french_and_german(
    body: str, stage: str
) -> None:
    decision = Router([PLEO]).route(mail(body, "Pleo", "Pleo Talent <talent@pleo.io>"))
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, "pleo", stage)


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        (
            "Your interview for the Backend Engineer role is scheduled with one of the leads who would be your manager.",
            "hiring_manager_screen",
        ),
        ("Before the next step, please prepare a short presentation for a panel.", "assessment"),
        ("You'll spend a full afternoon of back-to-back sessions with five engineers.", "onsite"),
        (
            "Following an internal reorganisation, the position has been cancelled and we closed the requisition.",
            "closed",
        ),
        ("We have received your case study, thanks! We'll share feedback soon.", "no_change"),
        ("Would you be open to a 30-minute phone call this week?", "recruiter_screen"),
        (
            "I lead the Payments team, which is the team hiring for this role, and would love to chat.",
            "hiring_manager_screen",
        ),
    ],
)
def test_more_stage_phrase_families_are_read(body: str, stage: str) -> None:
    decision = route(mail(body, "Backend Engineer at Stripe", "Stripe <talent@stripe.com>"))
    assert decision.stage_target == stage


def test_a_signature_banner_does_not_set_the_stage() -> None:
    body = (
        "Hi Alex,\n\nThanks for applying! I'd love to set up a short intro call this week.\n\nCheers,\nOlivia\n\n"
        "--\nOlivia Grant | Talent Partner\nWhat to expect at the onsite and offer stages: https://example.org/guide\n"
    )
    decision = route(mail(body, "Backend Engineer at Stripe", "Olivia <olivia@stripe.com>"))
    assert decision.stage_target == "recruiter_screen"


def test_a_forward_with_a_note_on_top_is_read_with_the_forwarded_mail() -> None:
    body = (
        "FYI, see below!\n\n---------- Forwarded message ---------\nFrom: Stripe <talent@stripe.com>\nDate: today\n\n"
        "We'd like to invite you to a technical interview for the Backend Engineer role.\n"
    )
    assert newest_part(body).splitlines()[0] == "FYI, see below!"
    decision = route(mail(body, "Fwd: Backend Engineer at Stripe", "Alex <alex@example.org>"))
    assert (decision.relevant, decision.job_id, decision.stage_target) == (
        True,
        "stripe-be",
        "technical_interview",
    )


@pytest.mark.parametrize(
    "header",
    [
        "Op ma 6 mei 2024 om 09:12 schreef Jane <jane@x.com>:",
        "Il giorno lun 6 mag 2024 alle ore 09:12 Jane <jane@x.com> ha scritto:",
        "Van: Jane <jane@x.com>\nVerzonden: maandag 6 mei 2024 09:12",
        "Da: Jane <jane@x.com>\nInviato: lunedì 6 maggio 2024 09:12",
    ],
)
def test_dutch_and_italian_reply_headers_cut_the_quoted_history(header: str) -> None:
    assert newest_part(f"Newest words.\n\n{header}\nOlder words.\n").strip() == "Newest words."


@pytest.mark.parametrize(
    ("subject", "body", "sender"),
    [
        (
            "Ihre Bewerbung um einen Kita-Platz",
            "Vielen Dank für Ihre Bewerbung um einen Betreuungsplatz in unserer Kita.",
            "Kita <info@kita.de>",
        ),
        (
            "Einladung zur Besichtigung",
            "Vielen Dank für Ihre Bewerbung auf die Wohnung. Bitte bringen Sie die Schufa mit.",
            "Vermietung <info@wohnbau.de>",
        ),
        (
            "Weekly digest",
            "Here's what changed in your workspace: Stripe interview notes, 3 pages edited.",
            "Notion <team@notion.so>",
        ),
        (
            "Sharpen your skills",
            "Ready for your next technical interview? Start practicing and climb the leaderboard.",
            "HR <news@hackerrank.com>",
        ),
    ],
)
def test_housing_childcare_and_product_notifications_are_ignored(
    subject: str, body: str, sender: str
) -> None:
    decision = route(mail(body, subject, sender))
    assert (decision.relevant, decision.bucket) == (False, IGNORED)


def test_an_assessment_platform_mail_without_a_stage_phrase_suggests_the_assessment_stage() -> None:
    decision = route(
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


@pytest.mark.parametrize(
    ("sender", "body"),
    [
        (
            "Block <notifications@block.xyz>",
            "Kim assigned OPS-12 to you: the onsite interview scheduler shows the wrong time zone to candidates.",
        ),
        (
            "Block <notifications@block.xyz>",
            "Kim mentioned OPS-12: the onsite interview scheduler shows the wrong time zone.",
        ),
    ],
)
def test_a_product_notification_from_the_employers_own_domain_is_not_auto_linked(
    sender: str, body: str
) -> None:
    decision = route(mail(body, "OPS-12 Interview scheduler bug", sender))
    assert decision.bucket != AUTO_LINKED and decision.confidence < AUTO_LINK_MIN


def test_a_stage_named_by_a_person_at_the_employer_is_still_auto_linked() -> None:
    decision = route(
        mail(
            "We'd love to invite you to our final round next week.",
            "Next step",
            "Kim Lee <kim.lee@block.xyz>",
        )
    )
    assert (decision.job_id, decision.stage_target, decision.bucket) == ("block-sre", "onsite", AUTO_LINKED)


@pytest.mark.parametrize(
    "body",
    [
        "The next step is a technical phone screen with one of our engineers.",
        "Interview: Technical video screening (60 min) with Lukas.",
    ],
)
def test_a_technical_phone_screen_is_a_technical_interview(body: str) -> None:
    decision = route(mail(body, "Backend Engineer at Stripe", "Stripe <talent@stripe.com>"))
    assert decision.stage_target == "technical_interview"


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        ("Tack för din ansökan! Vi har tagit emot din ansökan.", "applied"),
        ("Tyvärr har vi valt att gå vidare med andra kandidater.", "rejected"),
        ("Infelizmente decidimos seguir com outros candidatos para a vaga.", "rejected"),
        ("Recebemos a sua candidatura e entraremos em contato.", "applied"),
        ("Niestety zdecydowaliśmy się kontynuować proces z innymi kandydatami.", "rejected"),
        ("Dziękujemy za przesłanie aplikacji na stanowisko.", "applied"),
        ("Nous ne sommes pas en mesure de donner une suite favorable à votre candidature.", "rejected"),
        ("We've decided to close the Backend Engineer opening you applied for.", "closed"),
    ],
)
def test_common_phrases_are_read_in_swedish_portuguese_polish_and_more_french_and_english(
    body: str, stage: str
) -> None:
    decision = route(mail(body, "Backend Engineer", "Zalando Talent <talent@zalando.de>"))
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, "zalando", stage)


def test_a_sending_service_in_a_footer_is_not_an_employer_mention() -> None:
    jobs = [*JOBS, JobFacts("personio", "Product Designer", "Personio SE & Co. KG", "applied")]
    body = "Vielen Dank für deine Bewerbung bei Taxfix!\n\nDiese E-Mail wurde über Personio versendet."
    decision = Router(jobs).route(
        mail(body, "Deine Bewerbung bei Taxfix", "Taxfix Recruiting <no-reply@personio.de>")
    )
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, None, "applied")


def test_a_mock_interview_with_a_friend_is_ignored() -> None:
    decision = route(
        mail(
            "Let's do a mock interview (system design) on Saturday.",
            "Mock interview practice",
            "Lena <lena@gmail.com>",
        )
    )
    assert (decision.relevant, decision.bucket) == (False, IGNORED)
