"""Score the router against a labelled set of mail: precision of automatic links, match, stage, relevance."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from jobops.router.facts import Decision, JobFacts, MailFacts, RouterMemory
from jobops.router.routing import Router
from jobops.stages import AUTO_LINKED

EVAL_DIR = Path(__file__).resolve().parents[2] / "tests" / "router_eval"


@dataclass(frozen=True)
class LabelledMail:
    id: str
    mail: MailFacts
    memory: RouterMemory
    relevant: bool
    job_id: str | None
    stage_target: str
    message_type: str


@dataclass(frozen=True)
class Scores:
    messages: int
    auto_linked: int
    auto_link_precision: float
    job_match_accuracy: float
    stage_accuracy: float
    message_type_accuracy: float
    relevance_precision: float
    relevance_recall: float
    no_review_share: float
    mistakes: tuple[str, ...]


def load_jobs(directory: Path = EVAL_DIR) -> list[JobFacts]:
    """The active jobs of the evaluation set."""
    return [JobFacts(**row) for row in json.loads((directory / "jobs.json").read_text("utf-8"))]


def load_messages(directory: Path = EVAL_DIR, name: str = "messages.jsonl") -> list[LabelledMail]:
    """The labelled mail of the evaluation set (or of its held-out part, holdout.jsonl)."""
    lines = (directory / name).read_text("utf-8").splitlines()
    return [_labelled(json.loads(line)) for line in lines if line.strip()]


def _labelled(row: dict[str, Any]) -> LabelledMail:
    """One JSON line as a mail, the memory it is routed with and its labels."""
    address = row["from_address"]
    mail = MailFacts(
        message_id=row["id"],
        thread_id=row.get("thread_id"),
        from_address=address,
        from_domain=address.rpartition("@")[2].lower(),
        sender_name=row.get("sender_name", ""),
        subject=row["subject"],
        received_at=datetime.fromisoformat(row["received_at"]),
        body_text=row["body_text"],
    )
    memory = RouterMemory(**row.get("memory", {}))
    label = row["label"]
    return LabelledMail(row["id"], mail, memory, label["relevant"], label["job_id"], label["stage_target"], label["message_type"])


def evaluate(jobs: list[JobFacts], messages: list[LabelledMail]) -> Scores:
    """Route every labelled mail and compare with its labels."""
    router = Router(jobs)
    results = [(case, router.route(case.mail, case.memory)) for case in messages]
    relevant = [(case, decision) for case, decision in results if case.relevant]
    tracked = [(case, decision) for case, decision in relevant if case.job_id]
    autos = [(case, decision) for case, decision in results if decision.bucket == AUTO_LINKED]
    flagged = [decision for _, decision in results if decision.relevant]
    return Scores(
        messages=len(results),
        auto_linked=len(autos),
        auto_link_precision=_share(autos, _auto_right),
        job_match_accuracy=_share(tracked, lambda c, d: d.job_id == c.job_id),
        stage_accuracy=_share(relevant, lambda c, d: d.stage_target == c.stage_target),
        message_type_accuracy=_share(relevant, lambda c, d: d.message_type == c.message_type),
        relevance_precision=sum(case.relevant for case, d in results if d.relevant) / max(1, len(flagged)),
        relevance_recall=_share(relevant, lambda c, d: d.relevant),
        no_review_share=_share(relevant, lambda c, d: d.bucket == AUTO_LINKED),
        mistakes=tuple(_mistake(case, decision) for case, decision in results if not _right(case, decision)),
    )


def _auto_right(case: LabelledMail, decision: Decision) -> bool:
    """An automatic link is right when job and stage both are."""
    return case.relevant and decision.job_id == case.job_id and decision.stage_target == case.stage_target


def _right(case: LabelledMail, decision: Decision) -> bool:
    """Whether the router agrees with every label."""
    return (
        decision.relevant == case.relevant
        and decision.job_id == case.job_id
        and decision.stage_target == case.stage_target
    )


def _share(pairs: list[tuple[LabelledMail, Decision]], test: Any) -> float:
    """Share of pairs passing a test (1.0 for none)."""
    return sum(1 for case, decision in pairs if test(case, decision)) / len(pairs) if pairs else 1.0


def _mistake(case: LabelledMail, decision: Decision) -> str:
    """One line saying what the router got wrong on a mail."""
    return (
        f"{case.id}: expected relevant={case.relevant} job={case.job_id} stage={case.stage_target}; "
        f"got relevant={decision.relevant} job={decision.job_id} stage={decision.stage_target} "
        f"confidence={decision.confidence} ({decision.bucket}): {decision.reason}"
    )
