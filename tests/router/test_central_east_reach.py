"""Steps and decisions told in Ukrainian, Russian, Romanian, Hungarian, Greek, Lithuanian, Latvian, Estonian and
Finnish, and job alerts and newsletters in those languages that use the same words. The mails are written for
these tests."""

from __future__ import annotations

from urllib.parse import quote_plus

import pytest

from jobops.gmail.query import recruitment_searches
from jobops.router import JobFacts
from jobops.stages import NO_CHANGE
from tests.router.builders import mail, route, route_language, searched_words

JOBS = {
    "uk": JobFacts("uk", "Python-розробник", "SoftServe", "applied"),
    "ru": JobFacts("ru", "Аналитик данных", "Kaspersky", "applied"),
    "ro": JobFacts("ro", "Inginer QA", "Bitdefender", "applied"),
    "hu": JobFacts("hu", "Pénzügyi elemző", "Wizz Air", "applied"),
    "el": JobFacts("el", "Μηχανικός λογισμικού", "Skroutz", "applied"),
    "lt": JobFacts("lt", "Produkto dizaineris", "Vinted", "applied"),
    "lv": JobFacts("lv", "Datu analītiķis", "airBaltic", "applied"),
    "et": JobFacts("et", "Tarkvaraarendaja", "Bolt", "applied"),
    "fi": JobFacts("fi", "Pelisuunnittelija", "Supercell", "applied"),
}
SENDERS = {
    "uk": "SoftServe HR <hr@softserve.example>",
    "ru": "Kaspersky Careers <careers@kaspersky.example>",
    "ro": "Bitdefender Recrutare <recrutare@bitdefender.example>",
    "hu": "Wizz Air Recruitment <recruitment@wizzair.example>",
    "el": "Skroutz Talent <talent@skroutz.example>",
    "lt": "Vinted Talent <talent@vinted.example>",
    "lv": "airBaltic Recruitment <recruitment@airbaltic.example>",
    "et": "Bolt Talent <talent@bolt.example>",
    "fi": "Supercell Recruiting <recruiting@supercell.example>",
}

