"""The OpenAPI document matches the API: every route described, every generated call answered as described."""

from __future__ import annotations

import re

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.routing import Mount, Route
from starlette.testclient import TestClient

from jobops.api import routes
from jobops.api.contract import document
from jobops.db import session_scope
from jobops.models import MailMessage
from tests.builders import add_job, move

MAX_EXAMPLES = 10
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def served_operations() -> set[tuple[str, str]]:
    """(METHOD, path) of every API route, catch-all and site-root OAuth callback aside."""
    found = set()
    for top in routes():
        children = top.routes if isinstance(top, Mount) else []
        for route in children:
            if isinstance(route, Route) and "{rest:path}" not in route.path:
                path = re.sub(r"\{(\w+)(:\w+)?\}", r"{\1}", top.path + route.path)
                found |= {(method, path) for method in route.methods - {"HEAD"}}
    return found


def test_every_api_route_is_in_the_document() -> None:
    paths = document()["paths"]
    described = {(method.upper(), path) for path, ops in paths.items() for method in ops}
    assert served_operations() - described == set()


def test_the_document_describes_no_route_that_does_not_exist() -> None:
    paths = document()["paths"]
    described = {(method.upper(), path) for path, ops in paths.items() for method in ops}
    assert described - served_operations() == set()


def test_the_document_is_served_plain_at_api_openapi_json(api: TestClient) -> None:
    response = api.get("/api/openapi.json")
    assert response.status_code == 200
    assert response.json()["openapi"] == "3.1.0"
    assert "/api/jobs/{job_id}/stages" in response.json()["paths"]


def seed(engine: Engine) -> dict[str, str]:
    """A job with a timeline and a message waiting for review, so generated calls reach real rows."""
    with session_scope(engine) as session:
        job = add_job(session, **{"title": "Data Engineer", "employer": "Acme"})
        event = move(session, job.id, "recruiter_screen", metadata={"actor": "user"})
        message = MailMessage(
            provider="gmail",
            account_key="default",
            external_message_id="m-1",
            external_thread_id="t-1",
            from_address="talent@acme.com",
            subject="Next steps",
            processing_status="pending_user",
            matched_job_id=job.id,
            match_confidence=70,
            stage_target="recruiter_screen",
        )
        session.add(message)
        session.flush()
        return {"job_id": job.id, "event_id": event.id, "message_id": message.id}


@pytest.fixture
def gmail_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    """OAuth client settings whose Google endpoints are a closed loopback port: nothing leaves the machine."""
    closed = "http://127.0.0.1:9"
    for name, value in {
        "GMAIL_OAUTH_CLIENT_ID": "test-client",
        "GMAIL_OAUTH_CLIENT_SECRET": "test-secret",
        "GMAIL_OAUTH_AUTH_URI": f"{closed}/auth",
        "GMAIL_OAUTH_TOKEN_URI": f"{closed}/token",
        "GMAIL_API_ENDPOINT": closed,
    }.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def api_schema(engine: Engine, gmail_configured: None) -> schemathesis.BaseSchema:
    """The document as the ASGI app serves it, calls going to that app."""
    return schemathesis.openapi.from_asgi("/api/openapi.json", Starlette(routes=routes()))


def fuzz(operation: schemathesis.APIOperation, path_parameters: dict[str, str] | None = None) -> None:
    """A few generated calls of one operation, each answer checked against the document."""

    @given(case=operation.as_strategy(path_parameters=path_parameters))
    @settings(
        max_examples=MAX_EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def call(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=CHECKS)

    call()


@pytest.mark.parametrize(("method", "path"), sorted(served_operations(), key=lambda op: (op[1], op[0])))
def test_generated_calls_get_answers_the_document_describes(
    api_schema: schemathesis.BaseSchema, engine: Engine, method: str, path: str
) -> None:
    operation = api_schema[path][method]
    fuzz(operation)
    ids = seed(engine)
    wanted = {name: ids[name] for name in re.findall(r"\{(\w+)\}", path) if name in ids}
    if wanted:
        fuzz(operation, wanted)
