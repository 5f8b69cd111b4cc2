"""Steps and decisions told in Punjabi (Gurmukhi), and the candidate's own Punjabi mail. The mails are written for
these tests."""

from __future__ import annotations

import pytest

from jobops.gmail.query import recruitment_searches
from jobops.router import JobFacts
from jobops.router.own_mail import applies, withdraws
from jobops.router.text import fold
from tests.router.builders import route_language

JOBS = {"pa": JobFacts("pa", "AZ Driver – Long Haul", "Panj Darya Freight Inc.", "applied")}
SENDERS = {"pa": "Panj Darya Freight <office@panjdarya.example>"}

STEPS = [
    ("ਤੁਹਾਡੀ ਅਰਜ਼ੀ", "ਸਤ ਸ੍ਰੀ ਅਕਾਲ ਜੀ, ਅਰਜ਼ੀ ਲਈ ਧੰਨਵਾਦ। ਮਾਲਕ ਇਸ ਹਫ਼ਤੇ ਤੁਹਾਡਾ ਰਿਜ਼ਿਊਮ ਦੇਖਣਗੇ।", "applied"),
    ("ਅਰਜ਼ੀ ਬਾਰੇ", "ਜੀ, ਸਾਨੂੰ ਕੰਟੇਨਰ ਦਾ ਤਜਰਬਾ ਚਾਹੀਦਾ ਹੈ। ਇਸ ਲਈ ਇਸ ਵਾਰ ਗੱਲ ਨਹੀਂ ਬਣੀ। ਧੰਨਵਾਦ।", "rejected"),
    ("ਨੌਕਰੀ ਦੀ ਪੇਸ਼ਕਸ਼", "ਖ਼ੁਸ਼ੀ ਦੀ ਗੱਲ ਹੈ – ਅਸੀਂ ਤੁਹਾਨੂੰ AZ ਡਰਾਈਵਰ ਦੀ ਨੌਕਰੀ ਦੀ ਪੇਸ਼ਕਸ਼ ਕਰਦੇ ਹਾਂ।", "offer"),
    ("ਰੋਡ ਟੈਸਟ", "ਹੁਣ ਅਗਲਾ ਅਤੇ ਆਖ਼ਰੀ ਕਦਮ ਰੋਡ ਟੈਸਟ ਹੈ, ਸ਼ਨੀਵਾਰ ਸਵੇਰੇ 9 ਵਜੇ ਯਾਰਡ 'ਤੇ।", "onsite"),
]


@pytest.mark.parametrize(("subject", "body", "stage"), STEPS)
def test_a_step_or_decision_in_punjabi_is_read_for_its_job(subject: str, body: str, stage: str) -> None:
    decision = route_language(JOBS, SENDERS, "pa", subject, body)
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, "pa", stage)


def test_the_candidates_own_punjabi_application_and_decline_are_read() -> None:
    assert applies(fold("ਮੈਂ ਇਸ ਨੌਕਰੀ ਲਈ ਅਰਜ਼ੀ ਦੇਣਾ ਚਾਹੁੰਦਾ ਹਾਂ। ਮੇਰਾ ਰਿਜ਼ਿਊਮ ਨਾਲ ਲਗਾ ਰਿਹਾ ਹਾਂ।"))
    assert withdraws(fold("ਮਾਫ਼ੀ ਚਾਹੁੰਦਾ ਹਾਂ, ਮੈਂ ਤੁਹਾਡੀ ਪੇਸ਼ਕਸ਼ ਸਵੀਕਾਰ ਨਹੀਂ ਕਰ ਸਕਾਂਗਾ।"))
    assert withdraws(fold("ਧੰਨਵਾਦ ਜੀ, ਕੱਲ੍ਹ ਗੱਲ ਕਰਦੇ ਹਾਂ।")) is None


def test_the_gmail_search_looks_for_punjabi_words() -> None:
    searches = " ".join(recruitment_searches(30))
    assert all(word in searches for word in ("ਅਰਜ਼ੀ", "ਨੌਕਰੀ", "ਇੰਟਰਵਿਊ"))
