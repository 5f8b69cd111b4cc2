"""The stage a mail announces, read from its phrases in each language the router knows."""

from __future__ import annotations

import pytest

from jobops.router import JobFacts, Router, RouterMemory
from jobops.router.stage import GENERIC_ANCHORS, GENERIC_INTERVIEW
from jobops.stages import PENDING_USER
from tests.router.builders import mail, route, route_tracked

PLEO = JobFacts("pleo", "Backend Engineer", "Pleo", "applied")


def zalando_stage(body: str, subject: str = "Backend Engineer (Java)") -> str:
    """The stage the router reads in a mail from the tracked employer Zalando."""
    return route_tracked(mail(body, subject=subject, sender="Zalando <jobs@zalando.de>")).stage_target


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
    decision = route_tracked(mail(body, "Ihre Bewerbung", sender))
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
    decision = route_tracked(mail(body, "Backend Engineer at Stripe", "Stripe <talent@stripe.com>"))
    assert decision.stage_target == stage


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
        (
            "Based on the written test, you have been shortlisted for the personal interview on 19 March at 9:00.",
            "technical_interview",
        ),
        (
            "Good news: you have been shortlisted, and the hiring team will review your file next week.",
            "applied",
        ),
    ],
)
def test_more_stage_phrase_families_are_read(body: str, stage: str) -> None:
    decision = route_tracked(mail(body, "Backend Engineer at Stripe", "Stripe <talent@stripe.com>"))
    assert decision.stage_target == stage


@pytest.mark.parametrize(
    "body",
    [
        "Our head of platform would like an informal 20-minute video chat with you before anything else.",
        "Sam, who runs the team, would love to meet you informally for a coffee next week.",
        "Ce n'est pas un entretien : je vous propose un premier échange informel avec la cheffe de service.",
        "Unsere Teamleiterin lädt Sie zu einem informellen Kennenlernen ein, noch kein formales Interview.",
        "Frau Berg würde Sie gern in einem lockeren Kennenlerngespräch treffen.",
        "Please pick a slot with Dana, the manager; it is not a formal interview, just a conversation.",
    ],
)
def test_an_informal_talk_before_the_formal_process_is_the_team_match(body: str) -> None:
    decision = route_tracked(mail(body, "Backend Engineer at Stripe", "Stripe <talent@stripe.com>"))
    assert decision.stage_target == "hiring_manager_screen"


def test_a_first_formal_interview_still_outranks_an_informal_word() -> None:
    body = "After your informal chat with Dana, we'd like to invite you to a technical interview with two engineers."
    decision = route_tracked(mail(body, "Backend Engineer at Stripe", "Stripe <talent@stripe.com>"))
    assert decision.stage_target == "technical_interview"


def test_a_signature_banner_does_not_set_the_stage() -> None:
    body = (
        "Hi Alex,\n\nThanks for applying! I'd love to set up a short intro call this week.\n\nCheers,\nOlivia\n\n"
        "--\nOlivia Grant | Talent Partner\nWhat to expect at the onsite and offer stages: https://example.org/guide\n"
    )
    decision = route_tracked(mail(body, "Backend Engineer at Stripe", "Olivia <olivia@stripe.com>"))
    assert decision.stage_target == "recruiter_screen"


@pytest.mark.parametrize(
    "body",
    [
        "The next step is a technical phone screen with one of our engineers.",
        "Interview: Technical video screening (60 min) with Lukas.",
    ],
)
def test_a_technical_phone_screen_is_a_technical_interview(body: str) -> None:
    decision = route_tracked(mail(body, "Backend Engineer at Stripe", "Stripe <talent@stripe.com>"))
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
        ("Po dniu próbnym chcemy Cię zaprosić do zespołu! Propozycja: umowa B2B, 60 zł/h.", "offer"),
    ],
)
def test_common_phrases_are_read_in_swedish_portuguese_polish_and_more_french_and_english(
    body: str, stage: str
) -> None:
    decision = route_tracked(mail(body, "Backend Engineer", "Zalando Talent <talent@zalando.de>"))
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, "zalando", stage)


def test_an_offer_conditional_on_checks_is_still_the_offer() -> None:
    job = JobFacts("kauri", "Director, Brand", "Kauri Pay", "onsite")
    offer = mail(
        "Hi Sam, we were thrilled to share the news on the phone! Here is a summary of your offer: base "
        "salary NZD 210,000, start date 1 June. Your offer is conditional on satisfactory pre-employment "
        "checks and references.",
        "Your offer from Kauri Pay 🎉",
        "Mere Tane <mere@kauripay.example>",
    )
    assert Router([job]).route(offer).stage_target == "offer"


def test_an_assessment_platform_thanking_for_the_application_invites_to_its_test() -> None:
    job = JobFacts("alpen", "Study Manager", "Alpenrose Pharma", "applied")
    invite = mail(
        "Herzlichen Dank für Ihre Bewerbung bei Alpenrose Pharma. Bitte beantworten Sie fünf Fragen in "
        "unserem zeitversetzten Video-Interview bis Freitag.",
        "Alpenrose Pharma: Ihr digitales Interview",
        "Alpenrose Pharma <noreply@hirevue.com>",
    )
    assert Router([job]).route(invite).stage_target == "assessment"


def test_a_first_telephone_conversation_in_german_is_a_screen() -> None:
    job = JobFacts("alpen", "Study Manager", "Alpenrose Pharma", "applied")
    invite = mail(
        "Guten Tag Frau Meier, gerne würde ich Sie in einem ersten Telefongespräch von 30 Minuten besser "
        "kennenlernen. Passt Ihnen Dienstag um 10 Uhr?",
        "Ihre Bewerbung als Study Manager",
        "Lea Brunner <lea.brunner@alpenrose.example>",
    )
    assert Router([job]).route(invite).stage_target == "recruiter_screen"


def test_an_offer_listing_occupational_health_care_among_its_benefits_is_still_the_offer() -> None:
    job = JobFacts("lumi", "Game Producer", "Lumikko Games", "onsite")
    offer = mail(
        "Congratulations once more! Here's a written summary of the offer for the Game Producer role: salary "
        "6 400 € / month, start date 1 July. Benefits: occupational health care incl. dental, bike benefit.",
        "Your offer from Lumikko Games 🎉",
        "Sanna <sanna@lumikkogames.com>",
    )
    assert Router([job]).route(offer).stage_target == "offer"


