"""What every API test checks the same way: the error envelope, and that a refusal changed no row."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, text

JSON = {"content-type": "application/json"}


def snapshot(engine: Engine) -> list[tuple[Any, ...]]:
    """Every row of the tables a job request can touch, to prove a refusal changed nothing."""
    with engine.connect() as conn:
        return [
            *conn.execute(text("SELECT * FROM jobs ORDER BY id")).all(),
            *conn.execute(text("SELECT * FROM stage_events ORDER BY id")).all(),
        ]


def assert_error(response: Any, status: int, code: str, field: str | None = None) -> dict[str, Any]:
    """The answer is the error envelope with this status, code and (if given) field."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert body["meta"]["requestId"] == response.headers["x-request-id"]
    if field is not None:
        assert body["error"]["details"]["field"] == field
    return body["error"]
