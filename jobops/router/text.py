"""Plain-text mail helpers: fold case and accents, and keep only the newest part of a reply."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Longest body the router reads; anything past it is signatures, legal footers or history.
MAX_BODY_CHARS = 20_000

_REPLY_HEADER = re.compile(
    r"""^[ \t]*(?:
        On\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bwrote:[ \t]*$
      | Le\b[^\n]{0,200}(?:\n[^\n]{0,200})?\ba\s+écrit\s*:[ \t]*$
      | Am\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bschrieb\b[^\n]{0,200}:[ \t]*$
      | El\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bescribió\s*:[ \t]*$
      | Op\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bschreef\b[^\n]{0,200}:[ \t]*$
      | Il\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bha\s+scritto\s*:[ \t]*$
      | -{2,}\s*(?:Original\ Message|Ursprüngliche\ Nachricht|Message\ d'origine|Mensaje\ original
                 |Oorspronkelijk\ bericht|Messaggio\ originale)\s*-{2,}
      | _{10,}[ \t]*$
      | (?:From|Von|De|Van|Da):[^\n]*\n(?:[^\n]*\n){0,3}?[ \t]*
        (?:Sent|Date|Gesendet|Datum|Envoyé|Enviado|Fecha|Verzonden|Inviato|Data):
    )""",
    re.MULTILINE | re.IGNORECASE | re.VERBOSE,
)
_FORWARD_HEADER = re.compile(
    r"""^[ \t]*(?:
        -{2,}\s*(?:Forwarded\ message|Weitergeleitete\ Nachricht|Message\ transféré|Mensaje\ reenviado
                 |Doorgestuurd\ bericht|Messaggio\ inoltrato)\s*-{2,}
      | (?:Begin\ forwarded\ message|Anfang\ der\ weitergeleiteten\ Nachricht|Début\ du\ message\ réexpédié
         |Inicio\ del\ mensaje\ reenviado|Begin\ doorgestuurd\ bericht|Inizio\ messaggio\ inoltrato)\s*:
    )""",
    re.MULTILINE | re.IGNORECASE | re.VERBOSE,
)
# A line that closes the writer's own words; what follows is a signature, banner or legal footer.
_SIGN_OFF = re.compile(
    r"""^[ \t]*(?:
        --[ \t]*
      | (?:(?:best|kind|warm|warmest|many|all\ the\ best|with\ best)\ )?(?:regards|wishes)
      | best | cheers | sincerely | yours\ sincerely | all\ the\ best | talk\ soon | speak\ soon
      | (?:many\ )?thanks(?:\ again|\ so\ much)? | thank\ you(?:\ again)?
      | (?:viele|beste|liebe|freundliche|herzliche|mit\ freundlichen)\ grusse?n? | bis\ bald
      | (?:bien\ )?cordialement | bien\ a\ (?:vous|toi) | belle\ journee | a\ (?:bientot|tres\ vite) | salutations
      | (?:un\ )?saludos?(?:\ cordiales)? | un\ abrazo | atentamente
      | (?:cordiali|distinti)\ saluti | (?:un\ )?saluto | a\ presto
      | (?:met\ )?vriendelijke\ groet(?:en)? | (?:hartelijke\ )?groet(?:en|jes)
    )[ \t]*[,!.]*[ \t]*$""",
    re.MULTILINE | re.VERBOSE,
)
SIGN_OFF_MIN_CHARS = 40
_HEADER_LINES = re.compile(r"\A(?:[ \t]*\n)*(?:[ \t]*[\w-]{2,12}:[^\n]*\n)+")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


# Letters with a stroke have no accent-free decomposition: "zgłoszenie" folds to "zgloszenie".
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss"})
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# A footer naming the service that sent the mail ("Sent via Teamtailor", "über Personio versendet"), not the employer.
_SENT_VIA = re.compile(
    r"\b(?:(?:sent|delivered|powered|e-?mailed)\s+(?:via|by|through|using)|envoy[ée]e?\s+(?:via|par)|skickades\s+(?:via|genom)"
    r"|enviad[oa]\s+(?:via|v[ií]a|por|a\s+trav[ée]s\s+de)|inviat[oa]\s+(?:tramite|via)|verzonden\s+(?:via|met)|wysłan[ay]\s+(?:przez|za\s+pomocą))"
    r"\s+[\w.-]+|\b(?:über|via|mit)\s+[\w.-]+\s+(?:versendet|verschickt|gesendet)\b"
    # Meeting and calendar tools named in invitations: "Join with Google Meet" is not mail from Google.
    r"|\b(?:Google\s+(?:Meet|Calendar|Kalender|Agenda|Docs|Forms|Drive|Workspace)|Microsoft\s+Teams|Teams\s+meeting"
    r"|Zoom\s+(?:meeting|link|call)|Invitation\s+from\s+Google)\b",
    re.IGNORECASE,
)


def without_sending_service(text: str) -> str:
    """A body with footers that name the sending service ("sent via Personio") removed, for employer matching."""
    return _SENT_VIA.sub(" ", text)


def fold(text: str) -> str:
    """Lower-case text without accents, so 'Reçu' and 'recu' compare equal."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_UNDECOMPOSED)


def fold_pattern(pattern: str) -> str:
    """A regular expression whose words outside ASCII are folded as `fold` folds text: Hangul syllables decompose,
    so a pattern must be folded the same way to match folded text."""
    return _NON_ASCII.sub(lambda run: fold(run.group()), pattern)


def newest_part(body: str) -> str:
    """The text the sender wrote last: quoted replies are cut, a forward is read with what it forwards."""
    return "\n".join(newest_parts(body))


def newest_parts(body: str) -> list[str]:
    """The newest part of a mail in pieces: a note written above a forward, then the forwarded mail's newest part.

    A note on top of a forward ("see below", "FYI") says little alone, so the forwarded mail is read after it.
    """
    return list(_newest_parts(body[:MAX_BODY_CHARS]))


@lru_cache(maxsize=16)
def _newest_parts(body: str) -> tuple[str, ...]:
    """newest_parts, kept for the last few bodies: the rules and the learned reader both read them."""
    parts: list[str] = []
    while True:
        reply = _REPLY_HEADER.search(body)
        forward = _FORWARD_HEADER.search(body)
        if forward is None or (reply is not None and reply.start() < forward.start()):
            parts.append(_unquoted(body[: reply.start()] if reply else body))
            return tuple(parts)
        head = _unquoted(body[: forward.start()])
        if _has_words(head):
            parts.append(head.rstrip())
        body = _HEADER_LINES.sub("", body[forward.end() :], count=1)


def quoted_part(body: str) -> str:
    """The older mail a reply quotes: what follows its first reply header, and lines quoted with '>' above it."""
    body = body[:MAX_BODY_CHARS]
    reply = _REPLY_HEADER.search(body)
    top = body[: reply.start()] if reply else body
    quoted = "\n".join(line for line in top.splitlines() if line.lstrip().startswith(">"))
    return f"{quoted}\n{body[reply.end() :]}" if reply else quoted


def _unquoted(text: str) -> str:
    """Drop lines quoted with '>'."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))


def _has_words(text: str) -> bool:
    """Whether a text holds anything a person wrote (not only blank lines or punctuation)."""
    return _LETTERS.search(text) is not None


def before_sign_off(folded: str) -> str:
    """A folded text up to the writer's sign-off ('Best,', 'Viele Grüße', '-- '), without the signature below it."""
    for match in _SIGN_OFF.finditer(folded):
        if match.start() >= SIGN_OFF_MIN_CHARS:
            return folded[: match.start()]
    return folded
