"""The API contract: each route declared once as an Operation, from which the routes and the document are built.

The OpenAPI document comes from the request and answer models' JSON Schema, each answer wrapped in the
`{ok, data, meta}` envelope and each refusal in the error envelope, so the document cannot drift from the code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic.json_schema import JsonSchemaMode, models_json_schema
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from jobops import __version__
from jobops.api.document_frame import frame
from jobops.api.http import ApiRequest, Created, endpoint
from jobops.schemas import Schema, parse

JsonSchema = dict[str, Any]
Answer = type[Schema] | tuple[type[Schema], ...]
REF = "#/components/schemas/{model}"
ERROR_DESCRIPTIONS = {
    400: "The request names a wrong value; `error.details.field` says which.",
    401: "JOBOPS_API_TOKEN is set and the bearer token is missing or wrong.",
    403: "A cross-site request, or the server is reachable from other machines without an API token.",
    404: "No such resource.",
    409: "The resource is not in a state that allows this (a message decided already).",
    413: "The body is larger than 1 MB.",
    415: "The body is not sent as application/json.",
    502: "The mail provider failed or refused.",
    503: "The database is busy, or Gmail is not configured.",
}
READ_ERRORS = (400, 401, 403, 404, 503)
WRITE_ERRORS = (400, 401, 403, 404, 409, 413, 415, 503)
ID_SCHEMA: JsonSchema = {"type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[A-Za-z0-9_-]+$"}


@dataclass(frozen=True)
class PathParam:
    """A `{name}` in a path: what it names and the values it takes."""

    name: str
    description: str
    schema: JsonSchema = field(default_factory=lambda: dict(ID_SCHEMA))


@dataclass(frozen=True)
class Operation:
    """One method on one path: what it takes, what it answers, how it may refuse, and the handler that runs."""

    method: str
    path: str  # under /api, as Starlette matches it: /jobs/{job_id}
    handler: Callable[[ApiRequest, Session], Any]
    operation_id: str
    summary: str
    tag: str
    answer: Answer
    answer_description: str
    request: type[Schema] | None = None
    query: type[Schema] | None = None
    path_params: tuple[PathParam, ...] = ()
    status: int = 200
    errors: tuple[int, ...] = READ_ERRORS
    public: bool = False


def route(operation: Operation) -> Route:
    """The Starlette route of an operation: body and query parsed into its models before the handler runs."""

    def handle(req: ApiRequest, session: Session) -> Any:
        if operation.query is not None:
            req.query = parse(operation.query, req.query, "query")  # type: ignore[assignment]
        if operation.request is not None:
            req.body = parse(operation.request, req.body)  # type: ignore[assignment]
        result = operation.handler(req, session)
        return Created(result) if operation.status == 201 else result

    handle.__name__ = operation.handler.__name__
    handle.__doc__ = operation.handler.__doc__
    run = endpoint(handle, public=operation.public)
    return Route(operation.path, run, methods=[operation.method])


def routes(operations: Iterable[Operation]) -> list[Route]:
    """The routes of these operations, in order."""
    return [route(op) for op in operations]


# --- the document -----------------------------------------------------------------------------


def ref(name: str) -> JsonSchema:
    """A pointer to a component schema."""
    return {"$ref": REF.format(model=name)}


def _answers(answer: Answer) -> tuple[type[Schema], ...]:
    return answer if isinstance(answer, tuple) else (answer,)


def _model_schemas(
    operations: list[Operation],
) -> tuple[dict[tuple[type[Schema], str], JsonSchema], JsonSchema]:
    """Each model's reference by (model, mode), and every component it needs."""
    wanted: dict[tuple[type[Schema], JsonSchemaMode], None] = {}
    for op in operations:
        for model in _answers(op.answer):
            wanted[(model, "serialization")] = None
        for given in (op.request, op.query):
            if given is not None:
                wanted[(given, "validation")] = None
    refs, defs = models_json_schema(list(wanted), by_alias=True, ref_template=REF)
    return dict(refs), defs.get("$defs", {})  # type: ignore[arg-type]


