"""Backups: every job, event, message and decision as one versioned JSON document, never a credential."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import JSON, ColumnElement, TypeDecorator, and_, inspect, make_url, select, true
from sqlalchemy.exc import ArgumentError, IntegrityError
from sqlalchemy.orm import ColumnProperty, Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.types import TypeEngine

from jobops.backup_rules import apply_rules
from jobops.errors import InvalidInput
from jobops.mail.runs import RUNNING
from jobops.models import (
    Base,
    Job,
    LinkRefusal,
    MailAccount,
    MailMessage,
    SenderMemory,
    StageEvent,
    SyncRun,
    utcnow,
)
from jobops.tracking import recompute_job

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
MERGE, REPLACE = "merge", "replace"
MODES = (MERGE, REPLACE)
COUNTS = ("added", "updated", "unchanged", "removed", "skipped")


@dataclass
class ParsedBackup:
    """A checked backup: the rows to restore per section, and how many rows it leaves out."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)


REFERENCED = sorted({target for s in SECTIONS for target in s.refs.values()})


def camel(name: str) -> str:
    """`matched_job_id` -> `matchedJobId`."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _columns(section: Section) -> list[ColumnProperty]:
    """The mapped columns that travel in this section."""
    props = inspect(section.model).column_attrs
    return [p for p in props if section.only is None or p.key in section.only]


def _field_name(prop: ColumnProperty) -> str:
    """The JSON key of a column: its database name in camelCase (`metadata`, not `meta`)."""
    return camel(prop.columns[0].name)


def iso(value: datetime) -> str:
    """UTC ISO 8601 with a Z."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _dump_row(row: Base, props: list[ColumnProperty]) -> dict[str, Any]:
    """One row as JSON-ready values."""
    out: dict[str, Any] = {}
    for prop in props:
        value = getattr(row, prop.key)
        if isinstance(value, datetime):
            value = iso(value)
        elif isinstance(value, (date, time)):
            value = value.isoformat()  # a due day or a wall-clock time: no zone to carry
        out[_field_name(prop)] = value
    return out


def export_backup(session: Session) -> dict[str, Any]:
    """Everything a restore needs, in a versioned document; credentials and OAuth states stay out."""
    backup: dict[str, Any] = {"format": FORMAT, "version": VERSION, "exportedAt": iso(utcnow())}
    for section in SECTIONS:
        props = _columns(section)
        order = [getattr(section.model, k) for k in section.keys[0]]
        query = select(section.model).order_by(*order)
        if section.carried is not None:
            query = query.where(section.carried)
        rows = session.scalars(query)
        backup[section.name] = [_dump_row(row, props) for row in rows]
    return backup


def summarise(backup: dict[str, Any]) -> str:
    """`3 jobs, 9 stage events, ...` for a message."""
    return ", ".join(f"{len(backup.get(s.name) or [])} {s.label}" for s in SECTIONS)


# --- reading a file ---------------------------------------------------------------------------


def _parse_value(where: str, prop: ColumnProperty, value: Any) -> Any:
    """Check one value against its column's type; datetimes come back as aware UTC."""
    column = prop.columns[0]
    if value is None:
        if not column.nullable:
            raise InvalidInput(f"{where} must not be empty.", field=where)
        return None
    kind = _kind(column.type)
    if kind is datetime:
        return _parse_datetime(where, value)
    if kind in (date, time):
        return _parse_calendar(where, kind, value)
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise InvalidInput(f"{where} must be a whole number.", field=where)
    if not isinstance(value, kind):
        raise InvalidInput(f"{where} must be of type {_json_type(kind)}.", field=where)
    length = getattr(column.type, "length", None)
    if isinstance(value, str) and length and len(value) > length:
        raise InvalidInput(f"{where} is longer than {length} characters.", field=where)
    return value


def _kind(column_type: TypeEngine[Any]) -> type:
    """The Python type a column holds (decorated types by their base, JSON columns hold objects)."""
    base = column_type.impl_instance if isinstance(column_type, TypeDecorator) else column_type
    return dict if isinstance(base, JSON) else base.python_type


def _json_type(kind: type) -> str:
    """How JSON names a Python type."""
    return {str: "string", bool: "boolean", dict: "object", list: "array"}.get(kind, kind.__name__)


def _parse_datetime(where: str, value: Any) -> datetime:
    """An ISO 8601 date-time; a missing zone means UTC."""
    if not isinstance(value, str):
        raise InvalidInput(f"{where} must be an ISO 8601 date-time.", field=where)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            f"{where} must be an ISO 8601 date-time, not {value[:40]!r}.", field=where
        ) from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _parse_calendar(where: str, kind: type, value: Any) -> date | time:
    """An ISO 8601 day (`2026-12-02`) or wall-clock time (`14:30:00`)."""
    example = "2026-12-02" if kind is date else "14:30:00"
    try:
        if isinstance(value, str):
            return kind.fromisoformat(value)  # type: ignore[attr-defined,no-any-return]
    except ValueError:
        pass
    raise InvalidInput(f"{where} must be an ISO 8601 {kind.__name__} such as {example}.", field=where)


