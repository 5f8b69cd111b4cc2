"""Steps and decisions told in Somali, and the candidate's own Somali withdrawal. The mails are written for these
tests."""

from __future__ import annotations

import pytest

from jobops.router import JobFacts
from jobops.router.own_mail import withdraws
from jobops.router.text import fold
from tests.router.builders import route_language, searched_words

JOBS = {"so": JobFacts("so", "Isuduwaha Caafimaadka Bulshada", "Hiil Health Center", "applied")}
SENDERS = {"so": "Hiil Health Center <hr@hiilhealth.example>"}

STEPS = [
    (
        "Codsigaaga – Hiil Health Center",
        "Asc Amina, waxaan helnay codsigaaga jagada Isuduwaha Caafimaadka Bulshada. Dhawaan ayaan kula soo xiriiri.",
        "applied",
    ),
    (
        "Wareysi – Hiil Health Center",
        "Asc Amina, waxaan kugu casuumaynaa wareysi Khamiista soo socota 10:00 subaxnimo, xafiiskayaga.",
        "technical_interview",
    ),
    (
        "Go'aanka codsigaaga",
        "Mahadsanid waqtigaaga. Ka dib tixgelin dheer, musharax kale ayaa la doortay, markan codsigaaga lama sii "
        "wadi doono.",
        "rejected",
    ),
]


@pytest.mark.parametrize(("subject", "body", "stage"), STEPS)
def test_a_step_or_decision_in_somali_is_read_for_its_job(subject: str, body: str, stage: str) -> None:
    decision = route_language(JOBS, SENDERS, "so", subject, body)
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, "so", stage)


def test_the_candidates_own_somali_withdrawal_is_read() -> None:
    assert withdraws(fold("Mahadsanid, laakiin waxaan jeclaan lahaa inaan codsigayga dib uga laabto."))
    assert withdraws(fold("Mahadsanid, Khamiista 10:00 waan imanayaa.")) is None


def test_the_gmail_search_looks_for_somali_words() -> None:
    assert {"codsigaaga", "wareysi"} <= searched_words()
