"""The dashboard's server start-up: the API learns where Streamlit listens, and forgets it at shutdown."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from streamlit import config

from jobops import access
from jobops.dashboard.server import lifespan


def test_while_the_app_runs_the_api_knows_streamlits_listening_address(
    app_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_option = config.get_option
    monkeypatch.setattr(
        config, "get_option", lambda name: "0.0.0.0" if name == "server.address" else real_option(name)
    )
    seen: list[str] = []

    async def serve() -> None:
        async with lifespan(None):
            seen.append(access.server_address())

    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, serve()).result()  # a thread of its own: another loop may be running here
    assert seen == ["0.0.0.0"]
    assert access.server_address() == "127.0.0.1"  # after shutdown, app_env's again
