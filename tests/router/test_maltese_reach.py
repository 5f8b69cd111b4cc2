"""Steps and decisions told in Maltese, and the candidate's own Maltese decline. The mails are written for these
tests."""

from __future__ import annotations

import pytest

from jobops.router import JobFacts
from jobops.router.own_mail import withdraws
from jobops.router.text import fold
from tests.router.builders import route_language, searched_words

JOBS = {"mt": JobFacts("mt", "Uffiċjal tal-Konformità", "Awtorità tal-Ilma ta' Malta", "applied")}
SENDERS = {"mt": "Awtorità tal-Ilma ta' Malta <recruitment@ilma.example>"}

STEPS = [
    (
        "Irċevuta tal-Applikazzjoni",
        "Għażiż Sur Borg, nirringrazzjawk għall-applikazzjoni tiegħek għall-pożizzjoni ta' Uffiċjal tal-Konformità.",
        "applied",
    ),
    (
        "Stedina għall-Intervista",
        "Għażiż Sur Borg, qed tiġi mistieden għal intervista quddiem il-Bord tal-Għażla nhar l-Erbgħa fil-11:30.",
        "technical_interview",
    ),
    (
        "Offerta ta' Impjieg – Uffiċjal tal-Konformità",
        "Għandna l-pjaċir noffrulek il-pożizzjoni. Qabel il-bidu jeħtieġ nirċievu ċertifikat tal-kondotta.",
        "offer",
    ),
    (
        "Posponiment tal-Intervista Finali",
        "Għażiż Luca, l-intervista finali ta' nhar il-Ġimgħa ser tkun posposta. Nikkuntattjak b'data ġdida.",
        "no_change",
    ),
]


@pytest.mark.parametrize(("subject", "body", "stage"), STEPS)
def test_a_step_or_decision_in_maltese_is_read_for_its_job(subject: str, body: str, stage: str) -> None:
    decision = route_language(JOBS, SENDERS, "mt", subject, body)
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, "mt", stage)


def test_the_candidates_own_maltese_decline_is_a_withdrawal() -> None:
    assert withdraws(fold("B'dispjaċir irrid ngħarrafkom li ma nistax naċċetta l-offerta."))
    assert withdraws(fold("Grazzi ħafna, nikkonferma l-intervista tat-Tlieta.")) is None


def test_the_gmail_search_looks_for_maltese_words() -> None:
    assert {"applikazzjoni", "intervista", "vakanza"} <= searched_words()
