"""Typed pandas DataFrames from a table's records, using the field types in datapackage.json."""

import numpy as np
import pandas as pd

from core.model import LINE_COLUMN
from core.package import resource
from loaders.precheck import Records


def _numbers(values: pd.Series) -> pd.Series:
    numbers = pd.to_numeric(values.where(values.ne("")), errors="coerce").astype("float64")
    return numbers.where(np.isfinite(numbers))


def _integers(values: pd.Series) -> pd.Series:
    numbers = _numbers(values)
    return numbers.where(numbers.eq(numbers.round())).astype("Int64")


TYPED = {  # a cell that does not parse becomes missing: validation reports it
    "integer": _integers,
    "number": _numbers,
    "boolean": lambda values: values.str.lower().map({"true": True, "false": False}).astype("boolean"),
    "date": lambda values: pd.to_datetime(values.where(values.ne("")), format="%Y-%m-%d", errors="coerce"),
}


def to_frame(name: str, records: Records) -> pd.DataFrame:
    """The table with schema dtypes (nullable integers, floats, booleans, dates) and each row's CSV line in _line."""
    header, width = records.header, len(records.header)
    rows = [(r + [""] * width)[:width] for r in records.rows]
    raw = pd.DataFrame(rows, columns=header, dtype="string") if rows else pd.DataFrame(columns=header, dtype="string")
    frame = pd.DataFrame(index=raw.index)
    for field in resource(name)["schema"]["fields"]:
        values = raw[field["name"]].fillna("").str.strip()
        typed = TYPED.get(field["type"], lambda values: values.where(values.ne("")).astype("string"))
        frame[field["name"]] = typed(values)
    frame[LINE_COLUMN] = pd.Series(records.lines, index=raw.index, dtype="int64")
    return frame
