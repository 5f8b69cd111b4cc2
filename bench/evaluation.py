"""Score the router on labelled mailboxes: in process (the router alone, or the app's routing) or end to end.

A set is a folder of tests/router_eval/ (jobs.json, messages.jsonl) or, for the first sets, a jobs file and
a messages file. tests/router_eval/sets.json lists them with who wrote them, whether they are locked (never
opened after their first score) and their first-sight figures.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from jobops.db import make_engine, migrate, session_scope
from jobops.inbox_routing import route_pending
from jobops.jobs import create_job, set_outcome
from jobops.mail.store import ParsedMessage, store_messages
from jobops.models import MailMessage, StageEvent, SyncRun
from jobops.router.facts import Decision, JobFacts, MailFacts, RouterMemory
from jobops.router.routing import Router
from jobops.schemas import parse
from jobops.schemas.events import EventMetadata, StageChange
from jobops.schemas.jobs import JobIn, OutcomeIn
from jobops.stages import AUTO_LINKED, CLOSED, TARGET_OUTCOMES
from jobops.tracking import transition_stage

EVAL_DIR = Path(__file__).resolve().parents[1] / "tests" / "router_eval"


@dataclass(frozen=True)
class LabelledSet:
    """One labelled mailbox and what is known about how it was written and used."""

    name: str
    title: str
    jobs: list[dict[str, Any]]
    messages: list[dict[str, Any]]
    locked: bool = False
    tuning: bool = False
    author: str = ""
    first_sight: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    """What JobOps made of one labelled message."""

    fetched: bool
    relevant: bool = False
    job_id: str | None = None
    stage_target: str = "no_change"
    bucket: str = ""
    logged_stage: str | None = None  # a stage event JobOps logged by itself for this message
    reason: str = ""


def load_sets(names: Iterable[str] = ()) -> list[LabelledSet]:
    """The sets listed in sets.json (all, or the named ones)."""
    listed = json.loads((EVAL_DIR / "sets.json").read_text("utf-8"))
    wanted = set(names)
    return [_load(entry) for entry in listed if not wanted or entry["name"] in wanted]


def _load(entry: dict[str, Any]) -> LabelledSet:
    """Read one set's files."""
    folder = EVAL_DIR / entry.get("dir", "")
    jobs = json.loads((folder / entry.get("jobs", "jobs.json")).read_text("utf-8"))
    lines = (folder / entry.get("messages", "messages.jsonl")).read_text("utf-8").splitlines()
    return LabelledSet(
        name=entry["name"],
        title=entry.get("title", entry["name"]),
        jobs=jobs,
        messages=[json.loads(line) for line in lines if line.strip()],
        locked=bool(entry.get("locked")),
        tuning=bool(entry.get("tuning")),
        author=entry.get("author", ""),
        first_sight=entry.get("first_sight", {}),
    )


# --- the router alone, with the memory each labelled message names ----------------------------


def mail_facts(row: dict[str, Any]) -> MailFacts:
    """A labelled message as the router reads it."""
    address = (row.get("from_address") or "").lower()  # mail can lack a From header
    return MailFacts(
        message_id=row["id"],
        thread_id=row.get("thread_id"),
        from_address=address,
        from_domain=address.rpartition("@")[2],
        sender_name=row.get("sender_name") or "",
        subject=row["subject"],
        received_at=datetime.fromisoformat(row["received_at"]),
        body_text=row["body_text"],
        from_me=bool(row.get("from_me")),
        to_address=(row.get("to_address") or "").lower(),
    )


def route_alone(labelled: LabelledSet) -> dict[str, Outcome]:
    """Each message routed on its own, with the memory its row names (the first sets' way)."""
    router = Router([_job_facts(job) for job in labelled.jobs])
    outcomes = {}
    for row in labelled.messages:
        decision = router.route(mail_facts(row), RouterMemory(**row.get("memory", {})))
        outcomes[row["id"]] = _from_decision(decision)
    return outcomes


