"""Gmail message resources (format=full) to the plain fields JobOps stores; raw HTML is never kept."""

from __future__ import annotations

import base64
import binascii
import html
from datetime import UTC, datetime
from email.message import Message
from typing import Any

from jobops.mail.raw import MAX_PARTS, MalformedMessage
from jobops.mail.store import ParsedMessage
from jobops.mail.text import decode_words, header_date, plain_or_html, sender

SENT_LABEL = "SENT"


def _headers(part: dict[str, Any]) -> dict[str, str]:
    """Header names lower-cased to their first value."""
    found: dict[str, str] = {}
    for header in part.get("headers") or []:
        name = str(header.get("name", "")).lower()
        if name and name not in found:
            found[name] = str(header.get("value", ""))
    return found


def _charset(part: dict[str, Any]) -> str:
    """The charset named by a part's Content-Type, utf-8 when absent."""
    content_type = _headers(part).get("content-type", "")
    message = Message()
    message["content-type"] = content_type or "text/plain"
    return message.get_content_charset() or "utf-8"


def _decode_body(part: dict[str, Any]) -> str:
    """The decoded text of a part's base64url body, never raising on bad data or charsets."""
    data = (part.get("body") or {}).get("data") or ""
    try:
        raw = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    except (binascii.Error, ValueError):
        return ""
    try:
        return raw.decode(_charset(part), errors="replace")
    except LookupError:
        return raw.decode("utf-8", errors="replace")


def _text_parts(payload: dict[str, Any]) -> dict[str, list[str]]:
    """text/plain and text/html bodies that are not attachments, depth first, without recursion."""
    found: dict[str, list[str]] = {"text/plain": [], "text/html": []}
    stack, seen = [payload], 0
    while stack and seen < MAX_PARTS:
        part = stack.pop()
        seen += 1
        if not isinstance(part, dict) or part.get("filename") or (part.get("body") or {}).get("attachmentId"):
            continue
        mime = str(part.get("mimeType", "")).lower()
        if mime in found:
            found[mime].append(_decode_body(part))
        children = part.get("parts") or []
        stack.extend(reversed(children) if isinstance(children, list) else [])
    return found


def body_text(payload: dict[str, Any]) -> str:
    """Plain text of a message: its text/plain parts, else its HTML parts converted to text."""
    found = _text_parts(payload)
    return plain_or_html(found["text/plain"], found["text/html"])


def _received_at(message: dict[str, Any], headers: dict[str, str]) -> datetime:
    """When Gmail received the message (internalDate), else its Date header, else now."""
    try:
        return datetime.fromtimestamp(int(message["internalDate"]) / 1000, tz=UTC)
    except (KeyError, TypeError, ValueError, OverflowError, OSError):
        pass
    return header_date(headers.get("date", "")) or datetime.now(UTC)


def parse_message(message: dict[str, Any]) -> ParsedMessage:
    """Turn a Gmail message resource into the fields JobOps stores; MalformedMessage when it cannot."""
    try:
        return _fields(message)
    except Exception as exc:  # a hostile resource can fail in many ways; one message never stops a run
        raise MalformedMessage(f"unreadable Gmail message ({type(exc).__name__})") from exc


def _fields(message: dict[str, Any]) -> ParsedMessage:
    """The stored fields of a Gmail message resource."""
    payload = message.get("payload") or {}
    headers = _headers(payload)
    address, domain, name = sender(headers.get("from", ""))
    return ParsedMessage(
        external_id=str(message["id"]),
        thread_id=message.get("threadId"),
        from_address=address,
        from_domain=domain,
        sender_name=name,
        subject=decode_words(headers.get("subject", "")).strip(),
        received_at=_received_at(message, headers),
        snippet=html.unescape(str(message.get("snippet", ""))),
        body_text=body_text(payload),
        from_me=SENT_LABEL in (message.get("labelIds") or ()),
        to_address=sender(headers.get("to", ""))[0][:320],
    )