def test_a_written_offer_in_chinese_with_checks_as_its_condition_is_suggested_as_the_offer() -> None:
    job = JobFacts("webank", "反洗钱合规岗", "微众银行", "onsite")
    offer = mail(
        "恭喜您！我们很高兴地通知您：微众银行拟录用您担任【反洗钱合规岗】一职。本录用意向以以下条件为前提：\n"
        "1. 背景调查结果无异常；\n2. 入职体检合格。",
        "恭喜！微众银行录用意向通知",
        "微众银行 <noreply@mokahr.com>",
    )
    decision = Router([job]).route(offer)
    assert (decision.job_id, decision.stage_target) == ("webank", "offer")


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Aanbod: Collectiebeheerder",
            "Beste Sanne, de commissie heeft besloten je de functie van Collectiebeheerder aan te bieden. "
            "Het aanbod is onder voorbehoud van een positieve Verklaring Omtrent het Gedrag (VOG).",
        ),
        (
            "Surat Penawaran Kerja - Collection Manager",
            "Dengan senang hati kami menyampaikan surat penawaran kerja untuk posisi Collection Manager. "
            "Penawaran ini bersyarat pada hasil medical check-up.",
        ),
    ],
)
def test_an_offer_in_dutch_or_indonesian_conditional_on_checks_is_suggested_as_the_offer(
    subject: str, body: str
) -> None:
    job = JobFacts("rijks", "Collection Manager", "Rijksarchief", "onsite")
    decision = Router([job]).route(mail(body, subject, "Rijksarchief HR <hr@rijksarchief.example>"))
    assert (decision.job_id, decision.stage_target) == ("rijks", "offer")


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Offer of Appointment – Programme Officer",
            "Dear Mr. Kim, I am delighted to attach the Offer of Appointment for the position of Programme "
            "Officer. This offer is conditional upon satisfactory completion of the pre-employment medical "
            "examination.",
        ),
        (
            "【職員採用選考】最終合格のお知らせ",
            "選考の結果、あなたは最終合格となりましたのでお知らせします。採用前健康診断は6月に実施予定です。",
        ),
    ],
)
def test_an_appointment_offered_or_a_final_pass_is_suggested_as_the_offer(subject: str, body: str) -> None:
    job = JobFacts("tcs", "Programme Officer", "Trilateral Secretariat", "onsite")
    decision = Router([job]).route(mail(body, subject, "Trilateral Secretariat HR <hr@trilateral.example>"))
    assert (decision.job_id, decision.stage_target) == ("tcs", "offer")


def test_an_invitation_to_a_qualifying_examination_is_the_assessment() -> None:
    body = (
        "After initial screening of your credentials, we are pleased to invite you to take our Nursing Qualifying "
        "Examination on Saturday, 8:00 AM - 11:00 AM, HRD Training Room."
    )
    assert zalando_stage(body, subject="Invitation: Nursing Qualifying Examination") == "assessment"


def test_thanks_for_a_completed_interview_that_asks_for_a_phone_conversation_is_no_sure_no_change() -> None:
    body = (
        "Thank you for completing the digital interview. I'd like to arrange a 30-minute phone conversation to "
        "talk through your experience before we move to interviews with the team."
    )
    assert zalando_stage(body, subject="Next step – call with Talent Acquisition") == "recruiter_screen"


def test_a_background_check_service_quoting_the_conditional_offer_changes_nothing() -> None:
    job = JobFacts("kauri", "Director, Brand", "Kauri Pay", "offer")
    check = mail(
        "Kauri Pay has engaged us to run a background screening as part of your conditional offer of "
        "employment. Please complete your profile within three business days.",
        "Kauri Pay has requested a background check",
        "Screening Team <noreply@sterlingcheck.com>",
    )
    assert Router([job]).route(check).stage_target == "no_change"


@pytest.mark.parametrize(("stage", "expected"), [("offer", "no_change"), ("onsite", "offer")])
def test_an_offer_letter_to_sign_is_the_offer_only_when_none_was_logged(stage: str, expected: str) -> None:
    job = JobFacts("kauri", "Director, Brand", "Kauri Pay", stage)
    envelope = mail(
        "Kauri Pay People Team sent you a document to review and sign. Hi Sam, here is your offer letter for "
        "the Director, Brand role.",
        "Please DocuSign: Kauri Pay - Offer Letter",
        "Kauri Pay People Team via DocuSign <dse@docusign.net>",
    )
    assert Router([job]).route(envelope).stage_target == expected


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        (
            "Thanks for telling us, and congratulations on your new role! I have let the panel know.",
            "withdrawn",
        ),
        (
            "Nous prenons bonne note du retrait de votre candidature et vous souhaitons bonne route.",
            "withdrawn",
        ),
        ("¡Felicidades por tu nuevo puesto! Ya retiré tu candidatura en el sistema.", "withdrawn"),
        ("Gutted, but I understand. I've closed the offer on our side.", "withdrawn"),
        ("After three interviews they decided to offer the role to an internal candidate.", "rejected"),
        ("Vi har valgt at tilbyde stillingen til en anden ansøger.", "rejected"),
        ("Ze hebben besloten de functie in te vullen met een interne kandidaat.", "rejected"),
        ("El equipo decidió avanzar con otra candidata para la posición.", "rejected"),
        ("Depois de muita reflexão, optámos por outra pessoa para a função.", "rejected"),
    ],
)
def test_decisions_told_in_many_languages_are_read(body: str, stage: str) -> None:
    job = JobFacts("kauri", "Director, Brand", "Kauri Pay", "onsite")
    decision = Router([job]).route(mail(body, "Re: Director, Brand", "Mere Tane <mere@kauripay.example>"))
    assert decision.stage_target == stage


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        (
            "Nous avons le plaisir de vous convoquer à un entretien le mardi 4 mars à 14h.",
            "technical_interview",
        ),
        ("Nous aimerions fixer un entretien téléphonique de 20 minutes cette semaine.", "recruiter_screen"),
    ],
)
def test_an_unnamed_interview_is_the_first_formal_one_unless_told_as_a_call(body: str, stage: str) -> None:
    job = JobFacts("kauri", "Directrice marketing", "Kauri Pay", "applied")
    decision = Router([job]).route(
        mail(body, "Kauri Pay – votre candidature", "Kauri Pay <rh@kauripay.example>")
    )
    assert decision.stage_target == stage


def test_thanks_for_applying_followed_by_a_call_offer_is_the_screen() -> None:
    job = JobFacts("kauri", "Director, Brand", "Kauri Pay", "applied")
    note = mail(
        "Hi Sam, thanks for applying for the Director, Brand role! I'd love to jump on a 20 min video call to hear "
        "more about you. Would Tuesday at 9am work for you?",
        "Kauri Pay – Director, Brand",
        "Ana from Kauri Pay <ana@kauripay.example>",
    )
    assert Router([job]).route(note).stage_target == "recruiter_screen"


