"""The OpenAPI 3.1 description of the REST API, written by hand from small helpers."""

from __future__ import annotations

from functools import cache
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from jobops import __version__, providers
from jobops.stages import (
    MESSAGE_TYPES,
    OUTCOMES,
    PROCESSING_STATUSES,
    ROUTER_TARGETS,
    STAGES,
)

Schema = dict[str, Any]
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
GMAIL_ERRORS = (*WRITE_ERRORS, 502)
ACCOUNT_KEY = {"type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[A-Za-z0-9._@+-]+$"}
PROVIDERS = providers.NAMES
CONNECTED_PROVIDERS = providers.CONNECTABLE  # the ones with an account to connect; mailbox files are imported

# --- schema helpers -------------------------------------------------------------------------


def ref(name: str) -> Schema:
    """A pointer to a component schema."""
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: Schema) -> Schema:
    """The schema, or null."""
    return {"anyOf": [schema, {"type": "null"}]}


def string(**constraints: Any) -> Schema:
    return {"type": "string", **constraints}


def integer(**constraints: Any) -> Schema:
    return {"type": "integer", **constraints}


def enum(values: tuple[str, ...]) -> Schema:
    return {"type": "string", "enum": list(values)}


DATE_TIME = string(format="date-time")
OPTIONAL_DATE_TIME = nullable(DATE_TIME)
OPTIONAL_TEXT = nullable(string())


def obj(properties: dict[str, Schema], required: tuple[str, ...] = (), *, closed: bool = True) -> Schema:
    """An object; `closed` refuses fields it does not name (the API does too)."""
    schema: Schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = list(required)
    if closed:
        schema["additionalProperties"] = False
    return schema


def record(properties: dict[str, Schema]) -> Schema:
    """A response object: every field is always present; later versions may add more."""
    return obj(properties, tuple(properties), closed=False)


def listing(item: Schema) -> Schema:
    """`{items, total}`."""
    return record({"items": {"type": "array", "items": item}, "total": integer(minimum=0)})


# --- operation helpers ----------------------------------------------------------------------


def path_param(name: str, description: str) -> Schema:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": string(minLength=1, maxLength=100, pattern="^[A-Za-z0-9_-]+$"),
    }


def query_param(name: str, schema: Schema, description: str) -> Schema:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def success(schema: Schema, description: str, status: int = 200) -> dict[str, Any]:
    """The success envelope around `schema`."""
    body = obj({"ok": {"const": True}, "data": schema, "meta": ref("Meta")}, ("ok", "data", "meta"))
    return {str(status): {"description": description, "content": {"application/json": {"schema": body}}}}


def failures(statuses: tuple[int, ...]) -> dict[str, Any]:
    """The error envelope for each status."""
    return {str(s): {"$ref": f"#/components/responses/Error{s}"} for s in statuses}


def operation(
    operation_id: str,
    summary: str,
    tag: str,
    ok: dict[str, Any],
    errors: tuple[int, ...],
    *,
    params: tuple[Schema, ...] = (),
    body: Schema | None = None,
    public: bool = False,
) -> dict[str, Any]:
    """One operation: parameters, an optional JSON body, the success and error envelopes."""
    op: dict[str, Any] = {
        "operationId": operation_id,
        "summary": summary,
        "tags": [tag],
        "responses": {**ok, **failures(errors)},
    }
    if params:
        op["parameters"] = list(params)
    if body is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    if public:
        op["security"] = []
    return op


# --- components -----------------------------------------------------------------------------


