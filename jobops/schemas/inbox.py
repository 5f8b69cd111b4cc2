"""The Tracking Inbox's requests and answers: decisions, messages waiting for review, a job's emails."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, WithJsonSchema, field_validator

from jobops import validation as check
from jobops.errors import InvalidInput
from jobops.providers import NAMES
from jobops.schemas.base import Moment, Schema
from jobops.schemas.events import EventOut
from jobops.schemas.jobs import JobOut
from jobops.stages import MESSAGE_TYPES, PENDING_USER, PROCESSING_STATUSES, ROUTER_TARGETS

MAX_BULK = 500
BULK_ACTIONS = ("approve", "deny")


Target = Annotated[str | None, WithJsonSchema({"enum": list(ROUTER_TARGETS)})]
JobId = Annotated[str | None, WithJsonSchema({"type": "string", "maxLength": 36})]
Provider = Annotated[str, WithJsonSchema({"enum": list(NAMES)})]
AccountKey = Annotated[str, WithJsonSchema({"type": "string", "maxLength": 100})]


class InboxRequest(Schema):
    """The checks the inbox's requests share, each with today's message."""

    @field_validator("provider", mode="before", check_fields=False)
    @classmethod
    def _provider(cls, value: Any) -> str:
        return check.choice("provider", value, NAMES) or "gmail"

    @field_validator("account_key", mode="before", check_fields=False)
    @classmethod
    def _account_key(cls, value: Any) -> str:
        return check.text("accountKey", value, max_len=100) or "default"

    @field_validator("job_id", mode="before", check_fields=False)
    @classmethod
    def _job_id(cls, value: Any) -> str | None:
        return check.text("jobId", value, max_len=36)

    @field_validator("stage_target", mode="before", check_fields=False)
    @classmethod
    def _target(cls, value: Any) -> str | None:
        return check.choice("stageTarget", value, ROUTER_TARGETS)


class Mailbox(InboxRequest):
    """Which mailbox a message is in: gmail/default unless said otherwise."""

    provider: Provider = "gmail"
    account_key: AccountKey = "default"


class Decision(Mailbox):
    """Approve or deny one message; approve may name its job, its stage and a note."""

    job_id: JobId = None
    stage_target: Target = None
    note: Annotated[str | None, WithJsonSchema({"type": "string", "maxLength": check.MAX_TEXT})] = None

    @field_validator("note", mode="before")
    @classmethod
    def _note(cls, value: Any) -> str | None:
        return check.text("note", value, max_len=check.MAX_TEXT)


class BulkDecision(Mailbox):
    """Approve or deny many messages of one mailbox at once."""

    action: Annotated[str, WithJsonSchema({"enum": list(BULK_ACTIONS)})] = Field(
        default="", validate_default=True
    )
    message_ids: Annotated[
        list[str],
        WithJsonSchema({"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": MAX_BULK}),
    ] = Field(default_factory=list, validate_default=True)
    job_id: JobId = None
    stage_target: Target = None

    @field_validator("action", mode="before")
    @classmethod
    def _action(cls, value: Any) -> str:
        return check.choice("action", value or None, BULK_ACTIONS, required=True) or ""

    @field_validator("message_ids", mode="before")
    @classmethod
    def _ids(cls, value: Any) -> list[str]:
        if not isinstance(value, list) or not value or not all(isinstance(i, str) for i in value):
            raise InvalidInput("messageIds must be a non-empty list of message ids.", field="messageIds")
        if len(value) > MAX_BULK:
            raise InvalidInput(f"At most {MAX_BULK} messages at a time.", field="messageIds")
        return list(dict.fromkeys(value))


class OrphanJob(Mailbox):
    """The job a waiting message is about, to add and link the message to."""

    title: Annotated[str | None, WithJsonSchema({"type": "string", "maxLength": 300})] = None
    employer: Annotated[str | None, WithJsonSchema({"type": "string", "maxLength": 300})] = None
    stage_target: Target = None


class InboxQuery(Mailbox):
    """GET /inbox: which mailbox, which processing status, how many."""

    status: Annotated[str, WithJsonSchema({"enum": list(PROCESSING_STATUSES)})] = PENDING_USER
    limit: Annotated[int, WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 500})] = 100

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: Any) -> str:
        return check.choice("status", value, PROCESSING_STATUSES) or PENDING_USER

    @field_validator("limit", mode="before")
    @classmethod
    def _limit(cls, value: Any) -> int:
        return check.integer("limit", value, default=100, low=1, high=500)


class JobEmailsQuery(Schema):
    """GET /jobs/{id}/emails: how many."""

    limit: Annotated[int, WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 500})] = 50

    @field_validator("limit", mode="before")
    @classmethod
    def _limit(cls, value: Any) -> int:
        return check.integer("limit", value, default=50, low=1, high=500)


# --- answers ---------------------------------------------------------------------------------


class InboxMessage(Schema):
    """A synced message as the API and the pages see it: plain text only, never credentials."""

    id: str
    provider: str
    account_key: str
    external_message_id: str
    external_thread_id: str | None
    from_address: str
    from_domain: str
    sender_name: str
    subject: str
    received_at: Moment
    snippet: str
    matched_job_id: str | None
    match_confidence: int | None
    stage_target: str | None
    message_type: Annotated[str | None, WithJsonSchema({"enum": [*MESSAGE_TYPES, None]})]
    processing_status: Annotated[str, WithJsonSchema({"enum": list(PROCESSING_STATUSES)})]
    reason: str | None
    decided_at: Moment | None


class JobBrief(Schema):
    """A job named in a list: its id, title and employer."""

    id: str
    title: str
    employer: str


class JobChoice(JobBrief):
    """A job mail can be linked to, and whether it is closed."""

    closed: bool


class InboxItem(Schema):
    """A message and its suggested or linked job."""

    message: InboxMessage
    matched_job: JobBrief | None


class Approved(InboxItem):
    """An approved message, the event it logged (none when it only links), where the Applied event moved, and how
    many other waiting messages of its thread were linked with it."""

    event: EventOut | None = None
    applied_moved_to: Moment | None = None
    thread_linked: list[str] = Field(default_factory=list)


class JobFromMail(Approved):
    """The job added from an orphan message, with the message linked to it."""

    job: JobOut


class JobDraft(Schema):
    """The job an orphan message seems to be about: a guess to prefill, each part possibly empty."""

    employer: str
    title: str


class InboxList(Schema):
    """A page of inbox items and how many match in all."""

    items: list[InboxItem]
    total: int


class BulkResult(Schema):
    """What happened to one message of a bulk action."""

    message_id: str
    status: Literal["succeeded", "failed", "skipped"]
    code: str | None = None
    message: str | None = None
    applied_moved_to: Moment | None = None
    thread_linked: list[str] = Field(default_factory=list)

    def dump(self) -> dict[str, Any]:
        """Only the keys that apply to this result."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


class BulkReport(Schema):
    """How a bulk action went: counts, and each message's result."""

    requested: int
    succeeded: int
    failed: int
    skipped: int
    results: list[BulkResult]

    def dump(self) -> dict[str, Any]:
        """Each result with only the keys that apply to it."""
        return {**self.model_dump(mode="json", by_alias=True), "results": [r.dump() for r in self.results]}


class EmailEvent(Schema):
    """The timeline event a message logged."""

    id: str
    title: str | None
    to_stage: str
    outcome: str | None
    occurred_at: Moment


class JobEmail(Schema):
    """A message linked to a job, readable: its text, where to open it, its mailbox and the event it logged."""

    message: InboxMessage
    source_url: str | None
    account_display_name: str
    body_text: str
    event: EmailEvent | None


class JobEmailList(Schema):
    """A job's emails, newest first, and how many it has in all."""

    items: list[JobEmail]
    total: int
