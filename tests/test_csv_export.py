"""The one CSV writer: formulas inert, dates as ISO text, missing values empty, numbers as numbers."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pandas as pd

from jobops.csv_export import frame_to_csv, rows_to_csv


def read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_text_a_spreadsheet_would_run_gets_a_leading_quote() -> None:
    cells = ["=1+1", "+1", "-1-1", "@SUM(A1)", "\tx", "\rx", "plain", "a=b"]
    text = rows_to_csv(["v"], [{"v": c} for c in cells])
    assert [row[0] for row in read(text)[1:]] == [
        "'=1+1",
        "'+1",
        "'-1-1",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "plain",
        "a=b",
    ]


def test_a_table_keeps_numbers_writes_dates_as_iso_and_missing_values_as_nothing() -> None:
    frame = pd.DataFrame(
        {
            "days": [-3, 4],
            "rate": [12.5, float("nan")],
            "when": [datetime(2026, 3, 2, tzinfo=UTC), pd.NaT],
            "who": ["=cmd|' /C calc'!A0", None],
        }
    )
    assert read(frame_to_csv(frame)) == [
        ["days", "rate", "when", "who"],
        ["-3", "12.5", "2026-03-02T00:00:00+00:00", "'=cmd|' /C calc'!A0"],
        ["4", "", "", ""],
    ]
