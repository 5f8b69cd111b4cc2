"""Steps and decisions told in Haitian Creole, and the candidate's own Kreyòl mail. The mails are written for these
tests."""

from __future__ import annotations

import pytest

from jobops.router import JobFacts
from jobops.router.own_mail import applies, withdraws
from jobops.router.text import fold
from tests.router.builders import route_language, searched_words

JOBS = {"ht": JobFacts("ht", "Asistan Enfimyè", "Lakay Sante Home Care", "applied")}
SENDERS = {"ht": "Lakay Sante Home Care <rh@lakaysante.example>"}

STEPS = [
    (
        "Aplikasyon ou – Lakay Sante",
        "Bonjou Rose, nou resevwa aplikasyon w lan pou pòs Asistan Enfimyè a. N ap kontakte w byento.",
        "applied",
    ),
    (
        "Entèvyou – Lakay Sante",
        "Bonjou Rose, nou ta renmen envite w pou yon entèvyou fòmèl ak direktè swen yo nan biwo a Madi a 2 è.",
        "technical_interview",
    ),
    (
        "🎉 Òf travay – Lakay Sante Home Care",
        "Rose, nou kontan anpil: nou ta renmen ofri w pòs la. Salè a se $17 pa èdtan. Lèt òf ofisyèl la ap vini demen.",
        "offer",
    ),
    (
        "Desizyon sou aplikasyon w",
        "Bonjou Rose, mèsi pou tan ou. Apre anpil refleksyon, nou chwazi yon lòt kandida pou pòs sa a.",
        "rejected",
    ),
]


@pytest.mark.parametrize(("subject", "body", "stage"), STEPS)
def test_a_step_or_decision_in_haitian_creole_is_read_for_its_job(
    subject: str, body: str, stage: str
) -> None:
    decision = route_language(JOBS, SENDERS, "ht", subject, body)
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, "ht", stage)


def test_the_candidates_own_kreyol_decline_and_application_are_read() -> None:
    assert withdraws(fold("Mèsi anpil pou konfyans ou, men m oblije refize òf la paske m ap rete Monreyal."))
    assert withdraws(fold("Mèsi, m ap la Madi a 2 è pou entèvyou a.")) is None
    assert applies(fold("Bonjou, mwen ta renmen aplike pou pòs asistan enfimyè a. CV m nan atache."))


def test_a_french_decline_of_an_agency_mandate_is_a_withdrawal() -> None:
    assert withdraws(fold("J'ai accepté un autre engagement, je dois donc refuser le mandat à Longueuil."))
    assert withdraws(fold("Je confirme le mandat à Longueuil, merci!")) is None


def test_the_gmail_search_looks_for_kreyol_words() -> None:
    assert {"aplikasyon", "entèvyou"} <= searched_words()
