"""Routes for mail providers (Gmail consent, Gmail and IMAP actions), sync runs and the OAuth callback."""

from __future__ import annotations

from urllib.parse import quote

from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route

from jobops import providers
from jobops import validation as check
from jobops.api import contract
from jobops.api.contract import WRITE_ERRORS, Operation, PathParam
from jobops.api.http import ApiRequest
from jobops.db import get_engine
from jobops.errors import JobOpsError, UpstreamError
from jobops.gmail import consent_errors, oauth
from jobops.mail import runs
from jobops.schemas import Schema, parse
from jobops.schemas.mail import (
    AccountRequest,
    AccountStatus,
    AuthorizationStart,
    ImapAccountStatus,
    OAuthExchange,
    ProviderAction,
    RunList,
    RunOut,
    RunsQuery,
    SyncRequest,
)

ACTIONS = ("connect", "status", "sync", "disconnect")
MAIL_PAGE = "/mail"
GMAIL_ERRORS = (*WRITE_ERRORS, 502)
PROVIDER = PathParam("provider", "A mail provider that connects: gmail or imap.", {"enum": ["gmail", "imap"]})
ACTION = PathParam("action", "What to do with the account.", {"enum": list(ACTIONS)})


def _engine(session: Session) -> Engine:
    """The engine behind the request's session; provider services open their own short transactions."""
    return session.get_bind()  # type: ignore[return-value]


def oauth_start(req: ApiRequest, session: Session) -> AuthorizationStart:
    """GET /api/post-application/providers/gmail/oauth/start?accountKey=default"""
    return oauth.start(_engine(session), parse(AccountRequest, req.query).account_key)


def oauth_exchange(req: ApiRequest, session: Session) -> AccountStatus:
    """POST /api/post-application/providers/gmail/oauth/exchange {accountKey, state, code}"""
    given = parse(OAuthExchange, req.body)
    return oauth.exchange(_engine(session), given.account_key, given.state, given.code)


def provider_status(req: ApiRequest, session: Session) -> AccountStatus:
    """GET /api/post-application/providers/{gmail|imap}/status?accountKey=default"""
    provider = providers.provider(req.path["provider"])
    return provider.status(session, parse(AccountRequest, req.query).account_key)


def provider_action(req: ApiRequest, session: Session) -> Schema:
    """POST /api/post-application/providers/{provider}/actions/{connect|status|sync|disconnect}

    Each action takes its own fields of the body; any other field is refused by name.
    """
    provider = providers.provider(req.path["provider"])
    action = check.choice("action", req.path["action"], ACTIONS, required=True)
    given = parse(ProviderAction, req.body).model_dump(by_alias=True, exclude_unset=True)
    engine = _engine(session)
    if action == "connect":
        return provider.connect(engine, parse(provider.connect_request, given))
    if action == "sync":
        return _sync(engine, provider, parse(SyncRequest, given))
    account_key = parse(AccountRequest, given).account_key
    if action == "disconnect":
        return provider.disconnect(engine, account_key)
    return provider.status(session, account_key)


def _sync(engine: Engine, provider: providers.Provider, request: SyncRequest) -> RunOut:
    """Sync now and answer the finished run; a failed run is a 502 that carries the run."""
    run = providers.sync_account(
        engine,
        provider.name,
        request.account_key,
        max_messages=request.max_messages,
        search_days=request.search_days,
    )
    if run.status == "failed":
        raise UpstreamError(run.error_message or f"The {provider.label} sync failed.", details={"run": run})
    return run


def list_runs(req: ApiRequest, session: Session) -> RunList:
    """GET /api/post-application/runs?provider=gmail|imap|mailbox&accountKey=default&limit=20"""
    query = parse(RunsQuery, req.query)
    provider = check.choice("provider", query.provider, providers.NAMES)
    items = runs.list_runs(session, provider, query.account_key, query.limit)
    return RunList(items=items, total=len(items))


def oauth_callback(request: Request) -> RedirectResponse:
    """GET /oauth/gmail/callback: Google sends the browser here; connect, then show the Gmail page."""
    params = request.query_params
    if params.get("error"):
        return _to_mail_page("gmail_error", consent_errors.DENIED)
    try:
        oauth.exchange(get_engine(), None, params.get("state", ""), params.get("code", ""))
    except JobOpsError as exc:
        return _to_mail_page("gmail_error", consent_errors.code_for(exc))
    return _to_mail_page("gmail", "connected")


def _to_mail_page(key: str, value: str) -> RedirectResponse:
    return RedirectResponse(f"{MAIL_PAGE}?{key}={quote(value)}", status_code=303)


def operations() -> list[Operation]:
    """The mail provider and run operations, relative to /api."""
    base = "/post-application/providers"
    return [
        Operation(
            "GET",
            f"{base}/gmail/oauth/start",
            oauth_start,
            "gmailOAuthStart",
            "Begin Gmail consent: where to send the browser.",
            "gmail",
            AuthorizationStart,
            "The consent URL and its single-use state.",
            query=AccountRequest,
        ),
        Operation(
            "POST",
            f"{base}/gmail/oauth/exchange",
            oauth_exchange,
            "gmailOAuthExchange",
            "Finish consent with the code Google returned.",
            "gmail",
            AccountStatus,
            "The connected account.",
            request=OAuthExchange,
            errors=GMAIL_ERRORS,
        ),
        Operation(
            "GET",
            f"{base}/{{provider}}/status",
            provider_status,
            "providerStatus",
            "Whether an account is connected (IMAP adds its server settings, never the password).",
            "gmail",
            (AccountStatus, ImapAccountStatus),
            "The account.",
            query=AccountRequest,
            path_params=(PROVIDER,),
        ),
        Operation(
            "POST",
            f"{base}/{{provider}}/actions/{{action}}",
            provider_action,
            "providerAction",
            "connect, status, sync or disconnect a mail account. IMAP connect takes host, port, security, "
            "username, password and folders, and logs in before storing anything.",
            "gmail",
            (AuthorizationStart, AccountStatus, ImapAccountStatus, RunOut),
            "connect: the consent URL (Gmail) or the account (IMAP); status and disconnect: the account; "
            "sync: the finished run.",
            request=ProviderAction,
            path_params=(PROVIDER, ACTION),
            errors=GMAIL_ERRORS,
        ),
        Operation(
            "GET",
            "/post-application/runs",
            list_runs,
            "listRuns",
            "Sync runs, newest first.",
            "gmail",
            RunList,
            "The runs.",
            query=RunsQuery,
        ),
    ]


def routes() -> list[Route]:
    """The mail provider and run routes, relative to /api, on their own (the API mounts every module's)."""
    return contract.routes(operations())


def callback_routes() -> list[Route]:
    """The OAuth redirect target, mounted at the site root next to /api."""
    return [Route("/oauth/gmail/callback", oauth_callback, methods=["GET"])]
