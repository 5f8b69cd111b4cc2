"""Who writes decides how much a mail counts: regional job boards, vendors, chat relays and staffing agencies.
The mails are written for these tests."""

from __future__ import annotations

from jobops.router import JobFacts, Router
from jobops.router.senders import BACKGROUND, JOB_BOARD, SCHEDULING, SIGNATURE, sender_kind
from jobops.stages import AUTO_LINKED
from tests.router.builders import mail, route

MIRADOR = JobFacts("mir", "Jefe/a de Recepción", "Hotel Mirador", "recruiter_screen")


def test_regional_job_boards_vendors_and_relays_are_known_by_their_domains() -> None:
    assert sender_kind("topcv.vn") == JOB_BOARD
    assert sender_kind("mail.jobthai.com") == JOB_BOARD
    assert sender_kind("backcheck.jp") == BACKGROUND
    assert sender_kind("modusign.co.kr") == SIGNATURE
    assert sender_kind("work.weixin.qq.com") == SCHEDULING


def test_a_job_boards_status_update_about_an_application_is_relevant() -> None:
    message = mail(
        "Hola Lucía, la empresa Hotel Mirador vio tu hoja de vida para la oferta Jefe/a de Recepción. "
        "Sigue el estado de tu postulación en la app.",
        "Tu hoja de vida fue vista por Hotel Mirador",
        "Empleos Andes <notificaciones@computrabajo.com>",
    )
    decision = route([MIRADOR], message)
    assert decision.relevant
    assert decision.stage_target == "no_change"


def test_a_staffing_agency_approach_about_a_client_role_is_relevant() -> None:
    message = mail(
        "Buongiorno Lucia, ho trovato il tuo CV e cerco per un nostro cliente un responsabile di magazzino. "
        "Ti andrebbe di sentirci?",
        "Opportunità: responsabile magazzino",
        "Marco Neri – Randstad <marco.neri@randstad.it>",
    )
    assert route([MIRADOR], message).relevant


def test_a_chat_relay_does_not_stand_for_the_employer_it_relays() -> None:
    job = JobFacts("wx", "Finance Analyst", "Weixin Trading", "applied")
    message = mail(
        "You have an unread message from Chen (Lotus Talent): would you have 15 minutes this week for a call "
        "about a finance role?",
        "[WeCom] new message",
        "WeCom <noreply@work.weixin.qq.com>",
    )
    assert route([job], message).job_id is None


def test_the_outcome_of_a_final_interview_is_not_logged_as_that_interview() -> None:
    job = JobFacts("mir", "Jefe/a de Recepción", "Hotel Mirador", "onsite")
    message = mail(
        "Ciao Lucia, grazie per essere venuta martedì. Dopo una valutazione difficile, la scelta è ricaduta "
        "su un candidato con più esperienza nel brand.",
        "Esito colloquio finale – Hotel Mirador",
        "Giulia Ferri <giulia.ferri@hotelmirador.example>",
    )
    decision = route([job], message)
    assert decision.stage_target == "rejected"


def test_a_bare_request_for_a_call_later_in_the_process_is_not_logged_as_a_screen() -> None:
    job = JobFacts("mir", "Jefe/a de Recepción", "Hotel Mirador", "onsite")
    message = mail(
        "Hola Lucía: ¿tienes 15 minutos mañana para una llamada? Queremos comentarte algo. Un saludo, Bea",
        "¿Hablamos mañana?",
        "Bea Ruiz <bea.ruiz@hotelmirador.example>",
    )
    decision = route([job], message)
    assert not (decision.bucket == AUTO_LINKED and decision.stage_target == "recruiter_screen")


def test_a_call_with_a_selection_analyst_is_a_recruiter_screen() -> None:
    job = JobFacts("mir", "Jefe/a de Recepción", "Hotel Mirador", "applied")
    message = mail(
        "Hola Lucía, tu hoja de vida fue preseleccionada. El siguiente paso es una llamada con Pablo Gil, "
        "analista de selección, de 20 minutos.",
        "Tu proceso en Hotel Mirador",
        "Hotel Mirador <seleccion@hotelmirador.example>",
    )
    assert route([job], message).stage_target == "recruiter_screen"


def test_a_calendar_invitation_organised_at_a_tracked_employer_is_about_that_job() -> None:
    job = JobFacts("tidal", "Head of Growth Marketing", "Tidal Foods", "recruiter_screen")
    invite = mail(
        "You have been invited to the following event.\n\nMeet the team - Sam Rivera\nWhen: Tue 3 Mar 2026 "
        "14:00 - 15:00\nWho:\n* priya.shah@tidalfoods.example - organiser\n* sam.rivera@fastmail.example",
        "Invitation: Meet the team - Sam Rivera @ Tue 3 Mar 2026 14:00",
        "Google Calendar <calendar-notification@google.com>",
    )
    decision = Router([job]).route(invite)
    assert (decision.relevant, decision.job_id) == (True, "tidal")
    assert "the invitation names priya.shah@tidalfoods.example at Tidal Foods" in decision.reason
