"""The JSON edge: requests parsed with today's messages, answers dumped in camelCase with UTC moments."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from pydantic import field_validator

from jobops import validation as check
from jobops.errors import InvalidInput
from jobops.schemas import Moment, Schema, dump, parse


class Sample(Schema):
    """A request with a checked field and an answer-style moment."""

    job_title: str | None = None
    seen_at: Moment | None = None

    @field_validator("job_title", mode="before")
    @classmethod
    def _title(cls, value: object) -> str | None:
        return check.text("jobTitle", value, required=True)


def test_one_unknown_field_is_refused_by_name() -> None:
    with pytest.raises(InvalidInput) as refused:
        parse(Sample, {"jobTitle": "x", "colour": "red"})
    assert (refused.value.message, refused.value.field) == ("Unknown field in body: colour.", "colour")


def test_unknown_fields_are_refused_before_a_bad_value_and_listed_in_order() -> None:
    with pytest.raises(InvalidInput) as refused:
        parse(Sample, {"jobTitle": "", "b": 1, "a": 2}, "query")
    assert refused.value.message == "Unknown fields in query: a, b."


def test_a_snake_case_name_is_unknown_at_the_json_edge() -> None:
    with pytest.raises(InvalidInput, match="Unknown field in body: job_title."):
        parse(Sample, {"job_title": "x"})


def test_a_field_check_keeps_its_own_message_and_field() -> None:
    with pytest.raises(InvalidInput) as refused:
        parse(Sample, {"jobTitle": "  "})
    assert (refused.value.message, refused.value.field) == ("jobTitle is required.", "jobTitle")


def test_a_body_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(InvalidInput, match="must be a JSON object"):
        parse(Sample, ["jobTitle"])


def test_answers_dump_in_camel_case_with_moments_in_utc_with_a_z() -> None:
    berlin = timezone(timedelta(hours=1))
    sample = Sample(job_title="Engineer", seen_at=datetime(2026, 11, 20, 15, 30, tzinfo=berlin))

    assert sample.dump() == {"jobTitle": "Engineer", "seenAt": "2026-11-20T14:30:00Z"}
    assert dump({"items": [sample], "at": datetime(2026, 1, 2, tzinfo=UTC)}) == {
        "items": [{"jobTitle": "Engineer", "seenAt": "2026-11-20T14:30:00Z"}],
        "at": "2026-01-02T00:00:00Z",
    }
