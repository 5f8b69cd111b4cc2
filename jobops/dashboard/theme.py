"""The dashboard's colour theme (light, dark or the system's), chosen on the Settings page and remembered."""

from __future__ import annotations

import json
import os
from typing import Final

from streamlit import config

from jobops.config import Settings, load_settings
from jobops.errors import InvalidInput

SYSTEM: Final = "system"
THEMES: Final = ("light", "dark", SYSTEM)
LABELS: Final = {"light": "Light", "dark": "Dark", SYSTEM: "Follow the system"}
THEME_FILE: Final = "theme.json"


def chosen_theme(settings: Settings | None = None) -> str | None:
    """The theme the user chose, or None when none was (the server's own theme options then stand)."""
    settings = settings or load_settings()
    try:
        choice = json.loads((settings.data_dir / THEME_FILE).read_text(encoding="utf-8")).get("theme")
    except (OSError, ValueError, AttributeError):
        return None
    return choice if choice in THEMES else None


def choose_theme(choice: str, settings: Settings | None = None) -> str:
    """Remember the theme for every later visit."""
    if choice not in THEMES:
        raise InvalidInput(f"Choose one of: {', '.join(LABELS.values())}.", field="theme")
    settings = settings or load_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    target = settings.data_dir / THEME_FILE
    partial = target.with_name(f".{target.name}.partial")
    partial.write_text(json.dumps({"theme": choice}), encoding="utf-8")
    os.replace(partial, target)
    return choice


def apply_theme(choice: str | None) -> None:
    """Make the next page run draw in this theme; with none chosen, a theme the server was started with stands.

    Following the system needs a light and a dark variant (Streamlit then picks by the browser's preference);
    a fixed theme needs none, or the variants would win over it.
    """
    if choice is None:
        if config.get_option("theme.base") is not None:
            return
        choice = SYSTEM
    follow = choice == SYSTEM
    colour = config.get_option("theme.primaryColor")
    config.set_option("theme.base", None if follow else choice)
    for variant in ("light", "dark"):
        config.set_option(f"theme.{variant}.primaryColor", colour if follow and colour else None)
