"""Route that takes back an inbox decision: a link or a dismissal."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from starlette.routing import Route

from jobops import inbox_undo
from jobops.api.http import ApiRequest, endpoint


def undo(req: ApiRequest, session: Session) -> dict[str, Any]:
    """POST /api/post-application/inbox/{messageId}/undo {provider, accountKey, decision?, jobId?}"""
    return inbox_undo.undo_decision(session, req.path["message_id"], req.body)


def routes() -> list[Route]:
    """The undo route, relative to /api."""
    return [Route("/post-application/inbox/{message_id}/undo", endpoint(undo), methods=["POST"])]