def _job_facts(job: dict[str, Any]) -> JobFacts:
    """A labelled job as the router sees it."""
    stage = CLOSED if job.get("closed") else job.get("current_stage")
    return JobFacts(
        id=job["id"],
        title=job["title"],
        employer=job["employer"],
        current_stage=stage,
        job_url=job.get("job_url"),
    )


def _from_decision(decision: Decision) -> Outcome:
    logged = (
        decision.stage_target
        if decision.bucket == AUTO_LINKED and decision.stage_target != "no_change"
        else None
    )
    return Outcome(
        True,
        decision.relevant,
        decision.job_id,
        decision.stage_target,
        decision.bucket,
        logged,
        decision.reason,
    )


# --- the app's own routing: jobs and mail in a database, routed in received order ----------------


def fresh_engine(folder: Path) -> Engine:
    """A migrated SQLite database in a folder."""
    engine = make_engine(f"sqlite:///{folder}/eval.db")
    migrate(engine)
    return engine


def add_jobs(
    engine: Engine, jobs: list[dict[str, Any]], create: Callable[[dict[str, Any]], str] | None = None
) -> dict[str, str]:
    """Create the set's jobs where they stand before the first message; label id -> JobOps id."""
    ids = {}
    with session_scope(engine) as session:
        for job in jobs:
            data = {"title": job["title"], "employer": job["employer"], "jobUrl": job.get("job_url")}
            if job.get("applied_at"):
                data["appliedAt"] = job["applied_at"]
            job_id = (
                create(data)
                if create
                else create_job(session, parse(JobIn, {k: v for k, v in data.items() if v})).id
            )
            ids[job["id"]] = job_id
    with session_scope(engine) as session:
        for job in jobs:
            stage = job.get("current_stage") or "applied"
            if stage not in ("applied", CLOSED):
                transition_stage(
                    session, ids[job["id"]], StageChange(to_stage=stage, metadata=EventMetadata(actor="user"))
                )
            if job.get("closed") or stage == CLOSED:
                set_outcome(session, ids[job["id"]], OutcomeIn(outcome="no_response"))
    return ids


def route_in_app(labelled: LabelledSet, folder: Path) -> dict[str, Outcome]:
    """Store every message as a sync would and let the app route them, oldest first."""
    engine = fresh_engine(folder)
    ids = add_jobs(engine, labelled.jobs)
    store_and_route(engine, labelled.messages)
    return read_outcomes(engine, labelled, ids)


def store_and_route(engine: Engine, rows: list[dict[str, Any]]) -> None:
    """Store labelled messages as one sync run would, then let the app route them."""
    with session_scope(engine) as session:
        run = SyncRun(provider="gmail", account_key="default", mode="full", owner_pid=0)
        session.add(run)
        session.flush()
        store_messages(session, run.id, "gmail", "default", [_parsed(row) for row in rows])
    with session_scope(engine) as session:
        route_pending(session)


def _parsed(row: dict[str, Any]) -> ParsedMessage:
    facts = mail_facts(row)
    return ParsedMessage(
        external_id=row["id"],
        thread_id=facts.thread_id,
        from_address=facts.from_address,
        from_domain=facts.from_domain,
        sender_name=facts.sender_name,
        subject=facts.subject,
        received_at=facts.received_at,
        snippet=" ".join(facts.body_text.split())[:200],
        body_text=facts.body_text,
        from_me=facts.from_me,
        to_address=facts.to_address,
    )


