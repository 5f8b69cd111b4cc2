"""What crosses the router's boundary: a message, the active jobs, what the user taught it, the decision."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class MailFacts:
    message_id: str
    thread_id: str | None
    from_address: str
    from_domain: str
    sender_name: str
    subject: str
    received_at: datetime
    body_text: str
    snippet: str = ""
    from_me: bool = False  # the candidate wrote it
    to_address: str = ""  # the first recipient: whom the candidate wrote to


@dataclass(frozen=True)
class JobFacts:
    id: str
    title: str
    employer: str
    current_stage: str | None = None
    job_url: str | None = None
    waiting_stage: str | None = None  # the furthest step that mail waiting for review suggests for this job
    withdrawn: bool = False  # the candidate withdrew: logged, or told in mail waiting for review


@dataclass(frozen=True)
class RouterMemory:
    """What earlier mail settled: linked threads and senders -> job id; threads waiting for review -> suggested job.

    A thread waiting for review maps to its suggested job's id, or to "" when it waits with no suggestion.
    """

    thread_jobs: Mapping[str, str] = field(default_factory=dict)
    sender_jobs: Mapping[str, str] = field(default_factory=dict)
    review_threads: Mapping[str, str] = field(default_factory=dict)
    domain_jobs: Mapping[str, str] = field(default_factory=dict)  # an employer's own domain the user approved
    sure_threads: frozenset[str] = (
        frozenset()
    )  # threads waiting for review only for their stage: the job is sure
    people_jobs: Mapping[str, str] = field(
        default_factory=dict
    )  # a person who wrote linked mail (folded name)


@dataclass(frozen=True)
class Decision:
    relevant: bool
    job_id: str | None
    confidence: int
    stage_target: str
    message_type: str
    reason: str
    bucket: str
    job_sure: bool = False  # the job alone is sure enough to link: only the stage (or nothing) holds it back
