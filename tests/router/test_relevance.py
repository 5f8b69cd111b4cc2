"""Noise that uses recruiting words: forums, podcasts, HR tools, the candidate's own employer's hiring tools, calendar spam."""

from __future__ import annotations

import pytest

from jobops.router import JobFacts, Router
from jobops.stages import AUTO_LINK_MIN, AUTO_LINKED, IGNORED
from tests.router.builders import mail, route, route_tracked

NORTHWIND = JobFacts("nw", "Data Engineer", "Northwind", "applied")


@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [
        (
            "Blind <digest@teamblind.com>",
            "Trending: 'Got an offer from Northwind, negotiate?'",
            "Top posts this week: offer negotiation, onsite tips. Unsubscribe",
        ),
        (
            "The Interview Show <hello@podcast.example>",
            "New episode: how to ace your final round",
            "This week's episode: interview tips from hiring managers. Listen now. Unsubscribe",
        ),
        (
            "BambooHR <notifications@bamboohr.com>",
            "Time off request approved",
            "Your time off request for 12-14 May has been approved by your manager.",
        ),
        (
            "Greenhouse <no-reply@greenhouse.io>",
            "You have been added as an interviewer",
            "You've been added as an interviewer for Jamie Doe (Backend Engineer). Please submit your scorecard "
            "within 24 hours of the interview.",
        ),
        (
            "Talent Acquisition <notifications@mycompany.darwinbox.example>",
            "You have been nominated as an interviewer – Graduate Analyst 2026",
            "You have been nominated as an interviewer for the graduate analyst requisition. Round: Technical "
            "Interview 1. Please confirm your availability by Friday.",
        ),
        (
            "Lever <no-reply@hire.lever.co>",
            "Reminder: 2 scorecards due for Platform Engineer",
            "Hi Ana, you have 2 scorecards due for interviews you ran on Tuesday. Submit them in Lever.",
        ),
        (
            "Workable <notifications@workable.com>",
            "You've been added to the hiring team: Support Analyst",
            "Priya added you to the hiring team for Support Analyst as an interview panel member. "
            "Panel interviews are on 4 June.",
        ),
        (
            "People Team <people@currentjob.example>",
            "Reference request for Sam Lee",
            "Sam Lee has accepted a conditional offer elsewhere and named you as a referee. Please complete the "
            "attached form.",
        ),
        (
            "Personio <noreply@personio.de>",
            "We have received your resignation",
            "We have received your resignation. Your exit checklist: return your laptop and badge.",
        ),
        (
            "Editorial Office <em@editorialmanager.com>",
            "Invitation to review manuscript NW-26-0042",
            "Given your expertise, we would be grateful if you would review the manuscript below for our journal.",
        ),
        (
            "Greenhouse <no-reply@greenhouse.io>",
            "You've been added as an interviewer: Data Engineer - Sam Lee",
            "You've been added to the interview panel for Sam Lee, who is interviewing for Data Engineer at "
            "Northwind. Interview: Technical Interview. Please submit your scorecard within 24 hours.",
        ),
        (
            "Workday <northwind@myworkday.com>",
            "Verify your email address",
            "To finish creating your candidate account at Northwind Careers, enter this verification code: 483 917.",
        ),
        (
            "Teamtailor <no-reply@teamtailor.com>",
            "Your sign-in link for Northwind",
            "Here's your sign-in link for the Northwind candidate page: https://northwind.teamtailor.com/s/f4a9\n\n"
            "The link is valid for 15 minutes and can only be used once.",
        ),
        (
            "Reddit <noreply@redditmail.com>",
            '"Panel interview tomorrow - what do they ask?" and more',
            "Trending in r/dataengineering: Panel interview tomorrow - what do they ask? 342 upvotes",
        ),
        (
            "LinkedIn <messages-noreply@linkedin.com>",
            "Stand out to recruiters at Northwind",
            "Get hired faster with Premium Career: see how you compare to other applicants for Data Engineer.",
        ),
        (
            "Events <events@webinars.example>",
            "Invitation: Career webinar - land the offer",
            "Join our free webinar on interview skills. Register now.",
        ),
    ],
)
def test_noise_with_recruiting_words_is_not_relevant(sender: str, subject: str, body: str) -> None:
    assert not route([NORTHWIND], mail(body, subject, sender)).relevant


@pytest.mark.parametrize(
    ("subject", "body", "sender"),
    [
        (
            "Zugangscode für Ihren Arbeitsvertrag",
            "Lieber Herr Rao, der Zugangscode für den DocuSign-Umschlag lautet: KMT-7719.",
            "Leonie Hartmann <leonie.hartmann@stripe.com>",
        ),
        (
            "Código de acceso para su documento de DocuSign",
            'Se requiere un código de acceso para abrir el documento "Stripe – Offer Letter".',
            "DocuSign <dse_na3@docusign.net>",
        ),
    ],
)
def test_an_access_code_for_a_contract_sent_apart_is_noise(subject: str, body: str, sender: str) -> None:
    decision = route_tracked(mail(body, subject, sender))
    assert (decision.relevant, decision.bucket) == (False, IGNORED)


