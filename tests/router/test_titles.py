"""Job titles: the title a mail names decides between jobs at one employer."""

from __future__ import annotations

from jobops.stages import AUTO_LINK_MIN, AUTO_LINKED, PENDING_USER
from tests.router.builders import mail, route_tracked


def test_the_title_decides_between_two_jobs_at_the_same_employer() -> None:
    decision = route_tracked(
        mail(
            "The next step for the Data Engineer, Payments role is a take-home assignment.",
            sender="Stripe Recruiting <no-reply@greenhouse.io>",
        )
    )
    assert (decision.job_id, decision.stage_target) == ("stripe-data", "assessment")
    assert decision.bucket == AUTO_LINKED


def test_two_jobs_at_one_employer_without_a_title_stay_below_auto_link() -> None:
    decision = route_tracked(
        mail(
            "Are you free for a quick call on Thursday?", sender="Stripe Recruiting <no-reply@greenhouse.io>"
        )
    )
    assert decision.job_id in {"stripe-be", "stripe-data"}
    assert decision.confidence < AUTO_LINK_MIN and decision.bucket == PENDING_USER
