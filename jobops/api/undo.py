"""The route that takes back an inbox decision (a link or a dismissal), declared as an operation."""

from __future__ import annotations

from sqlalchemy.orm import Session

from jobops import inbox_undo
from jobops.api.contract import WRITE_ERRORS, Operation, PathParam
from jobops.api.http import ApiRequest
from jobops.schemas import parse
from jobops.schemas.undo import Undone, UndoRequest


def undo(req: ApiRequest, session: Session) -> Undone:
    """POST /api/post-application/inbox/{messageId}/undo {provider, accountKey, decision?, jobId?}"""
    return inbox_undo.undo_decision(session, req.path["message_id"], parse(UndoRequest, req.body))


UNDO = Operation(
    "POST",
    "/post-application/inbox/{message_id}/undo",
    undo,
    "undoDecision",
    "Take back a link (made by you or automatically) or a dismissal; the mail waits in the inbox again.",
    "inbox",
    Undone,
    "The message as it waits again and what the undo changed on the job's timeline.",
    request=UndoRequest,
    path_params=(PathParam("message_id", "The message's id."),),
    errors=WRITE_ERRORS,
)
