"""Jobs in and out of CSV: read a file, guess its column mapping, import row by row, export."""

from __future__ import annotations

import codecs
import csv
import io
import time
import unicodedata
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jobops.csv_export import rows_to_csv
from jobops.errors import InvalidInput, JobOpsError
from jobops.inbox import rematch_waiting
from jobops.jobs import create_job, job_to_dict
from jobops.models import Job

# The fields a CSV can fill, with the column names people use for them.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "job title", "position", "role", "job"),
    "employer": ("employer", "company", "company name", "organisation", "organization"),
    "jobUrl": ("joburl", "job url", "url", "link", "posting", "job link"),
    "location": ("location", "city", "place"),
    "source": ("source", "board", "job board", "site", "via"),
    "notes": ("notes", "note", "comments", "comment"),
    "status": ("status", "state"),
    "appliedAt": ("appliedat", "applied at", "applied", "date applied", "applied on", "application date", "date"),
}
EXPORT_COLUMNS = ("id", "title", "employer", "jobUrl", "location", "source", "status", "currentStage",
                  "outcome", "appliedAt", "closedAt", "salary", "recruiterName", "recruiterEmail", "notes")
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
        raise InvalidInput(f"The file has {len(frame)} rows; import at most {MAX_ROWS} at a time.", field="file")
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


def import_jobs(session: Session, frame: pd.DataFrame, mapping: dict[str, str | None]) -> dict[str, Any]:
    """Create a job per row; report each skipped row (1-based, as a spreadsheet numbers it) and why.

    Commits every BATCH_ROWS rows, so the write lock is held for one short batch at a time and the
    dashboard and the API keep answering during a long import. Rows already imported are skipped
    as duplicates if the import is run again.
    """
    if not mapping.get("title") or not mapping.get("employer"):
        raise InvalidInput("Choose the columns that hold the job title and the employer.", field="mapping")
    known = _existing_keys(session)
    imported, skipped = 0, []
    for index, row in enumerate(frame.to_dict("records"), start=2):
        if index > 2 and (index - 2) % BATCH_ROWS == 0:
            session.commit()
            time.sleep(BATCH_PAUSE_SECONDS)  # let a waiting writer in before the next batch
        data = {f: str(row[c]).strip() for f, c in mapping.items() if c and str(row.get(c, "")).strip()}
        if "status" in data:  # spreadsheets say "Applied" or "In progress"
            data["status"] = data["status"].lower().replace(" ", "_").replace("-", "_")
        key = (data.get("employer", "").lower(), data.get("title", "").lower())
        if key in known and all(key):
            skipped.append({"row": index, "reason": "Already in JobOps (same employer and title)."})
            continue
        try:
            with session.begin_nested():
                create_job(session, data, rematch=False)
        except JobOpsError as exc:
            skipped.append({"row": index, "reason": exc.message})
            continue
        known.add(key)
        imported += 1
    if imported:
        rematch_waiting(session)  # once for the whole file: mail waiting for review may be about the new jobs
    return {"imported": imported, "skipped": skipped}


def export_jobs_csv(session: Session) -> str:
    """All jobs as CSV text, the columns named as in the API."""
    rows = (job_to_dict(j) for j in session.scalars(select(Job).order_by(Job.created_at)))
    return rows_to_csv(EXPORT_COLUMNS, rows)
