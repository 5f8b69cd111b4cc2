"""Routing of stored mail: new mail on each sync, and the mail waiting for review when the jobs change."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from jobops.inbox_timeline import log_from_message
from jobops.link_refusals import load_refusals
from jobops.models import Job, MailMessage, SenderMemory, utcnow
from jobops.router import Decision, JobFacts, MailFacts, Router, RouterMemory
from jobops.router.learned import current_reader
from jobops.router.people import known_people, remember
from jobops.router.senders import sender_kind
from jobops.stages import (
    ACTIVE_STATUSES,
    AUTO_LINKED,
    CLOSED,
    MANUAL_LINKED,
    PENDING,
    PENDING_USER,
    STAGES,
    WITHDRAWN,
    stage_rank,
)


def candidate_jobs(session: Session) -> list[Job]:
    """The jobs mail can be about: the open ones, then the closed ones, most recently closed first."""
    rows = list(
        session.scalars(
            select(Job)
            .where(or_(Job.status.in_(ACTIVE_STATUSES), Job.current_stage == CLOSED))
            .order_by(Job.created_at, Job.id)
        )
    )
    closed = [j for j in rows if j.current_stage == CLOSED]
    closed.sort(key=lambda j: j.closed_at or j.created_at, reverse=True)
    return [j for j in rows if j.current_stage != CLOSED] + closed


def active_jobs(session: Session) -> list[JobFacts]:
    """What the router knows of each job mail can be about, in candidate order."""
    waiting = waiting_stages(session)
    told = withdrawals_waiting(session)
    return [
        JobFacts(
            id=j.id,
            title=j.title,
            employer=j.employer,
            current_stage=j.current_stage,
            job_url=j.job_url,
            waiting_stage=waiting.get(j.id),
            withdrawn=j.outcome == WITHDRAWN or j.id in told,
        )
        for j in candidate_jobs(session)
    ]


def waiting_stages(session: Session) -> dict[str, str]:
    """For each job, the furthest step that relevant mail waiting for review suggests."""
    rows = session.execute(
        select(MailMessage.matched_job_id, MailMessage.stage_target).where(
            MailMessage.processing_status == PENDING_USER,
            MailMessage.relevant.is_(True),
            MailMessage.matched_job_id.is_not(None),
            MailMessage.stage_target.in_(STAGES),
        )
    )
    furthest: dict[str, str] = {}
    for job_id, stage in rows:
        if job_id and stage and stage_rank(stage) > stage_rank(furthest.get(job_id)):
            furthest[job_id] = stage
    return furthest


def withdrawals_waiting(session: Session) -> set[str]:
    """Jobs that relevant mail waiting for review says the candidate withdrew from."""
    rows = session.scalars(
        select(MailMessage.matched_job_id).where(
            MailMessage.processing_status == PENDING_USER,
            MailMessage.relevant.is_(True),
            MailMessage.stage_target == WITHDRAWN,
        )
    )
    return {job_id for job_id in rows if job_id}


def router_memory(session: Session) -> RouterMemory:
    """Threads already linked to a job, threads waiting for review (and those whose job is sure), senders the user
    approved for one, and the people who wrote linked mail."""
    linked = session.execute(
        select(MailMessage.external_thread_id, MailMessage.matched_job_id).where(
            MailMessage.processing_status.in_((AUTO_LINKED, MANUAL_LINKED)),
            MailMessage.matched_job_id.is_not(None),
            MailMessage.external_thread_id.is_not(None),
        )
    )
    senders = session.execute(select(SenderMemory.from_address, SenderMemory.job_id))
    waiting = session.execute(
        select(MailMessage.external_thread_id, MailMessage.matched_job_id, MailMessage.job_sure)
        .where(
            MailMessage.processing_status == PENDING_USER,
            MailMessage.relevant.is_(True),
            MailMessage.external_thread_id.is_not(None),
        )
        .order_by(MailMessage.received_at, MailMessage.external_message_id)
    )
    people = session.execute(
        select(MailMessage.from_address, MailMessage.sender_name, MailMessage.matched_job_id).where(
            MailMessage.processing_status.in_((AUTO_LINKED, MANUAL_LINKED)),
            MailMessage.matched_job_id.is_not(None),
            MailMessage.from_me.is_(False),
        )
    )
    sender_jobs = {address: job for address, job in senders}
    rows = [(thread, job or "", sure) for thread, job, sure in waiting if thread]
    review_threads = {thread: job for thread, job, _sure in rows}
    return RouterMemory(
        thread_jobs={t: j for t, j in linked if t and j},
        sender_jobs=sender_jobs,
        review_threads=review_threads,
        domain_jobs=_own_domains(sender_jobs),
        sure_threads=frozenset(t for t, j, sure in rows if sure and j and review_threads[t] == j),
        people_jobs=known_people((a or "", n or "", j) for a, n, j in people if j),
    )


def _own_domains(sender_jobs: dict[str, str]) -> dict[str, str]:
    """Organisations' own domains (not hiring platforms, job boards or free mail) of the senders the user approved."""
    domains = {address.rpartition("@")[2]: job for address, job in sorted(sender_jobs.items())}
    return {domain: job for domain, job in domains.items() if domain and sender_kind(domain) is None}


def mail_facts(message: MailMessage) -> MailFacts:
    """What the router reads of a stored message."""
    return MailFacts(
        message_id=message.id,
        thread_id=message.external_thread_id,
        from_address=message.from_address,
        from_domain=message.from_domain,
        sender_name=message.sender_name,
        subject=message.subject,
        received_at=message.received_at,
        body_text=message.body_text,
        snippet=message.snippet,
        from_me=message.from_me,
        to_address=message.to_address or "",
    )