def _schemas() -> dict[str, Schema]:
    """Every named schema of requests and responses."""
    event_fields = {
        "id": string(),
        "jobId": string(),
        "fromStage": nullable(enum(STAGES)),
        "toStage": enum(STAGES),
        "title": string(),
        "occurredAt": DATE_TIME,
        "outcome": nullable(enum(OUTCOMES)),
        "metadata": {"type": "object"},
        "messageId": OPTIONAL_TEXT,
        "createdAt": DATE_TIME,
    }
    return {
        "Meta": record({"requestId": string()}),
        "Error": obj(
            {
                "ok": {"const": False},
                "error": obj(
                    {"code": string(), "message": string(), "details": {}}, ("code", "message"), closed=False
                ),
                "meta": ref("Meta"),
            },
            ("ok", "error", "meta"),
        ),
        "StageEvent": record(event_fields),
        "Message": record(
            {
                "id": string(),
                "provider": string(),
                "accountKey": string(),
                "externalMessageId": string(),
                "externalThreadId": OPTIONAL_TEXT,
                "fromAddress": string(),
                "fromDomain": string(),
                "senderName": string(),
                "subject": string(),
                "receivedAt": DATE_TIME,
                "snippet": string(),
                "matchedJobId": OPTIONAL_TEXT,
                "matchConfidence": nullable(integer()),
                "stageTarget": nullable(string()),
                "messageType": nullable(enum(MESSAGE_TYPES)),
                "processingStatus": enum(PROCESSING_STATUSES),
                "reason": OPTIONAL_TEXT,
                "decidedAt": OPTIONAL_DATE_TIME,
            }
        ),
        "JobBrief": record({"id": string(), "title": string(), "employer": string()}),
        "InboxItem": record({"message": ref("Message"), "matchedJob": nullable(ref("JobBrief"))}),
        "InboxList": listing(ref("InboxItem")),
        # No event when the mail only links (the job already stood at that stage); appliedMovedTo when mail older
        # than the application moved the Applied event back.
        "Approved": record(
            {
                "message": ref("Message"),
                "matchedJob": nullable(ref("JobBrief")),
                "event": nullable(ref("StageEvent")),
                "appliedMovedTo": OPTIONAL_DATE_TIME,
            }
        ),
        "DecisionInput": obj(
            {
                "provider": enum(PROVIDERS),
                "accountKey": string(maxLength=100),
                "jobId": string(maxLength=36),
                "stageTarget": enum(ROUTER_TARGETS),
                "note": string(maxLength=20_000),
            }
        ),
        "BulkInput": obj(
            {
                "action": enum(("approve", "deny")),
                "messageIds": {"type": "array", "items": string(), "minItems": 1, "maxItems": 500},
                "provider": enum(PROVIDERS),
                "accountKey": string(maxLength=100),
                "jobId": string(maxLength=36),
                "stageTarget": enum(ROUTER_TARGETS),
            },
            ("action", "messageIds"),
        ),
        "BulkResult": record(
            {
                "requested": integer(minimum=0),
                "succeeded": integer(minimum=0),
                "failed": integer(minimum=0),
                "skipped": integer(minimum=0),
                "results": {
                    "type": "array",
                    "items": obj(
                        {
                            "messageId": string(),
                            "status": enum(("succeeded", "failed", "skipped")),
                            "code": string(),
                            "message": string(),
                            "appliedMovedTo": DATE_TIME,
                        },
                        ("messageId", "status"),
                        closed=False,
                    ),
                },
            }
        ),
        "JobEmail": record(
            {"message": ref("Message"), "sourceUrl": OPTIONAL_TEXT, "accountDisplayName": string()}
        ),
        "JobEmailList": listing(ref("JobEmail")),
        "AuthorizationStart": record({"authorizationUrl": string(format="uri"), "state": string()}),
        "ExchangeInput": obj(
            {
                "accountKey": ACCOUNT_KEY,
                "state": string(minLength=1, maxLength=128),
                "code": string(minLength=1, maxLength=2000),
            },
            ("state", "code"),
        ),
        "AccountStatus": record(
            {
                "provider": string(),
                "accountKey": string(),
                "status": enum(("connected", "error", "disconnected")),
                "connected": {"type": "boolean"},
                "email": OPTIONAL_TEXT,
                "connectedAt": OPTIONAL_DATE_TIME,
                "lastSyncAt": OPTIONAL_DATE_TIME,
                "lastError": OPTIONAL_TEXT,
                "autoSyncMinutes": integer(minimum=0),
            }
        ),
        "ActionInput": obj(
            {
                "accountKey": ACCOUNT_KEY,
                "maxMessages": integer(minimum=1),
                "searchDays": integer(minimum=1),
                "host": string(maxLength=253),
                "port": integer(minimum=1, maximum=65535),
                "security": enum(("ssl", "starttls", "none")),
                "username": string(maxLength=320),
                "password": string(maxLength=500, format="password", writeOnly=True),
                "folders": {"type": "array", "items": string(maxLength=200), "maxItems": 20},
            }
        ),
        "SyncRun": record(
            {
                "id": string(),
                "provider": string(),
                "accountKey": string(),
                "status": enum(("running", "completed", "failed")),
                "mode": string(),
                "startedAt": OPTIONAL_DATE_TIME,
                "finishedAt": OPTIONAL_DATE_TIME,
                **{
                    name: integer(minimum=0)
                    for name in ("discovered", "fetched", "relevant", "classified", "matched", "errored")
                },
                "errorMessage": OPTIONAL_TEXT,
            }
        ),
        "SyncRunList": listing(ref("SyncRun")),
    }


