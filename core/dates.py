"""Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as the earliest and latest days they can mean."""

import calendar
from datetime import date
from functools import lru_cache

from babel.dates import format_skeleton

import i18n


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


def pretty(text: str, long: bool = False, lang: str | None = None) -> str:
    """'2022-11' -> 'Nov 2022' (long: 'November 2022'); '2022-11-10' -> '10 Nov 2022'; '2022' -> '2022'.

    In the reader's language (lang, default i18n.current()) through Babel: '2022年11月' (ja), 'novembre 2022' (it)."""
    lang = lang or i18n.current()
    parts = str(text).split("-")
    if lang != i18n.DEFAULT:
        if len(parts) == 1:
            return i18n.year(parts[0], lang)
        day = date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) > 2 else 1)
        skeleton = ("yMMMM" if long else "yMMM") + ("d" if len(parts) > 2 else "")
        return format_skeleton(skeleton, day, locale=lang)
    if len(parts) == 1:
        return parts[0]
    month = (calendar.month_name if long else calendar.month_abbr)[int(parts[1])]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"
