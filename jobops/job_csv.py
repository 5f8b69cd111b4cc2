"""Jobs in and out of CSV: read a file, guess its column mapping, import row by row, export."""

from __future__ import annotations

import codecs
import csv
import io
import time
import unicodedata
from datetime import datetime
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jobops import sheet_values
from jobops import validation as check
from jobops.csv_export import rows_to_csv
from jobops.errors import InvalidInput, JobOpsError
from jobops.inbox_routing import rematch_waiting
from jobops.jobs import create_job, job_out, set_outcome
from jobops.models import Job
from jobops.schemas import parse
from jobops.schemas.events import EventMetadata, StageChange
from jobops.schemas.jobs import JobIn, OutcomeIn
from jobops.stages import APPLIED, OUTCOMES
from jobops.tracking import transition_stage

# The fields a CSV can fill, with the column names people use for them.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "job title", "position", "role", "job"),
    "employer": ("employer", "company", "company name", "organisation", "organization"),
    "jobUrl": ("joburl", "job url", "url", "link", "posting", "job link"),
    "location": ("location", "city", "place"),
    "source": ("source", "board", "job board", "site", "via"),
    "notes": ("notes", "note", "comments", "comment"),
    "status": ("status", "state", "application status"),
    "appliedAt": (
        "appliedat",
        "applied at",
        "applied",
        "date applied",
        "applied on",
        "application date",
        "date",
    ),
    "salary": ("salary", "salary range", "pay", "compensation", "comp", "expected salary", "wage"),
    "recruiterName": (
        "recruitername",
        "recruiter",
        "recruiter name",
        "contact",
        "contact name",
        "contact person",
    ),
    "recruiterEmail": ("recruiteremail", "recruiter email", "contact email", "email", "e-mail"),
    "nextStep": ("nextstep", "next step", "next action", "to do", "todo"),
    "nextStepDue": ("nextstepdue", "next step due", "due date", "due on", "follow up date"),
    "nextStepTime": ("nextsteptime", "next step time", "due time"),
    "closedAt": ("closedat", "closed at", "closed on", "date closed"),
    "stage": ("currentstage", "stage", "current stage"),
    "outcome": ("outcome", "result"),
}
# Fields whose cells are read as dates or times, not copied as text.
DATED_FIELDS = ("appliedAt", "closedAt", "nextStepDue", "nextStepTime")
# Fields read to decide where a job stands, most telling first; they are not copied onto the job.
STANDING_FIELDS = ("outcome", "stage", "status")
# Columns of JobOps' own export that an import derives again instead of keeping in the notes.
DERIVED_COLUMNS = frozenset({"id", "stagechangedat", "lasteventat", "createdat", "updatedat", "issample"})
EXPORT_COLUMNS = (
    "id",
    "title",
    "employer",
    "jobUrl",
    "location",
    "source",
    "status",
    "currentStage",
    "outcome",
    "appliedAt",
    "closedAt",
    "salary",
    "recruiterName",
    "recruiterEmail",
    "nextStep",
    "nextStepDue",
    "nextStepTime",
    "notes",
)
MAX_ROWS = 10_000
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
FOREIGN_FORMATS = {
    b"PK\x03\x04": "This is a spreadsheet workbook (.xlsx or .ods), not CSV: save it as CSV (UTF-8) first.",
    b"\xd0\xcf\x11\xe0": "This is an old Excel workbook (.xls), not CSV: save it as CSV (UTF-8) first.",
    b"%PDF": "This is a PDF, not CSV: export your list as CSV (UTF-8).",
}
UNREADABLE = (
    "This file is not readable text in UTF-8, UTF-16 or Windows-1252, so its rows would arrive garbled. "
    "Save it as CSV (UTF-8) and try again."
)
DUPLICATE = "Already in JobOps (same employer and title)."
BATCH_ROWS = 100  # rows written per transaction during an import
# SQLite's busy handler retries a waiting writer every 100 ms at most: a pause this long lets it in.
BATCH_PAUSE_SECONDS = 0.1


def read_csv(data: bytes) -> pd.DataFrame:
    """Every cell as text; the encoding is detected and the delimiter sniffed."""
    if not data.strip():
        raise InvalidInput("The file is empty.", field="file")
    text = decode_text(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
        sep = dialect.delimiter
    except csv.Error:
        sep = ","
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, ValueError) as exc:
        raise InvalidInput(f"This file could not be read as CSV: {str(exc)[:200]}", field="file") from None
    if len(frame) > MAX_ROWS:
        raise InvalidInput(
            f"The file has {len(frame)} rows; import at most {MAX_ROWS} at a time.", field="file"
        )
    return frame