@pytest.mark.parametrize(
    ("subject", "body", "sender"),
    [
        (
            "Head of Data role in Lisbon",
            "Hi, I came across your profile and think you would be a strong fit for a Head of Data role with "
            "one of our clients, a listed insurer. Would you be open to a 20-minute conversation this week?",
            "Ana Lopes <ana@talentbridge.pt>",
        ),
        (
            "Vertrauliche Anfrage: Leitung Controlling",
            "Guten Tag, Ihr Profil ist mir aufgefallen. Im Auftrag eines Kunden suche ich eine Leitung "
            "Controlling für ein Familienunternehmen in Graz. Wann passt es Ihnen?",
            "Jonas Berger <jb@alpensearch.at>",
        ),
        (
            "Opportunité : Responsable logistique (Lille)",
            "Bonjour, je me permets de vous contacter pour l'un de nos clients, un distributeur régional qui "
            "recrute un responsable logistique. Seriez-vous ouvert à un échange ?",
            "Claire Martin <cmartin@nordtalents.fr>",
        ),
        (
            "【スカウト】物流マネージャー候補",
            "突然のご連絡失礼いたします。ご経歴を拝見し、物流マネージャーのポジションについてご案内したくご連絡しました。",
            "田中 <tanaka@search-partners.jp>",
        ),
    ],
)
def test_an_approach_about_an_untracked_role_suggests_a_screening_call(
    subject: str, body: str, sender: str
) -> None:
    decision = route_tracked(mail(body, subject=subject, sender=sender))
    assert decision.relevant
    assert decision.job_id is None
    assert decision.stage_target == "recruiter_screen"
    assert "an approach about a role" in decision.reason


def test_an_approach_in_a_linked_thread_stays_what_its_step_words_say() -> None:
    memory = RouterMemory(thread_jobs={"t-1": "zalando"})
    message = mail(
        "One of our clients also asked about your notice period. Could you send it over?",
        subject="Re: Backend Engineer (Java)",
        sender="Zalando Recruiting <jobs@zalando.de>",
        thread="t-1",
    )
    decision = route_tracked(message, memory)
    assert decision.job_id == "zalando"
    assert decision.stage_target == "no_change"


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for your patience. After careful review we have decided to continue with applicants whose "
        "background is closer to what the team needs right now. We wish you well.",
        "It was a close call, but the team has decided to progress with a candidate who has deeper payments "
        "experience. I really enjoyed our conversations.",
        "We've decided to offer the role to someone who already works in Berlin.",
        "Thank you for completing the online test. You have not been shortlisted for interview on this occasion.",
        "Gracias por tu tiempo. El proceso continuará con candidatos que viven en Madrid.",
        "Obrigada pela conversa. Optámos por avançar com uma candidata com mais experiência em pagamentos.",
        "Bedankt voor het gesprek. De commissie heeft de voorkeur gegeven aan een kandidaat met meer ervaring.",
        "Nous vous remercions. Le poste a été pourvu.",
        "La commissione ha individuato un candidato con un profilo più vicino alle esigenze del team.",
        "Wir haben die Stelle als Backend Engineer inzwischen besetzt. Alles Gute!",
        "Nach Prüfung aller Unterlagen haben wir uns entschieden, andere Bewerberinnen einzuladen.",
        "Wir haben uns für eine Kandidatin aus dem Team in Hamburg entschieden.",
        "Abbiamo deciso di proseguire con un'altra persona già basata a Milano.",
        "Nous avons choisi de confier le poste à une candidate de notre réseau.",
        "Après étude de votre profil, nous ne sommes pas en mesure d'y donner une suite favorable.",
        "Thank you for interviewing with us. We've filled this position with another candidate.",
        "We wanted to let you know that you are no longer being considered for the position.",
        "It was a close decision, and we have offered the post to a colleague from our own school.",
        "Your application has been updated. Status: Not suitable.",
        "תודה על הזמן שהשקעת. לאחר בחינה, החלטנו להתקדם עם מועמדים אחרים.",
        "Diolch am eich diddordeb. Mae'n ddrwg gennym nad ydych wedi'ch dewis ar gyfer cyfweliad.",
        "Po długiej dyskusji zdecydowaliśmy się kontynuować proces z innym kandydatem.",
    ],
)
def test_a_kind_rejection_that_only_says_who_was_chosen_is_a_rejection(body: str) -> None:
    decision = route_tracked(mail(body, subject="Your application", sender="Zalando <jobs@zalando.de>"))
    assert decision.job_id == "zalando"
    assert decision.stage_target == "rejected"


@pytest.mark.parametrize(
    "body",
    [
        "Great news: we've decided to progress your application to the technical interview.",
        "We have decided to move forward with you and two other finalists to the last round.",
        "Die Stelle ist noch nicht besetzt, wir melden uns nächste Woche mit einem Termin.",
    ],
)
def test_moving_the_candidate_forward_is_no_rejection(body: str) -> None:
    assert zalando_stage(body, subject="Your application") != "rejected"


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Invitation: Backend Engineer (Java)",
            "Lena Vogt has invited you to a meeting. We'd love to invite you to an interview with the team. "
            "When: Tuesday 10:00-11:00. Where: Microsoft Teams. Accept | Tentative | Decline | Propose new time",
        ),
        (
            "Invitation : Entretien panel - Backend Engineer (Java)",
            "Lena Vogt vous a invité(e) à une réunion. Quand : mardi 10:00-11:00. "
            "Accepter | Provisoire | Refuser | Proposer un nouvel horaire",
        ),
    ],
)
def test_a_calendar_invitations_buttons_are_no_reschedule(subject: str, body: str) -> None:
    decision = route_tracked(mail(body, subject=subject, sender="Lena Vogt <lena.vogt@zalando.de>"))
    assert decision.stage_target == "technical_interview"


@pytest.mark.parametrize(
    "body",
    [
        "Gerne laden wir Sie zum Interview mit unserem Head of Engineering ein: Dienstag, 14:00 Uhr.",
        "Wir freuen uns, Sie zu einem Interview mit dem Team einzuladen.",
        "We nodigen je graag uit voor een selectiegesprek op dinsdag om 16:00.",
        "Vi vil gerne invitere dig til et fagligt interview med teamet.",
        "The team would like to bring you in for a team interview with two engineers.",
        "Gracias por completar las pruebas. El siguiente paso es una entrevista por competencias con la directora.",
    ],
)
def test_an_invitation_to_an_unnamed_interview_after_applying_is_the_first_interview(body: str) -> None:
    assert zalando_stage(body) == "technical_interview"


@pytest.mark.parametrize(
    "body",
    [
        "Vielen Dank für Ihre Bewerbung. Gern möchte ich Sie in einem ersten Telefoninterview näher kennenlernen.",
        "Tack för din ansökan! Vi vill gärna träffa dig för en första screeningintervju på 30 minuter.",
        "Merci pour votre candidature. Je souhaiterais organiser un premier échange téléphonique de 30 minutes.",
        "Thanks for applying! Would you have 30 minutes this week for an intro call?",
        "Bedankt voor je sollicitatie. Ik zou graag een kort telefonisch gesprek met je plannen.",
    ],
)
def test_thanks_for_applying_followed_by_a_call_invitation_is_the_screen(body: str) -> None:
    assert zalando_stage(body) == "recruiter_screen"


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        (
            "Thanks for applying! Next step would be a 30-min introductory call with me, then a full loop with "
            "the team. Are you free this week?",
            "recruiter_screen",
        ),
        (
            "Der nächste Schritt ist ein technisches Interview mit dem Team. Wenn das Interview gut läuft, laden "
            "wir dich zu unserem virtuellen Onsite ein.",
            "technical_interview",
        ),
        (
            "Merci pour notre appel! La prochaine étape est une entrevue technique avec l'équipe. Si tout va bien, "
            "la dernière étape serait une rencontre avec notre directrice.",
            "technical_interview",
        ),
    ],
)
def test_a_later_step_told_as_what_follows_is_not_this_mails_step(body: str, stage: str) -> None:
    decision = route_tracked(mail(body, subject="Next steps", sender="Zalando Recruiting <jobs@zalando.de>"))
    assert decision.stage_target == stage


