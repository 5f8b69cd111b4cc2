"""The REST API: every route the dashboard's process serves besides Streamlit's own."""

from __future__ import annotations

from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route

from jobops import __version__
from jobops.api import contract, gmail, inbox, jobs, undo
from jobops.api.contract import Operation
from jobops.api.http import ApiRequest, error_response, request_id_of
from jobops.db import get_engine, ping
from jobops.schemas.meta import HealthOut

# The catch-all answers these so that no method gets Starlette's plain-text 405 instead of JSON.
ANY_METHOD = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]


def health(_req: ApiRequest, _session: Session) -> HealthOut:
    """GET /api/health: the process and its database answer."""
    return HealthOut(status="ok", version=__version__, database=ping(get_engine()))


HEALTH = Operation(
    "GET",
    "/health",
    health,
    "health",
    "The process and its database answer.",
    "meta",
    HealthOut,
    "Alive.",
    errors=(503,),
    public=True,
)


def operations() -> list[Operation]:
    """Every route declared as an Operation; the document and the routes are built from these."""
    return [HEALTH, *jobs.OPERATIONS, *inbox.operations(), undo.UNDO, *gmail.operations()]


async def not_found(request: Request) -> Response:
    """Any other /api path: a JSON 404 instead of the dashboard's page."""
    return error_response(request_id_of(request), 404, f"No API route {request.method} {request.url.path}.")


def api_routes() -> list[BaseRoute]:
    """Routes under /api, the catch-all last."""
    return [
        *contract.routes(operations()),
        Route("/openapi.json", contract.serve_document, methods=["GET"]),
        Route("/{rest:path}", not_found, methods=ANY_METHOD),
    ]


def routes() -> list[BaseRoute]:
    """Everything app.py mounts next to the dashboard."""
    return [Mount("/api", routes=api_routes()), *gmail.callback_routes()]
