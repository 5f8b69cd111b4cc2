"""Importing .mbox and .eml files: each message stored and routed once, broken ones counted, runs recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from jobops.db import session_scope
from jobops.errors import Conflict, InvalidInput
from jobops.mail import files
from jobops.mail.runs import list_runs, start_run
from jobops.models import MailMessage
from tests.fakes.imap import mail

BROKEN = b"this line is no header\n\nand nothing here says who sent it\n"


def mbox(*messages: bytes) -> bytes:
    """An mbox as Google Takeout writes one: each message after a `From ` line."""
    return b"".join(
        b"From 1234@xxx Mon Jun 02 10:00:00 +0000 2025\n" + m.replace(b"\r\n", b"\n") + b"\n"
        for m in messages
    )


def stored(engine: Engine) -> list[MailMessage]:
    with session_scope(engine) as session:
        return list(session.scalars(select(MailMessage).order_by(MailMessage.external_message_id)))


def test_an_mbox_import_stores_each_message_and_records_a_run(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "All mail.mbox"
    path.write_bytes(
        mbox(mail(subject="Interview", message_id="a@acme"), mail(subject="Offer", message_id="b@acme"))
    )

    run = files.import_paths(engine, [path])

    assert (run.provider, run.account_key, run.mode, run.status) == (
        "mailbox",
        "files",
        "import",
        "completed",
    )
    assert (run.discovered, run.fetched, run.errored) == (2, 2, 0)
    assert [(m.external_message_id, m.subject) for m in stored(engine)] == [
        ("a@acme", "Interview"),
        ("b@acme", "Offer"),
    ]
    with session_scope(engine) as session:
        assert [r.id for r in list_runs(session, "mailbox")] == [run.id]


def test_importing_the_same_file_again_adds_nothing(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "takeout.mbox"
    path.write_bytes(mbox(mail(message_id="a@acme"), mail(message_id=None, subject="No id")))
    files.import_paths(engine, [path])

    again = files.import_paths(engine, [path])

    assert (again.discovered, again.fetched) == (2, 0)
    assert files.describe(again) == "Read 2 messages: 0 new, 2 already imported, 0 unreadable."
    assert len(stored(engine)) == 2


def test_malformed_messages_are_counted_and_do_not_stop_the_import(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "mixed.mbox"
    path.write_bytes(mbox(mail(message_id="a@acme"), BROKEN, mail(message_id="c@acme")))

    run = files.import_paths(engine, [path])

    assert (run.status, run.fetched, run.errored) == ("completed", 2, 1)


def test_eml_files_and_a_folder_of_them_are_imported(engine: Engine, tmp_path: Path) -> None:
    (tmp_path / "one.eml").write_bytes(mail(message_id="one@acme"))
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "two.eml").write_bytes(mail(message_id="two@acme"))
    (folder / "broken.eml").write_bytes(BROKEN)
    (folder / "notes.txt").write_text("not mail")

    run = files.import_paths(engine, [tmp_path / "one.eml", folder])

    assert (run.fetched, run.errored) == (2, 1)
    assert [m.external_message_id for m in stored(engine)] == ["one@acme", "two@acme"]


def test_uploaded_files_are_imported_like_files_on_disk(engine: Engine) -> None:
    uploads = [("takeout.mbox", mbox(mail(message_id="a@acme"))), ("b.eml", mail(message_id="b@acme"))]
    run = files.import_uploads(engine, uploads)
    assert run.fetched == 2


def test_each_imported_message_goes_through_the_router_once(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "a.eml"
    path.write_bytes(mail(message_id="a@acme"))

    first = files.import_paths(engine, [path])
    second = files.import_paths(engine, [path])

    assert (first.classified, second.classified) == (1, 0)
    assert stored(engine)[0].processing_status != "pending"


def test_a_missing_path_is_refused_before_anything_is_recorded(engine: Engine, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="No such file or folder"):
        files.import_paths(engine, [tmp_path / "nope.mbox"])
    with session_scope(engine) as session:
        assert list_runs(session, "mailbox") == []


def test_an_import_while_another_runs_is_refused(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "a.eml"
    path.write_bytes(mail(message_id="a@acme"))
    with session_scope(engine) as session:
        start_run(session, files.PROVIDER, files.ACCOUNT_KEY, files.MODE, "A mailbox import")
    with pytest.raises(Conflict, match="A mailbox import is already running"):
        files.import_paths(engine, [path])