@pytest.mark.parametrize(
    "body",
    [
        "Your application has been successfully submitted. The team will review it shortly.",
        "I wish to acknowledge receipt of your application for the post.",
        "Your application has been reviewed and referred to the hiring manager.",
        "As agreed, I'm putting you forward for the role with my client.",
        "Ihre Unterlagen sind bei uns eingegangen. Wir melden uns.",
        "¡Recibimos tu postulación! Gracias por postularte.",
        "Başvurunu aldık, en kısa sürede inceleyeceğiz.",
        "Dobrý den, Vaši odpověď na inzerát jsme úspěšně odeslali. Přejeme hodně štěstí!",
        "Hallo Anna, Ihre Bewerbung ist unterwegs! Das Unternehmen meldet sich direkt bei Ihnen.",
        "Ihre Bewerbung wurde erfolgreich versendet.",
    ],
)
def test_more_receipts_and_referrals_are_read_as_applied(body: str) -> None:
    assert zalando_stage(body, subject="Your application") == "applied"


def test_an_informal_getting_to_know_you_meeting_with_the_manager_is_the_team_match() -> None:
    body = (
        "Pieter, Head of Engineering, wil je graag leren kennen tijdens een informeel kennismakingsgesprek."
    )
    assert zalando_stage(body) == "hiring_manager_screen"


def test_being_asked_to_an_interview_in_french_is_the_first_interview() -> None:
    body = "Nous avons le plaisir de vous convier à un entretien avec notre directrice marketing jeudi à 10h."
    assert zalando_stage(body) == "technical_interview"


def test_an_offer_read_from_an_e_signature_service_waits_for_review() -> None:
    message = mail(
        "Zalando sent you a document to review and sign. Dear Alex, please review and sign your offer letter.",
        subject="Please DocuSign: Offer Letter",
        sender="Lena Vogt via Docusign <dse@docusign.net>",
    )
    decision = route_tracked(message)
    assert (decision.stage_target, decision.bucket) == ("offer", "pending_user")


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        (
            "On behalf of the search committee, I'm delighted to invite you for an in-person visit as a finalist "
            "for the Assistant Professor position. Day 1 is your job talk; day 2 a chalk talk.",
            "onsite",
        ),
        (
            "The search committee would like to invite you to a first-round video interview over Zoom.",
            "technical_interview",
        ),
        (
            "We'd like to invite you to the next stage, a take-home exercise. If you move forward, you'll "
            "present your analysis at the panel interview.",
            "assessment",
        ),
    ],
    ids=["campus visit", "first-round video interview", "a later step if you move forward"],
)
def test_academic_and_later_steps_are_read_as_this_mails_step(body: str, stage: str) -> None:
    assert zalando_stage(body, subject="Next steps") == stage


@pytest.mark.parametrize(
    "body",
    [
        "The panel has made its decision, and I'm sorry to say we have offered the role to another candidate.",
        "The selection committee met and the post has been offered to, and accepted by, another candidate.",
        "We invited eight candidates to the symposium. I'm sorry to tell you that you are not among them.",
        "The status of your application has changed to: No longer under consideration.",
        "The client decided to go with a candidate who has run a service desk before.",
        "Le informamos que el cargo fue provisto con otra persona.",
        "Vi skal hermed meddele, at din ansøgning ikke er blandt de udvalgte.",
        "Vi vill meddela att du inte är bland de sökande som går vidare i processen.",
        "Die Kommission hat beschlossen, die Position einer anderen Kandidatin anzubieten.",
    ],
)
def test_kind_rejections_that_only_say_who_was_chosen_are_rejections(body: str) -> None:
    assert zalando_stage(body, subject="Your application") == "rejected"


@pytest.mark.parametrize(
    "body",
    [
        "Thanks for letting us know, we've withdrawn you from the process on our side.",
        "Vi har registreret, at du trækker din ansøgning tilbage.",
        "Wir haben die Rücknahme Ihrer Bewerbung vermerkt.",
        "Retirámos a tua candidatura do processo.",
    ],
)
def test_an_employer_confirming_a_withdrawal_is_read_as_withdrawn(body: str) -> None:
    assert zalando_stage(body, subject="Re: your application") == "withdrawn"


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Re: Senior Associate", "Perfect - I'll call you on +65 9000 0000 at 6pm tomorrow. Speak then."),
        ("Re: Next steps", "Great to hear you're interested! Let's have a call tomorrow at 11:00."),
        (
            "Imbitasyon sa Phone Interview",
            "Nais po namin kayong imbitahan sa isang phone interview sa Biyernes.",
        ),
        (
            "Confirmed: Support Lead Intro",
            "A new event has been scheduled.\n\nEvent Type:\nSupport Lead Intro (30 min)",
        ),
    ],
    ids=["call booked", "let's have a call", "Tagalog phone interview", "scheduled intro"],
)
def test_a_call_booked_early_on_is_a_guessed_screen(subject: str, body: str) -> None:
    decision = route_tracked(mail(body, subject=subject, sender="Zalando <jobs@zalando.de>"))
    assert decision.stage_target == "recruiter_screen"
    assert "stage guessed" in decision.reason


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Confirmed: First-round interview",
            "A new event has been scheduled.\n\nEvent Type:\nFirst-round interview",
        ),
        (
            "SMS: Interview schedule",
            "Hi ANA, ur OPERATIONS INTERVIEW is confirmed on THU 02/19 2:00PM. Reply YES.",
        ),
        (
            "Re: next steps",
            "They would like you to meet Elaine, Head of Legal, for a first interview on Thursday.",
        ),
        (
            "[셀노믹스] 면접 일정 확정",
            "1차 실무면접 일정이 확정되었습니다. 일정 변경이 필요하신 경우 채용팀에 연락 주세요.",
        ),
    ],
    ids=[
        "scheduled interview",
        "texted confirmation",
        "agency relays a first interview",
        "Korean confirmation",
    ],
)
def test_a_confirmed_interview_is_the_step_it_books(subject: str, body: str) -> None:
    assert zalando_stage(body, subject=subject) == "technical_interview"


def test_an_exit_interview_at_the_current_employer_is_noise() -> None:
    decision = route_tracked(
        mail(
            "Hi Ana, your exit interview is scheduled for Friday at 3pm with People Partner Ola.",
            subject="Exit interview",
            sender="HR <hr@currentemployer.example>",
        )
    )
    assert not decision.relevant