def test_a_meeting_access_code_in_an_interview_invitation_is_no_security_code() -> None:
    body = "Your interview for the Data Engineer, Payments role at Stripe. Join the Webex meeting. Access code: 2345 678 90."
    decision = route_tracked(mail(body, "Interview - Data Engineer", "Stripe Recruiting <jobs@stripe.com>"))
    assert decision.relevant


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
    decision = route_tracked(mail(body, subject, sender))
    assert (decision.relevant, decision.job_id, decision.bucket) == (False, None, IGNORED)
    assert decision.message_type == "other"


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
    decision = route_tracked(mail(body, subject, sender))
    assert (decision.relevant, decision.bucket) == (False, IGNORED)


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
    decision = route_tracked(mail(body, "OPS-12 Interview scheduler bug", sender))
    assert decision.bucket != AUTO_LINKED and decision.confidence < AUTO_LINK_MIN


def test_a_mock_interview_with_a_friend_is_ignored() -> None:
    decision = route_tracked(
        mail(
            "Let's do a mock interview (system design) on Saturday.",
            "Mock interview practice",
            "Lena <lena@gmail.com>",
        )
    )
    assert (decision.relevant, decision.bucket) == (False, IGNORED)


def test_mail_naming_a_tracked_employer_and_that_jobs_title_is_relevant_in_words_no_table_holds() -> None:
    job = JobFacts("zold", "Termékmenedzser", "Zöldmező Kft.", "applied")
    notice = mail(
        "Kedves Anna! Köszönjük, hogy a Zöldmező Kft. Termékmenedzser pozíciójára jelentkezett. Hamarosan "
        "jelentkezünk.",
        "Zöldmező Kft. – Termékmenedzser",
        "Zöldmező Kft. <noreply@zoldmezo.hu>",
    )
    decision = Router([job]).route(notice)
    assert (decision.relevant, decision.job_id) == (True, "zold")


def test_the_same_words_without_the_jobs_title_stay_noise() -> None:
    job = JobFacts("zold", "Termékmenedzser", "Zöldmező Kft.", "applied")
    promo = mail(
        "Kedves Anna! Tavaszi akciónk a Zöldmező Kft. webáruházában: minden vetőmag 20% kedvezménnyel.",
        "Zöldmező Kft. – tavaszi akció",
        "Zöldmező Kft. <noreply@zoldmezo.hu>",
    )
    assert Router([job]).route(promo).relevant is False


def test_a_person_at_the_employer_writing_a_few_words_is_about_the_application() -> None:
    job = JobFacts("fjord", "Senior Scientist", "Fjordlys", "onsite")
    note = mail(
        "Hej Maja, har du tid til en kort snak i morgen kl. 10? Mvh Ida",
        "Kort snak i morgen?",
        "Ida Holm <ida.holm@fjordlys.example>",
    )
    decision = Router([job]).route(note)
    assert (decision.relevant, decision.job_id) == (True, "fjord")


@pytest.mark.parametrize(
    "sender",
    ["Fjordlys <billing@fjordlys.example>", "Fjordlys <ida.holm@fjordlys.example>"],
)
def test_the_employers_brand_or_service_address_writing_a_few_words_stays_noise(sender: str) -> None:
    job = JobFacts("fjord", "Senior Scientist", "Fjordlys", "onsite")
    bill = mail("Hej Maja, din faktura for marts er klar. Mvh Fjordlys", "Din faktura er klar", sender)
    assert Router([job]).route(bill).relevant is False