STEPS = [
    (
        "uk",
        "Запрошення на співбесіду – SoftServe",
        "Добрий день, Олено! Дякуємо за інтерес до вакансії Python-розробник у SoftServe. "
        "Запрошуємо вас на співбесіду з командою в четвер о 15:00.",
        "technical_interview",
    ),
    (
        "uk",
        "SoftServe: ваша кандидатура",
        "Добрий день, Олено! Дякуємо за час, приділений співбесіді. На жаль, ми вирішили продовжити "
        "з іншими кандидатами, чий досвід більше відповідає вимогам.",
        "rejected",
    ),
    (
        "uk",
        "SoftServe – тестове завдання",
        "Олено, наступний крок – тестове завдання на Python. Надішліть, будь ласка, рішення до п'ятниці.",
        "assessment",
    ),
    (
        "ru",
        "Приглашение на собеседование — Kaspersky",
        "Здравствуйте, Иван! Мы рассмотрели ваше резюме на вакансию «Аналитик данных» и хотели бы "
        "пригласить вас на собеседование во вторник в 11:00.",
        "technical_interview",
    ),
    (
        "ru",
        "Kaspersky: ответ по вакансии",
        "Здравствуйте, Иван! Спасибо за интерес к Kaspersky. К сожалению, мы остановили выбор на другом "
        "кандидате, но сохраним ваше резюме.",
        "rejected",
    ),
    (
        "ru",
        "Kaspersky — предложение",
        "Иван, по итогам всех встреч мы рады предложить вам позицию аналитика данных. Оффер во вложении.",
        "offer",
    ),
    (
        "ro",
        "Invitație la interviu – Bitdefender",
        "Bună ziua, Andrei! Îți mulțumim pentru interesul față de postul de Inginer QA. Te invităm la un "
        "interviu tehnic joi, la ora 14:00, la sediul nostru.",
        "technical_interview",
    ),
    (
        "ro",
        "Bitdefender – candidatura ta",
        "Bună ziua, Andrei, îți mulțumim pentru timpul acordat. Din păcate, am decis să continuăm cu alți "
        "candidați pentru acest post.",
        "rejected",
    ),
    (
        "hu",
        "Meghívó interjúra – Wizz Air",
        "Kedves Anna! Köszönjük jelentkezését a Pénzügyi elemző pozícióra. Szeretnénk Önt egy interjúra "
        "meghívni jövő kedden 10 órakor budapesti irodánkba.",
        "technical_interview",
    ),
    (
        "hu",
        "Wizz Air – jelentkezés",
        "Kedves Anna! Köszönjük, hogy időt szánt a kiválasztási folyamatra. Sajnos ezúttal más jelöltet "
        "választottunk a pozícióra.",
        "rejected",
    ),
    (
        "hu",
        "Wizz Air – a felvétel szünetel",
        "Kedves Anna! Tájékoztatjuk, hogy a pozícióra a toborzást felfüggesztettük, így most nem hozunk döntést.",
        "closed",
    ),
    (
        "el",
        "Πρόσκληση σε συνέντευξη – Skroutz",
        "Καλησπέρα Μαρία, σας ευχαριστούμε για την αίτησή σας για τη θέση Μηχανικός λογισμικού. "
        "Θα θέλαμε να σας προσκαλέσουμε σε συνέντευξη την Πέμπτη στις 11:00.",
        "technical_interview",
    ),
    (
        "el",
        "Skroutz – η αίτησή σας",
        "Καλησπέρα Μαρία, σας ευχαριστούμε για το ενδιαφέρον σας για τη Skroutz. Δυστυχώς, αποφασίσαμε να "
        "προχωρήσουμε με άλλους υποψηφίους για τη συγκεκριμένη θέση.",
        "rejected",
    ),
    (
        "lt",
        "Kvietimas į pokalbį – Vinted",
        "Sveiki, Tomai! Dėkojame už jūsų paraišką Produkto dizainerio pozicijai. Kviečiame jus į pokalbį "
        "su mūsų komanda kitą antradienį 10 val.",
        "technical_interview",
    ),
    (
        "lt",
        "Vinted – atrankos rezultatai",
        "Sveiki, Tomai, dėkojame už skirtą laiką. Deja, šį kartą pasirinkome kitą kandidatą, kurio patirtis "
        "labiau atitinka pozicijos reikalavimus.",
        "rejected",
    ),
    (
        "lv",
        "airBaltic – Datu analītiķis",
        "Labdien, Jāni! Paldies par jūsu pieteikumu Datu analītiķa amatam. Vēlamies jūs uzaicināt uz "
        "interviju ceturtdien plkst. 14:00 mūsu birojā.",
        "technical_interview",
    ),
    (
        "lv",
        "airBaltic – atlases rezultāti",
        "Labdien, Jāni! Paldies par interesi par darbu airBaltic. Diemžēl esam nolēmuši turpināt atlasi ar "
        "citiem kandidātiem.",
        "rejected",
    ),
    (
        "et",
        "Kutse töövestlusele – Bolt",
        "Tere, Kadri! Aitäh, et kandideerisid Tarkvaraarendaja ametikohale. Soovime kutsuda sind "
        "töövestlusele neljapäeval kell 13.00.",
        "technical_interview",
    ),
    (
        "et",
        "Bolt – kandideerimise tulemus",
        "Tere, Kadri! Täname kandideerimast Bolti. Kahjuks sa ei osutunud seekord valituks.",
        "rejected",
    ),
    (
        "fi",
        "Haastattelukutsu – Supercell",
        "Hei Mikko! Kiitos hakemuksestasi Pelisuunnittelija-tehtävään. Haluaisimme kutsua sinut "
        "haastatteluun ensi tiistaina klo 10.",
        "technical_interview",
    ),
    (
        "fi",
        "Supercell – rekrytointi",
        "Hei Mikko, kiitos kiinnostuksestasi Supercelliä kohtaan. Valitettavasti et tullut valituksi tällä kertaa.",
        "rejected",
    ),
    (
        "fi",
        "Supercell – loppuhaastattelu",
        "Hei Mikko! Etenet rekrytoinnissa viimeiseen vaiheeseen: kutsumme sinut loppuhaastatteluun "
        "Helsingin toimistollemme.",
        "onsite",
    ),
    (
        "uk",
        "Пропозиція від SoftServe",
        "Олено, дуже раді повідомити: після п'ятничної розмови ми вирішили запропонувати вам співпрацю! Умови: "
        "повна зайнятість, віддалено.",
        "offer",
    ),
    (
        "uk",
        "Результати співбесіди",
        "Дякуємо вам за участь у співбесіді. Водночас ми ухвалили рішення запропонувати посаду іншій кандидатці "
        "з більшим досвідом.",
        "rejected",
    ),
    (
        "uk",
        "Ваш відгук надіслано: Python-розробник",
        "Доброго дня, Олено! Ваше резюме надіслано роботодавцю. Вакансія: Python-розробник, компанія SoftServe.",
        "applied",
    ),
    (
        "ro",
        "Ai aplicat cu succes: Inginer QA",
        "Bună, Ana! Aplicarea ta a ajuns la angajator. Poziție: Inginer QA, Bitdefender.",
        "applied",
    ),
    (
        "ro",
        "Actualizare pentru aplicarea ta la Bitdefender",
        "Bitdefender a actualizat statusul aplicării tale. Status: Poziție ocupată. Am ales un candidat din "
        "București, disponibil imediat.",
        "rejected",
    ),
    (
        "ru",
        "Re: Финальный этап — визит в офис",
        "Спасибо, что приехали к нам. По итогам финального этапа мы приняли решение предложить позицию внутреннему "
        "кандидату.",
        "rejected",
    ),
    (
        "ru",
        "Kaspersky — есть новости",
        "Привет! Команда закончила дебриф, и мы хотим сделать тебе оффер! Созвонимся сегодня в 18:00?",
        "offer",
    ),
    (
        "ru",
        "О прекращении конкурса",
        "Сообщаем, что в связи с оптимизацией штатного расписания конкурс прекращён без решения по кандидатам.",
        "closed",
    ),
    (
        "lt",
        "Vinted – bandomasis vertimas",
        "Sveiki, kitas atrankos žingsnis – trumpas bandomasis vertimas iš anglų kalbos. Terminas – penktadienis.",
        "assessment",
    ),
    (
        "lt",
        "Vinted – atrankos rezultatai",
        "Informuojame, kad atrankos nugalėtoju pripažintas kitas kandidatas. Dėkojame, kad dalyvavote.",
        "rejected",
    ),
    (
        "lt",
        "Vinted – atrankos rezultatai",
        "Komisija jus pripažino tinkamiausiu kandidatu. Siūlome jums šias pareigas nuo gegužės 4 d.",
        "offer",
    ),
    (
        "ru",
        "Kaspersky – тестовый перевод",
        "Иван, добрый день! Следующий шаг – тестовый перевод на две страницы, срок – до понедельника.",
        "assessment",
    ),
    (
        "ru",
        "Kaspersky – тэставае заданне",
        "Добры дзень! Дасылаю тэставае заданне: трэба перакласці два абзацы да пятніцы.",
        "assessment",
    ),
]


