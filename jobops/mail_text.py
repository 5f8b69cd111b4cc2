"""Plain-text mail helpers: fold case and accents, and keep only the newest part of a reply."""

from __future__ import annotations

import re
import unicodedata

# Longest body the router reads; anything past it is signatures, legal footers or history.
MAX_BODY_CHARS = 20_000

_REPLY_HEADER = re.compile(
    r"""^[ \t]*(?:
        On\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bwrote:[ \t]*$
      | Le\b[^\n]{0,200}(?:\n[^\n]{0,200})?\ba\s+écrit\s*:[ \t]*$
      | Am\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bschrieb\b[^\n]{0,200}:[ \t]*$
      | El\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bescribió\s*:[ \t]*$
      | -{2,}\s*(?:Original\ Message|Ursprüngliche\ Nachricht|Message\ d'origine|Mensaje\ original)\s*-{2,}
      | _{10,}[ \t]*$
      | (?:From|Von|De):[^\n]*\n(?:[^\n]*\n){0,3}?[ \t]*(?:Sent|Date|Gesendet|Datum|Envoyé|Enviado|Fecha):
    )""",
    re.MULTILINE | re.IGNORECASE | re.VERBOSE,
)
_FORWARD_HEADER = re.compile(
    r"""^[ \t]*(?:
        -{2,}\s*(?:Forwarded\ message|Weitergeleitete\ Nachricht|Message\ transféré|Mensaje\ reenviado)\s*-{2,}
      | Begin\ forwarded\ message:
    )""",
    re.MULTILINE | re.IGNORECASE | re.VERBOSE,
)
_HEADER_LINES = re.compile(r"\A(?:[ \t]*\n)*(?:[ \t]*[\w-]{2,12}:[^\n]*\n)+")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def fold(text: str) -> str:
    """Lower-case text without accents, so 'Reçu' and 'recu' compare equal."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def newest_part(body: str) -> str:
    """The text the sender wrote last: quoted replies are cut, a bare forward keeps what it forwards."""
    body = body[:MAX_BODY_CHARS]
    while True:
        reply = _REPLY_HEADER.search(body)
        forward = _FORWARD_HEADER.search(body)
        if forward is None or (reply is not None and reply.start() < forward.start()):
            return _unquoted(body[: reply.start()] if reply else body)
        head = _unquoted(body[: forward.start()])
        if _has_words(head):
            return head
        body = _HEADER_LINES.sub("", body[forward.end() :], count=1)


def _unquoted(text: str) -> str:
    """Drop lines quoted with '>'."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))


def _has_words(text: str) -> bool:
    """Whether a text holds anything a person wrote (not only blank lines or punctuation)."""
    return _LETTERS.search(text) is not None
