"""A small IMAP4rev1 server on 127.0.0.1 for tests: LOGIN, SELECT, UID SEARCH and UID FETCH for imaplib."""

from __future__ import annotations

import re
import socketserver
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from typing import Any

USERNAME = "seeker@example.com"
PASSWORD = "app-password-1234"
_TOKEN = re.compile(rb'"((?:[^"\\]|\\.)*)"|(\S+)')
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass
class StoredMail:
    uid: int
    received: date
    raw: bytes


@dataclass
class Folder:
    uidvalidity: int
    uidnext: int = 1
    mails: list[StoredMail] = field(default_factory=list)


def mail(
    subject: str = "Interview invitation",
    sender: str = "Dana <dana@acme.example>",
    body: str = "Please pick a slot for your interview.",
    message_id: str | None = None,
    sent: datetime | None = None,
) -> bytes:
    """A plain-text message as a mail server stores it."""
    sent = sent or datetime.now(UTC)
    headers = [
        f"From: {sender}",
        "To: seeker@example.com",
        f"Subject: {subject}",
        f"Date: {format_datetime(sent)}",
    ]
    if message_id:
        headers.append(f"Message-ID: <{message_id}>")
    headers.append("Content-Type: text/plain; charset=utf-8")
    return ("\r\n".join(headers) + "\r\n\r\n" + body + "\r\n").encode("utf-8")


def nested(depth: int = 1_000) -> bytes:
    """A message whose body is `depth` multipart containers, one inside the other."""
    part = "Content-Type: text/plain\r\n\r\nhello\r\n"
    for level in range(depth):
        boundary = f"b{level}"
        part = f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n--{boundary}\r\n{part}--{boundary}--\r\n'
    head = "From: Deep <deep@hostile.example>\r\nSubject: Interview\r\nMessage-ID: <deep@hostile>\r\n"
    return (head + part).encode()


def _unquote(quoted: bytes) -> str:
    return re.sub(rb"\\(.)", rb"\1", quoted).decode()


def _parse_date(text: str) -> date:
    day, month, year = text.split("-")
    return date(int(year), _MONTHS.index(month.capitalize()) + 1, int(day))


def _in_set(uid: int, spec: str, highest: int) -> bool:
    """Whether a UID is in an IMAP sequence set such as 1:4,7 or 5:* (where * is the highest UID)."""
    for piece in spec.split(","):
        low, _, high = piece.partition(":")
        first = highest if low == "*" else int(low)
        last = first if not high else (highest if high == "*" else int(high))
        if min(first, last) <= uid <= max(first, last):
            return True
    return False


class FakeImap:
    """Mail folders served over IMAP on a free loopback port; counts what clients fetch."""

    def __init__(self, username: str = USERNAME, password: str = PASSWORD) -> None:
        self.username = username
        self.password = password
        self.folders: dict[str, Folder] = {"INBOX": Folder(uidvalidity=1000)}
        self.sent_folder = "Sent Items"  # flagged \\Sent in LIST answers once it exists
        self.fetched: list[int] = []
        self.lock = threading.Lock()
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler, bind_and_activate=False)
        self._server.daemon_threads = True
        self._server.allow_reuse_address = True
        self._server.fake = self  # type: ignore[attr-defined]

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def __enter__(self) -> FakeImap:
        self._server.server_bind()
        self._server.server_activate()
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._server.shutdown()
        self._server.server_close()

    def connect_body(self, **overrides: Any) -> dict[str, Any]:
        """A connect request for this server."""
        body = {
            "host": "127.0.0.1",
            "port": self.port,
            "security": "none",
            "username": self.username,
            "password": self.password,
        }
        return {**body, **overrides}

    def add(self, raw: bytes, folder: str = "INBOX", age: timedelta = timedelta(0)) -> int:
        """Deliver a raw message; returns its UID."""
        with self.lock:
            box = self.folders.setdefault(folder, Folder(uidvalidity=2000 + len(self.folders)))
            uid = box.uidnext
            box.uidnext += 1
            box.mails.append(StoredMail(uid, (datetime.now(UTC) - age).date(), raw))
            return uid

    def renumber(self, folder: str = "INBOX") -> None:
        """Give the folder a new UIDVALIDITY and new UIDs, as a server does after rebuilding it."""
        with self.lock:
            box = self.folders[folder]
            box.uidvalidity += 1
            for index, stored in enumerate(box.mails, start=1):
                stored.uid = index
            box.uidnext = len(box.mails) + 1


