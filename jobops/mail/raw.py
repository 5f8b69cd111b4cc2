"""Raw RFC 5322 messages (IMAP, .eml, .mbox) to the fields JobOps stores; attachments are skipped."""

from __future__ import annotations

import email
import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import Message

from jobops.mail.store import ParsedMessage
from jobops.mail.text import decode_words, header_date, plain_or_html, sender, snippet_of

MAX_EXTERNAL_ID = 200  # MailMessage.external_message_id
MAX_MULTIPART = 64  # multipart containers in one message; real mail nests a handful
MAX_PARTS = 500  # parts walked for text
MAX_RAW_BYTES = 25 * 1024 * 1024  # Gmail's own limit on a message
_ANGLE_ID = re.compile(r"<([^<>\s]+)>")
_MULTIPART = re.compile(rb"content-type:[ \t]*(?:\r?\n[ \t]+)?multipart/", re.IGNORECASE)
_IDENTITY_HEADERS = ("from", "subject", "date", "message-id")


class MalformedMessage(ValueError):
    """Bytes that hold no mail message JobOps can read."""


def content_id(raw: bytes) -> str:
    """An id from the bytes themselves, for messages without a Message-ID."""
    return f"sha256:{hashlib.sha256(raw).hexdigest()}"


def _fit(external_id: str) -> str:
    """An id that fits the column: long ones are replaced by their digest."""
    if len(external_id) <= MAX_EXTERNAL_ID:
        return external_id
    return content_id(external_id.encode("utf-8"))


def _header(message: Message, name: str) -> str:
    """A header's text, with undecodable bytes replaced (they would not store)."""
    value = message.get(name)
    if value is None:
        return ""
    return str(value).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def message_ids(value: str) -> list[str]:
    """The <ids> named by a Message-ID, In-Reply-To or References header, in order."""
    return [_fit(found) for found in _ANGLE_ID.findall(value)]


def _thread_id(message: Message, own_id: str | None) -> str | None:
    """The conversation's first message id, so replies share a thread like Gmail's threadId."""
    references = message_ids(_header(message, "references"))
    replied_to = message_ids(_header(message, "in-reply-to"))
    ids = references or replied_to
    return ids[0] if ids else own_id


def _part_text(part: Message) -> str:
    """A text part's decoded content, never raising on bad transfer encodings or charsets."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    try:
        return payload.decode(part.get_content_charset() or "utf-8", errors="replace")
    except LookupError:
        return payload.decode("utf-8", errors="replace")


def _parts(message: Message) -> Iterator[Message]:
    """The message's leaf parts, depth first, walked without recursion and at most MAX_PARTS of them."""
    stack, seen = [message], 0
    while stack and seen < MAX_PARTS:
        part = stack.pop()
        seen += 1
        payload = part.get_payload()
        if part.is_multipart() and isinstance(payload, list):
            stack.extend(inner for inner in reversed(payload) if isinstance(inner, Message))
        else:
            yield part


def body_text(message: Message) -> str:
    """Plain text of a message: its text/plain parts, else its HTML parts converted to text."""
    found: dict[str, list[str]] = {"text/plain": [], "text/html": []}
    for part in _parts(message):
        if part.get_filename() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind in found:
            found[kind].append(_part_text(part))
    return plain_or_html(found["text/plain"], found["text/html"])


def _check_shape(raw: bytes) -> None:
    """Refuse what the standard parser cannot take: oversized or absurdly nested messages."""
    if len(raw) > MAX_RAW_BYTES:
        raise MalformedMessage("message larger than 25 MB")
    if len(_MULTIPART.findall(raw, 0, MAX_RAW_BYTES)) > MAX_MULTIPART:
        raise MalformedMessage(f"more than {MAX_MULTIPART} nested multipart parts")


def parse_raw(raw: bytes, fallback_id: str) -> ParsedMessage:
    """Turn a raw message into stored fields; its id is the Message-ID, else `fallback_id`.

    Any failure, whatever its kind, is a MalformedMessage: one message never stops a run.
    """
    _check_shape(raw)
    try:
        message = email.message_from_bytes(raw)
        if not any(message.get(name) for name in _IDENTITY_HEADERS):
            raise MalformedMessage("no From, Subject, Date or Message-ID header")
        return _fields(message, fallback_id)
    except MalformedMessage:
        raise
    except Exception as exc:  # the parser can fail in many ways on hostile bytes, RecursionError included
        raise MalformedMessage(f"unreadable message ({type(exc).__name__})") from exc


def _fields(message: Message, fallback_id: str) -> ParsedMessage:
    """The stored fields of a parsed message."""
    own_id = next(iter(message_ids(_header(message, "message-id"))), None)
    address, domain, name = sender(_header(message, "from"))
    body = body_text(message)
    return ParsedMessage(
        external_id=own_id or _fit(fallback_id),
        thread_id=_thread_id(message, own_id),
        from_address=address[:320],
        from_domain=domain[:255],
        sender_name=name[:320],
        subject=decode_words(_header(message, "subject")).strip(),
        received_at=header_date(_header(message, "date")) or datetime.now(UTC),
        snippet=snippet_of(body),
        body_text=body,
        from_me="sent" in [label.strip().lower() for label in _header(message, "x-gmail-labels").split(",")],
        to_address=sender(_header(message, "to"))[0][:320],
    )
