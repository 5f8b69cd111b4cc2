"""The whole decision for one mail: auto-link, memory, orphans, stage order, the tuned sets, any input, any hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.evaluation import load_sets, route_alone, score
from jobops.config import PROJECT_ROOT
from jobops.router import JobFacts, MailFacts, Router, RouterMemory, route_message
from jobops.stages import AUTO_LINK_MIN, AUTO_LINKED, IGNORED, MESSAGE_TYPES, PENDING_USER, ROUTER_TARGETS
from tests.router.builders import TRACKED_JOBS, mail, route_tracked
from tests.router.strategies import ANY_JOBS, ANY_MAIL


def test_an_acknowledgement_from_the_employer_domain_is_auto_linked_as_applied() -> None:
    decision = route_tracked(
        mail(
            "Hi Alex, thanks for applying! We have received your application for the Site Reliability Engineer role.",
            sender="Block Recruiting <recruiting@block.xyz>",
        )
    )
    assert (decision.relevant, decision.job_id, decision.stage_target) == (True, "block-sre", "applied")
    assert decision.bucket == AUTO_LINKED and decision.confidence >= AUTO_LINK_MIN
    assert decision.message_type == "update"


def test_a_message_in_a_linked_thread_belongs_to_that_job() -> None:
    memory = RouterMemory(thread_jobs={"thr-1": "block-sre"})
    decision = route_tracked(
        mail(
            "Great news, the team would like to invite you to the final round onsite.",
            sender="Tom <tom@agency.io>",
            thread="thr-1",
        ),
        memory,
    )
    assert (decision.job_id, decision.stage_target, decision.bucket) == ("block-sre", "onsite", AUTO_LINKED)


def test_a_sender_the_user_approved_leans_to_that_job_without_auto_linking_alone() -> None:
    memory = RouterMemory(sender_jobs={"tom@agency.io": "cabify"})
    decision = route_tracked(
        mail("Quick update: the client is still reviewing feedback.", sender="Tom <tom@agency.io>"), memory
    )
    assert (decision.job_id, decision.stage_target, decision.bucket) == ("cabify", "no_change", PENDING_USER)


AGENCY_JOB = JobFacts("hays-kent", "Clinical Nurse Educator", "Hays Healthcare", "recruiter_screen")
SHARED_JOBS = [
    JobFacts("rev-data", "Senior Data Engineer", "Revolut", "recruiter_screen"),
    JobFacts("rev-backend", "Senior Backend Engineer", "Revolut", "recruiter_screen"),
]


def test_an_agency_recruiter_the_user_approved_writing_of_another_role_is_not_linked_by_itself() -> None:
    memory = RouterMemory(sender_jobs={"maeve@hays.ie": "hays-kent"})
    pitch = mail(
        "Hi Aoife, a quick call this week? Hays Healthcare has a new ward manager post in Cork I think suits you.",
        "New role",
        sender="Maeve Byrne <maeve@hays.ie>",
    )
    decision = Router([AGENCY_JOB]).route(pitch, memory)
    assert (decision.job_id, decision.bucket) == ("hays-kent", PENDING_USER)


def test_an_agency_naming_the_tracked_title_is_linked_and_one_pitching_another_role_waits() -> None:
    update = mail(
        "Hi Aoife, Hays Healthcare here: the Kent trust would like to invite you to a panel interview for the Clinical "
        "Nurse Educator post on Thursday.",
        "Interview invitation",
        sender="Maeve Byrne <maeve@hays.ie>",
    )
    pitch = mail(
        "Hi Aoife, Hays Healthcare here: a hospital in Cork would like to invite you to a panel interview for a ward "
        "manager post on Thursday.",
        "Interview invitation",
        sender="Maeve Byrne <maeve@hays.ie>",
    )
    linked, waiting = Router([AGENCY_JOB]).route(update), Router([AGENCY_JOB]).route(pitch)
    assert (linked.job_id, linked.bucket) == ("hays-kent", AUTO_LINKED)
    assert (waiting.job_id, waiting.bucket) == ("hays-kent", PENDING_USER)
    assert "does not name this one" in waiting.reason


def test_a_recruiter_approved_for_one_of_two_roles_at_an_employer_does_not_pick_the_role_alone() -> None:
    memory = RouterMemory(sender_jobs={"anna@revolut.com": "rev-backend"})
    invite = mail(
        "Hi Marta, we'd like to invite you to the technical interview at Revolut next week.",
        "Revolut: technical interview",
        sender="Anna <anna@revolut.com>",
    )
    decision = Router(SHARED_JOBS).route(invite, memory)
    assert (decision.job_id, decision.bucket) == ("rev-backend", PENDING_USER)


def test_a_teams_invitation_the_user_approved_says_nothing_about_the_next_one() -> None:
    jobs = [
        JobFacts("melia", "Operations Supervisor", "Meliá Hotels International", "recruiter_screen"),
        JobFacts("marriott", "Guest Services Manager", "Marriott International", "applied"),
    ]
    memory = RouterMemory(
        sender_jobs={"no-reply@microsoft.com": "melia"}, domain_jobs={"microsoft.com": "melia"}
    )
    invite = mail(
        "Marriott International Talent has invited you to a Microsoft Teams meeting: recruiter call.",
        "Invitation: recruiter call",
        sender="Microsoft Teams <no-reply@microsoft.com>",
    )
    decision = Router(jobs).route(invite, memory)
    assert decision.job_id != "melia"
    assert "microsoft.com" not in decision.reason


def test_a_relevant_mail_about_an_untracked_employer_is_an_orphan_for_review() -> None:
    decision = route_tracked(
        mail(
            "Thank you for applying to Vercel, we have received your application.",
            sender="Vercel <jobs@vercel.com>",
        )
    )
    assert (decision.relevant, decision.job_id, decision.bucket) == (True, None, PENDING_USER)
    assert decision.confidence < 50


def test_a_stage_behind_the_jobs_current_stage_is_not_applied_automatically() -> None:
    decision = route_tracked(
        mail(
            "We have received your application for the Backend Engineer role.",
            sender="Stripe <jobs@stripe.com>",
        )
    )
    assert decision.job_id == "stripe-be" and decision.bucket == PENDING_USER


def test_route_message_gives_the_same_decision_as_a_router() -> None:
    message = mail("We received your application.", sender="Cabify <talent@cabify.com>")
    assert route_message(message, TRACKED_JOBS) == Router(TRACKED_JOBS).route(message)


@pytest.mark.parametrize(("name", "minimum"), [("main", 150), ("holdout", 30), ("holdout2", 80)])
def test_mail_the_router_was_tuned_on_stays_routed_right(name: str, minimum: int) -> None:
    [labelled] = load_sets([name])
    scores = score(labelled, route_alone(labelled))
    assert scores["messages"] >= minimum
    assert scores["auto-link precision"] >= 0.99, scores["mistakes"]
    assert scores["job match"] >= 0.90, scores["mistakes"]
    assert scores["stage"] >= 0.90, scores["mistakes"]
    assert scores["relevance precision"] >= 0.95, scores["mistakes"]
    assert scores["relevance recall"] >= 0.95, scores["mistakes"]


def test_a_stage_named_by_a_person_at_the_employer_is_still_auto_linked() -> None:
    decision = route_tracked(
        mail(
            "We'd love to invite you to our final round next week.",
            "Next step",
            "Kim Lee <kim.lee@block.xyz>",
        )
    )
    assert (decision.job_id, decision.stage_target, decision.bucket) == ("block-sre", "onsite", AUTO_LINKED)


# ----- whatever it is given, the router answers with a valid, bounded decision and never raises


@settings(max_examples=150, deadline=None)
@given(mail=ANY_MAIL, jobs=ANY_JOBS, remember=st.booleans())
def test_any_mail_against_any_jobs_gets_a_valid_decision(
    mail: MailFacts, jobs: list[JobFacts], remember: bool
) -> None:
    ids = [job.id for job in jobs]
    memory = RouterMemory(
        thread_jobs={mail.thread_id or "": ids[0]} if remember and ids else {},
        sender_jobs={mail.from_address.lower(): ids[-1]} if remember and ids else {},
    )
    decision = Router(jobs).route(mail, memory)
    assert 0 <= decision.confidence <= 100
    assert decision.stage_target in ROUTER_TARGETS
    assert decision.message_type in MESSAGE_TYPES
    assert decision.bucket in {AUTO_LINKED, PENDING_USER, IGNORED}
    assert decision.job_id is None or decision.job_id in ids
    assert "\n" not in decision.reason
    if decision.bucket == AUTO_LINKED:
        assert decision.job_id is not None and decision.confidence >= AUTO_LINK_MIN
    if not decision.relevant:
        assert decision.bucket == IGNORED and decision.job_id is None


@settings(max_examples=20, deadline=None)
@given(chunk=st.text(min_size=1, max_size=50))
def test_a_huge_body_is_routed_without_error(chunk: str) -> None:
    body = (chunk + "\n> quoted\n") * 20_000
    mail = MailFacts("m", None, "a@b.com", "b.com", "", "Subject", datetime(2024, 5, 6, tzinfo=UTC), body)
    assert Router([JobFacts("j", "Engineer", "Acme")]).route(mail).confidence in range(101)


# ----- the same mail and jobs give the same decisions in every process, whatever Python's hash seed

SCRIPT = """
import json
from bench.evaluation import load_sets, route_alone
[labelled] = load_sets(["healthcare-eu"])
print(json.dumps({k: [o.job_id, o.stage_target, o.bucket] for k, o in sorted(route_alone(labelled).items())}))
"""


def decisions_with_hash_seed(seed: str) -> dict[str, list]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_routing_does_not_depend_on_the_hash_seed() -> None:
    first, second = decisions_with_hash_seed("1"), decisions_with_hash_seed("2")
    assert len(first) > 300
    assert first == second


def test_a_sister_brand_writing_about_another_employers_job_title_waits_for_review() -> None:
    jobs = [
        JobFacts("front-office", "Front Office Manager", "Harbour Hotel Group", "applied"),
        JobFacts("guest-relations", "Guest Relations Manager", "Riverside Hotels", "applied"),
    ]
    message = mail(
        "Thank you for your time on the Guest Relations Manager process at Riverside Hotels. We have "
        "decided to continue with candidates whose experience is closer to luxury hotels.",
        subject="Guest Relations Manager",
        sender="Talent Team <talent@harbourhotelgroup.com>",
    )
    decision = Router(jobs).route(message)
    assert decision.bucket == PENDING_USER
    assert "names the title of Guest Relations Manager at Riverside Hotels" in decision.reason


def test_post_offer_mail_that_names_neither_of_two_roles_suggests_the_one_with_the_offer() -> None:
    jobs = [
        JobFacts("sv-senior", "Senior Agronomist", "Savanna Seeds Kenya Ltd", "technical_interview"),
        JobFacts("sv-regional", "Regional Agronomy Manager", "Savanna Seeds Kenya Ltd", "offer"),
    ]
    checks = mail(
        "Dear Sam, congratulations on joining Savanna Seeds! To complete your pre-employment checks, please send "
        "a copy of your ID and your signed contract by Friday.",
        "Pre-employment checks - Sam Doyle",
        "Beatrice Auma <beatrice.auma@savannaseeds.co.ke>",
    )
    decision = Router(jobs).route(checks)
    assert (decision.job_id, decision.bucket) == ("sv-regional", PENDING_USER)
    assert "2 jobs there and the title does not decide" in decision.reason


def test_a_background_check_service_writes_about_the_employers_job_with_the_offer() -> None:
    jobs = [
        JobFacts("ald-vn", "Senior Production Manager - Vietnam", "Aldenmoor", "offer"),
        JobFacts("ald-bd", "Production Manager - Bangladesh", "Aldenmoor", "technical_interview"),
    ]
    checks = mail(
        "Aldenmoor has asked First Advantage to complete a pre-employment background screening as part of your "
        "conditional offer. Checks requested: employment verification, criminal record check - Bangladesh.",
        "Action required: complete your background screening for Aldenmoor",
        "First Advantage <noreply@fadv.com>",
    )
    decision = Router(jobs).route(checks)
    assert (decision.job_id, decision.stage_target) == ("ald-vn", "no_change")
