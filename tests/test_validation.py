"""Shared checks on values from people: hidden control characters never reach the database."""

from __future__ import annotations

import pytest

from jobops import validation as check
from jobops.errors import InvalidInput

RLO = "\u202e"


def test_text_loses_nul_control_characters_and_bidi_overrides_but_keeps_line_breaks() -> None:
    raw = f"Invoice{RLO}fdp.exe\x00 \u2066isolated\u2069\x07 line one\nline two\ttabbed"
    assert check.text("notes", raw, max_len=200) == "Invoicefdp.exe isolated line one\nline two\ttabbed"


def test_right_to_left_scripts_and_their_marks_are_kept() -> None:
    assert check.text("employer", "شركة \u200fمثال · חברה") == "شركة \u200fمثال · חברה"


def test_text_that_was_only_control_characters_counts_as_empty() -> None:
    with pytest.raises(InvalidInput, match="title is required"):
        check.text("title", f"{RLO}\x00", required=True)


@pytest.mark.parametrize(
    "address",
    [
        f"https://example.com/{RLO}gpj.exe",
        "https://example.com/\x00x",
        "https://exa mple.com/",
        "https://example.com/\u2066x",
    ],
)
def test_an_address_with_hidden_characters_or_spaces_is_refused(address: str) -> None:
    with pytest.raises(InvalidInput, match="without spaces or control characters"):
        check.url("jobUrl", address)


def test_an_ordinary_address_still_passes_with_surrounding_spaces_trimmed() -> None:
    assert check.url("jobUrl", "  https://example.com/jobs/1?ref=a  ") == "https://example.com/jobs/1?ref=a"
