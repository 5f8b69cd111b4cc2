"""The one way JobOps writes CSV: text a spreadsheet would run as a formula is made inert."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime

import pandas as pd

# A cell starting with one of these is a formula in Excel, LibreOffice and Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: object) -> object:
    """A CSV cell: dates as ISO text, nothing for missing values, formulas prefixed with `'`."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def rows_to_csv(columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> str:
    """CSV text with a header row; keys of a row that are not columns are left out."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(value) for key, value in row.items()})
    return out.getvalue()


def frame_to_csv(frame: pd.DataFrame) -> str:
    """A table as CSV text, without its index."""
    columns = [str(c) for c in frame.columns]
    return rows_to_csv(
        columns, (dict(zip(columns, values, strict=False)) for values in frame.itertuples(index=False))
    )
