"""The base of every request and answer model, and the two crossings of the JSON edge: parse and dump."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, PlainSerializer, ValidationError, WithJsonSchema
from pydantic.alias_generators import to_camel

from jobops.errors import InvalidInput
from jobops.validation import reject_unknown

Model = TypeVar("Model", bound="Schema")


def iso_utc(value: datetime) -> str:
    """ISO 8601 in UTC with a Z, as every answer has given it (a naive value is UTC)."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat().replace("+00:00", "Z")


# A moment in an answer: always `2026-11-20T14:30:00Z`, whatever the database handed back.
Moment = Annotated[
    datetime,
    PlainSerializer(iso_utc, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "format": "date-time"}, mode="serialization"),
]


class Schema(BaseModel):
    """A request or answer: snake_case in Python, camelCase in JSON, no field nobody reads."""

    model_config = ConfigDict(
        alias_generator=to_camel, populate_by_name=True, extra="forbid", from_attributes=True
    )

    def dump(self) -> dict[str, Any]:
        """The JSON-ready camelCase dict."""
        return self.model_dump(mode="json", by_alias=True)

    def given(self, name: str) -> bool:
        """Whether the request named this field (a patch changes only what it names)."""
        return name in self.model_fields_set


def dump(value: Any) -> Any:
    """Any answer made JSON-ready: models dumped, containers walked, datetimes as ISO 8601 with a Z."""
    if isinstance(value, Schema):
        return value.dump()
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, Mapping):
        return {k: dump(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [dump(v) for v in value]
    return value


def field_names(model: type[Schema]) -> list[str]:
    """The JSON names of a model's fields."""
    return [info.alias or name for name, info in model.model_fields.items()]


def parse(model: type[Model], data: Any, where: str = "body") -> Model:
    """A request dict as the model; unknown fields are refused first, then each field is checked in order.

    Field checks raise `InvalidInput` with their own message; anything pydantic finds beyond them gets one
    that names the field.
    """
    if isinstance(data, model):
        return data
    if not isinstance(data, Mapping):
        raise InvalidInput(f"The {where} must be a JSON object.")
    reject_unknown(data, field_names(model), where)
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        raise _invalid(exc) from None


def _invalid(exc: ValidationError) -> InvalidInput:
    """The first problem pydantic found, as an InvalidInput naming its field."""
    error = exc.errors()[0]
    field = ".".join(str(part) for part in error["loc"]) or None
    if error["type"] == "missing":
        return InvalidInput(f"{field} is required.", field=field)
    return InvalidInput(f"{field}: {error['msg']}.", field=field)
