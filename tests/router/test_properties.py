"""Whatever it is given, the router answers with a valid, bounded decision and never raises."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from jobops.router import JobFacts, MailFacts, Router, RouterMemory
from jobops.router.text import newest_part
from jobops.stages import (
    AUTO_LINK_MIN,
    AUTO_LINKED,
    IGNORED,
    MESSAGE_TYPES,
    PENDING_USER,
    ROUTER_TARGETS,
    STAGES,
)

WORDS = st.sampled_from(
    [
        "Stripe",
        "Inc.",
        "interview",
        "offer",
        "application",
        "Bewerbung",
        "candidature",
        "entrevista",
        "unfortunately",
        "> quoted",
        "On Mon wrote:",
        "\n",
        "Meta",
        "metadata",
        "ß",
        "é",
        "🙂",
        "",
        "@",
        ".",
    ]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join))
JOBS = st.lists(
    st.builds(
        JobFacts,
        id=st.uuids().map(str),
        title=TEXT,
        employer=TEXT,
        current_stage=st.one_of(st.none(), st.sampled_from(STAGES)),
        job_url=st.one_of(st.none(), st.text(max_size=40)),
    ),
    max_size=6,
)
MAILS = st.builds(
    MailFacts,
    message_id=st.just("m"),
    thread_id=st.one_of(st.none(), st.text(max_size=5)),
    from_address=st.one_of(st.emails(), st.text(max_size=40)),
    from_domain=st.text(max_size=30),
    sender_name=TEXT,
    subject=TEXT,
    received_at=st.just(datetime(2024, 5, 6, tzinfo=UTC)),
    body_text=TEXT,
)


@settings(max_examples=150, deadline=None)
@given(mail=MAILS, jobs=JOBS, remember=st.booleans())
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


@settings(max_examples=100, deadline=None)
@given(body=TEXT)
def test_the_newest_part_is_never_longer_than_the_body(body: str) -> None:
    assert len(newest_part(body)) <= len(body)
