"""Reading a backup document: every value checked against its column and the API's rules before anything is written."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import JSON, TypeDecorator
from sqlalchemy.orm import ColumnProperty
from sqlalchemy.types import TypeEngine

from jobops.backup_format import (
    FORMAT,
    HEADER_FIELDS,
    SECTIONS,
    SECTIONS_BY_NAME,
    VERSION,
    Section,
    camel,
    columns,
    field_name,
)
from jobops.backup_rules import apply_rules
from jobops.errors import InvalidInput
from jobops.mail.runs import RUNNING
from jobops.models import SyncRun


@dataclass
class ParsedBackup:
    """A checked backup: the rows to restore per section, and how many rows it leaves out."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)


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
            return kind.fromisoformat(value)  # type: ignore[attr-defined]
    except ValueError:
        pass
    raise InvalidInput(f"{where} must be an ISO 8601 {kind.__name__} such as {example}.", field=where)


def _parse_row(section: Section, index: int, raw: Any, props: list[ColumnProperty]) -> dict[str, Any]:
    """One object of a section as {attribute: value}, refusing unknown or missing fields."""
    where = f"{section.name}[{index}]"
    if not isinstance(raw, dict):
        raise InvalidInput(f"{where} must be an object.", field=where)
    by_name = {field_name(p): p for p in props}
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


def parse_backup(data: Any) -> ParsedBackup:
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
        props = columns(section)
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
