"""Steps and decisions told in Malagasy and Sorani Kurdish, with more Ukrainian, Czech, Arabic, Turkish, French and
Spanish wording, and the candidate's own applications and withdrawals in them. The mails are written for these
tests."""

from __future__ import annotations

import pytest

from jobops.router import JobFacts
from jobops.router.own_mail import applies, withdraws
from jobops.router.senders import ASSESSMENT, sender_kind
from jobops.router.text import fold
from jobops.stages import AUTO_LINKED
from tests.router.builders import route_language, searched_words

JOBS = {
    "mg": JobFacts("mg", "Mpitahiry vola", "Vatolampy Trano SA", "applied"),
    "ckb": JobFacts("ckb", "Site Engineer", "Zozik Construction", "applied"),
    "uk": JobFacts("uk", "Data Engineer", "Lvivska Logistyka", "applied"),
    "cs": JobFacts("cs", "Datový inženýr", "Vltava Pojišťovna", "applied"),
    "ar": JobFacts("ar", "مهندس موقع", "Al-Rafidain Contracting", "applied"),
    "fr": JobFacts("fr", "Comptable", "Banque des Hauts Plateaux", "applied"),
    "es": JobFacts("es", "Jefe de Tienda", "Almacenes Pehuén", "applied"),
    "en": JobFacts("en", "Branch Supervisor", "Kestrel Savings", "applied"),
}
SENDERS = {
    "mg": "Vatolampy Trano <mpiasa@vatolampy.example>",
    "ckb": "Zozik Construction <hr@zozik.example>",
    "uk": "Lvivska Logistyka <hr@lvivska.example>",
    "cs": "Vltava Pojišťovna <nabor@vltava-pojistovna.example>",
    "ar": "Al-Rafidain Contracting <hr@alrafidain.example>",
    "fr": "Banque des Hauts Plateaux <rh@bhp.example>",
    "es": "Almacenes Pehuén <seleccion@pehuen.example>",
    "en": "Kestrel Savings via JobLane <no-reply@joblane.example>",
}

STEPS = [
    (
        "mg",
        "Fangatahana asa – Mpitahiry vola",
        "Ramatoa Hanta, voaray ny fangatahana asa nalefanao ho an'ny toerana Mpitahiry vola. Hifandray aminao izahay.",
        "applied",
    ),
    (
        "mg",
        "Fanadinana – Mpitahiry vola",
        "Ramatoa Hanta, asaina ianao hanao fanadinana an-tsoratra ny Alarobia 8 ora maraina ao amin'ny biraonay.",
        "assessment",
    ),
    (
        "mg",
        "Valiny – Mpitahiry vola",
        "Ramatoa Hanta, misaotra anao. Taorian'ny fandinihana dia tsy hitohy aminao ny fifantenana amin'ity toerana ity.",
        "rejected",
    ),
    (
        "ckb",
        "Zozik Construction – Site Engineer",
        "بەڕێز ئەندازیار دلێر، داواکارییەکەت گەیشت و لیژنەکەمان هەڵیدەسەنگێنێت. سوپاس.",
        "applied",
    ),
    (
        "ckb",
        "چاوپێکەوتن – Site Engineer",
        "بەڕێز دلێر، بەڕێوەبەری پڕۆژە دەیەوێت چاوپێکەوتنێکی تەلەفۆنی کورت لەگەڵت ئەنجام بدات، دووشەممە کاتژمێر ١٠.",
        "recruiter_screen",
    ),
    (
        "ckb",
        "Zozik Construction – بانگهێشت",
        "بەڕێز دلێر، خۆشحاڵین بانگهێشتت بکەین بۆ چاوپێکەوتن لەگەڵ لیژنەی تەکنیکی، پێنجشەممە کاتژمێر ٩.",
        "technical_interview",
    ),
    (
        "uk",
        "Data Engineer – Lvivska Logistyka",
        "Добрий день! Дякуємо за резюме, передаємо його керівнику команди.",
        "applied",
    ),
    (
        "uk",
        "Data Engineer – результат",
        "Добрий день! Дякуємо за час і рішення завдання. Ми вирішили продовжити процес з кандидатом, який має досвід "
        "з нашим стеком.",
        "rejected",
    ),
    (
        "cs",
        "Vltava Pojišťovna – nabídka",
        "Dobrý den, v příloze posíláme dopis s nabídkou na pozici Datový inženýr. Prosíme o odpověď do pátku.",
        "offer",
    ),
    (
        "ar",
        "Al-Rafidain Contracting – مهندس موقع",
        "السيد المهندس المحترم، يسرنا دعوتكم لأداء اختبار فني مكتوب لوظيفة مهندس موقع خلال ثلاثة أيام.",
        "assessment",
    ),
    (
        "fr",
        "Banque des Hauts Plateaux – recrutement",
        "Madame, vous êtes convoquée aux tests écrits du poste de Comptable le samedi 4 avril à 8h00 au siège.",
        "assessment",
    ),
    (
        "es",
        "Almacenes Pehuén – estado de su postulación",
        "Estimado Martín: su postulación al cargo Jefe de Tienda cambió a: En revisión por el área solicitante.",
        "applied",
    ),
    (
        "es",
        "🎉 Almacenes Pehuén – propuesta",
        "Estimado Martín: la gerencia resolvió ofrecerle el cargo de Jefe de Tienda. Adjuntamos las condiciones.",
        "offer",
    ),
    (
        "es",
        "Almacenes Pehuén – resultado",
        "Hola Martín, gracias por participar. En esta oportunidad no quedaste seleccionado para el puesto.",
        "rejected",
    ),
    (
        "es",
        "Almacenes Pehuén – llamado 4/2026",
        "Estimado postulante: el llamado para Jefe de Tienda queda suspendido hasta nuevo aviso por razones de "
        "presupuesto.",
        "closed",
    ),
    (
        "es",
        "Almacenes Pehuén – Jefe de Tienda",
        "Hola Martín, ¿podés el martes a las 10 para una entrevista de preselección de 20 minutos con Selección?",
        "recruiter_screen",
    ),
    (
        "es",
        "Almacenes Pehuén – candidatura",
        "Exmo. Senhor, acusamos a recepção da sua candidatura ao lugar de Jefe de Tienda. Seremos breves.",
        "applied",
    ),
    (
        "en",
        "You've been shortlisted – Branch Supervisor, Kestrel Savings",
        'Hi Ama, your application for Branch Supervisor at Kestrel Savings has been moved to "Shortlisted" by the '
        "employer.",
        "applied",
    ),
]


