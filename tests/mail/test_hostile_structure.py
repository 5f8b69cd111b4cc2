"""A message nested a thousand MIME levels deep never stops an import: .mbox, .eml and the upload."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from jobops.db import session_scope
from jobops.mail import files
from jobops.mail.raw import MalformedMessage, parse_raw
from jobops.models import MailMessage
from tests.fakes.imap import mail, nested


def stored_subjects(engine: Engine) -> list[str]:
    with session_scope(engine) as session:
        return sorted(session.scalars(select(MailMessage.subject)))


def mbox(*messages: bytes) -> bytes:
    return b"".join(
        b"From x@y Mon Jun 02 10:00:00 +0000 2025\n" + m.replace(b"\r\n", b"\n") + b"\n" for m in messages
    )


def test_parsing_a_deeply_nested_message_is_refused_as_malformed_not_a_crash() -> None:
    with pytest.raises(MalformedMessage):
        parse_raw(nested(), "fallback")


def test_a_message_nested_within_the_cap_is_still_read() -> None:
    parsed = parse_raw(nested(depth=20), "fallback")
    assert parsed.body_text == "hello"


def test_an_mbox_import_keeps_the_good_messages_around_a_hostile_one(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "takeout.mbox"
    path.write_bytes(
        mbox(mail(subject="Before", message_id="a@x"), nested(), mail(subject="After", message_id="c@x"))
    )

    run = files.import_paths(engine, [path])

    assert (run.status, run.fetched, run.errored) == ("completed", 2, 1)
    assert stored_subjects(engine) == ["After", "Before"]


def test_an_eml_upload_with_a_hostile_file_imports_the_others(engine: Engine) -> None:
    run = files.import_uploads(
        engine, [("deep.eml", nested()), ("ok.eml", mail(subject="Fine", message_id="ok@x"))]
    )

    assert (run.status, run.fetched, run.errored) == ("completed", 1, 1)
    assert stored_subjects(engine) == ["Fine"]


def test_an_imported_message_keeps_its_first_recipient() -> None:
    raw = (
        b"From: Alex <alex@fastmail.example>\r\nTo: Maya Lin <Maya.Lin@Stripe.com>, hr@stripe.com\r\n"
        b"Subject: Thank you\r\nDate: Mon, 02 Jun 2025 10:00:00 +0000\r\n\r\nThanks for today!\r\n"
    )
    assert parse_raw(raw, "fallback").to_address == "maya.lin@stripe.com"
