"""Go through the fake Google's consent page as a browser would, and connect a Gmail account that way."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import requests
from sqlalchemy import Engine

from jobops.config import Settings
from jobops.gmail import oauth
from jobops.schemas.mail import AccountStatus

REDIRECT_URI = "http://localhost:3001/oauth/gmail/callback"  # where the tests' settings send consent back


def consent(authorization_url: str) -> dict[str, str]:
    """Open the consent page and read the query of the redirect back to the app (code and state, or error)."""
    answer = requests.get(authorization_url, allow_redirects=False, timeout=5)
    assert answer.status_code == 302, f"the consent page answered {answer.status_code}: {answer.text}"
    return {k: v[-1] for k, v in parse_qs(urlsplit(answer.headers["Location"]).query).items()}


def connect_gmail(
    engine: Engine, account_key: str = "default", settings: Settings | None = None
) -> AccountStatus:
    """Start, consent and exchange: the account is connected to the fake; its status is returned."""
    started = oauth.start(engine, account_key, settings)
    answer = consent(started.authorization_url)
    return oauth.exchange(engine, account_key, answer["state"], answer["code"], settings)
