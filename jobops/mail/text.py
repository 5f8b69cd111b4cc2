"""Mail text shared by every provider: HTML to plain text, tidy bodies, decoded headers and dates."""

from __future__ import annotations

import binascii
import re
from datetime import UTC, datetime
from email.header import decode_header, make_header
from email.utils import parseaddr, parsedate_to_datetime
from html.parser import HTMLParser

MAX_BODY_CHARS = 100_000
SNIPPET_CHARS = 200

_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "tr",
        "li",
        "ul",
        "ol",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "hr",
        "pre",
    }
)
_HIDDEN_TAGS = frozenset({"script", "style", "head", "title", "noscript", "template"})


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


def plain_or_html(plain: list[str], html: list[str]) -> str:
    """A message's text: its text/plain parts when any has words, else its HTML parts as text."""
    text = "\n\n".join(t for t in plain if t.strip())
    if text:
        return tidy_text(text)
    return html_to_text("\n".join(html))


def snippet_of(body: str) -> str:
    """The start of a body on one line, as mail clients preview it."""
    return " ".join(body.split())[:SNIPPET_CHARS]


def decode_words(value: str) -> str:
    """Decode RFC 2047 encoded words in a header, tolerating malformed ones."""
    try:
        return str(make_header(decode_header(value)))
    except (UnicodeError, LookupError, ValueError, binascii.Error):
        return value


def sender(from_header: str) -> tuple[str, str, str]:
    """(address, domain, display name) of a From header, lower-casing the address."""
    name, address = parseaddr(decode_words(from_header))
    address = address.strip().lower()
    domain = address.rsplit("@", 1)[1] if "@" in address else ""
    return address, domain, name.strip()


def header_date(value: str) -> datetime | None:
    """A Date header as an aware UTC datetime (no zone means UTC), or None when unreadable."""
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)
