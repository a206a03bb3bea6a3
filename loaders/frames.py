"""Typed pandas DataFrames from a table's records, using the field types in datapackage.json."""

import numpy as np
import pandas as pd

from core.model import LINE_COLUMN
from core.package import resource
from loaders.precheck import Records


def _numbers(values: pd.Series) -> pd.Series:
    numbers = pd.to_numeric(values.where(values.ne("")), errors="coerce").astype("float64")
    return numbers.where(np.isfinite(numbers))


def to_frame(name: str, records: Records) -> pd.DataFrame:
    """The table with schema dtypes (nullable integers, floats, booleans, dates); a cell that does not parse becomes
    missing (validation reports it). Column _line holds each row's CSV line."""
    header, width = records.header, len(records.header)
    rows = [(r + [""] * width)[:width] for r in records.rows]
    raw = pd.DataFrame(rows, columns=header, dtype="string") if rows else pd.DataFrame(columns=header, dtype="string")
    frame = pd.DataFrame(index=raw.index)
    for field in resource(name)["schema"]["fields"]:
        column = field["name"]
        values = raw[column].fillna("").str.strip()
        kind = field["type"]
        if kind == "integer":
            numbers = _numbers(values)
            frame[column] = numbers.where(numbers.eq(numbers.round())).astype("Int64")
        elif kind == "number":
            frame[column] = _numbers(values)
        elif kind == "boolean":
            frame[column] = values.str.lower().map({"true": True, "false": False}).astype("boolean")
        elif kind == "date":
            frame[column] = pd.to_datetime(values.where(values.ne("")), format="%Y-%m-%d", errors="coerce")
        else:
            frame[column] = values.where(values.ne("")).astype("string")
    frame[LINE_COLUMN] = pd.Series(records.lines, index=raw.index, dtype="int64")
    return frame