@pytest.mark.parametrize(("language", "subject", "body", "stage"), STEPS)
def test_a_step_or_decision_in_these_languages_is_read_for_its_job(
    language: str, subject: str, body: str, stage: str
) -> None:
    decision = route_language(JOBS, SENDERS, language, subject, body)
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, language, stage)


def test_a_step_that_depends_on_a_decision_not_yet_made_is_no_step_taken() -> None:
    body = (
        "Hi Ama, thanks for the conversation this morning. I will share my notes with the hiring manager. If we "
        "proceed, the next step will be a competency-based panel interview."
    )
    decision = route_language(
        JOBS, SENDERS, "en", "RE: Branch Supervisor – Kestrel Savings: phone screen", body
    )
    assert decision.bucket != AUTO_LINKED


def test_an_interview_moved_to_another_day_is_still_a_reschedule() -> None:
    body = "Hi Ama, your interview for Branch Supervisor at Kestrel Savings has been moved to Thursday 10:00."
    decision = route_language(JOBS, SENDERS, "en", "Branch Supervisor interview – Kestrel Savings", body)
    assert decision.stage_target == "no_change"


@pytest.mark.parametrize(
    "subject",
    [
        "رد: اختبار فني – مهندس موقع",
        "YNT: Teknik değerlendirme",
        "Odp: Zadanie rekrutacyjne",
        "Antw: Opdracht",
    ],
)
def test_a_reply_in_another_languages_mail_client_reads_only_its_own_words(subject: str) -> None:
    body = "نؤكد استلام إجابتكم على الاختبار الفني، وسنعلمكم بالنتيجة قريبا. شركة الرافدين للمقاولات"
    decision = route_language(JOBS, SENDERS, "ar", subject, body)
    assert decision.stage_target == "no_change"


@pytest.mark.parametrize(
    "words",
    [
        "Tompoko, manolotra ny tenako ho kandidà amin'ny toerana Mpitahiry vola aho.",
        "Doby den! Хочу податися на вакансію Data Engineer, резюме в додатку.",
        "بەڕێزان، خۆم پێشکەش دەکەم بۆ پۆستی ئەندازیاری سایت. سیڤییەکەم هاوپێچە.",
        "Exmos. Senhores, venho por este meio submeter a minha candidatura ao lugar de técnico de planeamento.",
    ],
)
def test_the_candidates_own_application_in_these_languages_is_read_as_one(words: str) -> None:
    assert applies(fold(words))


@pytest.mark.parametrize(
    "words",
    [
        "Вибачте, мушу вийти з процесу: я прийняла офер від іншої компанії.",
        "Мушу відмовитися від співбесіди в четвер.",
    ],
)
def test_the_candidates_own_ukrainian_withdrawal_is_read(words: str) -> None:
    assert withdraws(fold(words))


def test_a_thank_you_for_an_interview_slot_is_no_withdrawal() -> None:
    assert withdraws(fold("Дякую, четвер о 10:00 мені підходить.")) is None


def test_a_completed_turkish_assessment_changes_nothing() -> None:
    body = "Merhaba Dilêr, değerlendirmeleri tamamladığınız için teşekkür ederiz. Sonuçlarınız paylaşıldı."
    decision = route_language(JOBS, SENDERS, "ar", "Tebrikler Dilêr, raporunuz hazır!", body)
    assert decision.stage_target == "no_change"


def test_more_assessment_platforms_are_known_as_such() -> None:
    for domain in ("assessfirst.com", "harver.com", "vervoe.com", "talview.com"):
        assert sender_kind(domain, f"no-reply@{domain}") == ASSESSMENT


def test_the_gmail_search_looks_for_malagasy_and_sorani_words() -> None:
    assert {"fifantenana", "resadresaka", "چاوپێکەوتن"} <= searched_words()


def test_a_malagasy_job_advertisement_is_no_offer() -> None:
    body = "Tolotra asa vaovao: Mpitahiry vola ao Antsirabe, Mpanampy kaonty ao Toamasina. Jereo ny tolotra rehetra."
    decision = route_language(JOBS, SENDERS, "mg", "Tolotra asa – herinandro ity", body)
    assert decision.stage_target != "offer"