def read_outcomes(
    engine: Engine, labelled: LabelledSet, ids: dict[str, str], external_ids: dict[str, str] | None = None
) -> dict[str, Outcome]:
    """What the database says about each labelled message (by label id; external ids when they differ)."""
    back = {value: key for key, value in ids.items()}
    external_ids = external_ids or {row["id"]: row["id"] for row in labelled.messages}
    with session_scope(engine) as session:
        messages = {m.external_message_id: m for m in session.scalars(select(MailMessage))}
        events = {
            e.message_id: e
            for e in session.scalars(select(StageEvent).where(StageEvent.message_id.is_not(None)))
            if (e.meta or {}).get("actor") == "system"
        }
        outcomes = {}
        for row in labelled.messages:
            message = messages.get(external_ids.get(row["id"], ""))
            if message is None:
                outcomes[row["id"]] = Outcome(False)
                continue
            event = events.get(message.id)
            logged = None
            if event is not None:
                logged = (
                    event.outcome
                    if event.to_stage == CLOSED and event.outcome in TARGET_OUTCOMES
                    else event.to_stage
                )
            outcomes[row["id"]] = Outcome(
                True,
                bool(message.relevant),
                back.get(message.matched_job_id or ""),
                message.stage_target or "no_change",
                message.processing_status,
                logged,
                message.reason or "",
            )
    return outcomes


# --- figures -------------------------------------------------------------------------------


def _stages(label: dict[str, Any]) -> set[str]:
    """Every stage a careful reader accepts for a message."""
    return {label["stage_target"], *label.get("stage_alternatives", [])}


def _share(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def score(labelled: LabelledSet, outcomes: dict[str, Outcome]) -> dict[str, Any]:
    """The figures the router is judged by, and a line for each mistake."""
    rows = [(row["label"], outcomes[row["id"]], row) for row in labelled.messages]
    relevant = [(label, out) for label, out, _ in rows if label["relevant"]]
    tracked = [(label, out) for label, out in relevant if label["job_id"]]
    autos = [(label, out) for label, out, _ in rows if out.bucket == AUTO_LINKED]
    flagged = [label for label, out, _ in rows if out.relevant]
    precision = _share(sum(label["relevant"] for label in flagged), len(flagged))
    recall = _share(sum(out.relevant for _, out in relevant), len(relevant))
    wrong_logged = [
        (label, out)
        for label, out, _ in rows
        if out.logged_stage and (out.job_id != label["job_id"] or out.logged_stage not in _stages(label))
    ]
    return {
        "messages": len(rows),
        "relevant": len(relevant),
        "search recall": _share(sum(out.fetched for _, out in relevant), len(relevant)),
        "auto-linked": len(autos),
        "auto-link precision": _share(sum(_auto_right(label, out) for label, out in autos), len(autos)),
        "job match": _share(sum(out.job_id == label["job_id"] for label, out in tracked), len(tracked)),
        "stage": _share(sum(out.stage_target in _stages(label) for label, out in relevant), len(relevant)),
        "relevance precision": precision,
        "relevance recall": recall,
        "relevance F1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "tracked, no review": _share(
            sum(out.bucket == AUTO_LINKED and out.job_id == label["job_id"] for label, out in tracked),
            len(tracked),
        ),
        "wrong stages logged automatically": len(wrong_logged),
        "mistakes": [_mistake(row["id"], label, out) for label, out, row in rows if not _right(label, out)],
    }


def _auto_right(label: dict[str, Any], out: Outcome) -> bool:
    return label["relevant"] and out.job_id == label["job_id"] and out.stage_target in _stages(label)


def _right(label: dict[str, Any], out: Outcome) -> bool:
    return (
        out.relevant == label["relevant"]
        and out.job_id == label["job_id"]
        and (not label["relevant"] or out.stage_target in _stages(label))
    )


def _mistake(message_id: str, label: dict[str, Any], out: Outcome) -> str:
    if not out.fetched:
        return f"{message_id}: never fetched by the search (expected job={label['job_id']} stage={label['stage_target']})"
    return (
        f"{message_id}: expected relevant={label['relevant']} job={label['job_id']} stage={label['stage_target']}; "
        f"got relevant={out.relevant} job={out.job_id} stage={out.stage_target} ({out.bucket}): {out.reason}"
    )


def received_at(row: dict[str, Any]) -> datetime:
    """When a labelled message arrived, as an aware datetime."""
    moment = datetime.fromisoformat(row["received_at"])
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def applied_moment(day: str) -> datetime:
    """A labelled applied date at the start of its day."""
    return datetime.combine(date.fromisoformat(day), time(0, 0), tzinfo=UTC)
