"""`python -m jobops COMMAND`: each command is one function plus one `add_command` line in `build_parser`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from jobops import backup, job_csv, providers, sheet_values
from jobops.db import get_engine, session_scope
from jobops.errors import InvalidInput, JobOpsError, UpstreamError
from jobops.mail import files as mail_files

log = logging.getLogger("jobops.cli")

EXIT_BAD_INPUT = 2
EXIT_FAILED = 1
DATE_ORDERS = {"day-first": sheet_values.DAY_FIRST, "month-first": sheet_values.MONTH_FIRST, None: None}

Command = Callable[[argparse.Namespace], str]
Argument = tuple[tuple[str, ...], dict[str, Any]]


def arg(*names: str, **options: Any) -> Argument:
    """One argparse argument, as `add_command` takes it."""
    return names, options


def add_command(
    commands: argparse._SubParsersAction, name: str, run: Command, help_text: str, *arguments: Argument
) -> None:
    """Register a subcommand; `run` returns the one-line summary to print."""
    parser = commands.add_parser(name, help=help_text, description=help_text)
    for names, options in arguments:
        parser.add_argument(*names, **options)
    parser.set_defaults(run=run)


# --- commands ---------------------------------------------------------------------------------


def export_command(args: argparse.Namespace) -> str:
    """Write a backup of every job, event and message to a file."""
    with session_scope(get_engine()) as session:
        data = backup.export_backup(session)
    write_private(Path(args.path), backup.to_bytes(data))
    return f"Exported {backup.summarise(data)} to {args.path}."


def import_command(args: argparse.Namespace) -> str:
    """Restore a backup file; rows already stored are updated, never duplicated."""
    data = backup.from_bytes(read_file(args.path))
    with session_scope(get_engine()) as session:
        report = backup.import_backup(session, data)
    return f"Imported {args.path}: {backup.describe_report(report)}."


def sync_command(args: argparse.Namespace) -> str:
    """Sync one connected mailbox now and route what arrives (for cron or a systemd timer)."""
    run = providers.sync_account(
        get_engine(),
        args.provider,
        args.account,
        max_messages=args.max_messages,
        search_days=args.search_days,
    )
    counts = f"{run.fetched} fetched, {run.matched} linked, {run.errored} errored"
    if run.status == "failed":
        raise UpstreamError(f"Sync failed ({counts}): {run.error_message}")
    return f"Synced {args.provider} account {args.account!r}: {counts}."


def import_mail_command(args: argparse.Namespace) -> str:
    """Import .mbox or .eml files (or folders of them) and route each new message once."""
    paths = [Path(p) for p in args.paths]
    run = mail_files.import_paths(get_engine(), paths)
    if run.status == "failed":
        raise InvalidInput(mail_files.describe(run))
    return f"{mail_files.describe(run)} {run.matched} linked to jobs."


def import_jobs_command(args: argparse.Namespace) -> str:
    """Add the jobs of a spreadsheet saved as CSV; rows already in JobOps are left alone."""
    frame = job_csv.read_csv(read_file(args.path))
    mapping = job_csv.guess_mapping(list(frame.columns))
    statuses = job_csv.guess_statuses(frame, mapping)
    try:
        with session_scope(get_engine()) as session:
            report = job_csv.import_jobs(session, frame, mapping, dates=DATE_ORDERS[args.dates])
    except InvalidInput as exc:
        if exc.field == "dates":
            raise InvalidInput(
                f"{exc.message.removesuffix(': choose which.')}: run again with "
                "--dates day-first or --dates month-first.",
                field="dates",
            ) from None
        raise
    lines = [
        f"{args.path}: {job_csv.describe_import(report)}",
        "Columns: " + ", ".join(f"{c} -> {f}" for f, c in mapping.items() if c),
    ]
    if statuses:
        lines.append(
            "Statuses: "
            + ", ".join(
                f"{value} -> {sheet_values.target_label(target) if target else 'Applied (kept in notes)'}"
                for value, target in statuses.items()
            )
        )
    lines += [
        f"Row {row['row']}: {row['reason']}"
        for row in report["skipped"]
        if row["reason"] != job_csv.DUPLICATE
    ]
    if not report["imported"] and not job_csv.only_duplicates(report):
        raise InvalidInput("\n".join(lines))
    return "\n".join(lines)


def write_private(path: Path, content: bytes) -> None:
    """Write a file only its owner can read (a backup holds mail), replacing any old one at once."""
    path = path.expanduser()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_file(path: str) -> bytes:
    """The bytes of a file, or InvalidInput saying why it cannot be read."""
    try:
        return Path(path).expanduser().read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"No such file: {path}") from None
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror or exc}") from None


# --- entry point ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="python -m jobops", description="JobOps from the command line.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_command(
        commands,
        "export",
        export_command,
        "Write a backup (JSON) of all data except credentials.",
        arg("path", help="file to write"),
    )
    add_command(
        commands,
        "import",
        import_command,
        "Restore a backup written by export.",
        arg("path", help="backup file to read"),
    )
    add_command(
        commands,
        "sync",
        sync_command,
        "Sync a connected Gmail or IMAP mailbox and route new mail.",
        arg(
            "--provider",
            choices=providers.CONNECTABLE,
            default="gmail",
            help="which mailbox (default: gmail)",
        ),
        arg("--account", default="default", help="account key (default: default)"),
        arg("--max-messages", type=int, default=None, help="at most this many messages (1-500, default 100)"),
        arg("--search-days", type=int, default=None, help="look back this many days (1-365, default 30)"),
    )
    add_command(
        commands,
        "import-mail",
        import_mail_command,
        "Import mail from .mbox or .eml files (or folders of .eml files) and route it.",
        arg("paths", nargs="+", metavar="PATH", help="an .mbox file, an .eml file or a folder"),
    )
    add_command(
        commands,
        "import-jobs",
        import_jobs_command,
        "Add jobs from a spreadsheet saved as CSV; running it again adds nothing.",
        arg("path", metavar="FILE.csv", help="the CSV file (UTF-8, UTF-16 or Windows-1252)"),
        arg(
            "--dates",
            choices=("day-first", "month-first"),
            default=None,
            help="how dates like 11/03/2026 are written, when the file cannot tell",
        ),
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and print its summary; bad input exits 2 with a message, never a traceback."""
    args = build_parser().parse_args(argv)
    try:
        summary = args.run(args)
    except JobOpsError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return EXIT_FAILED if exc.status >= 500 else EXIT_BAD_INPUT
    except OSError as exc:
        print(f"error: {exc.strerror or exc} ({exc.filename or ''})", file=sys.stderr)
        return EXIT_BAD_INPUT
    except SQLAlchemyError as exc:
        log.debug("database error", exc_info=exc)
        if "locked" in str(exc):
            print("error: the database is busy (the dashboard may be writing); try again.", file=sys.stderr)
        else:
            print(
                f"error: the database failed: {type(exc).__name__}. Is JOBOPS_DATABASE_URL right?",
                file=sys.stderr,
            )
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    print(summary)
    return 0
