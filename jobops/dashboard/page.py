"""Streamlit glue shared by the pages: the engine, read and write units of work, messages after actions."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ParamSpec, TypeVar

import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from jobops.dashboard.gate import session_allowed
from jobops.db import get_engine, read_session_scope, session_scope
from jobops.errors import JobOpsError
from jobops.escape import inert
from jobops.humanize import relative_time

__all__ = ["engine", "session", "attempt", "guarded", "flash", "show_flash", "relative_time"]

T = TypeVar("T")
P = ParamSpec("P")
FLASH_KEY = "_jobops_flash"


@st.cache_resource(show_spinner=False)
def _engine_for(url: str) -> Engine:
    """One engine per database URL for the whole server process."""
    return get_engine()


def engine() -> Engine:
    """The process-wide engine for the configured database."""
    from jobops.config import load_settings

    return _engine_for(load_settings().database_url)


@contextmanager
def session() -> Iterator[Session]:
    """A read-only unit of work for drawing a page: it never waits for a write (changes go through attempt)."""
    with read_session_scope(engine()) as s:
        yield s


def attempt(action: Callable[[Session], T], success: str | None = None) -> T | None:
    """Run a service call in one writing unit of work; show its error as a message instead of a traceback."""
    try:
        with session_scope(engine()) as s:
            result = action(s)
    except JobOpsError as exc:
        st.error(inert(exc.message), icon=":material/error:")
        return None
    if success:
        flash(success)
    return result


def guarded(callback: Callable[P, None]) -> Callable[P, None]:
    """A widget callback that does nothing once the session has lost access.

    Callbacks run before the page script, so before the gate in app.py: a tab left open when the
    password changed would otherwise still move a job. The rerun that follows shows the gate.
    """

    @functools.wraps(callback)
    def checked(*args: P.args, **kwargs: P.kwargs) -> None:
        if session_allowed():
            callback(*args, **kwargs)

    return checked


def flash(message: str, icon: str = ":material/check_circle:") -> None:
    """Queue a toast that survives the rerun that follows a click; it is shown as plain text."""
    st.session_state[FLASH_KEY] = (message, icon)


def show_flash() -> None:
    """Show the queued toast, once."""
    queued: Any = st.session_state.pop(FLASH_KEY, None)
    if queued:
        st.toast(inert(queued[0]), icon=queued[1])