@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [
        (
            "Werkzoeken <alerts@werkzoeken.example>",
            "4 nieuwe vacatures voor jou",
            "Er zijn 4 nieuwe vacatures die passen bij je zoekopdracht: Backend Engineer (Java) – Zalando – Berlijn.",
        ),
        (
            "Pracuj <oferty@pracuj.example>",
            "Nowe oferty",
            "Mamy 6 nowych ofert: Backend Engineer (Java) – Zalando SE – zdalnie.",
        ),
        (
            "Vagas <alertas@vagas.example>",
            "Novas vagas para você",
            "Novas vagas recomendadas: Backend Engineer (Java) na Zalando.",
        ),
        (
            "Recruitment <recruitment@stjames.example>",
            "Interview board for Staff Nurse",
            "Dear Board Member, please find attached the candidate packs and marking sheets for Thursday's interviews.",
        ),
        (
            "Nursing Board <noreply@board.example>",
            "Application received",
            "We have received your application for recognition of your professional qualification as a nurse.",
        ),
        (
            "Academy <courses@academy.example>",
            "Your place on the instructor course",
            "Thank you for your application to the instructor course on 23 May. Your place is provisionally reserved.",
        ),
    ],
)
def test_alerts_board_duties_registration_and_courses_in_recruiting_words_are_noise(
    sender: str, subject: str, body: str
) -> None:
    decision = route_tracked(mail(body, subject=subject, sender=sender))
    assert not decision.relevant
    assert decision.bucket == IGNORED


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Vous avez été ajoutée à l'équipe de recrutement : Stagiaire journaliste",
            "Ibrahima vous a ajoutée en tant que membre de l'équipe de recrutement pour le poste Stagiaire "
            "journaliste. Vous pourrez consulter les candidatures.",
        ),
        (
            "Entretien planifié : Aminata Sow – Stagiaire journaliste",
            "Un entretien a été planifié et vous faites partie des intervieweurs. Candidate : Aminata Sow.",
        ),
        (
            "Évaluation en attente : Aminata Sow",
            "Vous n'avez pas encore laissé votre évaluation pour la candidate rencontrée en entretien le 3 mars.",
        ),
    ],
)
def test_the_candidates_own_employers_hiring_tools_in_french_are_noise(subject: str, body: str) -> None:
    decision = route_tracked(mail(body, subject=subject, sender="Teamtailor <no-reply@teamtailor.com>"))
    assert (decision.relevant, decision.bucket) == (False, IGNORED)


@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [
        (
            "Personio <noreply@personio.de>",
            "Du wurdest als Interviewer*in hinzugefügt: Werkstudent*in Controlling",
            "Hallo Mara, du wurdest als Interviewer*in für das Vorstellungsgespräch mit Jonas K. am Dienstag "
            "eingetragen. Bitte gib dein Feedback direkt danach ab.",
        ),
        (
            "Workday <noreply@myworkday.com>",
            "Erinnerung: Interview-Feedback ausstehend",
            "Ihr Interview-Feedback ausstehend für Kandidatin L. Berger (Analyst Treasury). Bitte bis Freitag.",
        ),
        (
            "Teamtailor <notifications@teamtailor.com>",
            "Pendiente: tu feedback de la entrevista con Rosa Medina",
            "Hola, falta tu feedback de la entrevista con Rosa Medina para Agente Bilingüe. Califícala hoy.",
        ),
        (
            "Lever <no-reply@hire.lever.co>",
            "Reminder: submit your evaluation for Tom Price",
            "Hi Ana, please submit your evaluation for Tom Price (Runner) after yesterday's interview.",
        ),
        (
            "hh.ru <noreply@hh.ru>",
            "Подходящие вакансии для вас: 7 новых",
            "Аналитик данных – Northwind, Москва. Откликнитесь сегодня и подготовьтесь к собеседованию.",
        ),
    ],
)
def test_interviewing_others_or_alerts_in_more_languages_are_not_relevant(
    sender: str, subject: str, body: str
) -> None:
    assert route([NORTHWIND], mail(body, subject, sender)).bucket == IGNORED


def test_a_job_boards_receipt_that_lists_similar_jobs_below_is_still_relevant() -> None:
    body = (
        "Your application was sent to Northwind\n\nData Engineer\nNorthwind · Remote\n\nYour profile and resume "
        "were shared with the employer.\n\nNow that you've applied, here are similar jobs you might like: Acme, Initech"
        "\n\nJob board Inc., 1 Main Street · Unsubscribe"
    )
    decision = route(
        [NORTHWIND],
        mail(body, "Your application was sent to Northwind", "LinkedIn <jobs-noreply@linkedin.com>"),
    )
    assert decision.relevant
    assert decision.stage_target == "applied"


def test_a_background_check_services_portal_notice_with_a_one_time_code_is_relevant() -> None:
    offered = JobFacts("nw", "Data Engineer", "Northwind", "offer")
    notice = mail(
        "We have been authorised by Northwind to conduct your pre-employment background verification. Please log "
        "in to the candidate portal within 48 hours. One-time password: sent separately by SMS.",
        "Background Verification Initiated – Northwind – Ref AB/NW/2605",
        "AuthBridge BGV <bgv@authbridge.com>",
    )
    decision = route([offered], notice)
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, "nw", "no_change")


