"""A message in the fake Gmail mailbox: the resource messages.get answers and what Gmail's search sees."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from tests.fakes.gmail_search import Mail, html_text


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


@dataclass
class FakeMessage:
    """One message in the fake mailbox."""

    id: str
    thread_id: str
    sender: str
    subject: str
    text: str | None
    html: str | None
    internal_date_ms: int
    history_id: int
    payload: dict[str, Any] | None = None  # a hand-made payload replaces the generated one
    labels: list[str] = field(default_factory=lambda: ["INBOX"])
    to: str = "seeker@example.com"
    extra_headers: dict[str, str] = field(default_factory=dict)  # Message-ID, In-Reply-To, References

    def resource(self, fmt: str = "full", wanted: list[str] | None = None) -> dict[str, Any]:
        """The messages.get answer; `wanted` names the headers format=metadata keeps (all if empty)."""
        resource: dict[str, Any] = {
            "id": self.id,
            "threadId": self.thread_id,
            "labelIds": list(self.labels),
            "snippet": (self.text or self.subject)[:100],
            "historyId": str(self.history_id),
            "internalDate": str(self.internal_date_ms),
            "sizeEstimate": len(self.text or "") + len(self.html or ""),
        }
        payload = self.payload or self._payload()
        if fmt == "full":
            resource["payload"] = payload
        elif fmt == "metadata":
            names = {name.lower() for name in wanted or []}
            headers = [h for h in payload.get("headers", []) if not names or h["name"].lower() in names]
            resource["payload"] = {"mimeType": payload.get("mimeType", ""), "headers": headers}
        return resource

    def mail(self) -> Mail:
        """What Gmail's search sees of this message: the payload as served."""
        payload = self.payload or self._payload()
        headers = {h["name"].lower(): h["value"] for h in payload.get("headers", [])}
        texts: list[str] = []
        attachment = _walk(payload, texts)
        return Mail(
            subject=headers.get("subject", ""),
            body="\n".join(texts),
            sender=headers.get("from", ""),
            recipients=", ".join(headers.get(name, "") for name in ("to", "cc")),
            labels=frozenset(self.labels),
            received_ms=self.internal_date_ms,
            message_id=headers.get("message-id", ""),
            has_attachment=attachment,
        )

    def _payload(self) -> dict[str, Any]:
        sent = datetime.fromtimestamp(self.internal_date_ms / 1000, tz=UTC)
        headers = [
            {"name": "From", "value": self.sender},
            {"name": "To", "value": self.to},
            {"name": "Subject", "value": self.subject},
            {"name": "Date", "value": format_datetime(sent)},
            *({"name": name, "value": value} for name, value in self.extra_headers.items()),
        ]
        parts = [
            self._part(str(i), mime, body)
            for i, (mime, body) in enumerate((("text/plain", self.text), ("text/html", self.html)))
            if body is not None
        ]
        if len(parts) == 1:
            return {**parts[0], "partId": "", "headers": headers + parts[0]["headers"]}
        headers.append({"name": "Content-Type", "value": 'multipart/alternative; boundary="b1"'})
        return {
            "partId": "",
            "mimeType": "multipart/alternative",
            "filename": "",
            "headers": headers,
            "body": {"size": 0},
            "parts": parts,
        }

    @staticmethod
    def _part(part_id: str, mime: str, body: str) -> dict[str, Any]:
        data = body.encode("utf-8")
        return {
            "partId": part_id,
            "mimeType": mime,
            "filename": "",
            "headers": [{"name": "Content-Type", "value": f'{mime}; charset="UTF-8"'}],
            "body": {"size": len(data), "data": b64url(data)},
        }


def _walk(part: dict[str, Any], texts: list[str]) -> bool:
    """Collect the text of a payload's text/plain and text/html parts; True if it has an attachment."""
    data = part.get("body", {}).get("data")
    if data and part.get("mimeType") in ("text/plain", "text/html"):
        text = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)).decode("utf-8", "replace")
        texts.append(html_text(text) if part["mimeType"] == "text/html" else text)
    attached = bool(part.get("filename"))
    for child in part.get("parts") or []:
        attached = _walk(child, texts) or attached
    return attached
