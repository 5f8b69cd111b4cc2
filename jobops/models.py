"""SQLAlchemy 2.0 models: jobs, stage events, mail accounts, synced messages and sync runs."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A fresh UUID string for a primary key."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC without a zone (SQLite keeps none) and always returns aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Job(Base):
    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    title: Mapped[str] = mapped_column(String(300))
    employer: Mapped[str] = mapped_column(String(300))
    job_url: Mapped[str | None] = mapped_column(String(2000))
    location: Mapped[str | None] = mapped_column(String(300))
    source: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)
    salary: Mapped[str | None] = mapped_column(String(200))  # free text, as the posting or recruiter said it
    recruiter_name: Mapped[str | None] = mapped_column(String(300))
    recruiter_email: Mapped[str | None] = mapped_column(String(320))
    # What the user means to do next, on a day (and at a wall-clock time) in their own zone.
    next_step: Mapped[str | None] = mapped_column(String(300))
    next_step_due: Mapped[date | None] = mapped_column(Date)
    next_step_time: Mapped[time | None] = mapped_column(Time)
    status: Mapped[str] = mapped_column(String(20), default="applied", index=True)
    applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(String(30))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Derived from the events by jobops.tracking; stored so lists and the board need no extra query.
    current_stage: Mapped[str | None] = mapped_column(String(30))
    stage_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_event_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    is_sample: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    events: Mapped[list[StageEvent]] = relationship(
        back_populates="job", cascade="all, delete-orphan", passive_deletes=True
    )


class StageEvent(Base):
    __tablename__ = "stage_events"
    __table_args__ = (Index("ix_stage_events_job_occurred", "job_id", "occurred_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"))
    from_stage: Mapped[str | None] = mapped_column(String(30))
    to_stage: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(300))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    outcome: Mapped[str | None] = mapped_column(String(30))
    # actor, eventType, eventLabel, note, reasonCode, externalUrl, groupId, groupLabel
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSON, default=dict)
    # The synced message that produced this event, if any.
    message_id: Mapped[str | None] = mapped_column(ForeignKey("mail_messages.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    job: Mapped[Job] = relationship(back_populates="events")


class MailAccount(Base):
    """A connected mailbox (provider + account key) and its encrypted credentials."""

    __tablename__ = "mail_accounts"
    __table_args__ = (UniqueConstraint("provider", "account_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    provider: Mapped[str] = mapped_column(String(20))
    account_key: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20), default="disconnected")  # connected|error|disconnected
    email: Mapped[str | None] = mapped_column(String(320))
    encrypted_credentials: Mapped[str | None] = mapped_column(Text)
    history_id: Mapped[str | None] = mapped_column(String(40))
    # Provider-specific settings that are not secret (IMAP host, folders, UIDVALIDITY, ...).
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    connected_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class OAuthState(Base):
    """A pending OAuth consent: single use, bound to an account key, with its PKCE verifier."""

    __tablename__ = "oauth_states"

    state: Mapped[str] = mapped_column(String(128), primary_key=True)
    provider: Mapped[str] = mapped_column(String(20))
    account_key: Mapped[str] = mapped_column(String(100))
    code_verifier: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MailMessage(Base):
    """One synced message, what the router decided about it, and the user's decision."""

    __tablename__ = "mail_messages"
    __table_args__ = (
        UniqueConstraint("provider", "account_key", "external_message_id"),
        Index("ix_mail_messages_status", "processing_status"),
        Index("ix_mail_messages_thread", "external_thread_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    provider: Mapped[str] = mapped_column(String(20))
    account_key: Mapped[str] = mapped_column(String(100))
    external_message_id: Mapped[str] = mapped_column(String(200))
    external_thread_id: Mapped[str | None] = mapped_column(String(200))
    from_address: Mapped[str] = mapped_column(String(320), default="")
    from_domain: Mapped[str] = mapped_column(String(255), default="")
    sender_name: Mapped[str] = mapped_column(String(320), default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    snippet: Mapped[str] = mapped_column(Text, default="")
    body_text: Mapped[str] = mapped_column(Text, default="")
    from_me: Mapped[bool] = mapped_column(default=False, server_default=false())  # the mailbox owner sent it
    to_address: Mapped[str] = mapped_column(String(320), default="", server_default="")  # first recipient
    processing_status: Mapped[str] = mapped_column(String(20), default="pending")
    relevant: Mapped[bool | None] = mapped_column()
    matched_job_id: Mapped[str | None] = mapped_column(ForeignKey("jobs.id", ondelete="SET NULL"), index=True)
    match_confidence: Mapped[int | None] = mapped_column(Integer)
    stage_target: Mapped[str | None] = mapped_column(String(30))
    message_type: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    job_sure: Mapped[bool] = mapped_column(
        default=False, server_default=false()
    )  # only the stage waits for review
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class SenderMemory(Base):
    """A sender the user approved for a job: later mail from it leans to that job."""

    __tablename__ = "sender_memory"

    from_address: Mapped[str] = mapped_column(String(320), primary_key=True)
    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class SyncRun(Base):
    """One sync of one mail account: its counters move while it runs."""

    __tablename__ = "sync_runs"
    __table_args__ = (Index("ix_sync_runs_account", "provider", "account_key", "started_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    provider: Mapped[str] = mapped_column(String(20))
    account_key: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20), default="running")  # running|completed|failed
    mode: Mapped[str] = mapped_column(String(20), default="full")  # full|incremental
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    discovered: Mapped[int] = mapped_column(Integer, default=0)
    fetched: Mapped[int] = mapped_column(Integer, default=0)
    relevant: Mapped[int] = mapped_column(Integer, default=0)
    classified: Mapped[int] = mapped_column(Integer, default=0)
    matched: Mapped[int] = mapped_column(Integer, default=0)
    errored: Mapped[int] = mapped_column(Integer, default=0)
    error_message: Mapped[str | None] = mapped_column(Text)
    # Process that runs it, so a run left by a crash can be told from one still going.
    owner_pid: Mapped[int | None] = mapped_column(Integer)


class LinkRefusal(Base):
    """An automatic link the user took back: that mail, and later mail from its sender, waits for a click."""

    __tablename__ = "link_refusals"
    __table_args__ = (UniqueConstraint("message_id", "job_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    message_id: Mapped[str] = mapped_column(ForeignKey("mail_messages.id", ondelete="CASCADE"))
    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    from_address: Mapped[str] = mapped_column(String(320), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
