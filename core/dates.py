"""Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as the earliest and latest days they can mean."""

import calendar
from datetime import date
from functools import lru_cache


@lru_cache(maxsize=4096)  # the same dates recur down a column: parse each once
def date_span(text: str) -> tuple[date, date]:
    """First and last day a partial date can mean: '2010-02' -> (2010-02-01, 2010-02-28)."""
    parts = [int(p) for p in str(text).split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
    day = date(parts[0], parts[1], parts[2])
    return day, day


def pretty(text: str, long: bool = False) -> str:
    """'2022-11' -> 'Nov 2022' (long: 'November 2022'); '2022-11-10' -> '10 Nov 2022'; '2022' -> '2022'."""
    parts = str(text).split("-")
    if len(parts) == 1:
        return parts[0]
    month = (calendar.month_name if long else calendar.month_abbr)[int(parts[1])]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"
