"""Raw messages to stored fields: ids, threads, bodies, and what counts as unreadable."""

from __future__ import annotations

import pytest

from jobops.mail.raw import MalformedMessage, parse_raw

MULTIPART = (
    b"From: =?utf-8?q?J=C3=B6rg?= <Talent@Acme.example>\r\n"
    b"Subject: =?utf-8?q?N=C3=A4chste_Schritte?=\r\n"
    b"Date: Tue, 03 Jun 2025 10:00:00 +0200\r\n"
    b"Message-ID: <reply@acme>\r\n"
    b"References: <first@acme> <second@acme>\r\n"
    b"Content-Type: multipart/mixed; boundary=XX\r\n\r\n"
    b"--XX\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hello <b>there</b></p><script>x()</script>\r\n"
    b"--XX\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=cv.txt\r\n\r\nCV\r\n"
    b"--XX--\r\n"
)


def test_a_multipart_message_keeps_its_visible_text_and_skips_attachments() -> None:
    parsed = parse_raw(MULTIPART, "fallback")
    assert (parsed.external_id, parsed.thread_id) == ("reply@acme", "first@acme")
    assert (parsed.from_address, parsed.sender_name, parsed.subject) == (
        "talent@acme.example",
        "Jörg",
        "Nächste Schritte",
    )
    assert parsed.body_text == "Hello there"
    assert parsed.received_at.isoformat() == "2025-06-03T08:00:00+00:00"


def test_a_message_without_message_id_uses_the_fallback_id_and_bad_bytes_are_replaced() -> None:
    parsed = parse_raw(b"Subject: caf\xe9\r\n\r\nbody \xff\r\n", "INBOX:7:3")
    assert parsed.external_id == "INBOX:7:3"
    assert parsed.subject == "caf\ufffd" and parsed.body_text == "body \ufffd"


@pytest.mark.parametrize("raw", [b"no header here\r\n\r\nbody\r\n", b"", b"\r\n\r\n"])
def test_bytes_with_no_identifying_header_are_malformed(raw: bytes) -> None:
    with pytest.raises(MalformedMessage):
        parse_raw(raw, "x")