@pytest.mark.parametrize(
    "body",
    [
        "We are pleased to invite you to the next stage, which is a timed drafting exercise on Monday.",
        "We'd like to invite you to the next step: a short written exercise. You'll find two attachments.",
        "TP Philippines has requested that you complete the Versant English placement test as part of your application.",
        "Te ha invitado a presentar las siguientes pruebas: prueba de valores y motivaciones (15 min).",
        "We are pleased to invite you to book your tests for the above competition.",
        "Come primo passo le proponiamo una prova di traduzione retribuita di circa 1.500 parole.",
        "Northwind has invited you to complete an on-demand video interview: 5 questions, recorded on your schedule.",
        "Como siguiente paso, te pedimos contestar unas evaluaciones psicométricas en línea.",
        "Σας ενημερώνουμε ότι προχωράτε στο επόμενο στάδιο, που είναι μια γραπτή δοκιμασία.",
    ],
)
def test_written_and_language_tests_are_assessments(body: str) -> None:
    assert zalando_stage(body, subject="Next step") == "assessment"


def test_a_step_promised_if_the_application_fits_is_not_this_mails_step() -> None:
    body = (
        "Thank you for applying to the Program Coordinator role. We've received your application. If your "
        "experience is a good fit, we'll reach out to set up a short call."
    )
    assert zalando_stage(body, subject="Your application") == "applied"


def test_a_rejection_after_the_search_is_completed_is_not_an_aside() -> None:
    body = (
        "Thank you for your written exercise. We have now completed the search and offered the Program Officer "
        "position to a candidate who knows our grantees."
    )
    assert zalando_stage(body, subject="Program Officer search") == "rejected"


@pytest.mark.parametrize(
    "body",
    [
        "While the review is completed, the recruitment for the role of Data Engineer (DE-114) has been put on hold.",
        "We've made the hard decision to put the Data Engineer hiring on hold indefinitely.",
        "Our leadership team has decided not to fill the Data Engineer position at this time.",
        "Aufgrund einer Neuausrichtung wird die Ausschreibung in ihrer jetzigen Form zurückgezogen.",
        "Dahil sa volume reduction, kinansela muna ang requisition para sa Team Leader position.",
        "Unser Kunde hat die Logistik neu vergeben, die Stelle entfällt daher leider.",
    ],
)
def test_a_vacancy_frozen_or_withdrawn_before_a_decision_is_closed(body: str) -> None:
    assert zalando_stage(body, subject="An update on the role") == "closed"


def test_a_competition_closed_without_appointments_is_closed() -> None:
    body = (
        "Funding for the posts has not been approved. As a result, we are unable to fill the Advisor, Mathematics "
        "posts from this competition, and the competition has been closed without appointments."
    )
    assert zalando_stage(body, subject="Update on competition") == "closed"


@pytest.mark.parametrize(
    "body",
    [
        "Top, dan bel ik je donderdag om 11.00 uur. Je krijgt nog een agenda-uitnodiging.",
        "Perfecto, te llamo mañana jueves a las 15:30. ¡Hablamos!",
        "C'est noté, je vous appelle demain jeudi à 10h.",
        "Dienstag, 17. März, 12:30 Uhr passt mir sehr gut - ich rufe Sie auf Ihrer Nummer an.",
        "Dein Termin ist eingeplant. Veranstaltungstyp: Erstgespräch (30 Min.)",
        "Guten Morgen, prima, dann rufe ich Sie am Donnerstag um 10 Uhr an.",
        "Dobrý den, výborně, zavolám Vám v pondělí v 17:30.",
        "Szeretnénk Önnel egy rövid telefonos beszélgetést folytatni a pozícióról.",
        "Tu reunión está confirmada. Llamada introductoria – Localization Project Manager.",
    ],
    ids=[
        "Dutch",
        "Spanish",
        "French",
        "German call",
        "German first conversation",
        "German call, inverted",
        "Czech",
        "Hungarian",
        "Spanish introductory call",
    ],
)
def test_a_call_booked_in_other_languages_is_a_guessed_screen(body: str) -> None:
    decision = route_tracked(mail(body, subject="Re: Ihre Bewerbung", sender="Zalando <jobs@zalando.de>"))
    assert decision.stage_target == "recruiter_screen"


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        ("Děkujeme za Váš zájem o pozici. Váš životopis jsme obdrželi.", "applied"),
        ("Vaša žiadosť o zamestnanie bola úspešne odoslaná.", "applied"),
        ("Jelentkezésedet sikeresen elküldtük a munkáltatónak.", "applied"),
        ("Twoja aplikacja na stanowisko Kierownik Zmiany została wysłana.", "applied"),
        ("Wie besprochen habe ich Ihr Profil heute unserem Kunden vorgestellt.", "applied"),
        (
            "Dopo aver valutato tutte le prove, abbiamo deciso di proseguire con un candidato più esperto.",
            "rejected",
        ),
        ("Ti informiamo che il tuo profilo non è stato individuato per la posizione.", "rejected"),
        ("Po zvážení všetkých kandidátov sme sa rozhodli pre uchádzača, ktorý pozná náš systém.", "rejected"),
        (
            "Wir müssen Ihnen mitteilen, dass wir die Position mit einer anderen Bewerberin besetzt haben.",
            "rejected",
        ),
        ("Úgy döntöttünk, hogy a pozíciót olyan jelölttel töltjük be, aki azonnal kezdhet.", "rejected"),
        ("The team has decided to extend the Mid-Market offer to another candidate.", "rejected"),
        ("Depois de muita conversa, o time decidiu seguir com outra pessoa candidata.", "rejected"),
        ("Vaše rozhodnutí chápeme a respektujeme. Nabídku tímto považujeme za uzavřenou.", "withdrawn"),
        ("Megértjük a döntését. A jelentkezését lezártuk.", "withdrawn"),
    ],
)
def test_central_european_and_romance_receipts_and_decisions_are_read(body: str, stage: str) -> None:
    assert zalando_stage(body, subject="Ihre Bewerbung") == stage


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        (
            "We are pleased to invite you to a written assessment, the next step of the selection. The written "
            "assessment is a tool to shortlist candidates for a competency-based interview.",
            "assessment",
        ),
        (
            "Please complete the online assessment by Friday. Successful candidates will then be invited to a "
            "panel interview in March.",
            "assessment",
        ),
        (
            "Congratulations, you have been selected for a competency-based interview next week.",
            "technical_interview",
        ),
    ],
)
def test_the_step_shortlisted_candidates_go_on_to_is_not_this_mails_news(body: str, stage: str) -> None:
    assert zalando_stage(body) == stage


@pytest.mark.parametrize(
    "body",
    [
        "After a lot of thought, we have offered the Family Support Worker role to a practitioner from the local "
        "community.",
        "I'm sorry to let you know that the panel has recommended other candidates for the positions in this intake.",
        "As you do not hold work rights, we're unable to progress your application further.",
        "Your application will therefore not be taken further in this procedure.",
        "Your mark was above the pass mark, and you will therefore not be invited to the interview stage.",
        "Having considered your test and interview, the Committee did not include your name in the list of "
        "suitable candidates.",
        "The client has decided to fill the role internally, so they won't be moving ahead with external profiles.",
        "Le statut de ta candidature a changé. Statut : Non retenue.",
        "Notre client a finalement décidé de pourvoir le poste en interne.",
        "Dosarul dumneavoastră a fost declarat RESPINS.",
        "نأسف لإخبارك بأنه لم يتم اختيار ملفك للمرحلة المقبلة.",
    ],
)
def test_rejections_that_say_who_was_chosen_or_what_the_panel_decided_are_read(body: str) -> None:
    assert zalando_stage(body) == "rejected"


