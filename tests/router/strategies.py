"""Hypothesis strategies for router tests: any text (with words the router looks for), any jobs, any mail."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import strategies as st

from jobops.router import JobFacts, MailFacts
from jobops.stages import STAGES

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

ANY_JOBS = st.lists(
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

ANY_MAIL = st.builds(
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
