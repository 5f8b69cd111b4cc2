"""The In Progress Board: active jobs grouped by stage, Applied to Offer, with what is due; closed ones on request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from jobops.humanize import days_between
from jobops.models import Job, MailMessage, StageEvent
from jobops.next_steps import due_step, local_now
from jobops.stages import ACTIVE_STATUSES, CLOSED, OPEN_STAGES, PENDING_USER, STAGE_LABELS, standing_label

DEFAULT_QUIET_DAYS = 14
# Stages counted as "later" above the board: past the first screens.
LATER_STAGES = ("hiring_manager_screen", "technical_interview", "onsite", "offer")


@dataclass(frozen=True)
class Card:
    job_id: str
    title: str
    employer: str
    stage: str
    days_in_stage: int
    last_event: str
    last_event_at: datetime | None
    quiet: bool
    pending_mail: int
    standing: str
    next_step: str | None = None  # with when it is due: `Overdue 2 d: Call Anna`
    overdue: bool = False

    @property
    def due(self) -> str | None:
        """What the job asks of the user now: an overdue step, mail to review, the next step, a follow-up when quiet."""
        if self.overdue and self.next_step:
            return self.next_step
        if self.pending_mail:
            return f"{self.pending_mail} mail to review"
        if self.next_step:
            return self.next_step
        if self.quiet and self.stage != CLOSED:
            return "Follow up"
        return None

    @property
    def suggests_follow_up(self) -> bool:
        """A quiet open job with no next step: one click sets a follow-up."""
        return self.quiet and self.stage != CLOSED and not self.next_step


def _latest_event_titles(session: Session, job_ids: list[str]) -> dict[str, str]:
    """The title of each job's newest event."""
    if not job_ids:
        return {}
    ranked = (
        select(
            StageEvent.job_id,
            StageEvent.title,
            func.row_number()
            .over(
                partition_by=StageEvent.job_id,
                order_by=(StageEvent.occurred_at.desc(), StageEvent.created_at.desc()),
            )
            .label("rank"),
        )
        .where(StageEvent.job_id.in_(job_ids))
        .subquery()
    )
    rows = session.execute(select(ranked.c.job_id, ranked.c.title).where(ranked.c.rank == 1))
    return {job_id: title for job_id, title in rows}


def _pending_mail(session: Session) -> dict[str, int]:
    """How many inbox items wait for the user, by suggested job."""
    rows = session.execute(
        select(MailMessage.matched_job_id, func.count())
        .where(MailMessage.processing_status == PENDING_USER, MailMessage.matched_job_id.is_not(None))
        .group_by(MailMessage.matched_job_id)
    )
    return {job_id: count for job_id, count in rows if job_id is not None}


def board(
    session: Session,
    *,
    search: str | None = None,
    stages: list[str] | None = None,
    show_closed: bool = False,
    quiet_days: int = DEFAULT_QUIET_DAYS,
    now: datetime | None = None,
) -> dict[str, list[Card]]:
    """Cards for each open stage from Applied to Offer, mail to review first, then the longest waiting.

    Closed jobs are archived: they get a last column only with `show_closed`, most recently closed first.
    """
    now = now or datetime.now(UTC)
    query = select(Job).where(Job.status.in_(ACTIVE_STATUSES))
    if not show_closed:
        query = query.where(or_(Job.current_stage.is_(None), Job.current_stage != CLOSED))
    if search and search.strip():
        like = f"%{search.strip()}%"
        query = query.where(or_(Job.title.ilike(like), Job.employer.ilike(like)))
    jobs = list(session.scalars(query))
    titles = _latest_event_titles(session, [j.id for j in jobs])
    pending = _pending_mail(session)
    clock = local_now(now)
    shown = OPEN_STAGES + ((CLOSED,) if show_closed else ())
    columns: dict[str, list[Card]] = {stage: [] for stage in shown if not stages or stage in stages}
    for job in jobs:
        stage = job.current_stage or "applied"
        if stage not in columns:
            continue
        quiet_for = days_between(job.last_event_at or job.created_at, now) or 0
        step = due_step(job, clock)
        columns[stage].append(
            Card(
                job_id=job.id,
                title=job.title,
                employer=job.employer,
                stage=stage,
                days_in_stage=days_between(job.stage_changed_at or job.created_at, now) or 0,
                last_event=titles.get(job.id, "No events yet"),
                last_event_at=job.last_event_at,
                quiet=quiet_for >= quiet_days,
                pending_mail=pending.get(job.id, 0),
                standing=standing_label(job.status, job.current_stage, job.outcome),
                next_step=step.text if step else None,
                overdue=step.overdue if step else False,
            )
        )
    for stage, cards in columns.items():
        cards.sort(
            key=lambda c: (c.days_in_stage,)
            if stage == CLOSED
            else (not c.overdue, -c.pending_mail, -c.days_in_stage)
        )
    return columns


def summary(columns: dict[str, list[Card]]) -> dict[str, Any]:
    """Counts shown above the board (closed jobs do not count)."""
    cards = [c for stage, cs in columns.items() if stage != CLOSED for c in cs]
    return {
        "active": len(cards),
        "later": sum(len(columns.get(s, [])) for s in LATER_STAGES),
        "quiet": sum(c.quiet for c in cards),
        "pendingMail": sum(c.pending_mail for c in cards),
    }


def stage_title(stage: str, count: int) -> str:
    """Column heading: `Technical Interview · 3`."""
    return f"{STAGE_LABELS[stage]} · {count}"
