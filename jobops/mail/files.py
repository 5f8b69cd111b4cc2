"""Mailbox files: import an .mbox (Google Takeout writes one) or .eml files; each message is stored once."""

from __future__ import annotations

import logging
import mailbox
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from sqlalchemy import Engine

from jobops.db import session_scope
from jobops.errors import InvalidInput, JobOpsError
from jobops.mail.raw import MalformedMessage, content_id, parse_raw
from jobops.mail.runs import add_discovered, carry_out, complete_run, route_stored, start_run
from jobops.mail.store import ParsedMessage, store_messages
from jobops.schemas.mail import RunOut

log = logging.getLogger(__name__)

PROVIDER = "mailbox"
ACCOUNT_KEY = "files"
MODE = "import"
BATCH_SIZE = 100
FILE_TYPES = (".mbox", ".eml")


def _is_mbox(path: Path) -> bool:
    """An mbox by name, or by its first line (`From ` starts every message of one)."""
    if path.suffix.lower() == ".mbox":
        return True
    with path.open("rb") as fh:
        return fh.read(5) == b"From "


def raw_messages(path: Path) -> Iterator[bytes]:
    """The raw messages of an .mbox or .eml file, or of the mailbox files in a folder."""
    if path.is_dir():
        for child in sorted(path.iterdir()):
            if child.is_file() and child.suffix.lower() in FILE_TYPES:
                yield from raw_messages(child)
        return
    if not _is_mbox(path):
        raw = path.read_bytes()
        if raw.strip():
            yield raw
        return
    box = mailbox.mbox(path, create=False)
    try:
        for key in box.iterkeys():
            yield box.get_bytes(key)
    finally:
        box.close()


def import_paths(engine: Engine, paths: Iterable[Path]) -> RunOut:
    """Import files or folders as one recorded run; messages already stored are skipped."""
    paths = [Path(p).expanduser() for p in paths]
    missing = [str(p) for p in paths if not p.exists()]
    if not paths or missing:
        raise InvalidInput(f"No such file or folder: {', '.join(missing) or '(none given)'}", field="paths")
    with session_scope(engine) as session:
        run_id = start_run(session, PROVIDER, ACCOUNT_KEY, MODE, "A mailbox import")
    return carry_out(engine, run_id, lambda: _import(engine, run_id, paths), _failure_message)


def import_uploads(engine: Engine, files: Iterable[tuple[str, bytes]]) -> RunOut:
    """Import uploaded files (name, content), read from a private temporary folder."""
    with tempfile.TemporaryDirectory(prefix="jobops-import-") as folder:
        paths = []
        for index, (name, content) in enumerate(files):
            path = Path(folder) / f"{index}{Path(name).suffix.lower()}"
            path.write_bytes(content)
            paths.append(path)
        return import_paths(engine, paths)


def _import(engine: Engine, run_id: str, paths: list[Path]) -> None:
    """Read every message, a batch per transaction, route them in received order, then close the run."""
    route_stored(engine, run_id)  # a crash may have come between a store and its routing
    batch: list[bytes] = []
    for path in paths:
        for raw in raw_messages(path):
            batch.append(raw)
            if len(batch) == BATCH_SIZE:
                _store_batch(engine, run_id, batch)
                batch = []
    if batch:
        _store_batch(engine, run_id, batch)
    route_stored(engine, run_id)
    with session_scope(engine) as session:
        complete_run(session, run_id)


def _store_batch(engine: Engine, run_id: str, raws: list[bytes]) -> None:
    """Parse and store the new ones; unreadable messages are counted, not fatal."""
    add_discovered(engine, run_id, len(raws))
    parsed: list[ParsedMessage] = []
    errored = 0
    for raw in raws:
        try:
            parsed.append(parse_raw(raw, content_id(raw)))
        except MalformedMessage:
            errored += 1
    with session_scope(engine) as session:
        store_messages(session, run_id, PROVIDER, ACCOUNT_KEY, parsed, errored)


def _failure_message(exc: Exception) -> str:
    """A message for the user that never carries a mail body."""
    if isinstance(exc, JobOpsError):
        return exc.message
    if isinstance(exc, OSError):
        return f"Could not read a mailbox file ({exc.strerror or type(exc).__name__})."
    log.exception("mailbox import failed")
    return f"Import failed unexpectedly ({type(exc).__name__})."


def describe(run: RunOut) -> str:
    """What an import did, in one sentence."""
    if run.status == "failed":
        return f"The import failed: {run.error_message}"
    already = run.discovered - run.fetched - run.errored
    read = f"{run.discovered} message{'' if run.discovered == 1 else 's'}"
    return f"Read {read}: {run.fetched} new, {already} already imported, {run.errored} unreadable."
