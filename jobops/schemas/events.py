"""Stage events at the JSON edge: a stage change, an edit, and the timeline entries the answers hold."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Self

from pydantic import SerializerFunctionWrapHandler, ValidationInfo, field_validator, model_serializer
from pydantic.alias_generators import to_camel

from jobops import validation as check
from jobops.models import StageEvent
from jobops.schemas.base import Moment, Schema, parse
from jobops.schemas.fields import MomentIn, Outcome, Stage
from jobops.stages import ACTORS, EVENT_TYPES, NO_CHANGE, OUTCOMES, STAGES

LABEL_FIELDS = ("event_label", "reason_code", "group_id", "group_label")


class EventMetadata(Schema):
    """Who logged an event, what kind it is, and the words and link that go with it."""

    actor: str | None = None
    event_type: str | None = None
    event_label: str | None = None
    reason_code: str | None = None
    group_id: str | None = None
    group_label: str | None = None
    note: str | None = None
    external_url: str | None = None

    @field_validator("actor", mode="before")
    @classmethod
    def _actor(cls, value: Any) -> str | None:
        return check.choice("metadata.actor", value, ACTORS)

    @field_validator("event_type", mode="before")
    @classmethod
    def _event_type(cls, value: Any) -> str | None:
        return check.choice("metadata.eventType", value, EVENT_TYPES)

    @field_validator(*LABEL_FIELDS, mode="before")
    @classmethod
    def _label(cls, value: Any, info: ValidationInfo) -> str | None:
        return check.text(f"metadata.{to_camel(info.field_name or '')}", value)

    @field_validator("note", mode="before")
    @classmethod
    def _note(cls, value: Any) -> str | None:
        return check.text("metadata.note", value, max_len=check.MAX_TEXT)

    @field_validator("external_url", mode="before")
    @classmethod
    def _external_url(cls, value: Any) -> str | None:
        return check.url("metadata.externalUrl", value)

    @classmethod
    def stored(cls, meta: dict[str, Any] | None) -> EventMetadata:
        """What an event stores, read back as it is: stored values are not judged again, unknown keys are left."""
        names = {info.alias or name: name for name, info in cls.model_fields.items()}
        known = {names[key]: value for key, value in (meta or {}).items() if key in names}
        return cls.model_construct(**known)

    @model_serializer(mode="wrap")
    def _given_only(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """Only what the event says: an empty key is left out, as it is stored."""
        return {key: value for key, value in handler(self).items() if value is not None}


def metadata_of(value: Any) -> EventMetadata | None:
    """A metadata object from a request (null is none), checked with the names of its fields."""
    if value is None or isinstance(value, EventMetadata):
        return value
    return parse(EventMetadata, check.mapping("metadata", value), "metadata")


class EventFields(Schema):
    """The checks a logged event and an event's changes share: its outcome and its metadata."""

    @field_validator("outcome", mode="before", check_fields=False)
    @classmethod
    def _outcome(cls, value: Any) -> str | None:
        return check.choice("outcome", value, OUTCOMES)

    @field_validator("metadata", mode="before", check_fields=False)
    @classmethod
    def _metadata(cls, value: Any) -> EventMetadata | None:
        return metadata_of(value)


class StageChange(EventFields):
    """Log a stage event for a job, or a `no_change` note in the stage it is in."""

    to_stage: str
    occurred_at: MomentIn | None = None
    metadata: EventMetadata | None = None
    outcome: Outcome | None = None
    title: str | None = None

    @field_validator("to_stage", mode="before")
    @classmethod
    def _to_stage(cls, value: Any) -> str | None:
        return check.choice("toStage", value, (*STAGES, NO_CHANGE), required=True)

    @field_validator("occurred_at", mode="before")
    @classmethod
    def _occurred_at(cls, value: Any) -> datetime | None:
        return check.moment("occurredAt", value)

    @field_validator("title", mode="before")
    @classmethod
    def _title(cls, value: Any) -> str | None:
        return check.text("title", value)


class EventPatch(EventFields):
    """Changes to an event: only the fields named change; the job's stage follows."""

    to_stage: Stage | None = None
    occurred_at: MomentIn | None = None
    outcome: Outcome | None = None
    title: str | None = None
    metadata: EventMetadata | None = None

    @field_validator("to_stage", mode="before")
    @classmethod
    def _to_stage(cls, value: Any) -> str | None:
        return check.choice("toStage", value, STAGES, required=True)

    @field_validator("occurred_at", mode="before")
    @classmethod
    def _occurred_at(cls, value: Any) -> datetime | None:
        return check.moment("occurredAt", value, required=True)

    @field_validator("title", mode="before")
    @classmethod
    def _title(cls, value: Any) -> str | None:
        return check.text("title", value, required=True)


class EventQuery(Schema):
    """GET /api/jobs/{id}/events: oldest first, or newest first with order=desc."""

    order: str = "asc"

    @field_validator("order", mode="before")
    @classmethod
    def _order(cls, value: Any) -> str:
        return check.choice("order", value, ("asc", "desc")) or "asc"


class EventOut(Schema):
    """One entry of a job's timeline."""

    id: str
    job_id: str
    from_stage: Stage | None
    to_stage: Stage
    title: str
    occurred_at: Moment
    outcome: Outcome | None
    metadata: EventMetadata
    message_id: str | None
    created_at: Moment

    @classmethod
    def of(cls, event: StageEvent) -> Self:
        """The answer for a stored event (its `meta` column is the metadata)."""
        return cls(
            id=event.id,
            job_id=event.job_id,
            from_stage=event.from_stage,
            to_stage=event.to_stage,
            title=event.title,
            occurred_at=event.occurred_at,
            outcome=event.outcome,
            metadata=EventMetadata.stored(event.meta),
            message_id=event.message_id,
            created_at=event.created_at,
        )


class LoggedEvent(EventOut):
    """A logged or edited event, and where the Applied event moved to when this one came before it."""

    applied_moved_to: Moment | None = None


class EventList(Schema):
    """A job's timeline and its length."""

    items: list[EventOut]
    total: int


class EventPreview(Schema):
    """Where the job would stand after an edit of one event, and whether that moves it back."""

    stage_before: str | None
    outcome_before: str | None
    stage_after: str | None
    outcome_after: str | None
    moves_back: bool
