"""Backups: every job, event, message and decision as one versioned JSON document, never a credential.

The document's format is in backup_format, reading and checking a file in backup_read; here a backup is
made, and restored by merging it into what is stored or by replacing everything with it.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import and_, inspect, make_url, select
from sqlalchemy.exc import ArgumentError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from jobops.backup_format import (
    FORMAT,
    REFERENCED,
    SECTIONS,
    SECTIONS_BY_NAME,
    VERSION,
    Section,
    camel,
    columns,
    dump_row,
    iso,
)
from jobops.backup_read import ParsedBackup, from_bytes, parse_backup
from jobops.errors import InvalidInput
from jobops.models import Base, Job, utcnow
from jobops.tracking import recompute_job

# The pages and the command line reach the whole feature through this module.
__all__ = [
    "MERGE",
    "MODES",
    "REPLACE",
    "SECTIONS",
    "database_location",
    "describe_report",
    "export_backup",
    "from_bytes",
    "import_backup",
    "preview_backup",
    "summarise",
    "to_bytes",
]

MERGE, REPLACE = "merge", "replace"
MODES = (MERGE, REPLACE)
COUNTS = ("added", "updated", "unchanged", "removed", "skipped")


def export_backup(session: Session) -> dict[str, Any]:
    """Everything a restore needs, in a versioned document; credentials and OAuth states stay out."""
    backup: dict[str, Any] = {"format": FORMAT, "version": VERSION, "exportedAt": iso(utcnow())}
    for section in SECTIONS:
        props = columns(section)
        order = [getattr(section.model, k) for k in section.keys[0]]
        query = select(section.model).order_by(*order)
        if section.carried is not None:
            query = query.where(section.carried)
        rows = session.scalars(query)
        backup[section.name] = [dump_row(row, props) for row in rows]
    return backup


def summarise(backup: dict[str, Any]) -> str:
    """`3 jobs, 9 stage events, ...` for a message."""
    return ", ".join(f"{len(backup.get(s.name) or [])} {s.label}" for s in SECTIONS)


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
        setattr(existing, "updated_at", values["updated_at"])  # noqa: B010 (not every table has it)
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
            ids[section.name][values["id"]] = getattr(row, "id")  # noqa: B009 (sections in ids have one)
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


def database_location(url: str) -> str:
    """The database URL with any password hidden, fit to show on a page."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable database URL)"
