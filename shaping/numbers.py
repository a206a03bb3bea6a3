"""Numbers formatted for people, never more precise than published."""

import math

import pandas as pd


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def count(value: object) -> str:
    """696000 -> '696,000'; 1460000 -> '1.46 million'; 1682900 -> '1,682,900' (no rounding, ever)."""
    if _missing(value):
        return "–"
    number = int(value)
    millions = number / 1_000_000
    if number >= 1_000_000 and round(millions, 2) * 1_000_000 == number:
        return f"{millions:.2f}".rstrip("0").rstrip(".") + " million"
    return f"{number:,}"


def count_short(value: object) -> str:
    """For chart labels: 1460000 -> '1.46 M', 696000 -> '696,000'."""
    text = count(value)
    return text.replace(" million", " M")


def pct(value: object) -> str:
    """2.05 -> '2.05%'; 5.2 -> '5.2%'."""
    if _missing(value):
        return "–"
    return f"{float(value):g}%"


def ratio(value: object) -> str:
    """A ratio as published: 1.306 -> '1.306'."""
    if _missing(value):
        return "–"
    return f"{float(value):g}"


def per_100k(value: object) -> str:
    """A derived rate per 100,000, to one decimal place: 10.3."""
    if _missing(value):
        return "–"
    return f"{float(value):,.1f}"


def age_band(age_min: object, age_max: object) -> str:
    """'15–39', '15+', 'under 25', 'all ages'."""
    low = None if _missing(age_min) else int(age_min)
    high = None if _missing(age_max) else int(age_max)
    if low is None and high is None:
        return "all ages"
    if high is None:
        return f"{low}+"
    if low is None or low == 0:
        return f"under {high + 1}"
    return f"{low}–{high}"


def aged(age_min: object, age_max: object) -> str:
    """'aged 15–39', 'aged 15+', 'under 25', 'of all ages'."""
    band = age_band(age_min, age_max)
    if band == "all ages":
        return "of all ages"
    return band if band.startswith("under") else f"aged {band}"


QUALIFIER_WORDS = {
    "exact": "",
    "about": "about ",
    "at_least": "at least ",
    "more_than": "more than ",
    "almost": "almost ",
    "up_to": "up to ",
}


def qualified(text: str, qualifier: object) -> str:
    """Prefix a formatted figure with its published qualifier: 'more than 100,000'."""
    return QUALIFIER_WORDS.get(str(qualifier), "") + text
