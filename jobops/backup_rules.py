"""The API's own rules, applied to every row of a backup before anything is written.

A backup is data from outside like any request: a status the API would refuse, an unknown stage or
a closing outcome on a stage that is not closed is refused here too, naming its place in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jobops import validation as check
from jobops.errors import InvalidInput
from jobops.mail.accounts import check_account_key
from jobops.mail.files import MODE as IMPORT_MODE
from jobops.mail.runs import COMPLETED, FAILED, FULL, INCREMENTAL, RUNNING
from jobops.providers import NAMES as PROVIDERS
from jobops.stages import (
    CLOSED,
    JOB_STATUSES,
    MESSAGE_TYPES,
    OUTCOMES,
    PROCESSING_STATUSES,
    ROUTER_TARGETS,
    STAGES,
)
from jobops.tracking import clean_metadata

Rule = Callable[[str, Any], Any]
RUN_STATUSES = (RUNNING, COMPLETED, FAILED)
RUN_MODES = (FULL, INCREMENTAL, IMPORT_MODE)
RUN_COUNTERS = ("discovered", "fetched", "relevant", "classified", "matched", "errored")
MAX_COUNT = 10**9


def _text(required: bool = False, max_len: int = 300) -> Rule:
    return lambda field, value: check.text(field, value, required=required, max_len=max_len)


def _choice(allowed: tuple[str, ...], required: bool = False) -> Rule:
    return lambda field, value: check.choice(field, value, allowed, required=required)


def _moment(required: bool = False) -> Rule:
    return lambda field, value: check.moment(field, value, required=required)


def _count(field: str, value: Any) -> int | None:
    return None if value is None else check.integer(field, value, default=0, low=0, high=MAX_COUNT)


def _confidence(field: str, value: Any) -> int | None:
    return None if value is None else check.integer(field, value, default=0, low=0, high=100)


def _account_key(field: str, value: Any) -> str:
    try:
        return check_account_key(value)
    except InvalidInput as exc:
        raise InvalidInput(exc.message.replace("accountKey", field, 1), field=field) from None


def _metadata(field: str, value: Any) -> dict[str, Any]:
    try:
        return clean_metadata(value, default_event_type="status_update")
    except InvalidInput as exc:
        where = f"{field}.{(exc.field or '').removeprefix('metadata.')}".rstrip(".")
        raise InvalidInput(exc.message.replace(exc.field or "metadata", where, 1), field=where) from None


# section name -> model attribute -> rule; attributes without a rule keep their type check only.
RULES: dict[str, dict[str, Rule]] = {
    "jobs": {
        "title": _text(required=True),
        "employer": _text(required=True),
        "job_url": check.url,
        "location": _text(),
        "source": _text(max_len=100),
        "notes": _text(max_len=check.MAX_TEXT),
        "salary": _text(max_len=200),
        "recruiter_name": _text(),
        "recruiter_email": check.email,
        "next_step": _text(),
        "status": _choice(JOB_STATUSES, required=True),
        "outcome": _choice(OUTCOMES),
        "current_stage": _choice(STAGES),
        "applied_at": _moment(),
        "closed_at": _moment(),
    },
    "mailAccounts": {
        "provider": _choice(PROVIDERS, required=True),
        "account_key": _account_key,
        "email": _text(max_len=320),
    },
    "mailMessages": {
        "provider": _choice(PROVIDERS, required=True),
        "account_key": _account_key,
        "processing_status": _choice(PROCESSING_STATUSES, required=True),
        "match_confidence": _confidence,
        "stage_target": _choice(ROUTER_TARGETS),
        "message_type": _choice(MESSAGE_TYPES),
    },
    "stageEvents": {
        "to_stage": _choice(STAGES, required=True),
        "from_stage": _choice(STAGES),
        "title": _text(required=True),
        "outcome": _choice(OUTCOMES),
        "meta": _metadata,
        "occurred_at": _moment(required=True),
    },
    "senderMemory": {"from_address": _text(required=True, max_len=320)},
    "syncRuns": {
        "provider": _choice(PROVIDERS, required=True),
        "account_key": _account_key,
        "status": _choice(RUN_STATUSES, required=True),
        "mode": _choice(RUN_MODES, required=True),
        **{counter: _count for counter in RUN_COUNTERS},
    },
}


def apply_rules(section: str, where: str, values: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """The row's values as the API would store them; InvalidInput names `where.field` on the first fault."""
    for attr, rule in RULES.get(section, {}).items():
        if attr in values:
            values[attr] = rule(f"{where}.{names[attr]}", values[attr])
    if section == "stageEvents" and values.get("outcome") and values.get("to_stage") != CLOSED:
        raise InvalidInput(
            f"{where}.outcome can only be given when toStage is closed.", field=f"{where}.outcome"
        )
    return values
