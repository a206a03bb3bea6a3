"""Sentences generated from the data: figure summaries, ready-to-quote lines, and the arithmetic behind a number."""

import pandas as pd

from core.dates import pretty
from settings import COUNTRY_NAMES
from shaping.numbers import aged, count, pct, qualified
from shaping.vocabulary import Vocabulary


def _has(row: pd.Series, column: str) -> bool:
    return column in row and not pd.isna(row[column])


def _group(row: pd.Series) -> str:
    """What one counted unit is called in a sentence: people, students or households."""
    if row.get("unit") == "households":
        return "households"
    return "students" if row.get("scope") == "enrolled_students" else "people"


def figure_phrase(row: pd.Series) -> str:
    """'1.46 million people', 'about 44,000 students (1.7%)', '5.2% of people', 'between 30,000 and 50,000 people'."""
    group = _group(row)
    if _has(row, "value"):
        text = qualified(f"{count(row['value'])} {group}", row.get("qualifier"))
        return f"{text} ({pct(row['rate_pct'])})" if _has(row, "rate_pct") else text
    if _has(row, "value_low") and _has(row, "value_high"):
        return f"between {count(row['value_low'])} and {count(row['value_high'])} {group}"
    if _has(row, "rate_pct"):
        return qualified(pct(row["rate_pct"]), row.get("qualifier")) + f" of {group}"
    return "no figure"


def place(row: pd.Series) -> str:
    """'Japan', or 'Tokyo, Japan' for a city."""
    country = COUNTRY_NAMES.get(row["country"], row["country"])
    return country if row.get("area", "national") == "national" else f"{row['area']}, {country}"


def who(row: pd.Series) -> str:
    """'aged 15–64 in Japan', 'in Japan' (households: the ages go with the member)."""
    ages = aged(row.get("age_min"), row.get("age_max"))
    if row.get("unit") == "households" or ages == "of all ages":
        return f"in {place(row)}"
    return f"{ages} in {place(row)}"


def when(row: pd.Series) -> str:
    """'fielded in November 2022', 'fielded from September 2007 to January 2008', 'published in March 2017', or ''."""
    if _has(row, "fieldwork_start"):
        start = pretty(str(row["fieldwork_start"])[:7], long=True)
        end = pretty(str(row["fieldwork_end"])[:7], long=True) if _has(row, "fieldwork_end") else start
        return f"fielded in {start}" if start == end else f"fielded from {start} to {end}"
    if _has(row, "published"):
        return f"published in {pretty(str(row['published'])[:7], long=True)}"
    return ""


def evidence_words(row: pd.Series) -> str:
    """'a national survey', 'an advocacy estimate' (an annotated row: its method_label)."""
    label = row["method_label"]
    return ("an " if label[0] in "aeiou" else "a ") + label


def main_caveat(row: pd.Series) -> str:
    """The one caveat that matters most for quoting a row."""
    if not row["survey"] or row["method"] == "survey_projection":
        return f"this is {evidence_words(row)}, not a survey result"
    if row.get("unit") == "households":
        return "it counts households, not people"
    if row.get("interval") == "lower_bound":
        return "the publisher calls it a lower bound"
    if _has(row, "cases"):
        return f"the estimate is scaled up from {int(row['cases']):,} respondents"
    if row.get("scope") == "enrolled_students":
        return "it covers enrolled students only, missing dropouts and adults"
    if _has(row, "six_month_rule") and not bool(row["six_month_rule"]):
        return "the survey uses no six-month rule, so it is not comparable with Japan's hikikomori rates"
    if row.get("interval") == "none":
        return "no margin of error was published"
    return ""


def quote_sentence(row: pd.Series, source: pd.Series, vocab: Vocabulary) -> str:
    """A sentence a journalist can paste unchanged: number, who, when, source, and the caveat that matters."""
    figure = figure_phrase(row)
    exact_count = row.get("qualifier") == "exact" and _has(row, "value")
    opening = f"An estimated {figure}" if exact_count else figure[0].upper() + figure[1:]
    ages = aged(row.get("age_min"), row.get("age_max"))
    phrase = vocab.concept(row["concept"])["quote_phrase"].replace("{ages}", "" if ages == "of all ages" else ages)
    timing = when(row)
    according = f"according to {evidence_words(row)}" + (f" {timing}" if timing else "") + f" ({source['producer']})"
    caveat = main_caveat(row)
    sentence = f"{opening} {who(row)} {phrase.replace('  ', ' ')}, {according}"
    return sentence + (f"; {caveat}." if caveat else ".")