@pytest.mark.parametrize(("language", "subject", "body", "stage"), STEPS)
def test_a_step_or_decision_in_these_languages_is_read_and_suggested_for_its_job(
    language: str, subject: str, body: str, stage: str
) -> None:
    decision = route_language(JOBS, SENDERS, language, subject, body)
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, JOBS[language].id, stage)


@pytest.mark.parametrize(
    ("language", "subject", "body"),
    [
        (
            "ru",
            "Kaspersky: перенос встречи",
            "Иван, добрый день! Нам нужно перенести техническое собеседование с вторника на четверг, в то же время.",
        ),
        (
            "fi",
            "Muistutus: tekninen haastattelu huomenna",
            "Hei Mikko, muistutus: tekninen haastattelu huomenna klo 10 Supercellin toimistolla. Tervetuloa!",
        ),
    ],
)
def test_a_reschedule_or_reminder_of_a_step_in_these_languages_changes_nothing(
    language: str, subject: str, body: str
) -> None:
    decision = route(list(JOBS.values()), mail(body, subject, SENDERS[language]))
    assert decision.relevant
    assert decision.job_id == JOBS[language].id
    assert decision.stage_target == NO_CHANGE


@pytest.mark.parametrize(
    ("subject", "body", "sender"),
    [
        (
            "Нові вакансії для вас: Python-розробник",
            "За вашою підпискою знайдено 12 нових вакансій. Python-розробник – SoftServe, Львів. Надішліть "
            "резюме та готуйтеся до співбесіди з нашими порадами. Відписатися від розсилки.",
            "Вакансії тижня <alerts@vakansii.example>",
        ),
        (
            "Cariera ta: 7 sfaturi pentru interviu",
            "În acest număr: cum te pregătești pentru interviul tehnic, ce scrii în scrisoarea de intenție și "
            "cum negociezi o ofertă de angajare mai bună. Dezabonare.",
            "Revista Cariera <news@cariera.example>",
        ),
        (
            "Karriertippek: így készülj az állásinterjúra",
            "Mire figyelj egy interjún, hogyan írd meg a jelentkezésed, és mit kérdezz a toborzótól? "
            "Összegyűjtöttük a legjobb tanácsokat.",
            "Karrier Magazin <karrier@karriermagazin.example>",
        ),
        (
            "Nauji darbo pasiūlymai jums",
            "Radome 8 naujus darbo pasiūlymus pagal jūsų paiešką: Produkto dizaineris – Vinted. Siųskite "
            "paraišką šiandien ir pasiruoškite darbo pokalbiui.",
            "Darbo skelbimai <alerts@darbai.example>",
        ),
        (
            "Uued tööpakkumised sinu jaoks",
            "Leidsime 5 uut tööpakkumist: Tarkvaraarendaja – Bolt. Kandideeri kohe ja valmistu töövestluseks "
            "meie nõuannetega.",
            "Tööportaal <teated@tooportaal.example>",
        ),
        (
            "Uratips: näin onnistut työhaastattelussa",
            "Tässä numerossa: kymmenen vinkkiä haastatteluun, miten kirjoitat hyvän hakemuksen ja mitä "
            "kysyä rekrytoijalta. Peru tilaus.",
            "Urauutiset <uutiskirje@urauutiset.example>",
        ),
    ],
)
def test_a_job_alert_or_newsletter_using_the_same_words_is_not_read_as_a_step(
    subject: str, body: str, sender: str
) -> None:
    decision = route(list(JOBS.values()), mail(body, subject, sender))
    assert decision.stage_target == NO_CHANGE


def test_the_gmail_search_looks_for_these_languages_words() -> None:
    words = searched_words()
    assert {"співбесіду", "собеседование", "interviu", "interjú", "συνέντευξη", "pokalbį"} <= words
    assert {"pieteikums", "töövestlus", "haastattelu"} <= words


def test_every_search_in_these_scripts_is_sent_as_a_plain_request() -> None:
    address = "https://gmail.googleapis.com/gmail/v1/users/me/messages?q=&maxResults=500&pageToken=0123456789&alt=json"
    assert all(len(address) + len(quote_plus(search)) <= 2048 for search in recruitment_searches(30))
