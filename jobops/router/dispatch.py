"""Long alternations of phrases compiled so that a position only tries the phrases that can start there.

Python's regular expressions try every alternative at every position; a few thousand phrases make that the router's
largest cost. Grouping the phrases by first character, and the characters into small sets, then the phrases of a
character by their second one, lets a position skip all but a handful.
"""

from __future__ import annotations

import re
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Final

CHARS_PER_SET: Final = (
    6  # first characters tested together before their phrases are tried one character at a time
)
SPLIT_FROM: Final = 8  # the phrases of one first character are told apart by their second from this many on


def dispatching_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Every phrase in one pattern that starts on a word boundary and finds what a plain alternation finds there.

    At any position the phrases that can start with its character are still tried in the listed order, followed
    by those whose first character cannot be told.
    """
    by_char: dict[str, list[int]] = {}
    anywhere: list[int] = []
    for index, phrase in enumerate(phrases):
        chars, _ = _first_chars(_parser.parse(phrase))
        if chars is None:
            anywhere.append(index)
        else:
            for char in chars:
                by_char.setdefault(char, []).append(index)

    def branch(char: str, indexes: list[int]) -> str:
        """The phrases that can start with one character, behind a test for it."""
        return f"(?={re.escape(char)})(?:{_by_second_char(phrases, sorted({*indexes, *anywhere}))})"

    letters = [(char, indexes) for char, indexes in sorted(by_char.items()) if char.isalnum()]
    others = [branch(char, indexes) for char, indexes in sorted(by_char.items()) if not char.isalnum()]
    sets = [letters[start : start + CHARS_PER_SET] for start in range(0, len(letters), CHARS_PER_SET)]
    in_words = "|".join(
        f"(?=[{''.join(re.escape(char) for char, _ in chars)}])(?:{'|'.join(branch(*item) for item in chars)})"
        for chars in sets
    )
    branches = [f"(?=\\w)(?:{in_words})"] if letters else []
    branches += others
    if anywhere:  # where a character's branch was tried, these phrases were too
        told = "".join(re.escape(char) for char in sorted(by_char))
        branches.append(f"(?![{told}])(?:" + "|".join(phrases[i] for i in anywhere) + ")")
    return re.compile(r"\b(?:" + "|".join(branches) + ")")


def _by_second_char(phrases: list[str], indexes: list[int]) -> str:
    """Phrases that start with the same character, grouped by the second one where it can be told; each group still
    lists them in order, with those whose second character cannot be told, which alone follow all groups."""
    if len(indexes) < SPLIT_FROM:
        return "|".join(phrases[i] for i in indexes)
    by_char: dict[str, list[int]] = {}
    unknown: list[int] = []
    for index in indexes:
        starts = _starts(_parser.parse(phrases[index]))
        if starts is None:
            unknown.append(index)
        for char in sorted({start[1] for start in starts or ()}):
            by_char.setdefault(char, []).append(index)
    groups = [
        f"(?=.{re.escape(char)})(?:{'|'.join(phrases[i] for i in sorted({*found, *unknown}))})"
        for char, found in sorted(by_char.items())
    ]
    told = "".join(re.escape(char) for char in sorted(by_char))
    rest = [f"(?!.[{told}])(?:{'|'.join(phrases[i] for i in unknown)})"] if unknown else []
    return "|".join([*groups, *rest])


STARTS_KEPT: Final = 400  # more two-character starts than this, and a phrase's start is taken as unknown


def _starts(items: Any) -> set[str] | None:
    """The two characters a parsed pattern can start with; None when that cannot be told or the pattern can match
    fewer. Assertions are passed over, so the set may hold starts the pattern never matches, never too few."""
    found = _run(items, {""})
    return None if found is None or any(len(start) < 2 for start in found) else found


def _run(items: Any, begun: set[str]) -> set[str] | None:
    """Begun starts run on through a sequence of parsed items; the short ones stay short where it can match
    nothing."""
    found: set[str] | None = begun
    for op, av in items:
        if found is None or len(found) > STARTS_KEPT or all(len(start) == 2 for start in found):
            break
        done = {start for start in found if len(start) == 2}
        more = _run_item(op, av, found - done)
        found = None if more is None else done | more
    return None if found is None or len(found) > STARTS_KEPT else found


def _run_item(op: Any, av: Any, short: set[str]) -> set[str] | None:
    """Short starts run on through one parsed item."""
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return short
    if op in (_c.LITERAL, _c.IN):
        chars, _ = _first_chars_of(op, av)
        return None if chars is None else {start + char for start in short for char in chars}
    if op is _c.SUBPATTERN:
        return _run(av[-1], short)
    if op is _c.BRANCH:
        runs = [_run(branch, short) for branch in av[1]]
        return None if any(run is None for run in runs) else set().union(*runs)  # type: ignore[arg-type]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        least, most, repeated = av
        return _repeated(least, most, repeated, short)
    return None


def _repeated(least: int, most: int, items: Any, short: set[str]) -> set[str] | None:
    """Short starts run on through a repeated item: once for each number of times it may occur."""
    found: set[str] = set()
    current = short
    for times in range(4):
        if times >= least:
            found |= current
        if times == most:
            return found
        if all(len(start) == 2 for start in current):  # more repeats leave these starts as they are
            return found | current
        more = _run(items, {start for start in current if len(start) < 2})
        if more is None:
            return None
        current = {start for start in current if len(start) == 2} | more
    return None  # an item that may match nothing, repeated: its starts are not told


def alternatives(pattern: str) -> list[str]:
    """A pattern's top-level alternatives, as written: "a|(?:b|c)|[|]" gives "a", "(?:b|c)" and "[|]"."""
    found: list[str] = []
    start = depth = 0
    set_opened = -1  # where the character set being read opened, if one is
    escaped = False
    for position, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif set_opened >= 0:  # a "]" first in a set ("[]]", "[^]]") is one of its characters
            first = set_opened + (2 if pattern[set_opened + 1 : set_opened + 2] == "^" else 1)
            set_opened = -1 if char == "]" and position > first else set_opened
        elif char == "[":
            set_opened = position
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            found.append(pattern[start:position])
            start = position + 1
    return [*found, pattern[start:]]


def _first_chars(items: Any) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start with (None: any) and whether it can match nothing."""
    found: set[str] = set()
    for op, av in items:
        chars, empty = _first_chars_of(op, av)
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return found, False
    return found, True


def _first_chars_of(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    """_first_chars for one parsed item."""
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE:
                chars.update(chr(code) for code in range(value[0], value[1] + 1))
            else:
                return None, False
        return chars, False
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True
    if op is _c.SUBPATTERN:
        return _first_chars(av[-1])
    if op is _c.BRANCH:
        chars, empty = set(), False
        for branch in av[1]:
            branch_chars, branch_empty = _first_chars(branch)
            if branch_chars is None:
                return None, False
            chars |= branch_chars
            empty = empty or branch_empty
        return chars, empty
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        repeated, empty = _first_chars(av[2])
        return repeated, empty or av[0] == 0
    return None, False