def _error_responses() -> dict[str, Any]:
    """One reusable error response per status."""
    return {
        f"Error{status}": {"description": text, "content": {"application/json": {"schema": ref("Error")}}}
        for status, text in ERROR_DESCRIPTIONS.items()
    }


# --- paths ----------------------------------------------------------------------------------

JOB_ID = path_param("job_id", "The job's id.")
MESSAGE_ID = path_param("message_id", "The synced message's id.")
LIMIT = integer(minimum=1)


def _job_paths() -> dict[str, Any]:
    """A job's mail."""
    return {
        "/api/jobs/{job_id}/emails": {
            "get": operation(
                "jobEmails",
                "Messages linked to a job, newest first.",
                "inbox",
                success(ref("JobEmailList"), "The messages with links to their threads."),
                READ_ERRORS,
                params=(
                    JOB_ID,
                    query_param("limit", integer(minimum=1, maximum=500), "At most this many (50)."),
                ),
            ),
        },
    }


def _inbox_paths() -> dict[str, Any]:
    """The Tracking Inbox."""
    account = (
        query_param("provider", enum(PROVIDERS), "Mail provider (gmail)."),
        query_param("accountKey", string(maxLength=100), "Account key (default)."),
    )
    return {
        "/api/post-application/inbox": {
            "get": operation(
                "listInbox",
                "Messages waiting for review, with their suggested job.",
                "inbox",
                success(ref("InboxList"), "The items."),
                READ_ERRORS,
                params=(
                    *account,
                    query_param("status", enum(PROCESSING_STATUSES), "pending_user by default."),
                    query_param("limit", integer(minimum=1, maximum=500), "At most this many (100)."),
                ),
            ),
        },
        "/api/post-application/inbox/actions": {
            "post": operation(
                "bulkDecide",
                "Approve or deny many messages at once.",
                "inbox",
                success(ref("BulkResult"), "What happened to each message."),
                WRITE_ERRORS,
                body=ref("BulkInput"),
            ),
        },
        "/api/post-application/inbox/{message_id}/approve": {
            "post": operation(
                "approveMessage",
                "Link a message to a job and log its stage.",
                "inbox",
                success(ref("Approved"), "The item and the event it logged."),
                WRITE_ERRORS,
                params=(MESSAGE_ID,),
                body=ref("DecisionInput"),
            ),
        },
        "/api/post-application/inbox/{message_id}/deny": {
            "post": operation(
                "denyMessage",
                "Mark a message as not about any job.",
                "inbox",
                success(ref("InboxItem"), "The item."),
                WRITE_ERRORS,
                params=(MESSAGE_ID,),
                body=ref("DecisionInput"),
            ),
        },
    }


