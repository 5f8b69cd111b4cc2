"""Taking back an inbox decision: what the user asks to undo, and what the undo changed."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import WithJsonSchema, field_validator

from jobops import validation as check
from jobops.schemas.base import Moment, Schema
from jobops.schemas.inbox import InboxItem, JobId, Mailbox

LINK, DISMISSAL = "link", "dismissal"
DECISIONS = (LINK, DISMISSAL)


class UndoRequest(Mailbox):
    """Which message's decision to take back; `decision` and `jobId` guard against a change made since."""

    decision: Annotated[str | None, WithJsonSchema({"enum": [*DECISIONS, None]})] = None
    job_id: JobId = None

    @field_validator("decision", mode="before")
    @classmethod
    def _decision(cls, value: Any) -> str | None:
        return check.choice("decision", value, DECISIONS)


class Undone(InboxItem):
    """The message waiting again, what the undo removed or kept on the timeline, and where the job stands."""

    undone: str
    removed_events: list[str]
    kept_events: list[str]
    job_stage: str | None
    # The applied date a message had moved back stays there: the earlier date was not kept.
    applied_date_left_at: Moment | None = None


class UndoFailure(Schema):
    """A message whose decision could not be taken back, and why."""

    message_id: str
    message: str


class UndoReport(Schema):
    """How many decisions came back to the inbox, and the ones that did not."""

    undone: int
    failed: list[UndoFailure]
