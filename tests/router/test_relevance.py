"""Noise that uses recruiting words: forums, podcasts, HR tools, the candidate's own employer's hiring tools, calendar spam."""

from __future__ import annotations

import pytest

from jobops.router import JobFacts
from tests.router.builders import mail, route

NORTHWIND = JobFacts("nw", "Data Engineer", "Northwind", "applied")


@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [
        (
            "Blind <digest@teamblind.com>",
            "Trending: 'Got an offer from Northwind, negotiate?'",
            "Top posts this week: offer negotiation, onsite tips. Unsubscribe",
        ),
        (
            "The Interview Show <hello@podcast.example>",
            "New episode: how to ace your final round",
            "This week's episode: interview tips from hiring managers. Listen now. Unsubscribe",
        ),
        (
            "BambooHR <notifications@bamboohr.com>",
            "Time off request approved",
            "Your time off request for 12-14 May has been approved by your manager.",
        ),
        (
            "Greenhouse <no-reply@greenhouse.io>",
            "You have been added as an interviewer",
            "You've been added as an interviewer for Jamie Doe (Backend Engineer). Please submit your scorecard "
            "within 24 hours of the interview.",
        ),
        (
            "Events <events@webinars.example>",
            "Invitation: Career webinar - land the offer",
            "Join our free webinar on interview skills. Register now.",
        ),
    ],
)
def test_noise_with_recruiting_words_is_not_relevant(sender: str, subject: str, body: str) -> None:
    assert not route([NORTHWIND], mail(body, subject, sender)).relevant