def summary_sentence(rows: pd.DataFrame, subject: str = "") -> str:
    """One sentence on the latest row shown: "Japan's latest national survey (fieldwork Nov 2022) estimates ..."."""
    if rows.empty:
        return "No rows match the current selection."
    dated = rows.assign(_when=rows["fieldwork_start"].fillna(rows["published"]).fillna(""))
    latest = dated.sort_values(["_when", "value"], ascending=[False, False], na_position="last").iloc[0]
    country = COUNTRY_NAMES.get(latest["country"], latest["country"])
    owner = subject or country
    fieldwork = f" (fieldwork {pretty(str(latest['fieldwork_start'])[:7])})" if _has(latest, "fieldwork_start") else ""
    label = latest["method_label"]
    ages = aged(latest.get("age_min"), latest.get("age_max"))
    ages = "" if ages == "of all ages" else f" {ages}"
    text = figure_phrase(latest) + ages
    verb = "gives" if "estimate" in label else "estimates"
    return f"{owner}'s latest {label}{fieldwork} {verb} {text}."


def headline_summary(row: pd.Series, cautions: list[str]) -> str:
    """A country's headline in one sentence with what must not be dropped: "Japan's headline figure, from a national
    survey fielded in November 2022: 2.05% of people aged 15–39. (caution...)"."""
    country = COUNTRY_NAMES.get(row["country"], row["country"])
    fielded = when(row)
    source = f"a {row['method_label']}" + (f" {fielded}" if fielded else "")
    ages = aged(row.get("age_min"), row.get("age_max"))
    ages = "" if ages == "of all ages" else f" {ages}"
    group = _group(row)
    if _has(row, "rate_pct"):  # the rate it was chosen for first, then its count
        counted = f" ({qualified(count(row['value']), row.get('qualifier'))})" if _has(row, "value") else ""
        figure = f"{headline_figure(row)} of {group}{ages}{counted}"
    else:
        figure = f"{figure_phrase(row)}{ages}"
    text = f"{country}'s headline figure, from {source}: {figure}."
    return " ".join([text, *cautions])


def how_made(row: pd.Series, population: float | None = None, population_label: str = "") -> list[str]:
    """The arithmetic behind an estimate, step by step, from the pieces the data holds."""
    steps = []
    if _has(row, "cases") and _has(row, "sample_size"):
        share = row["cases"] / row["sample_size"] * 100
        steps.append(
            f"{int(row['cases']):,} of {int(row['sample_size']):,} valid respondents met the definition "
            f"= {share:.2f}% (published: {pct(row['rate_pct']) if _has(row, 'rate_pct') else 'no rate'})."
        )
    if _has(row, "value") and _has(row, "rate_pct") and row["rate_pct"] > 0:
        base = population if population else row["value"] / (row["rate_pct"] / 100)
        basis = population_label or "the population implied by the published count and rate"
        steps.append(
            f"{pct(row['rate_pct'])} × {count(round(base, -4))} people ({basis}) ≈ {count(round(base * row['rate_pct'] / 100, -3))} "
            f"(published: {count(row['value'])})."
        )
    if row.get("interval") == "derived_ci95" and _has(row, "derivation"):
        low = pct(row["rate_low_pct"]) if _has(row, "rate_low_pct") else ""
        high = pct(row["rate_high_pct"]) if _has(row, "rate_high_pct") else ""
        counts = (
            f" → {count(row['value_low'])}–{count(row['value_high'])} {row['unit']}"
            if _has(row, "value_low") and _has(row, "value_high")
            else ""
        )
        steps.append(f"95% interval derived here, not published: {low}–{high}{counts}. {row['derivation']}")
    elif _has(row, "derivation"):
        steps.append(f"Derived here: {row['derivation']}")
    return steps


def headline_figure(row: pd.Series) -> str:
    """The big number of a headline: its rate ('5.2%'), so countries read in one unit; a count ('1.46 M') only where no
    rate is published. Beside a count, a row's qualifier is the count's ('1.6% (about 35,792)'), so the rate stands bare."""
    if _has(row, "rate_pct"):
        return pct(row["rate_pct"]) if _has(row, "value") else qualified(pct(row["rate_pct"]), row.get("qualifier"))
    return qualified(count(row["value"]).replace(" million", " M"), row.get("qualifier"))


def headline_detail(row: pd.Series) -> str:
    """What a headline number covers: concept, ages, scope, year, and the count when the big number is a rate."""
    group = "students" if row.get("scope") == "enrolled_students" else "people"
    both = _has(row, "value") and _has(row, "rate_pct")
    rate = f" · {qualified(count(row['value']), row.get('qualifier'))} {group}" if both else ""
    students = "students " if row.get("scope") == "enrolled_students" else ""
    return f"{row['concept_label']} · {students}aged {row['ages']} · {row['year']}{rate}"
