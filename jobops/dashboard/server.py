"""What the dashboard's process does around the pages: start-up, shutdown, its outer wall and error logging."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.middleware import Middleware
from streamlit import config
from streamlit.runtime.pages_manager import PagesManager

from jobops import access
from jobops.config import load_settings
from jobops.dashboard.web_guard import WebGuard
from jobops.db import get_engine
from jobops.mail.runs import fail_interrupted_runs
from jobops.mail.schedule import start_scheduled_sync
from jobops.providers import sync_sources
from jobops.router.learned import shipped_reader

log = logging.getLogger("jobops")


class UnsafeConfiguration(RuntimeError):
    """A setting that would leave the app guessable; JobOps does not start with it."""


def middleware() -> list[Middleware]:
    """What wraps every request: pages, static files, /api and the websocket."""
    return [Middleware(WebGuard)]


@asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[dict[str, Any]]:
    """Refuse unsafe settings, migrate, close runs a crash left open, start the scheduled sync."""
    problem = access.api_token_problem(load_settings())
    if problem:
        log.error(problem)
        raise UnsafeConfiguration(problem)
    engine = get_engine()
    interrupted = fail_interrupted_runs(engine)
    if interrupted:
        log.warning("marked %d interrupted sync run(s) as failed", interrupted)
    scheduler = start_scheduled_sync(engine, sync_sources())
    # The learned reader takes a while to train the first time: ready it before the first mail is routed.
    threading.Thread(target=shipped_reader, name="learned-reader", daemon=True).start()
    # app.py registers every file of pages/ with st.navigation. Without this, a deep link such
    # as /board arriving before any other request would make Streamlit auto-discover pages/
    # the legacy way and never run app.py's navigation.
    PagesManager.uses_pages_directory = False
    previous_source = access.listen_address_from(streamlit_server_address)  # the API asks where we listen
    try:
        yield {"engine": engine}
    finally:
        scheduler.stop()
        access.listen_address_from(previous_source)


def streamlit_server_address() -> str:
    """Streamlit's `server.address` option ('' when unset, which means every interface)."""
    return str(config.get_option("server.address") or "")


def log_script_error(exc: Exception) -> bool:
    """Log a page error and let the page show Streamlit's short notice (details stay hidden)."""
    log.error("page error: %s", type(exc).__name__, exc_info=exc)
    return False
