"""Long phrase alternations compiled for speed find exactly what the plain alternation finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

from jobops.router.dispatch import alternatives, dispatching_pattern
from jobops.router.relevance import NOISE
from jobops.router.stage import STAGE_PHRASES
from jobops.router.text import fold, fold_pattern

PHRASES = [
    "invite you to an interview",
    "interview",
    "(?<!not )offer(?:ed)?",
    "'d like to offer",
    r"\w+ design interview",
    "(?:[0-9]+|thirty)[- ]?min(?:ute)?s? call",
    "entretien",
    "собеседование",
    "候选",
    "[a-c]ssessment",
    "zaproszenie",
]
SAMPLES = [
    "We'd like to offer you the role after your interview.",
    "We would like to invite you to an interview, not offered yet.",
    "A system design interview and a 30-minute call, then a thirty min call.",
    "Nous vous proposons un entretien. Приглашаем на собеседование. 候选人",
    "Your assessment and bssessment are ready; zaproszenie na rozmowę.",
    "interviewer offering offered",
    "",
]


def plain(phrases: list[str]) -> re.Pattern[str]:
    """The alternation the dispatching pattern stands for."""
    return re.compile(r"\b(?:" + "|".join(phrases) + ")")


def found(pattern: re.Pattern[str], text: str) -> list[tuple[int, str]]:
    """Where a pattern matches a text, and what."""
    return [(match.start(), match.group()) for match in pattern.finditer(text)]


def test_each_phrase_is_found_where_the_plain_alternation_finds_it() -> None:
    fast, slow = dispatching_pattern(PHRASES), plain(PHRASES)
    for text in SAMPLES:
        assert found(fast, text) == found(slow, text)
    assert found(fast, SAMPLES[0]) == [(2, "'d like to offer"), (43, "interview")]


def test_a_phrase_that_may_start_with_any_word_is_still_tried_everywhere() -> None:
    assert found(dispatching_pattern(PHRASES), "A system design interview")[0] == (
        2,
        "system design interview",
    )


def test_an_earlier_phrase_wins_at_a_position_as_in_a_plain_alternation() -> None:
    assert found(dispatching_pattern(["offer", "offered"]), "offered") == [(0, "offer")]
    assert found(dispatching_pattern(["offered", "offer"]), "offered") == [(0, "offered")]


def test_phrases_of_one_character_are_told_apart_by_the_second_yet_found_in_order() -> None:
    phrases = [
        "ab(?:c|d)", "a[e-g]h", "a(?:ij|kl)", "am?n", r"a\w+z", "ax", "ay", "(?:az|q)", "a", "aq", "(?<!x)ar",
    ]  # fmt: skip
    fast, slow = dispatching_pattern(phrases), plain(phrases)
    for text in ["abc abd afh aij akl an amn aqqz ax ay az q a aq ar xar", "awz abz a-b", ""]:
        assert found(fast, text) == found(slow, text)
    assert found(fast, "aqqz an") == [(0, "aqqz"), (5, "an")]  # the phrase that cannot be sorted still wins


def _labelled_texts(*names: str) -> list[str]:
    """The folded subjects and bodies of some labelled sets."""
    folder = Path(__file__).parents[1] / "router_eval"
    lines = [line for name in names for line in (folder / name / "messages.jsonl").read_text().splitlines()]
    return [fold(f"{mail['subject']}\n{mail['body_text']}") for mail in map(json.loads, lines)]


def test_the_stage_and_noise_phrases_are_found_in_labelled_mail_as_their_plain_alternations_find_them() -> (
    None
):
    texts = _labelled_texts(
        "software-finance", "care-worker-haiti-quebec-florida", "civil-service-korea-japan-taiwan"
    )
    stage_phrases = [phrase for phrases in STAGE_PHRASES.values() for phrase in phrases]
    noise_phrases = [phrase for pattern in NOISE.values() for phrase in alternatives(fold_pattern(pattern))]
    for phrases in (stage_phrases, noise_phrases):
        fast, slow = dispatching_pattern(phrases), plain(phrases)
        matches = [found(fast, text) for text in texts]
        assert matches == [found(slow, text) for text in texts]
        assert (
            sum(map(len, matches)) > len(texts) / 10
        )  # the mail holds phrases: not a comparison of empty lists


def test_a_pattern_splits_into_its_top_level_alternatives_only() -> None:
    assert alternatives("a|(?:b|c)|[|]") == ["a", "(?:b|c)", "[|]"]
    assert alternatives(r"x\|y|z") == [r"x\|y", "z"]
    assert alternatives("[]|]|q") == ["[]|]", "q"]
    assert alternatives("[^]|]|(q)") == ["[^]|]", "(q)"]
    assert alternatives("plain") == ["plain"]


def test_every_noise_pattern_splits_into_alternatives_that_stand_alone() -> None:
    for pattern in map(fold_pattern, NOISE.values()):
        pieces = alternatives(pattern)
        assert "|".join(pieces) == pattern and len(pieces) > 1
        for piece in pieces:  # a cut inside a group or a set would leave a piece that does not compile
            re.compile(piece)
