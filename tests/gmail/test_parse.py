"""Gmail resources become sender, subject, time, snippet and plain text, whatever their shape."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

from jobops.gmail.parse import parse_message
from jobops.mail.text import html_to_text


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def part(mime: str, data: bytes, charset: str = "utf-8", **extra: object) -> dict:
    return {
        "mimeType": mime,
        "headers": [{"name": "Content-Type", "value": f"{mime}; charset={charset}"}],
        "body": {"data": b64(data), "size": len(data)},
        **extra,
    }


def resource(payload: dict, **extra: object) -> dict:
    headers = [
        {"name": "From", "value": "=?utf-8?q?Ren=C3=A9e_Talent?= <Renee@Jobs.Example.COM>"},
        {"name": "Subject", "value": "=?utf-8?b?SW50ZXJ2aWV3IGludml0YXRpb24g4pyU?="},
    ]
    payload = {**payload, "headers": headers + payload.get("headers", [])}
    return {
        "id": "m1",
        "threadId": "t1",
        "internalDate": "1700000000000",
        "snippet": "It&#39;s time",
        "payload": payload,
        **extra,
    }


def test_sender_subject_time_and_snippet_are_decoded() -> None:
    parsed = parse_message(resource(part("text/plain", b"Hello")))
    assert (parsed.from_address, parsed.from_domain) == ("renee@jobs.example.com", "jobs.example.com")
    assert parsed.sender_name == "Renée Talent"
    assert parsed.subject == "Interview invitation ✔"
    assert parsed.received_at == datetime.fromtimestamp(1_700_000_000, tz=UTC)
    assert parsed.snippet == "It's time"
    assert (parsed.external_id, parsed.thread_id) == ("m1", "t1")


def test_plain_text_is_preferred_over_html_and_attachments_are_skipped() -> None:
    payload = {
        "mimeType": "multipart/mixed",
        "parts": [
            {
                "mimeType": "multipart/alternative",
                "parts": [
                    part("text/plain", b"Plain version"),
                    part("text/html", b"<p>HTML version</p>"),
                ],
            },
            part("text/plain", b"attached notes", filename="notes.txt"),
        ],
    }
    assert parse_message(resource(payload)).body_text == "Plain version"


def test_html_only_mail_keeps_visible_text_without_markup_scripts_or_styles() -> None:
    markup = (
        b"<html><head><style>p{color:red}</style><title>t</title></head><body>"
        b"<p>Dear&nbsp;candidate,</p><script>alert(1)</script><ul><li>Round 1</li><li>Round 2</li></ul>"
        b"<div>Best, <b>Acme</b> &amp; co</div></body></html>"
    )
    text = parse_message(resource(part("text/html", markup))).body_text
    assert text == "Dear candidate,\n\n- Round 1\n\n- Round 2\n\nBest, Acme & co"


def test_legacy_charsets_and_damaged_bodies_never_raise() -> None:
    latin = parse_message(resource(part("text/plain", "Café".encode("latin-1"), charset="iso-8859-1")))
    assert latin.body_text == "Café"
    unknown = parse_message(resource(part("text/plain", b"caf\xe9", charset="x-unknown")))
    assert unknown.body_text.startswith("caf")
    broken = resource({"mimeType": "text/plain", "body": {"data": "***not base64***"}})
    assert parse_message(broken).body_text == ""


def test_malformed_html_still_gives_its_text() -> None:
    assert html_to_text("<p>Offer <b>letter<p>attached</div></span>") == "Offer letter\nattached"


def test_a_missing_internal_date_falls_back_to_the_date_header() -> None:
    message = resource(part("text/plain", b"x"))
    del message["internalDate"]
    message["payload"]["headers"].append({"name": "Date", "value": "Tue, 14 Nov 2023 22:13:20 +0000"})
    assert parse_message(message).received_at == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)


def test_the_first_recipient_is_kept_lower_cased() -> None:
    message = resource(part("text/plain", b"Thank you for today"))
    message["payload"]["headers"].append(
        {"name": "To", "value": "Maya Lin <Maya.Lin@Stripe.com>, other@example.org"}
    )
    assert parse_message(message).to_address == "maya.lin@stripe.com"


def test_a_message_without_recipients_has_none() -> None:
    assert parse_message(resource(part("text/plain", b"Hello"))).to_address == ""