def decode_text(data: bytes) -> str:
    """The text of a CSV file: UTF-8, UTF-16 (with or without a byte-order mark) or Windows-1252.

    A file that decodes to control characters, NUL or replacement characters is refused rather
    than imported as garbage.
    """
    for signature, message in FOREIGN_FORMATS.items():
        if data.startswith(signature):
            raise InvalidInput(message, field="file")
    for encoding in _candidate_encodings(data):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _looks_like_garbage(text):
            return text.removeprefix("\ufeff")
    raise InvalidInput(UNREADABLE, field="file")


def _candidate_encodings(data: bytes) -> list[str]:
    """Encodings to try, most likely first: a byte-order mark decides; NUL bytes mean UTF-16."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return [encoding]
    if b"\x00" in data:
        sample = data[:4096]
        odd_nuls = sample[1::2].count(0)
        return ["utf-16-le", "utf-16-be"] if odd_nuls >= sample[0::2].count(0) else ["utf-16-be", "utf-16-le"]
    return ["utf-8", "cp1252"]


def _looks_like_garbage(text: str) -> bool:
    """Control characters (other than tab and line breaks) or replacement characters in decoded text."""
    return any(ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\t\r\n") for ch in text)


def _key(name: str) -> str:
    """A column name reduced to letters, so `Job Title`, `job_title` and `jobTitle` agree."""
    return "".join(ch for ch in name.lower() if ch.isalnum())


def guess_mapping(columns: list[str]) -> dict[str, str | None]:
    """For each job field, the CSV column that most likely holds it."""
    by_key = {_key(c): c for c in columns}
    return {
        field: next((by_key[_key(a)] for a in aliases if _key(a) in by_key), None)
        for field, aliases in FIELD_ALIASES.items()
    }


def _existing_keys(session: Session) -> set[tuple[str, str]]:
    """(employer, title) pairs already stored, case-folded."""
    rows = session.execute(select(func.lower(Job.employer), func.lower(Job.title)))
    return {(e, t) for e, t in rows}


def standing_text(row: dict[str, Any], mapping: dict[str, str | None]) -> str:
    """What the row says about where the job stands: its outcome, else its stage, else its status."""
    for field in STANDING_FIELDS:
        column = mapping.get(field)
        if column and str(row.get(column, "")).strip():
            return str(row[column]).strip()
    return ""


def guess_statuses(frame: pd.DataFrame, mapping: dict[str, str | None]) -> dict[str, str | None]:
    """Each distinct status written in the file, with where JobOps would put it (None: not recognised)."""
    return sheet_values.guess_statuses(standing_text(row, mapping) for row in frame.to_dict("records"))


def detect_date_order(frame: pd.DataFrame, mapping: dict[str, str | None]) -> str | None:
    """How the applied dates are written (ISO, day-first, month-first); None when the file cannot tell."""
    column = mapping.get("appliedAt")
    return sheet_values.date_order(frame[column]) if column in frame else sheet_values.ISO


def import_jobs(
    session: Session,
    frame: pd.DataFrame,
    mapping: dict[str, str | None],
    *,
    statuses: dict[str, str] | None = None,
    dates: str | None = None,
) -> dict[str, Any]:
    """Create a job per row; report each skipped row (1-based, as a spreadsheet numbers it) and why.

    `statuses` overrides the guessed target of a status text; `dates` says how ambiguous dates are
    written. Empty rows are passed over without a word. Commits every BATCH_ROWS rows, so the write
    lock is held for one short batch at a time and the dashboard and the API keep answering during a
    long import. Rows already imported are skipped as duplicates if the import is run again.
    """
    _check_mapping(frame, mapping)
    dates = dates or detect_date_order(frame, mapping)
    if dates is None:
        raise InvalidInput(
            f"The dates in column {mapping['appliedAt']!r} could be day-first or month-first "
            "(like 11/03/2026): choose which.",
            field="dates",
        )
    targets = {**guess_statuses(frame, mapping), **(statuses or {})}
    for value, target in targets.items():
        if target is not None:
            check.choice(f"status {value!r}", target, sheet_values.TARGETS)
    known = _existing_keys(session)
    imported, skipped = 0, []
    for index, row in enumerate(frame.to_dict("records"), start=2):
        if index > 2 and (index - 2) % BATCH_ROWS == 0:
            session.commit()
            time.sleep(BATCH_PAUSE_SECONDS)  # let a waiting writer in before the next batch
        cells = {str(c): str(v).strip() for c, v in row.items()}
        if not any(cells.values()):
            continue
        key = (
            cells.get(mapping["employer"] or "", "").lower(),
            cells.get(mapping["title"] or "", "").lower(),
        )
        if key in known and all(key):
            skipped.append({"row": index, "reason": DUPLICATE})
            continue
        try:
            with session.begin_nested():
                _import_row(session, cells, mapping, targets, dates)
        except JobOpsError as exc:
            skipped.append({"row": index, "reason": exc.message})
            continue
        known.add(key)
        imported += 1
    if imported:
        rematch_waiting(session)  # once for the whole file: mail waiting for review may be about the new jobs
    return {"imported": imported, "skipped": skipped}


def _check_mapping(frame: pd.DataFrame, mapping: dict[str, str | None]) -> None:
    """Title and employer columns are chosen, and every chosen column is in the file."""
    if not mapping.get("title") or not mapping.get("employer"):
        raise InvalidInput("Choose the columns that hold the job title and the employer.", field="mapping")
    missing = [c for c in mapping.values() if c and c not in frame.columns]
    if missing:
        raise InvalidInput(f"The file has no column {missing[0]!r}.", field="mapping")


def _import_row(
    session: Session,
    cells: dict[str, str],
    mapping: dict[str, str | None],
    targets: dict[str, str | None],
    dates: str,
) -> None:
    """One job from one row: its fields, its stage or outcome, and what else the row said in the notes."""
    copied = (f for f in mapping if f not in (*DATED_FIELDS, *STANDING_FIELDS))
    data: dict[str, Any] = {f: cells[c] for f in copied if (c := mapping[f]) and cells.get(c)}
    said = standing_text(cells, mapping)
    target = targets.get(said) or APPLIED
    extra = _unmapped_cells(cells, mapping)
    if said and targets.get(said) is None:
        extra.insert(0, f"Status: {said}")
    if extra:
        data["notes"] = "\n\n".join(filter(None, [data.get("notes"), "\n".join(extra)]))
    data |= _dated_cells(cells, mapping, dates)
    closed_at = data.pop("closedAt", None)
    if target in sheet_values.PRE_APPLY:
        data["status"] = target
    job = create_job(session, parse(JobIn, data), rematch=False)
    if target in OUTCOMES:
        set_outcome(session, job.id, OutcomeIn(outcome=target, closed_at=closed_at))
    elif target not in (APPLIED, *sheet_values.PRE_APPLY):
        metadata = EventMetadata(actor="user", event_type="status_update")
        transition_stage(session, job.id, StageChange(to_stage=target, metadata=metadata))


def _dated_cells(cells: dict[str, str], mapping: dict[str, str | None], dates: str) -> dict[str, Any]:
    """The filled date and time cells of a row, read as dates and times."""
    found: dict[str, Any] = {}
    for field in DATED_FIELDS:
        column = mapping.get(field)
        raw = cells.get(column, "") if column else ""
        if not raw:
            continue
        if field == "nextStepTime":
            found[field] = sheet_values.parse_time(field, raw)
        else:
            value = sheet_values.parse_date(field, raw, dates)
            found[field] = value.date() if field == "nextStepDue" and isinstance(value, datetime) else value
    return found


def _unmapped_cells(cells: dict[str, str], mapping: dict[str, str | None]) -> list[str]:
    """`Column: value` for each filled cell no field takes, so nothing in the file is lost."""
    used = set(mapping.values())
    return [f"{c}: {v}" for c, v in cells.items() if v and c not in used and _key(c) not in DERIVED_COLUMNS]


def only_duplicates(report: dict[str, Any]) -> bool:
    """Nothing new: every row that was not imported is already in JobOps."""
    return all(row["reason"] == DUPLICATE for row in report["skipped"])


def describe_import(report: dict[str, Any]) -> str:
    """`Imported 18 job(s); 2 already in JobOps; skipped 1 (row 7: ...)` for a message."""
    duplicates = sum(row["reason"] == DUPLICATE for row in report["skipped"])
    failed = [row for row in report["skipped"] if row["reason"] != DUPLICATE]
    parts = [f"Imported {report['imported']} job(s)"]
    if duplicates:
        parts.append(f"{duplicates} already in JobOps")
    if failed:
        parts.append(f"skipped {len(failed)}")
    return "; ".join(parts) + "."


def export_jobs_csv(session: Session) -> str:
    """All jobs as CSV text, the columns named as in the API."""
    rows = (
        job_out(j).model_dump(by_alias=True) for j in session.scalars(select(Job).order_by(Job.created_at))
    )
    return rows_to_csv(EXPORT_COLUMNS, rows)
