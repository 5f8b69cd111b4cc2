"""The backup document's format: which tables travel, in what order, under which names, and how values are written."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, inspect, true
from sqlalchemy.orm import ColumnProperty

from jobops.mail.runs import RUNNING
from jobops.models import Base, Job, LinkRefusal, MailAccount, MailMessage, SenderMemory, StageEvent, SyncRun

FORMAT = "jobops-backup"
VERSION = 1
HEADER_FIELDS = ("format", "version", "exportedAt")


@dataclass(frozen=True)
class Section:
    """One table in the file: which columns travel, how a row is found again, what it points to."""

    name: str
    label: str
    model: type[Base]
    keys: tuple[tuple[str, ...], ...]
    only: tuple[str, ...] | None = None
    # attribute -> section whose ids it holds
    refs: dict[str, str] = field(default_factory=dict)
    # existing rows are left as they are (a live mailbox keeps its own state)
    insert_only: bool = False
    # which stored rows travel and which file rows are restored (None: all)
    carried: ColumnElement[bool] | None = None
    # fields older files carry that are accepted and not restored
    ignored: tuple[str, ...] = ()
    # rows that "replace everything" never removes
    kept: ColumnElement[bool] | None = None


# Parents before children, so every reference points at a row that is already written.
SECTIONS: tuple[Section, ...] = (
    Section("jobs", "jobs", Job, keys=(("id",),)),
    Section(
        "mailAccounts",
        "mail accounts",
        MailAccount,
        keys=(("provider", "account_key"),),
        only=("provider", "account_key", "email", "settings", "created_at"),
        insert_only=True,
        kept=true(),
    ),
    Section(
        "mailMessages",
        "messages",
        MailMessage,
        keys=(("id",), ("provider", "account_key", "external_message_id")),
        refs={"matched_job_id": "jobs"},
    ),
    Section(
        "stageEvents",
        "stage events",
        StageEvent,
        keys=(("id",),),
        refs={"job_id": "jobs", "message_id": "mailMessages"},
    ),
    Section(
        "senderMemory", "sender memories", SenderMemory, keys=(("from_address",),), refs={"job_id": "jobs"}
    ),
    Section(
        "linkRefusals",
        "automatic links taken back",
        LinkRefusal,
        keys=(("message_id", "job_id"),),
        only=("message_id", "job_id", "from_address", "created_at"),
        refs={"message_id": "mailMessages", "job_id": "jobs"},
    ),
    # A running run belongs to the process that runs it: it never travels, and a restore never
    # touches the runs already stored (their history is what happened on this machine).
    Section(
        "syncRuns",
        "sync runs",
        SyncRun,
        keys=(("id",),),
        only=tuple(c.key for c in inspect(SyncRun).column_attrs if c.key != "owner_pid"),
        insert_only=True,
        carried=SyncRun.status != RUNNING,
        ignored=("ownerPid",),
        kept=SyncRun.status == RUNNING,
    ),
)
SECTIONS_BY_NAME = {s.name: s for s in SECTIONS}


REFERENCED = sorted({target for s in SECTIONS for target in s.refs.values()})


def camel(name: str) -> str:
    """`matched_job_id` -> `matchedJobId`."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def columns(section: Section) -> list[ColumnProperty]:
    """The mapped columns that travel in this section."""
    props = inspect(section.model).column_attrs
    return [p for p in props if section.only is None or p.key in section.only]


def field_name(prop: ColumnProperty) -> str:
    """The JSON key of a column: its database name in camelCase (`metadata`, not `meta`)."""
    return camel(prop.columns[0].name)


def iso(value: datetime) -> str:
    """UTC ISO 8601 with a Z."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat().replace("+00:00", "Z")


def dump_row(row: Base, props: list[ColumnProperty]) -> dict[str, Any]:
    """One row as JSON-ready values."""
    out: dict[str, Any] = {}
    for prop in props:
        value = getattr(row, prop.key)
        if isinstance(value, datetime):
            value = iso(value)
        elif isinstance(value, (date, time)):
            value = value.isoformat()  # a due day or a wall-clock time: no zone to carry
        out[field_name(prop)] = value
    return out