def _gmail_paths() -> dict[str, Any]:
    """Connecting Gmail or IMAP, provider actions and sync runs."""
    base = "/api/post-application/providers"
    account_key = query_param("accountKey", ACCOUNT_KEY, "Account key (default).")
    provider = {"name": "provider", "in": "path", "required": True, "schema": enum(CONNECTED_PROVIDERS)}
    return {
        f"{base}/gmail/oauth/start": {
            "get": operation(
                "gmailOAuthStart",
                "Begin Gmail consent: where to send the browser.",
                "gmail",
                success(ref("AuthorizationStart"), "The consent URL and its single-use state."),
                READ_ERRORS,
                params=(account_key,),
            ),
        },
        f"{base}/gmail/oauth/exchange": {
            "post": operation(
                "gmailOAuthExchange",
                "Finish consent with the code Google returned.",
                "gmail",
                success(ref("AccountStatus"), "The connected account."),
                GMAIL_ERRORS,
                body=ref("ExchangeInput"),
            ),
        },
        f"{base}/{{provider}}/status": {
            "get": operation(
                "providerStatus",
                "Whether an account is connected (IMAP adds its server settings, never the password).",
                "gmail",
                success(ref("AccountStatus"), "The account."),
                READ_ERRORS,
                params=(provider, account_key),
            ),
        },
        f"{base}/{{provider}}/actions/{{action}}": {
            "post": operation(
                "providerAction",
                "connect, status, sync or disconnect a mail account. IMAP connect takes host, port, "
                "security, username, password and folders, and logs in before storing anything.",
                "gmail",
                success(
                    {"anyOf": [ref("AuthorizationStart"), ref("AccountStatus"), ref("SyncRun")]},
                    "connect: the consent URL (Gmail) or the account (IMAP); status and disconnect: "
                    "the account; sync: the finished run.",
                ),
                GMAIL_ERRORS,
                body=ref("ActionInput"),
                params=(
                    provider,
                    {
                        "name": "action",
                        "in": "path",
                        "required": True,
                        "schema": enum(("connect", "status", "sync", "disconnect")),
                    },
                ),
            ),
        },
        "/api/post-application/runs": {
            "get": operation(
                "listRuns",
                "Sync runs, newest first.",
                "gmail",
                success(ref("SyncRunList"), "The runs."),
                READ_ERRORS,
                params=(
                    query_param("provider", enum(PROVIDERS), "Mail provider."),
                    account_key,
                    query_param("limit", integer(minimum=1, maximum=200), "At most this many (20)."),
                ),
            ),
        },
    }


def document() -> dict[str, Any]:
    """The whole OpenAPI document."""
    spec = {
        "operationId": "openapi",
        "summary": "This document (not wrapped in an envelope).",
        "tags": ["meta"],
        "security": [],
        "responses": {
            "200": {
                "description": "The OpenAPI document.",
                "content": {
                    "application/json": {"schema": {"type": "object", "required": ["openapi", "paths"]}}
                },
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "JobOps API",
            "version": __version__,
            "description": "Track job applications after applying. Every answer is an envelope: "
            "{ok: true, data, meta: {requestId}} or {ok: false, error: {code, message, details?}, meta}.",
        },
        "servers": [{"url": "http://localhost:3001"}],
        "security": [{}, {"bearerToken": []}],
        "paths": {
            "/api/openapi.json": {"get": spec},
            **_job_paths(),
            **_inbox_paths(),
            **_gmail_paths(),
        },
        "components": {
            "schemas": _schemas(),
            "responses": _error_responses(),
            "securitySchemes": {
                "bearerToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "Required on every route but /api/health when JOBOPS_API_TOKEN is set.",
                }
            },
        },
    }


async def serve_document(_request: Request) -> JSONResponse:
    """GET /api/openapi.json: the plain document (no envelope), as OpenAPI tools expect it."""
    return JSONResponse(_cached_document())


@cache
def _cached_document() -> dict[str, Any]:
    """The document is the same for the life of the process."""
    return document()
