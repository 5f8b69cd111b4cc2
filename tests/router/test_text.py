"""Reading a mail's text: the newest part of a reply or forward, without quoted history or sending-service footers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings

from jobops.router import JobFacts, Router
from jobops.router.text import fold, fold_pattern, newest_part
from tests.router.builders import TRACKED_JOBS, mail, route_tracked
from tests.router.strategies import TEXT


def test_a_reply_is_read_from_its_newest_part_not_the_quoted_history() -> None:
    body = (
        "Hi Alex, let's book the technical interview for Wednesday.\n\n"
        "On Mon, 6 May 2024 at 09:12, Block <jobs@block.xyz> wrote:\n"
        "> We have received your application.\n"
    )
    decision = route_tracked(mail(body, "Re: Your application", "Nina <nina@block.xyz>"))
    assert decision.stage_target == "technical_interview"


@pytest.mark.parametrize(
    "header",
    [
        "On Mon, 6 May 2024 at 09:12, Jane <jane@x.com> wrote:",
        "Le lun. 6 mai 2024 à 10:02, Jane <jane@x.com> a écrit :",
        "Am 06.05.2024 um 10:15 schrieb Jane <jane@x.com>:",
        "El lun, 6 may 2024 a las 11:20, Jane (<jane@x.com>) escribió:",
        "-----Original Message-----",
        "From: Jane <jane@x.com>\nSent: Monday, May 6, 2024 9:15 AM",
    ],
)
def test_quoted_history_is_cut_at_every_reply_header(header: str) -> None:
    assert newest_part(f"Newest words.\n\n{header}\nOlder words.\n").strip() == "Newest words."


def test_a_bare_forward_is_read_from_the_forwarded_mail() -> None:
    body = "---------- Forwarded message ---------\nFrom: A <a@x.com>\nDate: today\n\nThe forwarded words.\n"
    assert newest_part(body).strip() == "The forwarded words."


def test_a_forward_with_a_note_on_top_is_read_with_the_forwarded_mail() -> None:
    body = (
        "FYI, see below!\n\n---------- Forwarded message ---------\nFrom: Stripe <talent@stripe.com>\nDate: today\n\n"
        "We'd like to invite you to a technical interview for the Backend Engineer role.\n"
    )
    assert newest_part(body).splitlines()[0] == "FYI, see below!"
    decision = route_tracked(mail(body, "Fwd: Backend Engineer at Stripe", "Alex <alex@example.org>"))
    assert (decision.relevant, decision.job_id, decision.stage_target) == (
        True,
        "stripe-be",
        "technical_interview",
    )


@pytest.mark.parametrize(
    "header",
    [
        "Op ma 6 mei 2024 om 09:12 schreef Jane <jane@x.com>:",
        "Il giorno lun 6 mag 2024 alle ore 09:12 Jane <jane@x.com> ha scritto:",
        "Van: Jane <jane@x.com>\nVerzonden: maandag 6 mei 2024 09:12",
        "Da: Jane <jane@x.com>\nInviato: lunedì 6 maggio 2024 09:12",
    ],
)
def test_dutch_and_italian_reply_headers_cut_the_quoted_history(header: str) -> None:
    assert newest_part(f"Newest words.\n\n{header}\nOlder words.\n").strip() == "Newest words."


def test_a_sending_service_in_a_footer_is_not_an_employer_mention() -> None:
    jobs = [*TRACKED_JOBS, JobFacts("personio", "Product Designer", "Personio SE & Co. KG", "applied")]
    body = "Vielen Dank für deine Bewerbung bei Taxfix!\n\nDiese E-Mail wurde über Personio versendet."
    decision = Router(jobs).route(
        mail(body, "Deine Bewerbung bei Taxfix", "Taxfix Recruiting <no-reply@personio.de>")
    )
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, None, "applied")


@settings(max_examples=100, deadline=None)
@given(body=TEXT)
def test_the_newest_part_is_never_longer_than_the_body(body: str) -> None:
    assert len(newest_part(body)) <= len(body)


@pytest.mark.parametrize("words", ["신규 채용공고", "조건으로", "вакансий для вас", "おすすめの新着求人"])
def test_a_folded_pattern_matches_the_same_words_in_folded_text(words: str) -> None:
    assert re.search(fold_pattern(words), fold(f"Subject: {words} (7)"))
