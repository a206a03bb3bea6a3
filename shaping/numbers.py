"""Numbers formatted for people, never more precise than published, in the reader's language (i18n.current()).

English is formatted here as it always was; Japanese, Korean and Italian go through i18n's Babel formats
(約146万人, 2,0%, 15～39歳), so a template translated into those languages receives numbers written for them."""

import math
from collections.abc import Iterable

import pandas as pd
from babel.lists import format_list

import i18n


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _lang() -> str:
    return i18n.current()


def listed(items: list[str], english_separator: str = ", ") -> str:
    """Items as a list in the reader's language: 'A、B、C' (ja), 'A, B 및 C' (ko), 'A, B e C' (it); English keeps its
    plain separator. A semicolon separator says the items hold commas themselves (a producer named 'Office ...,
    Republic of Korea'): Korean and Italian, which list with commas, keep it too; Japanese lists with 、."""
    if _lang() == i18n.DEFAULT or (english_separator.strip() == ";" and _lang() != "ja"):
        return english_separator.join(items)
    return format_list(list(items), locale=_lang())


def clauses(parts: Iterable[str]) -> str:
    """Parts of one sentence that hold commas of their own, listed in the reader's language: 'A; B' in English,
    Korean and Italian, 'A、B' in Japanese (never an ASCII semicolon inside Japanese text)."""
    return listed(list(parts), "; ")


def count(value: object, unit: str | None = "people") -> str:
    """696000 -> '696,000'; 1460000 -> '1.46 million'; 1682900 -> '1,682,900' (no rounding, ever).

    In Japanese and Korean with the counter unit asks for (146万人, 146만 명; unit=None: none); in Italian 1.460.000."""
    if _missing(value):
        return "–"
    if _lang() != "en":
        return i18n.count(value, _lang(), unit=unit)
    number = int(value)
    millions = number / 1_000_000
    if number >= 1_000_000 and round(millions, 2) * 1_000_000 == number:
        return f"{millions:.2f}".rstrip("0").rstrip(".") + " million"
    return f"{number:,}"


def count_short(value: object, unit: str | None = "people") -> str:
    """For chart labels: 1460000 -> '1.46 M', 696000 -> '696,000' (146万人, 26万世帯 in Japanese: already short)."""
    text = count(value, unit=unit)
    return text.replace(" million", " M")


def unit_of(row: pd.Series) -> str:
    """What a row counts, as count() names it: 'households' where its unit says so, else 'people' (世帯/가구, 人/명)."""
    return "households" if row.get("unit") == "households" else "people"


def pct(value: object) -> str:
    """2.05 -> '2.05%'; 5.2 -> '5.2%'; Italian '2,05%' (the decimals as published)."""
    if _missing(value):
        return "–"
    if _lang() != "en":
        return i18n.pct(value, _lang())
    return f"{float(value):g}%"


def ratio(value: object, digits: int | None = None) -> str:
    """A ratio as published: 1.306 -> '1.306' (Italian '1,306'); `digits` decimals when given (1.2 -> '1.20')."""
    if _missing(value):
        return "–"
    if _lang() != "en":
        return i18n.number(value, _lang(), digits)
    return f"{float(value):g}" if digits is None else f"{float(value):.{digits}f}"


def per_100k(value: object) -> str:
    """A derived rate per 100,000, to one decimal place: 10.3 (Italian 10,3)."""
    if _missing(value):
        return "–"
    if _lang() != "en":
        return i18n.number(value, _lang(), digits=1)
    return f"{float(value):,.1f}"


def age_band(age_min: object, age_max: object) -> str:
    """'15–39', '15+', 'under 25', 'all ages' (15～39歳, 15~39세, 15–39 anni)."""
    if _lang() != "en":
        return i18n.age_band(age_min, age_max, _lang())
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
    """'aged 15–39', 'aged 15+', 'under 25', 'of all ages' (ja/ko: the band itself; it: 'di 15–39 anni')."""
    if _lang() != "en":
        return i18n.aged(age_min, age_max, _lang())
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
    """Prefix a formatted figure with its published qualifier: 'more than 100,000' (約146万人, 146万人超)."""
    if _lang() != "en":
        template = i18n.QUALIFIERS[_lang()].get(str(qualifier))
        return template.format(text) if template else text
    return QUALIFIER_WORDS.get(str(qualifier), "") + text
