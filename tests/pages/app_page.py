"""Open the app in AppTest the way a browser tab does, on one of its pages, and find widgets by their label."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def open_page(page: str | None = None, **query: str) -> AppTest:
    """The app run once, then switched to `page` (`pages/<name>.py`) with these query parameters; no error shown."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if page is not None:
        at.switch_page(page)
        for name, value in query.items():
            at.query_params[name] = value
        at.run()
    assert not at.exception, at.exception
    return at


def by_label(widgets: Any, label: str) -> Any:
    """The first widget with this label."""
    return next(w for w in widgets if w.label == label)
