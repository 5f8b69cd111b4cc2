"""Google's OAuth endpoints for the fake: consent, token (code and refresh grants with PKCE), revoke."""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import time
from collections import Counter
from typing import Any
from urllib.parse import urlencode

from tests.fakes.gmail_message import b64url

GMAIL_READONLY = "https://www.googleapis.com/auth/gmail.readonly"


class GoogleOAuth:
    """The consent page and the token and revoke endpoints, over the fake's state."""

    client_id: str
    client_secret: str
    token_lifetime: int
    deny_consent: bool
    granted_scope: str
    calls: Counter[str]
    consents: list[dict[str, str]]
    _codes: dict[str, dict[str, str]]
    _access: dict[str, tuple[str, float]]  # access token -> (refresh token, expires at)
    _refresh: set[str]
    _lock: threading.RLock

    def expire_access_tokens(self) -> None:
        """Access tokens stop working; refresh tokens still do."""
        with self._lock:
            self._access.clear()

    def revoke_all(self) -> None:
        """The user revoked access: every token stops working."""
        with self._lock:
            self._access.clear()
            self._refresh.clear()

    def consent(self, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        self.calls["consent"] += 1
        self.consents.append(query)
        if query.get("client_id") != self.client_id:
            return 400, {}, b"unknown client"
        redirect = query["redirect_uri"]
        if self.deny_consent:
            params = {"error": "access_denied", "state": query.get("state", "")}
        else:
            code = secrets.token_urlsafe(16)
            with self._lock:
                self._codes[code] = {
                    "challenge": query.get("code_challenge", ""),
                    "method": query.get("code_challenge_method", ""),
                    "redirect_uri": redirect,
                }
            params = {"code": code, "state": query.get("state", ""), "scope": self.granted_scope}
        separator = "&" if "?" in redirect else "?"
        return 302, {"Location": f"{redirect}{separator}{urlencode(params)}"}, b""

    def token(self, form: dict[str, str], authorization: str) -> tuple[int, dict[str, Any]]:
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        if authorization.lower().startswith("basic "):
            decoded = base64.b64decode(authorization[6:]).decode()
            client_id, _, client_secret = decoded.partition(":")
        if (client_id, client_secret) != (self.client_id, self.client_secret):
            return 401, {"error": "invalid_client"}
        grant = form.get("grant_type")
        if grant == "authorization_code":
            self.calls["token"] += 1
            return self._trade_code(form)
        if grant == "refresh_token":
            self.calls["refresh"] += 1
            return self._refresh_access(form.get("refresh_token", ""))
        return 400, {"error": "unsupported_grant_type"}

    def _trade_code(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            grant = self._codes.pop(form.get("code", ""), None)
        if grant is None or grant["redirect_uri"] != form.get("redirect_uri"):
            return 400, {"error": "invalid_grant", "error_description": "Malformed auth code."}
        verifier = form.get("code_verifier", "")
        expected = b64url(hashlib.sha256(verifier.encode()).digest())
        if grant["method"] != "S256" or not verifier or expected != grant["challenge"]:
            return 400, {"error": "invalid_grant", "error_description": "Missing code verifier."}
        refresh = secrets.token_urlsafe(24)
        with self._lock:
            self._refresh.add(refresh)
        return 200, {**self._issue(refresh), "refresh_token": refresh}

    def _refresh_access(self, refresh: str) -> tuple[int, dict[str, Any]]:
        with self._lock:
            known = refresh in self._refresh
        if not known:
            return 400, {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}
        return 200, self._issue(refresh)

    def _issue(self, refresh: str) -> dict[str, Any]:
        access = secrets.token_urlsafe(24)
        with self._lock:
            self._access[access] = (refresh, time.time() + self.token_lifetime)
        return {
            "access_token": access,
            "expires_in": self.token_lifetime,
            "scope": self.granted_scope,
            "token_type": "Bearer",
        }

    def revoke(self, token: str) -> tuple[int, dict[str, Any]]:
        self.calls["revoke"] += 1
        with self._lock:
            refresh = self._access[token][0] if token in self._access else token
            if refresh not in self._refresh:
                return 400, {"error": "invalid_token"}
            self._refresh.discard(refresh)
            for access in [a for a, (r, _) in self._access.items() if r == refresh]:
                del self._access[access]
        return 200, {}

    def authorized(self, authorization: str) -> bool:
        """True when the Authorization header carries a live access token."""
        token = authorization[7:] if authorization.lower().startswith("bearer ") else ""
        with self._lock:
            entry = self._access.get(token)
        return entry is not None and entry[1] > time.time()