class _Handler(socketserver.StreamRequestHandler):
    folder: str | None  # the SELECTed folder

    def send(self, line: str | bytes) -> None:
        self.wfile.write((line.encode() if isinstance(line, str) else line) + b"\r\n")

    def handle(self) -> None:
        fake: FakeImap = self.server.fake  # type: ignore[attr-defined]
        self.fake, self.user, self.folder = fake, False, None
        self.send("* OK [CAPABILITY IMAP4rev1] test server ready")
        while line := self.rfile.readline():
            words = [bare.decode() or _unquote(quoted) for quoted, bare in _TOKEN.findall(line.strip())]
            if len(words) < 2:
                self.send(b"* BAD no command")
                continue
            tag, command, args = words[0], words[1].upper(), words[2:]
            if command == "LOGOUT":
                self.send("* BYE see you")
                self.send(f"{tag} OK LOGOUT completed")
                return
            self.answer(tag, command, args)

    def answer(self, tag: str, command: str, args: list[str]) -> None:
        if command == "CAPABILITY":
            self.send("* CAPABILITY IMAP4rev1")
            self.send(f"{tag} OK CAPABILITY completed")
        elif command == "NOOP":
            self.send(f"{tag} OK NOOP completed")
        elif command == "LOGIN":
            self.user = args == [self.fake.username, self.fake.password]
            refused = f"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials"
            self.send(f"{tag} OK LOGIN completed" if self.user else refused)
        elif not self.user:
            self.send(f"{tag} NO log in first")
        elif command in ("SELECT", "EXAMINE"):
            self.select(tag, command, args[0])
        elif command == "LIST":
            self.list_folders(tag)
        elif command == "UID" and self.folder and args and args[0].upper() in ("SEARCH", "FETCH"):
            with self.fake.lock:
                box = self.fake.folders[self.folder]
                if args[0].upper() == "SEARCH":
                    self.search(tag, box, args[1:])
                else:
                    self.fetch(tag, box, args[1])
        else:
            self.send(f"{tag} BAD unsupported command")

    def list_folders(self, tag: str) -> None:
        """Every folder, with the special-use flag (RFC 6154) on the one named by `sent_folder`."""
        with self.fake.lock:
            names = list(self.fake.folders)
        for name in names:
            flags = "\\HasNoChildren \\Sent" if name == self.fake.sent_folder else "\\HasNoChildren"
            self.send(f'* LIST ({flags}) "/" "{name}"')
        self.send(f"{tag} OK LIST completed")

    def select(self, tag: str, command: str, name: str) -> None:
        with self.fake.lock:
            box = self.fake.folders.get(name)
            if box is None:
                self.folder = None
                self.send(f"{tag} NO [NONEXISTENT] no such mailbox")
                return
            self.folder = name
            self.send(f"* {len(box.mails)} EXISTS")
            self.send("* 0 RECENT")
            self.send(f"* OK [UIDVALIDITY {box.uidvalidity}] UIDs valid")
            self.send(f"* OK [UIDNEXT {box.uidnext}] next UID")
        mode = "READ-ONLY" if command == "EXAMINE" else "READ-WRITE"
        self.send(f"{tag} OK [{mode}] {command} completed")

    def search(self, tag: str, box: Folder, criteria: list[str]) -> None:
        highest = max((m.uid for m in box.mails), default=0)
        found = list(box.mails)
        words = iter(criteria)
        for word in words:
            if word.upper() == "UID":
                spec = next(words)
                found = [m for m in found if _in_set(m.uid, spec, highest)]
            elif word.upper() == "SINCE":
                since = _parse_date(next(words))
                found = [m for m in found if m.received >= since]
        self.send("* SEARCH " + " ".join(str(m.uid) for m in found))
        self.send(f"{tag} OK SEARCH completed")

    def fetch(self, tag: str, box: Folder, spec: str) -> None:
        highest = max((m.uid for m in box.mails), default=0)
        for number, stored in enumerate(box.mails, start=1):
            if _in_set(stored.uid, spec, highest):
                self.fake.fetched.append(stored.uid)
                head = f"* {number} FETCH (UID {stored.uid} BODY[] {{{len(stored.raw)}}}".encode()
                self.wfile.write(head + b"\r\n" + stored.raw + b")\r\n")
        self.send(f"{tag} OK FETCH completed")