@pytest.mark.parametrize(
    "body",
    [
        "Nous vous remercions pour l'intérêt porté à notre entreprise. Votre dossier a bien été enregistré.",
        "This is to confirm that your application has been registered in our e-recruitment system.",
        "Your application for the following position has been successfully sent to the employer.",
        "Just to let you know we have your application and I've passed it on to the team.",
        "Hemos registrado satisfactoriamente su postulación a la convocatoria.",
        "Vă confirmăm primirea dosarului dumneavoastră de înscriere la concurs.",
        "We have received your application. Candidates selected for employment will be required to complete a "
        "pre-employment drug and alcohol test.",
    ],
)
def test_more_receipts_of_an_application_are_read(body: str) -> None:
    assert zalando_stage(body) == "applied"


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for letting us know. I have noted your withdrawal from the competition and cancelled your slot.",
        "Status: Offer declined. Thank you for your interest in working with us.",
        "Thanks so much for letting me know, and congratulations! Best of luck with the new role.",
        "Dziękujemy za informację i serdecznie gratulujemy nowej pracy! Zamykamy Pani udział w procesie.",
        "Am luat act de renunțarea dumneavoastră la post.",
    ],
)
def test_an_employer_confirming_the_candidates_withdrawal_is_read(body: str) -> None:
    assert zalando_stage(body) == "withdrawn"


def test_a_short_call_asked_for_after_later_steps_is_no_step_and_before_them_a_screen() -> None:
    body = "Hi Sam, do you have 15 minutes tomorrow morning for a quick call? Would 10:00 work?"
    later = Router([JobFacts("pleo", "Backend Engineer", "Pleo", "onsite")]).route(
        mail(body, "Quick call tomorrow?", "Ana <ana@pleo.io>")
    )
    early = Router([PLEO]).route(mail(body, "Quick call tomorrow?", "Ana <ana@pleo.io>"))
    assert (later.stage_target, later.bucket) == ("no_change", "pending_user")
    assert "a call asked for after later steps" in later.reason
    assert early.stage_target == "recruiter_screen"


@pytest.mark.parametrize(
    "phrase",
    [
        "we would like to invite you to an interview",
        "we'd love to meet you next week",
        "your panel interview is confirmed for monday",
        "event type: 30 minute intro",
        "i have you confirmed for tuesday",
        "einladung zum gesprach",
        "nodigen je graag uit voor een gesprek",
        "vil gerne invitere dig til en samtale",
        "i'll call you on friday",
        "let's speak tomorrow",
        "te llamo manana",
        "je vous appellerai demain",
        "te ligo amanha",
        "la chiamo domani",
        "ik bel je morgen",
        "zavolam vam zitra",
        "ich rufe sie morgen an",
        "zapraszamy na rozmowe rekrutacyjna",
        "imbitahan ka sa isang interview",
    ],
)
def test_every_generic_interview_phrase_holds_one_of_the_cheap_anchor_words(phrase: str) -> None:
    assert GENERIC_INTERVIEW.search(phrase)
    assert any(anchor in phrase for anchor in GENERIC_ANCHORS)


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        ("Perfect, noted for Thursday at 11:00. I'll call you on your mobile.", "recruiter_screen"),
        ("Parfait, c'est noté pour jeudi à 11h, je vous appellerai sur votre portable.", "recruiter_screen"),
        (
            "Thanks again for the call on Monday. We would like to invite you to an interview with the team lead "
            "next week.",
            "technical_interview",
        ),
        (
            "Thank you again for the pleasant call in January, our chef would now like to meet you for an "
            "interview by video call on Friday.",
            "technical_interview",
        ),
    ],
)
def test_a_call_booked_once_the_screen_is_logged_is_that_screen_and_a_past_call_does_not_make_one(
    body: str, stage: str
) -> None:
    job = JobFacts("kauri", "Director, Brand", "Kauri Pay", "recruiter_screen")
    memory = RouterMemory(thread_jobs={"t1": "kauri"})
    decision = Router([job]).route(
        mail(body, "RE: Director, Brand", "Ana <ana@kauripay.example>", thread="t1"), memory
    )
    assert decision.stage_target == stage


def test_a_reply_under_an_interview_invitations_subject_that_names_no_step_changes_nothing() -> None:
    job = JobFacts("kauri", "Teacher of Mathematics", "Kauri College", "applied")
    memory = RouterMemory(thread_jobs={"t1": "kauri"})
    note = mail(
        "Hi Sam, remote is fine. The Teams link will be sent the day before. Aoife",
        "RE: Interview invitation – Teacher of Mathematics",
        "Aoife <aoife@kauricollege.example>",
        thread="t1",
    )
    assert Router([job]).route(note, memory).stage_target == "no_change"


def test_an_employer_taking_note_of_a_withdrawal_in_french_confirms_it() -> None:
    job = JobFacts("jorat", "Brand Manager", "Laiterie du Jorat", "technical_interview")
    note = mail(
        "Bonjour Madame, Merci de nous avoir prévenus. Nous prenons note de votre retrait et vous souhaitons "
        "plein succès.",
        "RE: Entretien – Brand Manager",
        "RH <rh@jorat.example>",
    )
    assert Router([job]).route(note).stage_target == "withdrawn"


@pytest.mark.parametrize(
    ("subject", "body", "stage"),
    [
        (
            "RE: Offer of Employment - Programme Manager",
            "Dear Sam, thank you for your questions. The housing allowance is as stated in the offer letter, and "
            "we can add a relocation grant.",
            "no_change",
        ),
        (
            "Conditional Offer of Employment - Programme Manager",
            "Dear Sam, further to your conversation with Kyle, we are pleased to offer you the position of "
            "Programme Manager.",
            "offer",
        ),
    ],
)
def test_once_the_offer_is_logged_a_reply_about_its_terms_changes_nothing_but_a_written_offer_is_one(
    subject: str, body: str, stage: str
) -> None:
    job = JobFacts("kauri", "Programme Manager", "Kauri Pay", "offer")
    decision = Router([job]).route(mail(body, subject, "HR <hr@kauripay.example>"))
    assert decision.stage_target == stage


