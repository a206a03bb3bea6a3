"""Typed pandas DataFrames from validated CSV text, using the field types in datapackage.json."""

import csv
import io

import numpy as np
import pandas as pd

from loaders.package import resource

LINE_COLUMN = "_line"


Records = tuple[list[str], list[list[str]], list[int]]


def read_records(text: str) -> Records:
    """Header, data records and the line each record starts on (blank lines skipped)."""
    reader = csv.reader(io.StringIO(text))
    header, rows, lines, start = None, [], [], 1
    try:
        for record in reader:
            if header is None:
                header = [h.strip() for h in record]
            elif record:
                rows.append(record)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error:
        pass  # an unclosed quote: validation reports it; keep the rows read so far
    return header or [], rows, lines


def _numbers(values: pd.Series) -> pd.Series:
    numbers = pd.to_numeric(values.where(values.ne("")), errors="coerce").astype("float64")
    return numbers.where(np.isfinite(numbers))


def to_frame(name: str, text: str, records: Records | None = None) -> pd.DataFrame:
    """The table with schema dtypes (nullable integers, floats, booleans, dates); a cell that does
    not parse becomes missing (validation reports it). Column _line holds each row's CSV line.
    records: the text's read_records, when the caller has them already."""
    header, rows, lines = records or read_records(text)
    width = len(header)
    raw = pd.DataFrame([(r + [""] * width)[:width] for r in rows], columns=header, dtype="string") if rows else pd.DataFrame(columns=header, dtype="string")
    frame = pd.DataFrame(index=raw.index)
    for field in resource(name)["schema"]["fields"]:
        column = field["name"]
        values = raw[column].fillna("").str.strip() if column in raw else pd.Series("", index=raw.index, dtype="string")
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
    frame[LINE_COLUMN] = pd.Series(lines, index=raw.index, dtype="int64")
    return frame
