"""Steps and decisions told in Hebrew, Welsh and Irish. The mails are written for these tests."""

from __future__ import annotations

import pytest

from jobops.router import JobFacts
from tests.router.builders import route_language, searched_words

JOBS = {
    "he": JobFacts("he", "מפתח/ת Backend", "Wix", "applied"),
    "cy": JobFacts("cy", "Ymgynghorydd Gwella Ysgolion", "Cyngor Gwynedd", "applied"),
    "ga": JobFacts("ga", "Oifigeach Cumarsáide", "Foras na Gaeilge", "applied"),
}
SENDERS = {
    "he": "Wix Careers <jobs@wix.example>",
    "cy": "Cyngor Gwynedd <swyddi@gwynedd.example>",
    "ga": "Foras na Gaeilge <earcaiocht@forasnagaeilge.example>",
}

STEPS = [
    ("he", "Wix: המועמדות שלך", "שלום דנה, תודה על המועמדות למשרה. נחזור אלייך בהקדם.", "applied"),
    (
        "he",
        "Wix: זימון לראיון",
        "היי דנה, נשמח להזמין אותך לראיון טכני ביום שלישי ב-10:00.",
        "technical_interview",
    ),
    ("he", "Wix: שיחה טלפונית", "היי דנה, אפשר לתאם שיחה טלפונית קצרה מחר?", "recruiter_screen"),
    (
        "he",
        "Wix: עדכון",
        "שלום דנה, לצערנו החלטנו להתקדם עם מועמדים אחרים. תודה על הזמן שהשקעת.",
        "rejected",
    ),
    ("he", "Wix: הצעת עבודה", "שלום דנה, שמחים להציע לך את המשרה! מצורף מכתב הצעה.", "offer"),
    ("cy", "Eich cais", "Annwyl Dana, diolch am eich cais am y swydd. Byddwn mewn cysylltiad.", "applied"),
    (
        "cy",
        "Cyfweliad",
        "Annwyl Dana, hoffem eich gwahodd i gyfweliad ddydd Mawrth am 10.",
        "technical_interview",
    ),
    ("cy", "Canlyniad", "Annwyl Dana, mae'n ddrwg gennym ddweud bod eich cais yn aflwyddiannus.", "rejected"),
    ("ga", "Agallamh", "A Dhana, seo cuireadh chuig agallamh Déardaoin ag 11.", "technical_interview"),
]


@pytest.mark.parametrize(("language", "subject", "body", "stage"), STEPS)
def test_a_step_or_decision_in_these_languages_is_read_for_its_job(
    language: str, subject: str, body: str, stage: str
) -> None:
    decision = route_language(JOBS, SENDERS, language, subject, body)
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, JOBS[language].id, stage)


def test_the_gmail_search_looks_for_these_languages_words() -> None:
    words = searched_words()
    assert {"ראיון", "לראיון", "מועמדות", "cyfweliad", "agallamh", "iarratas"} <= words
