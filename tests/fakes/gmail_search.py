"""Gmail's search language (`q`) for the fake mailbox: a tokenizer, a recursive-descent parser, predicates.

The rules follow Gmail's documented search (https://support.google.com/mail/answer/7190):
- items separated by spaces are ANDed; `OR` (upper case) between items binds tighter than that;
  `{a b c}` is a OR b OR c; parentheses group; `-item` negates; `"a phrase"` is consecutive words;
- a bare word matches whole words, case-insensitively but accent-sensitively, in the subject, the
  body (plain text or the HTML's text), the sender's name and address and the recipients; a term
  written in CJK characters matches as a substring, since those scripts do not separate words;
- operators: from:, to:, subject:, in:, label:, category:, newer_than:, older_than:, after:,
  before: (dates are midnight Pacific time, as the Gmail API documents; epoch seconds also work),
  has:attachment, rfc822msgid:. An operator Gmail does not know, or a value it cannot read, is
  searched as a plain word (`is:unread` matches the words "is unread");
- without `in:anywhere`, `in:spam` or `in:trash`, spam and trash are left out; sent mail is not.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import getaddresses
from functools import lru_cache
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

MAX_QUERY_LENGTH = 1500
PACIFIC = ZoneInfo("America/Los_Angeles")
FOLDERS = {
    "inbox": "INBOX",
    "sent": "SENT",
    "chats": "CHAT",
    "drafts": "DRAFT",
    "spam": "SPAM",
    "trash": "TRASH",
    "starred": "STARRED",
    "important": "IMPORTANT",
}
CATEGORIES = {
    "primary": "CATEGORY_PERSONAL",
    "social": "CATEGORY_SOCIAL",
    "promotions": "CATEGORY_PROMOTIONS",
    "updates": "CATEGORY_UPDATES",
    "forums": "CATEGORY_FORUMS",
}
# Hangul Jamo, CJK radicals to CJK unified ideographs (kana, Bopomofo, Hangul compatibility included),
# Hangul syllables, compatibility ideographs, half-width kana, the supplementary ideograph planes.
CJK = re.compile("[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]")
WORD = re.compile(r"\w+")
BLOCK_TAGS = {
    "br",
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
}


@dataclass(frozen=True)
class Mail:
    """What the search sees of one message."""

    subject: str
    body: str
    sender: str
    recipients: str
    labels: frozenset[str]
    received_ms: int
    message_id: str = ""
    has_attachment: bool = False


Match = Callable[[Mail], bool]


def compile_query(query: str, *, include_spam_trash: bool = False, now: datetime | None = None) -> Match:
    """The predicate a Gmail search `query` stands for."""
    parser = _Parser(_tokenize(query), now or datetime.now(UTC))
    match = parser.parse()
    if include_spam_trash or parser.places & {"anywhere", "spam", "trash"}:
        return match
    return lambda mail: not mail.labels & {"SPAM", "TRASH"} and match(mail)


def html_text(html: str) -> str:
    """The text a reader sees in an HTML body (no tags, scripts or styles; entities decoded)."""
    reader = _TextOf()
    reader.feed(html)
    reader.close()
    return "".join(reader.parts)


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("script", "style")
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.hidden = max(0, self.hidden - 1)
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


# ----- text matching


@lru_cache(maxsize=16384)
def _fold(text: str) -> str:
    """Case-folded NFC text; cached, since every term of a query reads the same fields."""
    return unicodedata.normalize("NFC", text).casefold()


def _term(term: str) -> Callable[[str], bool]:
    """Whether a text holds `term`: its words whole and in a row, or (CJK) the term as a substring."""
    folded = _fold(term).strip()
    if CJK.search(folded):
        return lambda text: folded in _fold(text)
    words = WORD.findall(folded)
    if not words:
        return lambda text: True  # punctuation alone: Gmail ignores it
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, words)) + r"(?!\w)")
    return lambda text: pattern.search(_fold(text)) is not None


def _anywhere(term: str) -> Match:
    holds = _term(term)
    return lambda mail: any(holds(text) for text in (mail.subject, mail.body, mail.sender, mail.recipients))


def _subject(value: str, now: datetime) -> Match:
    holds = _term(value)
    return lambda mail: holds(mail.subject)


def _from(value: str, now: datetime) -> Match:
    return _address(value, lambda mail: mail.sender)


def _to(value: str, now: datetime) -> Match:
    return _address(value, lambda mail: mail.recipients)


def _address(value: str, header: Callable[[Mail], str]) -> Match:
    """from:/to: a whole address when it has an @, else words of a name or address (so a domain too)."""
    folded = _fold(value)
    if "@" in folded:
        return lambda mail: folded in {_fold(address) for _name, address in getaddresses([header(mail)])}
    holds = _term(value)
    return lambda mail: holds(header(mail))


# ----- operators: each turns a value into a predicate, or None when Gmail would not read the value


def _label_name(value: str) -> str:
    return re.sub(r"[\s/_-]+", "-", _fold(value))


def _has_label(label: str) -> Match:
    wanted = _label_name(label)
    return lambda mail: any(_label_name(own) == wanted for own in mail.labels)


def _label(value: str, now: datetime) -> Match | None:
    return _has_label(value)


def _in(value: str, now: datetime) -> Match | None:
    place = _fold(value)
    if place == "anywhere":
        return lambda mail: True
    return _has_label(FOLDERS.get(place, value))


def _category(value: str, now: datetime) -> Match | None:
    label = CATEGORIES.get(_fold(value))
    return None if label is None else _has_label(label)


def _ago(value: str, now: datetime) -> int | None:
    """Epoch milliseconds N days, months or years before `now`."""
    found = re.fullmatch(r"(\d+)([dmy])", _fold(value))
    if found is None:
        return None
    count, unit = int(found[1]), found[2]
    if unit == "d":
        return int((now - timedelta(days=count)).timestamp() * 1000)
    index = now.year * 12 + now.month - 1 - count * (12 if unit == "y" else 1)
    year, month = divmod(index, 12)
    day = min(now.day, calendar.monthrange(year, month + 1)[1])
    return int(now.replace(year=year, month=month + 1, day=day).timestamp() * 1000)


def _day(value: str) -> int | None:
    """Epoch milliseconds of YYYY/MM/DD (midnight Pacific) or of epoch seconds."""
    if value.isdigit():
        return int(value) * 1000
    found = re.fullmatch(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})", value)
    if not found:
        return None
    year, month, day = map(int, found.groups())
    try:
        return int(datetime(year, month, day, tzinfo=PACIFIC).timestamp() * 1000)
    except ValueError:
        return None


def _newer_than(value: str, now: datetime) -> Match | None:
    cutoff = _ago(value, now)
    return None if cutoff is None else lambda mail: mail.received_ms >= cutoff


def _older_than(value: str, now: datetime) -> Match | None:
    cutoff = _ago(value, now)
    return None if cutoff is None else lambda mail: mail.received_ms < cutoff


def _after(value: str, now: datetime) -> Match | None:
    start = _day(value)
    return None if start is None else lambda mail: mail.received_ms >= start


def _before(value: str, now: datetime) -> Match | None:
    end = _day(value)
    return None if end is None else lambda mail: mail.received_ms < end


def _has(value: str, now: datetime) -> Match | None:
    return (lambda mail: mail.has_attachment) if _fold(value) == "attachment" else None


def _rfc822msgid(value: str, now: datetime) -> Match | None:
    wanted = value.strip("<>")
    return lambda mail: bool(wanted) and mail.message_id.strip("<>") == wanted


OPERATORS: dict[str, Callable[[str, datetime], Match | None]] = {
    "from": _from,
    "to": _to,
    "subject": _subject,
    "in": _in,
    "label": _label,
    "category": _category,
    "newer_than": _newer_than,
    "older_than": _older_than,
    "after": _after,
    "newer": _after,
    "before": _before,
    "older": _before,
    "has": _has,
    "rfc822msgid": _rfc822msgid,
}


# ----- tokenizer and parser


@dataclass(frozen=True)
class _Token:
    kind: str  # "(", ")", "{", "}", "phrase" or "word"
    text: str
    glued: bool  # touches the token before it (no space between)


_TOKEN = re.compile(r'(?P<space>\s*)(?:(?P<bracket>[(){}])|"(?P<phrase>[^"]*)"?|(?P<word>[^\s(){}"]+))')
_OPENERS = ("(", "{", "phrase")


def _tokenize(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    for found in _TOKEN.finditer(query):
        glued = bool(tokens) and not found["space"]
        if found["bracket"]:
            tokens.append(_Token(found["bracket"], found["bracket"], glued))
        elif found["phrase"] is not None:
            tokens.append(_Token("phrase", found["phrase"], glued))
        else:
            tokens.append(_Token("word", found["word"], glued))
    return tokens


def _all(items: list[Match]) -> Match:
    return items[0] if len(items) == 1 else lambda mail: all(item(mail) for item in items)


def _any(items: list[Match]) -> Match:
    return items[0] if len(items) == 1 else lambda mail: any(item(mail) for item in items)


class _Parser:
    """query := either*;  either := unary ('OR' unary)*;  unary := '-' unary | group | phrase | word.

    `field` carries an operator into a group or phrase: subject:(a b), from:{x y}, subject:"a b".
    """

    def __init__(self, tokens: list[_Token], now: datetime) -> None:
        self.tokens = tokens
        self.position = 0
        self.now = now
        self.places: set[str] = set()  # every in: value named, to know whether spam and trash count

    def peek(self) -> _Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> _Token:
        self.position += 1
        return self.tokens[self.position - 1]

    def parse(self) -> Match:
        return _all(self.sequence(None, closer=None) or [lambda mail: True])

    def sequence(self, field: str | None, closer: str | None) -> list[Match]:
        """Items up to `closer` (taken) or the end; stray closers and `AND` are skipped."""
        items: list[Match] = []
        while (token := self.peek()) is not None:
            if token.kind == closer:
                self.take()
                break
            if token.kind in (")", "}") or (token.kind == "word" and token.text == "AND"):
                self.take()
                continue
            items.append(self.either(field))
        return items

    def either(self, field: str | None) -> Match:
        options = [self.unary(field)]
        while (token := self.peek()) is not None and token.kind == "word" and token.text == "OR":
            self.take()
            following = self.peek()
            if following is None or following.kind in (")", "}"):
                break  # a dangling OR is ignored
            options.append(self.unary(field))
        return _any(options)

    def unary(self, field: str | None) -> Match:
        token = self.take()
        if token.kind == "word" and token.text.startswith("-"):
            if len(token.text) > 1:
                return self.negate(self.word(token.text[1:], field))
            following = self.peek()
            if following is not None and following.glued and following.kind in _OPENERS:
                return self.negate(self.unary(field))
            return lambda mail: True  # a lone '-' is ignored
        if token.kind == "(":
            return _all(self.sequence(field, ")") or [lambda mail: True])
        if token.kind == "{":
            return _any(self.sequence(field, "}") or [lambda mail: True])
        if token.kind == "phrase":
            return self.leaf(field, token.text)
        return self.word(token.text, field)

    @staticmethod
    def negate(match: Match) -> Match:
        return lambda mail: not match(mail)

    def word(self, text: str, field: str | None) -> Match:
        """A plain word, or `operator:value` where the value may also be a glued group or phrase."""
        name, colon, value = text.partition(":")
        operator = name.casefold()
        if field is not None or not colon or operator not in OPERATORS:
            return self.leaf(field, text)
        following = self.peek()
        if not value and following is not None and following.glued and following.kind in _OPENERS:
            return self.unary(operator)
        return self.leaf(operator, value) if value else self.leaf(None, text)

    def leaf(self, field: str | None, value: str) -> Match:
        if field is None:
            return _anywhere(value)
        if field == "in":
            self.places.add(_fold(value))
        match = OPERATORS[field](value, self.now)
        return match if match is not None else _anywhere(f"{field}:{value}")