def _success(schema: JsonSchema, description: str, status: int) -> dict[str, Any]:
    """The success envelope around `schema`."""
    body = {
        "type": "object",
        "properties": {"ok": {"const": True}, "data": schema, "meta": ref("Meta")},
        "required": ["ok", "data", "meta"],
        "additionalProperties": False,
    }
    return {str(status): {"description": description, "content": {"application/json": {"schema": body}}}}


def _query_params(model: type[Schema], refs: dict[Any, JsonSchema], defs: JsonSchema) -> list[JsonSchema]:
    """A query model's fields as optional query parameters."""
    schema = defs[refs[(model, "validation")]["$ref"].rsplit("/", 1)[1]]
    return [
        {
            "name": name,
            "in": "query",
            "required": False,
            "description": prop.get("description", ""),
            "schema": {k: v for k, v in prop.items() if k not in ("description", "title", "default")},
        }
        for name, prop in schema["properties"].items()
    ]


def _operation(op: Operation, refs: dict[Any, JsonSchema], defs: JsonSchema) -> dict[str, Any]:
    """One operation of the document."""
    answers = [refs[(model, "serialization")] for model in _answers(op.answer)]
    answer = answers[0] if len(answers) == 1 else {"anyOf": answers}
    doc: dict[str, Any] = {
        "operationId": op.operation_id,
        "summary": op.summary,
        "tags": [op.tag],
        "responses": {
            **_success(answer, op.answer_description, op.status),
            **{str(s): {"$ref": f"#/components/responses/Error{s}"} for s in op.errors},
        },
    }
    params = [
        {"name": p.name, "in": "path", "required": True, "description": p.description, "schema": p.schema}
        for p in op.path_params
    ]
    if op.query is not None:
        params += _query_params(op.query, refs, defs)
    if params:
        doc["parameters"] = params
    if op.request is not None:
        body = refs[(op.request, "validation")]
        doc["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    if op.public:
        doc["security"] = []
    return doc


def api_path(path: str) -> str:
    """The document's path of a route: under /api, `{name:converter}` written `{name}`."""
    return "/api" + re.sub(r"\{(\w+)(:\w+)?\}", r"{\1}", path)


def document_of(operations: list[Operation]) -> dict[str, Any]:
    """The OpenAPI document: its frame (name, server, security, its own path) and the declared operations."""
    refs, defs = _model_schemas(operations)
    base = frame()
    paths: dict[str, dict[str, Any]] = dict(base["paths"])
    for op in operations:
        paths.setdefault(api_path(op.path), {})[op.method.lower()] = _operation(op, refs, defs)
    schemas = {**base["components"]["schemas"], **defs, **_envelope_schemas()}
    return {
        **base,
        "info": {**base["info"], "version": __version__},
        "paths": paths,
        "components": {**base["components"], "schemas": schemas, "responses": _error_responses()},
    }


def _envelope_schemas() -> dict[str, JsonSchema]:
    """The `meta` of every answer and the error envelope."""
    return {
        "Meta": {
            "type": "object",
            "properties": {"requestId": {"type": "string"}},
            "required": ["requestId"],
        },
        "Error": {
            "type": "object",
            "properties": {
                "ok": {"const": False},
                "error": {
                    "type": "object",
                    "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "details": {}},
                    "required": ["code", "message"],
                },
                "meta": ref("Meta"),
            },
            "required": ["ok", "error", "meta"],
            "additionalProperties": False,
        },
    }


def _error_responses() -> dict[str, Any]:
    """One reusable error response per status."""
    return {
        f"Error{status}": {"description": text, "content": {"application/json": {"schema": ref("Error")}}}
        for status, text in ERROR_DESCRIPTIONS.items()
    }


def all_operations() -> list[Operation]:
    """Every declared operation of every API module."""
    from jobops.api import operations

    return operations()


@cache
def document() -> dict[str, Any]:
    """The whole document; the same for the life of the process."""
    return document_of(all_operations())


async def serve_document(_request: Request) -> JSONResponse:
    """GET /api/openapi.json: the plain document (no envelope), as OpenAPI tools expect it."""
    return JSONResponse(document())