@pytest.mark.parametrize(
    ("subject", "body", "sender"),
    [
        (
            "为您推荐：8个高匹配职位｜数据工程师 上海",
            "Northwind 数据工程师 上海 面试快 点击查看更多职位",
            "Liepin <recommend@liepin.example>",
        ),
        (
            "[잡알리오] 관심 조건 신규 채용공고 7건이 등록되었습니다",
            "Northwind 데이터 엔지니어 채용 면접 일정 안내",
            "JOB-ALIO <alert@alio.example>",
        ),
        (
            "Sana uygun 15 yeni ilan var",
            "Northwind - Data Engineer - İstanbul. Mülakat süreci hızlı!",
            "Kariyer <ilan@kariyer.example>",
        ),
        (
            "Ofertas nuevas: Data Engineer, Jefe de NOC",
            "Northwind busca Data Engineer. Entrevista en una semana.",
            "Alertas <alertas@empleos.example>",
        ),
        (
            "Interview feedback requested: Priya Menon – Research Nurse",
            "Please submit your notes on the technical interview you held with Priya Menon yesterday.",
            "Northwind HR <hr@northwind.example>",
        ),
        (
            "New course: Ace Aptitude Tests for Managers",
            "Prepare for your next assessment and technical interview.",
            "LinkedIn Learning <learning@linkedin.example>",
        ),
        (
            "Intervju bokad: Karin Ek – Data Engineer",
            "En intervju har bokats där du är intervjuare. Kandidat: Karin Ek, tisdag 10:00.",
            "Northwind via Teamtailor <noreply@teamtailor.example>",
        ),
        (
            "Új interjú: Kiss Anna – Data Engineer",
            "Interjúztatóként hozzá lettél rendelve. Jelölt: Kiss Anna, kedd 10:00, tárgyaló 2.",
            "Northwind via Teamtailor <noreply@teamtailor.example>",
        ),
        (
            "Nye treff i lagret søk: data",
            "Data Engineer - Northwind. Intervju etter søknadsfristen.",
            "FINN varsel <varsel@finn.example>",
        ),
        (
            "Jobbagent: Northwind har publicerat ett nytt jobb",
            "Northwind har publicerat ett nytt jobb: Data Engineer. Sista ansökningsdag 30 april.",
            "Varbi <jobbagent@varbi.example>",
        ),
        (
            "Jouw vacature-update: 9 nieuwe banen in Utrecht",
            "Data Engineer bij Northwind – sollicitatiegesprek binnen een week.",
            "Werkbureau <vacatures@werkbureau.example>",
        ),
        (
            "Share that you started a new position",
            "Congratulations on your new role! Let your network know you started as Data Engineer at Northwind.",
            "LinkedIn <notifications-noreply@linkedin.example>",
        ),
    ],
)
def test_job_alerts_courses_and_the_readers_own_interviewing_are_noise(
    subject: str, body: str, sender: str
) -> None:
    decision = route([NORTHWIND], mail(body, subject, sender))
    assert decision.bucket == IGNORED


def test_childcare_words_are_noise_unless_a_tracked_job_is_named_with_them() -> None:
    nursery = JobFacts(
        "pankow", "Kitaleitung – Kita Sonnenblume, Pankow", "Kita-Eigenbetrieb Spree-Nord", "applied"
    )
    invite = mail(
        "Sehr geehrte Frau Tavares, für die Leitung der Kita Sonnenblume laden wir Sie zu einem "
        "Vorstellungsgespräch am Montag um 10:30 Uhr ein.",
        "Einladung zum Vorstellungsgespräch",
        "Personalservice <personal@spree-nord-kitas.example>",
    )
    assert route([nursery], invite).relevant
    parent = route([NORTHWIND], invite)
    assert not parent.relevant
    assert parent.reason == "not recruiting mail (finance, housing or study)"


def test_a_vacancy_stopped_before_any_decision_is_closed() -> None:
    job = JobFacts("fh", "Kitaleitung Friedrichshain", "Kinderzeit", "technical_interview")
    decision = route(
        [job],
        mail(
            "Hallo Luíza, die Eröffnung unserer Kita verschiebt sich. Wir haben die Ausschreibung deshalb vorerst "
            "gestoppt und führen keine weiteren Gespräche für diese Stelle.",
            "Update Kitaleitung Friedrichshain",
            "Jana Petersen <jana@kinderzeit.example>",
        ),
    )
    assert decision.stage_target == "closed"


def test_a_russian_job_boards_alert_naming_a_tracked_title_is_noise() -> None:
    job = JobFacts("bz", "Senior Data Scientist, Recommendations", "Bazar", "applied")
    alert = mail(
        "Айгерим, по вашему автопоиску «data scientist, Алматы» найдено 6 новых вакансий:\n\n"
        "Senior Data Scientist, Recommendations — Bazar — от 1 300 000 ₸\nData Scientist — Kvali — от 3 000 USD",
        "Новые вакансии по запросу «data scientist» в Алматы",
        "hh.kz <no-reply@hh.example>",
    )
    assert not route([job], alert).relevant
