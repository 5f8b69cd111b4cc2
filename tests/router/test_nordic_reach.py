"""Steps and decisions told in Norwegian, Swedish, Danish and Finnish. The mails are written for these tests."""

from __future__ import annotations

import pytest

from jobops.router import JobFacts
from tests.router.builders import route_language, searched_words

JOBS = {
    "nb": JobFacts("nb", "Butikksjef", "Fjellhus Sport AS", "applied"),
    "sv": JobFacts("sv", "Butikschef", "Lindhaga Hem AB", "technical_interview"),
    "da": JobFacts("da", "Områdeleder", "Havgaard Møbler A/S", "applied"),
    "fi": JobFacts("fi", "Myymäläpäällikkö", "Kuusikko Oy", "applied"),
}
SENDERS = {
    "nb": "Fjellhus Sport <rekruttering@fjellhus.example>",
    "sv": "Lindhaga Hem <rekrytering@lindhaga.example>",
    "da": "Havgaard Møbler <job@havgaard.example>",
    "fi": "Kuusikko <rekrytointi@kuusikko.example>",
}

STEPS = [
    (
        "nb",
        "Butikksjef – Fjellhus Sport",
        "Hei Kari, vi vil gjerne invitere deg til intervju på torsdag kl. 10 i butikken vår på Majorstuen.",
        "technical_interview",
    ),
    (
        "nb",
        "Din søknad",
        "Hei Kari, takk for interessen. Vi har valgt å gå videre med andre kandidater denne gangen.",
        "rejected",
    ),
    (
        "sv",
        "Erbjudande – Butikschef",
        "Hej Kari! Vi vill erbjuda dig tjänsten som butikschef. Erbjudandet är villkorat av en godkänd "
        "bakgrundskontroll via HireRight.",
        "offer",
    ),
    (
        "sv",
        "Rekryteringen av butikschef",
        "Hej Kari, ledningen har beslutat att rekryteringen är avbruten tills vidare. Vi hör av oss om den öppnas igen.",
        "closed",
    ),
    (
        "da",
        "Din ansøgning",
        "Kære Kari, tak for din ansøgning. Vi vil gerne invitere dig til samtale på mandag kl. 9.",
        "technical_interview",
    ),
    (
        "nb",
        "Vedrørende din søknad – Butikksjef",
        "Hei Kari, takk for din søknad på stillingen som butikksjef. Vi har valgt å gå videre med andre kandidater.",
        "rejected",
    ),
    (
        "da",
        "Rekrutteringen af områdeleder",
        "Kære Kari, jeg har desværre en kedelig nyhed: rekrutteringen er sat i bero efter bestyrelsesmødet.",
        "closed",
    ),
    (
        "fi",
        "Hakemuksesi",
        "Hei Kari, kiitos hakemuksestasi. Valintamme kohdistui toiseen hakijaan tällä kertaa.",
        "rejected",
    ),
    (
        "sv",
        "Besked – butikschef",
        "Hej Kari, tack för intervjun. Tyvärr har vi valt att gå vidare med en person som redan jobbar hos oss.",
        "rejected",
    ),
    (
        "sv",
        "Andra intervju – butikschef",
        "Hej Kari! Vi vill gärna gå vidare med dig till en andra och avslutande intervju med regionchefen.",
        "onsite",
    ),
    (
        "sv",
        "Information om rekryteringen",
        "Hej Kari, styrelsen har beslutat om anställningsstopp, så vi kan inte gå vidare med någon av de sökande.",
        "closed",
    ),
]


@pytest.mark.parametrize(("language", "subject", "body", "stage"), STEPS)
def test_a_step_or_decision_in_these_languages_is_read_for_its_job(
    language: str, subject: str, body: str, stage: str
) -> None:
    decision = route_language(JOBS, SENDERS, language, subject, body)
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, JOBS[language].id, stage)


def test_the_gmail_search_looks_for_these_languages_words() -> None:
    words = searched_words()
    assert {"søknaden", "hakemus", "haastattelu", "ansökan"} <= words
