"""The real Gmail client authorised through the fake Google, for the tests of the fakes themselves."""

from __future__ import annotations

import base64
import hashlib
import secrets
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from google.oauth2.credentials import Credentials
from googleapiclient.discovery import Resource, build

from tests.fakes.google import GMAIL_READONLY, FakeGoogle

REDIRECT_URI = "http://localhost:3001/callback"


@pytest.fixture
def gmail(google: FakeGoogle) -> Resource:
    """The real Gmail client, authorised through the fake's consent and token endpoints."""
    verifier = secrets.token_urlsafe(48)
    consent = requests.get(
        google.auth_uri,
        allow_redirects=False,
        timeout=5,
        params={
            "client_id": google.client_id,
            "redirect_uri": REDIRECT_URI,
            "response_type": "code",
            "scope": GMAIL_READONLY,
            "state": "s",
            "code_challenge_method": "S256",
            "code_challenge": base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
            .decode()
            .rstrip("="),
        },
    )
    code = parse_qs(urlsplit(consent.headers["Location"]).query)["code"][0]
    tokens = requests.post(
        google.token_uri,
        timeout=5,
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT_URI,
            "client_id": google.client_id,
            "client_secret": google.client_secret,
            "code_verifier": verifier,
        },
    ).json()
    return build(
        "gmail",
        "v1",
        credentials=Credentials(tokens["access_token"]),
        cache_discovery=False,
        client_options={"api_endpoint": google.url + "/"},
    )
