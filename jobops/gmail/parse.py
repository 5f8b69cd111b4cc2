"""Gmail message resources (format=full) to the plain fields JobOps stores; raw HTML is never kept."""

from __future__ import annotations

import base64
import binascii
import html
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from email.header import decode_header, make_header
from email.message import Message
from email.utils import parseaddr, parsedate_to_datetime
from html.parser import HTMLParser
from typing import Any

MAX_BODY_CHARS = 100_000

_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
     "blockquote", "section", "article", "header", "footer", "hr", "pre"}
)
_HIDDEN_TAGS = frozenset({"script", "style", "head", "title", "noscript", "template"})


@dataclass(frozen=True)
class ParsedMessage:
    """What JobOps keeps of one Gmail message."""

    external_id: str
    thread_id: str | None
    from_address: str
    from_domain: str
    sender_name: str
    subject: str
    received_at: datetime
    snippet: str
    body_text: str


class _TextExtractor(HTMLParser):
    """Collects the visible text of an HTML document, with line breaks at block boundaries."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._chunks: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden_depth += 1
        elif tag in _BLOCK_TAGS:
            self._chunks.append("\n- " if tag == "li" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in _BLOCK_TAGS:
            self._chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self._chunks.append(data)

    def text(self) -> str:
        return "".join(self._chunks)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML body."""
    extractor = _TextExtractor()
    try:
        extractor.feed(markup)
        extractor.close()
    except (AssertionError, ValueError):
        pass  # keep whatever text came before the malformed part
    return tidy_text(extractor.text())


def tidy_text(text: str) -> str:
    """Collapse runs of spaces and blank lines, and cap the length."""
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n")]
    joined = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return joined[:MAX_BODY_CHARS]


def decode_words(value: str) -> str:
    """Decode RFC 2047 encoded words in a header, tolerating malformed ones."""
    try:
        return str(make_header(decode_header(value)))
    except (UnicodeError, LookupError, ValueError, binascii.Error):
        return value


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


def _text_parts(part: dict[str, Any], found: dict[str, list[str]]) -> None:
    """Collect text/plain and text/html bodies that are not attachments, depth first."""
    if part.get("filename") or (part.get("body") or {}).get("attachmentId"):
        return
    mime = str(part.get("mimeType", "")).lower()
    if mime in ("text/plain", "text/html"):
        found[mime].append(_decode_body(part))
    for child in part.get("parts") or []:
        _text_parts(child, found)


def body_text(payload: dict[str, Any]) -> str:
    """Plain text of a message: its text/plain parts, else its HTML parts converted to text."""
    found: dict[str, list[str]] = {"text/plain": [], "text/html": []}
    _text_parts(payload, found)
    plain = "\n\n".join(t for t in found["text/plain"] if t.strip())
    if plain:
        return tidy_text(plain)
    return html_to_text("\n".join(found["text/html"]))


def _received_at(message: dict[str, Any], headers: dict[str, str]) -> datetime:
    """When Gmail received the message (internalDate), else its Date header, else now."""
    try:
        return datetime.fromtimestamp(int(message["internalDate"]) / 1000, tz=timezone.utc)
    except (KeyError, TypeError, ValueError, OverflowError, OSError):
        pass
    try:
        parsed = parsedate_to_datetime(headers.get("date", ""))
        return parsed.astimezone(timezone.utc) if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    except (TypeError, ValueError, IndexError):
        return datetime.now(timezone.utc)


def sender(from_header: str) -> tuple[str, str, str]:
    """(address, domain, display name) of a From header, lower-casing the address."""
    name, address = parseaddr(decode_words(from_header))
    address = address.strip().lower()
    domain = address.rsplit("@", 1)[1] if "@" in address else ""
    return address, domain, name.strip()


def parse_message(message: dict[str, Any]) -> ParsedMessage:
    """Turn a Gmail message resource into the fields JobOps stores."""
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
    )
