"""Routes for mail providers (Gmail consent, Gmail and IMAP actions), sync runs and the OAuth callback."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route

from jobops import providers
from jobops import validation as check
from jobops.api.http import ApiRequest, endpoint
from jobops.db import get_engine
from jobops.errors import JobOpsError, UpstreamError
from jobops.gmail import consent_errors, oauth
from jobops.mail import runs
from jobops.mail.accounts import check_account_key

ACTIONS = ("connect", "status", "sync", "disconnect")
MAIL_PAGE = "/mail"


def _engine(session: Session) -> Engine:
    """The engine behind the request's session; provider services open their own short transactions."""
    return session.get_bind()  # type: ignore[return-value]


def oauth_start(req: ApiRequest, session: Session) -> dict[str, str]:
    """GET /api/post-application/providers/gmail/oauth/start?accountKey=default"""
    check.reject_unknown(req.query, ("accountKey",), "query")
    return oauth.start(_engine(session), check_account_key(req.query.get("accountKey")))


def oauth_exchange(req: ApiRequest, session: Session) -> dict[str, Any]:
    """POST /api/post-application/providers/gmail/oauth/exchange {accountKey, state, code}"""
    check.reject_unknown(req.body, ("accountKey", "state", "code"))
    return oauth.exchange(
        _engine(session),
        check_account_key(req.body.get("accountKey")),
        check.text("state", req.body.get("state"), required=True, max_len=128) or "",
        check.text("code", req.body.get("code"), required=True, max_len=2000) or "",
    )


def provider_status(req: ApiRequest, session: Session) -> dict[str, Any]:
    """GET /api/post-application/providers/{gmail|imap}/status?accountKey=default"""
    provider = providers.provider(req.path["provider"])
    check.reject_unknown(req.query, ("accountKey",), "query")
    return provider.status(session, check_account_key(req.query.get("accountKey")))


def provider_action(req: ApiRequest, session: Session) -> dict[str, Any]:
    """POST /api/post-application/providers/{provider}/actions/{connect|status|sync|disconnect}"""
    provider = providers.provider(req.path["provider"])
    action = check.choice("action", req.path["action"], ACTIONS, required=True) or ""
    fields = {"connect": provider.connect_fields, "sync": providers.SYNC_FIELDS}.get(action, ("accountKey",))
    check.reject_unknown(req.body, fields)
    account_key = check_account_key(req.body.get("accountKey"))
    engine = _engine(session)
    if action == "connect":
        return provider.connect(engine, account_key, req.body)
    if action == "disconnect":
        return provider.disconnect(engine, account_key)
    if action == "status":
        return provider.status(session, account_key)
    run = providers.sync_account(
        engine,
        provider.name,
        account_key,
        max_messages=req.body.get("maxMessages"),
        search_days=req.body.get("searchDays"),
    )
    if run["status"] == "failed":
        raise UpstreamError(run["errorMessage"] or f"The {provider.label} sync failed.", details={"run": run})
    return run


def list_runs(req: ApiRequest, session: Session) -> dict[str, Any]:
    """GET /api/post-application/runs?provider=gmail|imap|mailbox&accountKey=default&limit=20"""
    check.reject_unknown(req.query, ("provider", "accountKey", "limit"), "query")
    provider = check.choice("provider", req.query.get("provider"), providers.NAMES)
    account_key = req.query.get("accountKey")
    items = runs.list_runs(
        session,
        provider,
        check_account_key(account_key) if account_key else None,
        check.integer("limit", req.query.get("limit"), default=20, low=1, high=200),
    )
    return {"items": items, "total": len(items)}


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


def routes() -> list[Route]:
    """The mail provider and run routes, relative to /api."""
    base = "/post-application/providers"
    return [
        Route(f"{base}/gmail/oauth/start", endpoint(oauth_start), methods=["GET"]),
        Route(f"{base}/gmail/oauth/exchange", endpoint(oauth_exchange), methods=["POST"]),
        Route(f"{base}/{{provider}}/status", endpoint(provider_status), methods=["GET"]),
        Route(f"{base}/{{provider}}/actions/{{action}}", endpoint(provider_action), methods=["POST"]),
        Route("/post-application/runs", endpoint(list_runs), methods=["GET"]),
    ]


def callback_routes() -> list[Route]:
    """The OAuth redirect target, mounted at the site root next to /api."""
    return [Route("/oauth/gmail/callback", oauth_callback, methods=["GET"])]
