"""Route a labelled set as a user who answers the Tracking Inbox at the end of each day would live it.

Mail arrives day by day. After each day's routing, what the router made of that day's mail is scored, then the
user answers what waits for review as the labels say: mail about a tracked job is approved with its job and
stage, noise is dismissed, and orphans are left waiting. The next day's mail meets what those answers taught
JobOps: linked threads, approved senders and their organisations' domains. Wrong automatic links are left in
place, as a user who never opens them would.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bench.evaluation import (
    LabelledSet,
    Outcome,
    add_jobs,
    fresh_engine,
    read_outcomes,
    received_at,
    store_and_route,
)
from jobops import inbox
from jobops.db import session_scope
from jobops.models import MailMessage
from jobops.schemas.inbox import Decision
from jobops.stages import PENDING_USER


def route_answering(labelled: LabelledSet, folder: Path) -> dict[str, Outcome]:
    """The router's first decision on every message, with the user answering the inbox after each day."""
    engine = fresh_engine(folder)
    ids = add_jobs(engine, labelled.jobs)
    outcomes: dict[str, Outcome] = {}
    for day in _days(labelled.messages):
        store_and_route(engine, day)
        today = {row["id"] for row in day}
        outcomes |= {key: out for key, out in read_outcomes(engine, labelled, ids).items() if key in today}
        with session_scope(engine) as session:
            for row in day:
                _answer(session, row, ids)
    return outcomes


def _days(messages: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The messages grouped by the day they arrived, in order."""
    days: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in messages:
        days[received_at(row).date().isoformat()].append(row)
    return [days[day] for day in sorted(days)]


def _answer(session: Session, row: dict[str, Any], ids: dict[str, str]) -> None:
    """Approve or dismiss one waiting message as its label says; orphans and decided mail are left alone."""
    message = session.scalars(select(MailMessage).where(MailMessage.external_message_id == row["id"])).first()
    if message is None or message.processing_status != PENDING_USER:
        return
    label = row["label"]
    if not label["relevant"]:
        inbox.deny(session, message.id, Decision())
    elif label["job_id"]:
        inbox.approve(
            session, message.id, Decision(job_id=ids[label["job_id"]], stage_target=label["stage_target"])
        )
