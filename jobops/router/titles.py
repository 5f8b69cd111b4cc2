"""Job titles as word sets, and how much of a title a mail names (fuzzy per word, via rapidfuzz)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Final

from rapidfuzz import fuzz, process

from jobops.router.employers import words

STOPWORDS: Final = frozenset(
    {
        "and",
        "of",
        "the",
        "for",
        "a",
        "an",
        "in",
        "at",
        "to",
        "with",
        "de",
        "del",
        "la",
        "le",
        "el",
        "des",
        "du",
        "y",
        "et",
        "und",
        "der",
        "die",
        "m",
        "f",
        "w",
        "d",
        "x",
        "h",
    }
)
# Short forms that are safe to expand wherever they appear.
ABBREVIATIONS: Final[dict[str, tuple[str, ...]]] = {
    "sre": ("site", "reliability", "engineer"),
    "ml": ("machine", "learning"),
    "swe": ("software", "engineer"),
    "sde": ("software", "development", "engineer"),
    "sr": ("senior",),
    "jr": ("junior",),
}
# Short forms only expanded inside a job title, where they cannot be ordinary words.
TITLE_ABBREVIATIONS: Final[dict[str, tuple[str, ...]]] = {
    **ABBREVIATIONS,
    "pm": ("product", "manager"),
    "em": ("engineering", "manager"),
    "fe": ("frontend",),
    "be": ("backend",),
    "qa": ("quality", "assurance"),
}
COMPOUNDS: Final[dict[tuple[str, str], str]] = {
    ("front", "end"): "frontend",
    ("back", "end"): "backend",
    ("full", "stack"): "fullstack",
    ("dev", "ops"): "devops",
}
_COMPOUND_FIRSTS: Final = frozenset(first for first, _ in COMPOUNDS)
FUZZY_MIN_LENGTH: Final = 5
FUZZY_MIN_SCORE: Final = 88


def normalised_words(tokens: Sequence[str], abbreviations: dict[str, tuple[str, ...]]) -> list[str]:
    """Words with compounds joined and short forms expanded: 'Sr. Front-End' -> senior, frontend."""
    out: list[str] = []
    index = 0
    while index < len(tokens):
        pair = (tokens[index], tokens[index + 1]) if index + 1 < len(tokens) else None
        if pair in COMPOUNDS:
            out.append(COMPOUNDS[pair])  # type: ignore[index]
            index += 2
            continue
        out.extend(abbreviations.get(tokens[index], (tokens[index],)))
        index += 1
    return out


def title_words(title: str) -> frozenset[str]:
    """The words of a job title that carry meaning."""
    return frozenset(w for w in normalised_words(words(title), TITLE_ABBREVIATIONS) if w not in STOPWORDS)


def message_words(texts: Iterable[Sequence[str]]) -> frozenset[str]:
    """The normalised words of a mail's folded subject and body words."""
    found: set[str] = set()
    for tokens in texts:
        found.update(tokens)
        if _COMPOUND_FIRSTS & found:
            found.update(
                COMPOUNDS[pair] for pair in zip(tokens, tokens[1:], strict=False) if pair in COMPOUNDS
            )
    for short in ABBREVIATIONS.keys() & found:
        found.update(ABBREVIATIONS[short])
    return frozenset(found)


def coverage(title: Collection[str], present: frozenset[str]) -> float:
    """Share of the title's words the mail names, allowing small spelling differences in long words."""
    if not title:
        return 0.0
    hits = sum(1 for word in title if _named(word, present))
    return hits / len(title)


def _named(word: str, present: frozenset[str]) -> bool:
    """Whether a word, or a close spelling of it ('solution' for 'solutions'), is present."""
    if word in present:
        return True
    if len(word) < FUZZY_MIN_LENGTH:
        return False
    return process.extractOne(word, present, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE) is not None