@pytest.mark.parametrize(
    ("subject", "stage"),
    [
        ("Interview – Mental Health Social Worker (CCHV-26-0917) – Sam Doyle", "technical_interview"),
        ("Teams link – interview tomorrow 10:40 – Mental Health Social Worker", "no_change"),
    ],
)
def test_a_meeting_named_after_an_interview_is_one_unless_it_is_about_one_already_booked(
    subject: str, stage: str
) -> None:
    job = JobFacts("hutt", "Mental Health Social Worker", "Kauri Health", "applied")
    invite = mail(
        "Jess Thompson has invited you to a Microsoft Teams meeting. Friday 20 March 2026 8:00 a.m. – 9:00 a.m. "
        "Panel: Kiri Matthews; Nadia Farah.",
        subject,
        "Jess Thompson <jess.thompson@kaurihealth.example>",
    )
    assert Router([job]).route(invite).stage_target == stage


def test_a_reply_in_a_linked_thread_naming_the_step_already_logged_is_guessed_no_change() -> None:
    job = JobFacts("suncor", "Electrical Engineer", "Suncor Energy", "onsite")
    memory = RouterMemory(thread_jobs={"t1": "suncor"})
    note = mail(
        "Hi Sam, for the final interview on Thursday please bring safety boots; we will tour the plant after lunch.",
        "RE: Suncor - Final interview & site visit",
        "Kyle <kyle@suncor.example>",
        thread="t1",
    )
    decision = Router([job]).route(note, memory)
    assert (decision.stage_target, decision.bucket) == ("no_change", "pending_user")
    assert "the step already logged" in decision.reason


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for your application for the Electrical Engineer role. I'm the recruiter for Ontario and would "
        "like to set up a 30-minute Teams call to walk through the role.",
        "Vielen Dank für Ihre Bewerbung. Gerne würde ich Sie in einem ersten telefonischen Gespräch näher "
        "kennenlernen.",
    ],
)
def test_thanks_for_applying_and_a_call_asked_for_is_the_screen(body: str) -> None:
    assert zalando_stage(body, subject="Your application") == "recruiter_screen"


def test_an_offer_waiting_for_review_counts_as_in_when_a_reply_talks_about_its_terms() -> None:
    job = JobFacts("kauri", "Programme Manager", "Kauri Pay", "onsite", waiting_stage="offer")
    reply = mail(
        "Dear Sam, thank you for your questions. The housing allowance is as stated in the offer letter, and we "
        "can add a relocation grant.",
        "RE: Offer of Employment - Programme Manager",
        "HR <hr@kauripay.example>",
    )
    assert Router([job]).route(reply).stage_target == "no_change"


def test_a_change_to_the_interview_panel_with_the_time_unchanged_changes_nothing() -> None:
    body = (
        "Please note a change to the interview panel for Backend Engineer (Java). Mr Holt will chair the panel in "
        "place of Dr Marsh. The date, time and Teams link are unchanged."
    )
    assert zalando_stage(body, subject="Interview arrangements updated") == "no_change"


def test_tips_headed_kind_reminder_in_a_chinese_assessment_invitation_leave_it_the_assessment() -> None:
    body = (
        "您好！您应聘的【后端工程师】已通过简历初筛，现邀请您完成在线测评：\n测评内容：职业性格测评。\n"
        "温馨提示：\n1. 建议使用电脑端 Chrome 浏览器；\n2. 测评开始后请勿切换页面。"
    )
    assert zalando_stage(body, subject="【Zalando】在线测评邀请") == "assessment"


def test_a_booked_final_panel_that_promises_a_reminder_later_is_the_final_round() -> None:
    body = (
        "Olá, Luciana! Sua entrevista foi agendada com sucesso. Etapa: Painel final. Data: quarta-feira, 25 de "
        "março. Você receberá um lembrete um dia antes. Boa sorte!"
    )
    assert zalando_stage(body, subject="Entrevista agendada: Painel final – Zalando") == "onsite"


def test_a_written_offer_in_portuguese_with_checks_as_its_condition_is_the_offer() -> None:
    job = JobFacts("bv", "Nutricionista Clínica", "Beneficência Vergueiro", "onsite")
    offer = mail(
        "Olá, Mariana! É com muita satisfação que formalizamos a proposta para a posição de Nutricionista "
        "Clínica. Salário-base: R$ 7.800,00. A contratação está condicionada à conclusão das etapas admissionais: "
        "certidão de antecedentes criminais e exame médico admissional.",
        "Proposta de contratação – Nutricionista Clínica 💚",
        "Juliana <juliana@beneficenciavergueiro.org.br>",
    )
    assert Router([job]).route(offer).stage_target == "offer"


def test_recruitment_paused_for_every_position_closes_the_job() -> None:
    body = (
        "The donor has informed us that the programme's approval is postponed to the next financial year. As a "
        "result, we have had to pause recruitment for all programme positions, including this one."
    )
    assert zalando_stage(body, subject="Recruitment update") == "closed"


def test_an_acknowledgement_that_says_the_application_is_being_reviewed_is_still_the_acknowledgement() -> (
    None
):
    body = (
        "Thanks for applying for the Backend Engineer position! We've received your application. Our process "
        "can take a few weeks; if you haven't heard from us, we are still reviewing applications."
    )
    decision = route_tracked(mail(body, "Thank you for applying to Stripe", "Stripe <talent@stripe.com>"))
    assert decision.stage_target == "applied"


def test_an_interview_invitation_after_thanks_for_your_patience_is_the_invitation() -> None:
    body = (
        "Thank you for your patience. We are pleased to tell you that you passed the sift and we would like to "
        "invite you to interview. Please book an interview slot in your account."
    )
    decision = route(
        [JobFacts("zalando", "Backend Engineer (Java)", "Zalando SE", "applied")],
        mail(body, "Sift outcome: Backend Engineer (Java)", "Zalando SE <jobs@zalando.de>"),
    )
    assert decision.stage_target == "technical_interview"


def test_a_later_note_that_applications_are_still_under_review_changes_nothing() -> None:
    body = "Thanks for applying. A quick update: your application is still under review, thanks for your patience."
    decision = route_tracked(mail(body, "An update on your application", "Stripe <talent@stripe.com>"))
    assert decision.stage_target == "no_change"


@pytest.mark.parametrize(
    ("subject", "body", "stage"),
    [
        (
            "Uitnodiging schrijfopdracht – Data Engineer",
            "Beste Ana, we nodigen je graag uit voor de volgende stap: een schrijfopdracht die je thuis maakt. "
            "Op basis daarvan nodigen we kandidaten uit voor een eerste gesprek.",
            "assessment",
        ),
        (
            "Påmindelse: Gennemfør din online test",
            "Kære Ana, husk at gennemføre din online test inden fredag.",
            "no_change",
        ),
    ],
)
def test_a_written_task_and_a_danish_reminder_are_read(subject: str, body: str, stage: str) -> None:
    job = JobFacts(
        "nw", "Data Engineer", "Northwind", "technical_interview" if stage == "no_change" else "applied"
    )
    decision = Router([job]).route(mail(body, subject, "Northwind Talent <talent@northwind.example>"))
    assert (decision.job_id, decision.stage_target) == ("nw", stage)


