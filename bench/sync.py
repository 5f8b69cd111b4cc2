"""Gmail sync speed against the local fake Google: 500 messages, 100 ms per call, 250 units/s.

Run: .venv/bin/python bench/sync.py
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import requests
from sqlalchemy import Engine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jobops import providers  # noqa: E402
from jobops.config import Settings, load_settings  # noqa: E402
from jobops.db import make_engine, migrate  # noqa: E402
from jobops.gmail import oauth  # noqa: E402
from tests.fakes.google import FakeGoogle  # noqa: E402

MESSAGES = 500
LATENCY_SECONDS = 0.1
QUOTA_UNITS_PER_SECOND = 250


def settings_for(google: FakeGoogle, data_dir: Path) -> Settings:
    return dataclasses.replace(
        load_settings(),
        data_dir=data_dir,
        secret_key="bench",
        gmail_client_id=google.client_id,
        gmail_client_secret=google.client_secret,
        gmail_redirect_uri="http://localhost:3001/oauth/gmail/callback",
        gmail_auth_uri=google.auth_uri,
        gmail_token_uri=google.token_uri,
        gmail_api_endpoint=google.url,
        gmail_revoke_uri=google.revoke_uri,
    )


def connect(engine: Engine, settings: Settings) -> None:
    started = oauth.start(engine, "default", settings)
    consent = requests.get(started["authorizationUrl"], allow_redirects=False, timeout=5)
    location = consent.headers["Location"]
    answer = {k: v[-1] for k, v in parse_qs(urlsplit(location).query).items()}
    oauth.exchange(engine, "default", answer["state"], answer["code"], settings)


def main() -> None:
    with (
        FakeGoogle(latency=LATENCY_SECONDS, quota_units_per_second=QUOTA_UNITS_PER_SECOND) as google,
        tempfile.TemporaryDirectory() as tmp,
    ):
        for i in range(MESSAGES):
            google.add_message(subject=f"Interview update {i}", html=f"<p>Round {i}</p>")
        settings = settings_for(google, Path(tmp))
        engine = make_engine(f"sqlite:///{tmp}/bench.db")
        migrate(engine)
        connect(engine, settings)
        calls, units, requests_before = google.gmail_calls, google.units, google.http_requests

        began = time.perf_counter()
        run = providers.sync_account(engine, "gmail", "default", max_messages=MESSAGES, settings=settings)
        elapsed = time.perf_counter() - began
        full_calls, full_units = google.gmail_calls - calls, google.units - units
        rate = run["fetched"] / elapsed
        print(
            f"full sync: {run['fetched']} messages in {elapsed:.2f} s = {rate:.1f} msg/s "
            f"(status {run['status']}, errored {run['errored']})"
        )
        print(
            f"  Gmail calls: {full_calls} ({full_calls / run['fetched']:.3f} per message), "
            f"HTTP requests: {google.http_requests - requests_before}, "
            f"quota units: {full_units} ({full_units / run['fetched']:.2f} per message), "
            f"answered 429: {google.throttled}"
        )

        calls, requests_before = google.gmail_calls, google.http_requests
        began = time.perf_counter()
        again = providers.sync_account(engine, "gmail", "default", max_messages=MESSAGES, settings=settings)
        print(
            f"re-sync with nothing new: {google.gmail_calls - calls} Gmail calls, "
            f"{google.http_requests - requests_before} HTTP requests, {time.perf_counter() - began:.2f} s "
            f"(mode {again['mode']}, fetched {again['fetched']})"
        )


if __name__ == "__main__":
    main()
