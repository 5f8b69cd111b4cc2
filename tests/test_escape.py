"""The one escaping helper: user text shows as typed and never becomes a link, image, emoji or tag."""

from __future__ import annotations

import re

import pytest

from jobops.escape import inert
from tests.shown import seen

HOSTILE = [
    "![x](http://tracker.example/p.png)",
    "[Reconnect here](https://phish.example/login)",
    "Visit https://phish.example/a_b or www.phish.example or mail me@phish.example",
    "<https://phish.example> <b>bold</b> <img src=x>",
    '<a href="https://phish.example">Referral</a>',
    ":red[alarm] :material/warning: :smile: $x^2$",
    "**bold** _it_ ~~gone~~ `code` | a | b |",
    "1. not a list",
    "- not a list either",
    "# not a heading",
    "AT&T &lt;tag&gt; C# F* \\escaped",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_shows_exactly_what_was_typed(text: str) -> None:
    assert seen(inert(text)) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_has_no_markup_left_to_interpret(text: str) -> None:
    escaped = inert(text)
    assert not set("<>[]`*_|~$\\") & set(escaped)
    assert "://" not in escaped and not re.search(r"www\.", escaped, re.IGNORECASE)
    assert not re.search(r"[\w.+-]@", escaped)
    assert not re.search(r":\w", escaped)


def test_escaped_urls_carry_no_backslash_that_would_show_in_an_autolink() -> None:
    assert "\\" not in inert("https://phish.example/path.html")


def test_line_breaks_become_spaces_so_a_title_stays_one_line() -> None:
    assert inert("Backend\nEngineer\r\n\t Berlin") == "Backend Engineer Berlin"


def test_plain_titles_are_left_as_they_are() -> None:
    assert inert("Stripe · Backend Engineer (Berlin), 2026!") == "Stripe · Backend Engineer (Berlin), 2026!"