def test_a_posting_closed_with_the_process_is_never_logged_as_a_rejection_by_itself() -> None:
    job = JobFacts("nw", "Data Engineer", "Northwind", "applied")
    closing = mail(
        "Hola Ana, la oferta de Data Engineer (Madrid, híbrido) a la que te presentaste ha sido cerrada y no "
        "continuaremos con el proceso de selección.",
        "Actualización sobre la oferta Data Engineer",
        "Northwind Talent <talent@northwind.example>",
    )
    decision = Router([job]).route(closing)
    assert decision.bucket == PENDING_USER
    assert "names more than one decision (closed, rejected)" in decision.reason


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        (
            "Data Engineer\nBerlin, Germany · On-site\n\nThe hiring team at Northwind viewed your application.",
            "no_change",
        ),
        (
            "Role: Data Engineer (on-site / hybrid), Berlin. Thanks for applying, we have received your application.",
            "applied",
        ),
        ("We'd love to invite you to an on-site interview at our Berlin office next Thursday.", "onsite"),
    ],
)
def test_on_site_as_the_jobs_workplace_is_no_final_round(body: str, stage: str) -> None:
    job = JobFacts("nw", "Data Engineer", "Northwind", "applied")
    decision = Router([job]).route(
        mail(body, "Data Engineer at Northwind", "Northwind Talent <talent@northwind.example>")
    )
    assert (decision.job_id, decision.stage_target) == ("nw", stage)


@pytest.mark.parametrize(
    "body",
    [
        "Congratulations! Based on your online assessment, we are pleased to invite you to a panel interview on 3 May.",
        "Selamat! Berdasarkan hasil Online Test, Bapak dinyatakan lolos ke tahap berikutnya, yaitu Interview User.",
    ],
)
def test_a_step_named_as_the_basis_of_an_invitation_is_not_its_news(body: str) -> None:
    job = JobFacts("nw", "Data Engineer", "Northwind", "applied")
    decision = Router([job]).route(
        mail(body, "Data Engineer – next step", "Northwind Talent <talent@northwind.example>")
    )
    assert (decision.job_id, decision.stage_target) == ("nw", "technical_interview")


def test_a_portals_instruction_to_withdraw_is_no_withdrawal() -> None:
    job = JobFacts("nw", "Data Engineer", "Northwind", None)
    acknowledgement = mail(
        "Thank you for applying for the Data Engineer role. We have received your application. To review or "
        "withdraw your application, visit Candidate Home.",
        "Application received – Data Engineer",
        "Northwind Talent <talent@northwind.example>",
    )
    assert Router([job]).route(acknowledgement).stage_target == "applied"


VESI = [JobFacts("vesi-eng", "Process Engineer", "Vesilaitos Oy", "applied")]


@pytest.mark.parametrize(
    "subject",
    [
        "Haastattelu: Process Engineer, Vesilaitos Oy",
        "Rozmowa kwalifikacyjna – Process Engineer",
        "면접 안내 - Process Engineer",
        "Συνέντευξη για τη θέση Process Engineer",
    ],
)
def test_a_fresh_subject_naming_an_interview_in_other_languages_suggests_the_first_interview(
    subject: str,
) -> None:
    decision = route(
        VESI,
        mail("Time: Tuesday 12 May, 10:00, on Teams.\n\nVesilaitos Oy", subject, "HR <hr@vesilaitos.fi>"),
    )
    assert (decision.job_id, decision.stage_target) == ("vesi-eng", "technical_interview")


@pytest.mark.parametrize(
    "subject",
    ["Thank you for your interview", "Haastattelun tulokset", "면접 결과 안내", "Feedback on your interview"],
)
def test_a_subject_looking_back_on_an_interview_is_no_new_step(subject: str) -> None:
    decision = route(
        VESI, mail("Time: Tuesday 12 May, 10:00.\n\nVesilaitos Oy", subject, "HR <hr@vesilaitos.fi>")
    )
    assert decision.stage_target != "technical_interview"


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        ("Your Virtual Assessment Centre is confirmed for Wednesday 4 March, 09:00 to 13:00.", "onsite"),
        ("Thank you for booking your Assessment Centre on Tuesday in Birmingham.", "onsite"),
        ("I'm sorry to let you know that you haven't been successful on this occasion.", "rejected"),
        (
            "We are writing to confirm that your application was not successful following the Superday.",
            "rejected",
        ),
        (
            "I'm really sorry to say that we won't be offering you a place on the scheme this year.",
            "rejected",
        ),
        (
            "Your application has been submitted successfully. If you have not heard from us within 4 weeks of the "
            "closing date, please assume that on this occasion you have not been successful.",
            "applied",
        ),
    ],
)
def test_graduate_scheme_wordings_for_the_assessment_centre_and_an_unsuccessful_application(
    body: str, stage: str
) -> None:
    assert zalando_stage(body, subject="Graduate Programme") == stage


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        ("Wir laden Sie daher zu einem Hearing vor der Aufnahmekommission ein.", "technical_interview"),
        ("Wir möchten Sie gerne zu einem bezahlten Probe-Halbtag in der Wohngruppe einladen.", "onsite"),
        ("Der Träger hat eine Nachbesetzungssperre für alle Planstellen verfügt.", "closed"),
        ("Wir bestätigen den Eingang Ihrer Absage und nehmen Ihre Entscheidung zur Kenntnis.", "withdrawn"),
        (
            "Frau Brunnhuber schlägt ein informelles Kennenlerngespräch vor. Das ist noch kein offizielles "
            "Vorstellungsgespräch.",
            "hiring_manager_screen",
        ),
    ],
)
def test_german_public_service_and_welfare_wordings_name_their_step(body: str, stage: str) -> None:
    assert zalando_stage(body, subject="Ihre Bewerbung") == stage


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        (
            "Thank you for applying. After reviewing your application, we will not be moving forward with your "
            "candidacy for this role.",
            "rejected",
        ),
        ("After your interview with the team, the feedback was shared with the hiring manager.", "no_change"),
    ],
)
def test_a_decision_in_the_sentences_own_clause_after_a_reference_is_news(body: str, stage: str) -> None:
    assert zalando_stage(body, subject="Your application") == stage


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        (
            "Die Auswahlkommission lädt Sie zu unserem Assessment Center ein. Wir bitten um verbindliche Zu- oder "
            "Absage bis zum 15.04.2026.",
            "onsite",
        ),
        (
            "Sie haben alle überzeugt, und wir möchten Ihnen sehr gerne einen Platz in unserem Traineeprogramm ab "
            "1. Oktober 2026 anbieten!",
            "offer",
        ),
        (
            "Wie besprochen freue ich mich, Ihnen im Namen von Gebr. Wendelstein ein Angebot für die Position "
            "Trainee Vertrieb zu übermitteln.",
            "offer",
        ),
        (
            "Carina Wimmer, Ihre spätere Patin, möchte Sie gerne ganz unverbindlich kennenlernen – bei einem Kaffee.",
            "hiring_manager_screen",
        ),
    ],
)
def test_german_trainee_programme_wordings_name_their_step(body: str, stage: str) -> None:
    assert zalando_stage(body, subject="Ihre Bewerbung") == stage