def _parse_row(section: Section, index: int, raw: Any, props: list[ColumnProperty]) -> dict[str, Any]:
    """One object of a section as {attribute: value}, refusing unknown or missing fields."""
    where = f"{section.name}[{index}]"
    if not isinstance(raw, dict):
        raise InvalidInput(f"{where} must be an object.", field=where)
    by_name = {_field_name(p): p for p in props}
    unknown = sorted(set(raw) - set(by_name) - set(section.ignored))
    if unknown:
        raise InvalidInput(f"{where} has unknown field {unknown[0]!r}.", field=f"{where}.{unknown[0]}")
    values: dict[str, Any] = {}
    for name, prop in by_name.items():
        column = prop.columns[0]
        if name in raw:
            values[prop.key] = _parse_value(f"{where}.{name}", prop, raw[name])
        elif column.primary_key or not (column.nullable or column.default is not None):
            raise InvalidInput(f"{where}.{name} is required.", field=f"{where}.{name}")
    return apply_rules(section.name, where, values, {p.key: n for n, p in by_name.items()})


def parse_backup(data: Any) -> dict[str, list[dict[str, Any]]]:
    """Check a whole document before anything is written; any fault is an InvalidInput naming its place."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidInput(
            'This is not a JobOps backup (expected "format": "jobops-backup").', field="format"
        )
    version = data.get("version")
    if version != VERSION or isinstance(version, bool):
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            raise InvalidInput(
                f"This backup was made by a newer JobOps (version {version}); update first.", field="version"
            )
        raise InvalidInput(
            f"Unsupported backup version {str(version)[:20]!r}; expected {VERSION}.", field="version"
        )
    unknown = sorted(set(data) - set(HEADER_FIELDS) - set(SECTIONS_BY_NAME))
    if unknown:
        raise InvalidInput(f"Unknown section {unknown[0]!r} in the backup.", field=unknown[0])
    parsed = ParsedBackup()
    for section in SECTIONS:
        rows = data.get(section.name) or []
        if not isinstance(rows, list):
            raise InvalidInput(f"{section.name} must be a list.", field=section.name)
        props = _columns(section)
        values = [_parse_row(section, i, raw, props) for i, raw in enumerate(rows)]
        _refuse_duplicates(section, values)
        parsed.rows[section.name] = [v for v in values if _carried(section, v)]
        parsed.skipped[section.name] = len(values) - len(parsed.rows[section.name])
    return parsed


def _refuse_duplicates(section: Section, rows: list[dict[str, Any]]) -> None:
    """Two rows of a section with the same key would silently merge into one: refuse the file."""
    for key in section.keys:
        first: dict[tuple[Any, ...], int] = {}
        for index, values in enumerate(rows):
            found = tuple(values.get(k) for k in key)
            if None in found:
                continue
            if found in first:
                names = ", ".join(camel(k) for k in key)
                raise InvalidInput(
                    f"{section.name}[{index}] repeats the {names} of {section.name}[{first[found]}].",
                    field=f"{section.name}[{index}]",
                )
            first[found] = index


def _carried(section: Section, values: dict[str, Any]) -> bool:
    """Whether a row of the file is restored (a running sync run never is)."""
    return not (section.model is SyncRun and values.get("status") == RUNNING)


# --- writing ----------------------------------------------------------------------------------


def _find_existing(session: Session, section: Section, values: dict[str, Any]) -> Base | None:
    """The stored row this one stands for: same primary key, else same unique key."""
    for key in section.keys:
        if not all(values.get(k) is not None for k in key):
            continue
        if set(key) == _primary_keys(section):
            found = session.get(section.model, tuple(values[k] for k in key))
        else:
            condition = and_(*(getattr(section.model, k) == values[k] for k in key))
            found = session.scalar(select(section.model).where(condition))
        if found is not None:
            return found
    return None


def _primary_keys(section: Section) -> set[str]:
    """Attribute names of the model's primary key."""
    mapper = inspect(section.model)
    return {mapper.get_property_by_column(c).key for c in mapper.primary_key}


def _check_refs(
    session: Session, section: Section, rows: list[dict[str, Any]], ids: dict[str, dict[Any, Any]], mode: str
) -> None:
    """Every reference points at a row of the file or (when merging) of the database."""
    for index, values in enumerate(rows):
        for attr, target in section.refs.items():
            ref = values.get(attr)
            if ref is None or ref in ids[target]:
                continue
            target_model = SECTIONS_BY_NAME[target].model
            if mode == REPLACE or session.get(target_model, ref) is None:
                where = f"{section.name}[{index}].{camel(attr)}"
                elsewhere = "in the backup" if mode == REPLACE else "in the backup nor stored"
                raise InvalidInput(f"{where} points at {ref!r}, which is neither {elsewhere}.", field=where)


