"""Steps and decisions told in Georgian, Azerbaijani, Kazakh and Uzbek, and a job alert in those words. The mails
are written for these tests."""

from __future__ import annotations

import pytest

from jobops.router import JobFacts
from jobops.stages import NO_CHANGE
from tests.router.builders import mail, route, route_language, searched_words

JOBS = {
    "ka": JobFacts("ka", "შესყიდვების მენეჯერი", "Silknet", "applied"),
    "az": JobFacts("az", "Satınalma meneceri", "Azercell", "applied"),
    "kk": JobFacts("kk", "Сатып алу менеджері", "Kcell", "applied"),
    "uz": JobFacts("uz", "Xaridlar bo'yicha menejer", "Ucell", "applied"),
}
SENDERS = {
    "ka": "Silknet HR <hr@silknet.example>",
    "az": "Azercell HR <hr@azercell.example>",
    "kk": "Kcell HR <hr@kcell.example>",
    "uz": "Ucell HR <hr@ucell.example>",
}

STEPS = [
    ("ka", "Silknet: განაცხადი", "გამარჯობა! თქვენი განაცხადი მიღებულია, მალე დაგიკავშირდებით.", "applied"),
    (
        "ka",
        "Silknet: გასაუბრება",
        "გიწვევთ გასაუბრებაზე ხუთშაბათს, 11:00 საათზე, ჩვენს ოფისში.",
        "technical_interview",
    ),
    (
        "ka",
        "Silknet: შედეგი",
        "სამწუხაროდ, შევარჩიეთ სხვა კანდიდატი, რომლის გამოცდილებაც უკეთ შეესაბამება პოზიციას.",
        "rejected",
    ),
    (
        "az",
        "Azercell: müraciət",
        "Salam! Müraciətiniz qəbul edildi, tezliklə sizinlə əlaqə saxlayacağıq.",
        "applied",
    ),
    (
        "az",
        "Azercell: müsahibə",
        "Salam! Telefon müsahibəsi üçün cümə axşamı 10:00 uyğundurmu?",
        "recruiter_screen",
    ),
    (
        "az",
        "Azercell: nəticə",
        "Təəssüf ki, bu dəfə başqa namizədi seçdik. Gələcək vakansiyalarda uğurlar arzulayırıq.",
        "rejected",
    ),
    (
        "kk",
        "Kcell: сұхбат",
        "Сәлеметсіз бе! Сізді сұхбатқа шақырамыз: бейсенбі, сағат 15:00.",
        "technical_interview",
    ),
    (
        "kk",
        "Kcell: нәтиже",
        "Өкінішке орай, біз басқа үміткерді таңдадық. Сізге сәттілік тілейміз.",
        "rejected",
    ),
    ("uz", "Ucell: ariza", "Assalomu alaykum! Arizangiz qabul qilindi, tez orada bog'lanamiz.", "applied"),
    (
        "uz",
        "Ucell: suhbat",
        "Sizni suhbatga taklif qilamiz: payshanba, soat 14:00, bosh ofisda.",
        "technical_interview",
    ),
    (
        "uz",
        "Ucell: yakuniy suhbat",
        "Sizni yakuniy suhbatga taklif qilamiz, direktor bilan uchrashuv.",
        "onsite",
    ),
    (
        "uz",
        "Ucell: tanlov natijalari",
        "Tanlov komissiyasi qaroriga ko'ra, mazkur lavozimga boshqa nomzod tanlandi. Rahmat.",
        "rejected",
    ),
    ("kk", "Kcell: конкурстың тоқтатылуы", "Конкурс тоқтатылды, шешім қабылданған жоқ.", "closed"),
]


@pytest.mark.parametrize(("language", "subject", "body", "stage"), STEPS)
def test_a_step_or_decision_in_these_languages_is_read_for_its_job(
    language: str, subject: str, body: str, stage: str
) -> None:
    decision = route_language(JOBS, SENDERS, language, subject, body)
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, JOBS[language].id, stage)


def test_a_reminder_in_these_languages_changes_nothing() -> None:
    decision = route(
        list(JOBS.values()),
        mail("Xatırlatma: müsahibəniz sabah saat 10:00-dadır.", "Azercell: xatırlatma", SENDERS["az"]),
    )
    assert decision.stage_target == NO_CHANGE


def test_a_job_alert_using_the_same_words_is_not_read_as_a_step() -> None:
    decision = route(
        list(JOBS.values()),
        mail(
            "Yeni vakansiyalar: satınalma meneceri, logistika mütəxəssisi. Bütün vakansiyalara baxın. Abunəlikdən çıxın.",
            "Sizin üçün 12 yeni vakansiya",
            "Boss.az <alerts@boss.example>",
        ),
    )
    assert decision.stage_target == NO_CHANGE


def test_the_gmail_search_looks_for_these_languages_words() -> None:
    words = searched_words()
    assert {"ვაკანსია", "გასაუბრება", "müsahibə", "müraciət", "сұхбат", "өтініш", "suhbat", "ariza"} <= words
