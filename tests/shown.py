"""What a person sees of text that went through jobops.escape.inert (tests read raw element values)."""

from __future__ import annotations

import html

from jobops.escape import WORD_JOINER


def seen(value: str) -> str:
    """The text a browser draws: character references decoded, invisible joiners gone."""
    return html.unescape(value).replace(WORD_JOINER, "")
