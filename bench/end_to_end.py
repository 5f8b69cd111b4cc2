"""A labelled mailbox through the whole mail path: fake Gmail (with Gmail's search rules), OAuth, the API's sync.

Jobs are created and moved with the API's own routes; the mailbox is delivered to the fake Gmail at the
labelled times; one sync action fetches what the searches find and routes it. Mail never fetched is missed.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests
from starlette.applications import Starlette
from starlette.testclient import TestClient

from bench.evaluation import LabelledSet, Outcome, read_outcomes, received_at
from jobops.db import get_engine, reset_engines
from tests.fakes.google import FakeGoogle

ACCOUNT = {"accountKey": "default"}
CANDIDATE = "candidate@example.org"


def route_through_gmail(labelled: LabelledSet, folder: Path) -> dict[str, Outcome]:
    """Deliver, connect, sync through the API and read what became of each labelled message."""
    with FakeGoogle(email=CANDIDATE) as google:
        previous = _point_at(google, folder)
        try:
            reset_engines()
            from jobops.api import routes

            with TestClient(Starlette(routes=routes()), base_url="http://localhost:3001") as api:
                ids = {job["id"]: _add_job(api, job) for job in labelled.jobs}
                external = {row["id"]: _deliver(google, row) for row in labelled.messages}
                _connect(api)
                days = max(1, (datetime.now(UTC) - min(map(received_at, labelled.messages))).days + 2)
                answer = api.post(
                    "/api/post-application/providers/gmail/actions/sync",
                    json={**ACCOUNT, "maxMessages": 500, "searchDays": min(days, 365)},
                )
                answer.raise_for_status()
            return read_outcomes(get_engine(), labelled, ids, external)
        finally:
            reset_engines()
            _restore(previous)


def _point_at(google: FakeGoogle, folder: Path) -> dict[str, str | None]:
    """Environment for a fresh app that talks to the fake; returns what it replaced."""
    wanted = {
        **google.environment(),
        "GMAIL_OAUTH_REDIRECT_URI": "http://localhost:3001/oauth/gmail/callback",
        "JOBOPS_DATA_DIR": str(folder),
        "JOBOPS_DATABASE_URL": f"sqlite:///{folder}/e2e.db",
        "JOBOPS_SECRETS_FILE": str(folder / "none.toml"),
        "JOBOPS_SECRET_KEY": "evaluation",
        "STREAMLIT_SERVER_ADDRESS": "127.0.0.1",
    }
    previous = {name: os.environ.get(name) for name in (*wanted, "JOBOPS_API_TOKEN", "JOBOPS_PASSWORD")}
    os.environ.update(wanted)
    os.environ.pop("JOBOPS_API_TOKEN", None)
    os.environ.pop("JOBOPS_PASSWORD", None)
    return previous


def _restore(previous: dict[str, str | None]) -> None:
    for name, value in previous.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def _add_job(api: TestClient, job: dict[str, Any]) -> str:
    """Create a job where it stood before the mailbox begins, through the API."""
    body = {"title": job["title"], "employer": job["employer"]}
    if job.get("job_url"):
        body["jobUrl"] = job["job_url"]
    if job.get("applied_at"):
        body["appliedAt"] = job["applied_at"]
    created = api.post("/api/jobs", json=body)
    created.raise_for_status()
    job_id = created.json()["data"]["id"]
    stage = job.get("current_stage") or "applied"
    if stage not in ("applied", "closed"):
        api.post(f"/api/jobs/{job_id}/stages", json={"toStage": stage}).raise_for_status()
    if job.get("closed") or stage == "closed":
        api.patch(f"/api/jobs/{job_id}/outcome", json={"outcome": "no_response"}).raise_for_status()
    return job_id


def _deliver(google: FakeGoogle, row: dict[str, Any]) -> str:
    """Put one labelled message in the fake mailbox at its labelled time; returns its Gmail id."""
    # Mail can lack a From header; the sender is then empty, not an error.
    sender = f"{row.get('sender_name') or ''} <{row.get('from_address') or ''}>".strip()
    message = google.add_message(
        sender=None if row.get("from_me") else sender,
        subject=row["subject"],
        text=row["body_text"],
        age=datetime.now(UTC) - received_at(row),
        thread_id=row.get("thread_id") or None,
        from_me=bool(row.get("from_me")),
        to=row.get("to_address"),
    )
    return message.id


def _connect(api: TestClient) -> None:
    """Start OAuth, consent at the fake like a browser, exchange the code."""
    started = api.get("/api/post-application/providers/gmail/oauth/start", params=ACCOUNT)
    started.raise_for_status()
    consent = requests.get(started.json()["data"]["authorizationUrl"], allow_redirects=False, timeout=10)
    answer = {k: v[-1] for k, v in parse_qs(urlsplit(consent.headers["Location"]).query).items()}
    exchanged = api.post(
        "/api/post-application/providers/gmail/oauth/exchange",
        json={**ACCOUNT, "state": answer["state"], "code": answer["code"]},
    )
    exchanged.raise_for_status()
