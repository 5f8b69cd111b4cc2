"""Step, decision and kind-of-mail words, context words and Gmail search words in Hindi, Tamil, Sinhala, Bengali, Arabic and Indonesian."""

from __future__ import annotations

from typing import Final

STEPS: Final[dict[str, tuple[str, ...]]] = {}

KINDS: Final[dict[str, tuple[str, ...]]] = {}

# Words of recruiting mail that name no step: they make mail about an application, not a stage.
CONTEXT: Final[tuple[str, ...]] = ()

# Whole words Gmail's search matches, for the searches that find recruitment mail.
SEARCH_TERMS: Final[tuple[str, ...]] = ()
