"""Steps and decisions told in Mongolian, whose case endings join the words they follow. The mails are written for
these tests."""

from __future__ import annotations

import pytest

from jobops.router import JobFacts
from tests.router.builders import route_language, searched_words

JOBS = {"mn": JobFacts("mn", "Аюулгүй ажиллагааны инженер", "Говь Эрдэс ХХК", "applied")}
SENDERS = {"mn": "Говь Эрдэс ХХК <hr@goviierdes.example>"}

STEPS = [
    (
        "Утсаар ярилцлага – Говь Эрдэс",
        "Сайн байна уу, Болд? Говь Эрдэс ХХК-ийн хүний нөөцөөс бичиж байна. Маргааш 10 цагт 15 минут утсаар "
        "ярилцлага хийх боломжтой юу?",
        "recruiter_screen",
    ),
    (
        "Бичгийн шалгалт",
        "Болд оо, дараагийн шат нь бичгийн шалгалт. Даваа гарагт 09:00 цагт онлайнаар өгнө.",
        "assessment",
    ),
    (
        "Ярилцлагын урилга",
        "Сайн байна уу? Таныг Говь Эрдэс ХХК-ийн ярилцлагын комисст урьж байна. Огноо: 5-р сарын 3, 14:00.",
        "technical_interview",
    ),
    (
        "Сонгон шалгаруулалтын дүн",
        "Ярилцлагад оролцсонд баярлалаа. Комисс энэ ажлын байранд өөр нэр дэвшигчийг сонгосон.",
        "rejected",
    ),
]


@pytest.mark.parametrize(("subject", "body", "stage"), STEPS)
def test_a_step_or_decision_in_mongolian_is_read_for_its_job(subject: str, body: str, stage: str) -> None:
    decision = route_language(JOBS, SENDERS, "mn", subject, body)
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, "mn", stage)


def test_a_mongolian_reminder_changes_nothing() -> None:
    body = "Сануулга: маргааш 10:00 цагт ярилцлагын комисст ирэхээ мартуузай."
    decision = route_language(JOBS, SENDERS, "mn", "Сануулга", body)
    assert decision.stage_target == "no_change"


def test_the_gmail_search_looks_for_mongolian_words() -> None:
    assert {"анкет", "ярилцлага"} <= searched_words()