def route_pending(session: Session, message_ids: Iterable[str] | None = None) -> dict[str, int]:
    """Route stored messages not routed yet; auto-linked ones update their job's timeline."""
    query = (
        select(MailMessage)
        .where(MailMessage.processing_status == PENDING)
        .order_by(MailMessage.received_at, MailMessage.external_message_id)
        .with_for_update(skip_locked=True, key_share=True)  # mail another run is routing now is left to it
    )
    if message_ids is not None:
        query = query.where(MailMessage.id.in_(list(message_ids)))
    counts = {"classified": 0, "relevant": 0, "matched": 0}
    for _message, decision in _route_in_order(session, list(session.scalars(query))):
        counts["classified"] += 1
        counts["relevant"] += int(decision.relevant)
        counts["matched"] += int(decision.bucket == AUTO_LINKED)
    return counts


def _route_in_order(
    session: Session, messages: list[MailMessage], keep: Callable[[Decision], bool] = lambda _decision: True
) -> Iterator[tuple[MailMessage, Decision]]:
    """Route messages in the order given against the jobs as they are now, recording the decisions `keep` accepts;
    later mail of a thread follows what was decided for earlier mail."""
    if not messages:
        return
    router = Router(active_jobs(session), current_reader())
    memory = router_memory(session)
    refusals = load_refusals(session)
    threads, waiting, people = dict(memory.thread_jobs), dict(memory.review_threads), dict(memory.people_jobs)
    sure: set[str] = set(memory.sure_threads)
    memory = replace(
        memory, thread_jobs=threads, review_threads=waiting, people_jobs=people
    )  # the rest as remembered
    for message in messages:
        decision = refusals.hold_back(
            message.id, message.from_address, router.route(mail_facts(message), memory)
        )
        if keep(decision):
            _record_decision(session, message, decision)
            _remember_thread(message.external_thread_id, decision, threads, waiting)
            if decision.bucket == AUTO_LINKED and decision.job_id and not message.from_me:
                remember(people, message.from_address, message.sender_name, decision.job_id)
            if decision.job_id:
                router.progress(_progressed(router.job(decision.job_id), session, decision))
            if message.external_thread_id and decision.bucket == PENDING_USER and decision.job_sure:
                sure.add(message.external_thread_id)
                memory = replace(memory, sure_threads=frozenset(sure))
            yield message, decision


def _progressed(job: JobFacts, session: Session, decision: Decision) -> JobFacts:
    """A job's facts after one routed mail: the stage an automatic link logged, or a step now waiting for review."""
    if decision.bucket == AUTO_LINKED:
        stored = session.get(Job, job.id)
        if stored is None:
            return job
        return replace(job, current_stage=stored.current_stage, withdrawn=stored.outcome == WITHDRAWN)
    if decision.relevant and decision.stage_target == WITHDRAWN:
        job = replace(job, withdrawn=True)
    further = stage_rank(decision.stage_target) > stage_rank(job.waiting_stage)
    if decision.relevant and decision.stage_target in STAGES and further:
        return replace(job, waiting_stage=decision.stage_target)
    return job


def _remember_thread(
    thread: str | None, decision: Decision, linked: dict[str, str], waiting: dict[str, str]
) -> None:
    """Later mail of a thread follows what the router made of this one."""
    if not thread or not decision.relevant:
        return
    if decision.bucket == AUTO_LINKED and decision.job_id:
        linked[thread] = decision.job_id
    elif decision.bucket == PENDING_USER and (decision.job_id or thread not in waiting):
        waiting[thread] = decision.job_id or ""


def rematch_waiting(session: Session) -> dict[str, int]:
    """Route the mail waiting for review again, against the jobs as they are now.

    A message that now matches surely is linked and logged as an automatic link would be; the others get
    the new suggestion. Mail the router now calls irrelevant stays waiting: only the user dismisses it.
    """
    query = select(MailMessage).where(MailMessage.processing_status == PENDING_USER)
    query = query.with_for_update(
        skip_locked=True, key_share=True
    )  # mail the user is deciding is left to them
    waiting = list(session.scalars(query.order_by(MailMessage.received_at, MailMessage.external_message_id)))
    counts = {"rematched": 0, "linked": 0}
    for _message, decision in _route_in_order(session, waiting, keep=lambda decision: decision.relevant):
        counts["rematched"] += 1
        counts["linked"] += int(decision.bucket == AUTO_LINKED)
    return counts


def follow_approved_thread(session: Session, message: MailMessage) -> list[str]:
    """Route again the thread's other mail waiting for review, now that the user linked it; the ids linked by it."""
    if not message.external_thread_id:
        return []
    query = select(MailMessage).where(
        MailMessage.processing_status == PENDING_USER,
        MailMessage.external_thread_id == message.external_thread_id,
        MailMessage.provider == message.provider,
        MailMessage.account_key == message.account_key,
    )
    query = query.with_for_update(skip_locked=True, key_share=True)
    waiting = list(session.scalars(query.order_by(MailMessage.received_at, MailMessage.external_message_id)))
    routed = _route_in_order(session, waiting, keep=lambda decision: decision.relevant)
    return [mail.id for mail, decision in routed if decision.bucket == AUTO_LINKED]


def _record_decision(session: Session, message: MailMessage, decision: Decision) -> None:
    """Store what the router said; a sure match logs its stage event at once."""
    message.relevant = decision.relevant
    message.match_confidence = decision.confidence
    message.stage_target = decision.stage_target
    message.message_type = decision.message_type
    message.reason = decision.reason
    message.job_sure = decision.job_sure
    message.matched_job_id = decision.job_id
    message.processing_status = decision.bucket
    if decision.bucket == AUTO_LINKED and decision.job_id:
        message.decided_at = utcnow()
        log_from_message(session, message, decision.job_id, decision.stage_target, actor="system")
    session.flush()