def _upsert(session: Session, section: Section, values: dict[str, Any]) -> tuple[str, Base]:
    """Insert the row or bring the stored one up to date; says which happened."""
    existing = _find_existing(session, section, values)
    if existing is None:
        row = section.model(**values)
        session.add(row)
        return "added", row
    if section.insert_only:
        return "unchanged", existing
    for attr, value in values.items():
        if attr not in _primary_keys(section) and getattr(existing, attr) != value:
            setattr(existing, attr, value)
    if not session.is_modified(existing):
        return "unchanged", existing
    if "updated_at" in values:  # keep the file's date instead of the moment of the restore
        existing.updated_at = values["updated_at"]
        flag_modified(existing, "updated_at")
    return "updated", existing


def _remap(section: Section, values: dict[str, Any], ids: dict[str, dict[Any, Any]]) -> dict[str, Any]:
    """Point references at the stored ids of rows that were matched by a unique key."""
    return {k: ids[section.refs[k]].get(v, v) if k in section.refs else v for k, v in values.items()}


def import_backup(session: Session, data: Any, mode: str = MERGE) -> dict[str, dict[str, int]]:
    """Restore a backup: merge it into what is stored, or replace everything with it.

    Nothing changes when any part is wrong. Afterwards every job's stage, status and dates are
    derived again from its events, so a job never disagrees with its own timeline.
    """
    if mode not in MODES:
        raise InvalidInput(f"mode must be one of: {', '.join(MODES)}.", field="mode")
    parsed = parse_backup(data)
    report = {s.name: dict.fromkeys(COUNTS, 0) | {"skipped": parsed.skipped[s.name]} for s in SECTIONS}
    # Referenced sections are keyed by `id`: file id -> stored id (they differ when a row was
    # found by a unique key instead).
    ids = {name: {v["id"]: v["id"] for v in parsed.rows[name]} for name in REFERENCED}
    try:
        with session.begin_nested():
            restored = {
                section.name: _restore_section(session, section, parsed, ids, mode, report)
                for section in SECTIONS
            }
            if mode == REPLACE:
                for section in reversed(SECTIONS):  # children before their parents
                    report[section.name]["removed"] = _remove_others(session, section, restored[section.name])
            for job in session.scalars(select(Job)):
                recompute_job(session, job)
            session.flush()
    except IntegrityError as exc:
        raise InvalidInput(f"The backup contradicts itself or the stored data: {exc.orig}") from None
    return report


def preview_backup(session: Session, data: Any, mode: str = MERGE) -> dict[str, dict[str, int]]:
    """What import_backup would change, counted the same way; nothing is kept."""
    savepoint = session.begin_nested()
    try:
        return import_backup(session, data, mode)
    finally:
        savepoint.rollback()
        session.expire_all()


def _restore_section(
    session: Session,
    section: Section,
    parsed: ParsedBackup,
    ids: dict[str, dict[Any, Any]],
    mode: str,
    report: dict[str, dict[str, int]],
) -> set[tuple[Any, ...]]:
    """Upsert one section's rows; the primary keys they now have."""
    _check_refs(session, section, parsed.rows[section.name], ids, mode)
    keys: set[tuple[Any, ...]] = set()
    for values in parsed.rows[section.name]:
        outcome, row = _upsert(session, section, _remap(section, values, ids))
        report[section.name][outcome] += 1
        if section.name in ids:
            ids[section.name][values["id"]] = row.id
        keys.add(inspect(row).identity or tuple(getattr(row, k) for k in _primary_keys(section)))
    session.flush()
    return keys


def _remove_others(session: Session, section: Section, restored: set[tuple[Any, ...]]) -> int:
    """Delete the stored rows of a section that the backup does not hold; how many went."""
    query = select(section.model)
    if section.kept is not None:
        query = query.where(~section.kept)
    removed = 0
    for row in session.scalars(query):
        if inspect(row).identity not in restored:
            session.delete(row)
            removed += 1
    session.flush()
    return removed


def describe_report(report: dict[str, dict[str, int]]) -> str:
    """`2 jobs (1 new, 1 updated), ...` for a message; removed and left-out rows when there are any."""
    parts = []
    for section in SECTIONS:
        counts = report[section.name]
        total = counts["added"] + counts["updated"] + counts["unchanged"]
        details = [f"{counts['added']} new", f"{counts['updated']} updated"]
        details += [f"{counts[k]} {k}" for k in ("removed", "skipped") if counts[k]]
        parts.append(f"{total} {section.label} ({', '.join(details)})")
    return ", ".join(parts)


def to_bytes(backup: dict[str, Any]) -> bytes:
    """The file a backup is saved as: UTF-8 JSON, one field a line for readable diffs."""
    return json.dumps(backup, ensure_ascii=False, indent=1).encode("utf-8")


def from_bytes(raw: bytes) -> Any:
    """The document in an uploaded backup file, or InvalidInput saying why it cannot be read."""
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidInput("The file is not UTF-8 text; choose a backup written by JobOps.") from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"The file is not valid JSON (line {exc.lineno}, column {exc.colno}).") from None
    except RecursionError:
        raise InvalidInput(
            "The file nests data far deeper than any JobOps backup; it was not read."
        ) from None


def database_location(url: str) -> str:
    """The database URL with any password hidden, fit to show on a page."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable database URL)"
