"""Shaping homelessness rows: labels, derived per-100,000 rates, and the like-with-like pairing."""

import pandas as pd

from core.derive import per_100k
from settings import COUNTRY_NAMES
from shaping.numbers import age_band, count
from shaping.numbers import per_100k as fmt_per_100k
from shaping.vocabulary import Vocabulary, strict_map

ONE_NIGHT = "one_night_count"
DAYTIME = "daytime_street_count"
STREET_COUNTS = (ONE_NIGHT, DAYTIME)  # point-in-time counts: a night (US) or a day's patrol (Japan)
WHOLE_YEAR = ("twelve_month_prevalence", "runaway_episodes", "school_year_count")


def annotate(rows: pd.DataFrame, vocab: Vocabulary) -> pd.DataFrame:
    """Rows with the display columns the charts and cards use (label, country_name, survey, interval, …)."""
    out = rows.copy()
    out["country_name"] = out["country"].map(COUNTRY_NAMES).fillna(out["country"])
    out["ages"] = [age_band(a, b) for a, b in zip(out["age_min"], out["age_max"], strict=True)]
    out["measure_label"] = strict_map(out["measure"], vocab.labels_of("youth_homelessness", "measure"), "measure label")
    place = out["area"].where(out["area"] != "national", out["country_name"])
    out["label"] = place + " · " + out["population_group"] + " · " + out["ages"] + " · " + out["year"].astype("string")
    # rows that would share a label say how they differ in the data's words (never their row id): their measure, else
    # the figure as published
    published = out["as_published"] if "as_published" in out else pd.Series(pd.NA, index=out.index)
    for words in (out["measure_label"], "as published " + published.astype("string")):
        repeated = out["label"].duplicated(keep=False)
        told = out["label"].where(~repeated | words.isna(), out["label"] + " · " + words)
        out["label"] = told.where(~told.duplicated(keep=False), out["label"])
    out["survey"] = True  # official counts and surveys: nothing here is an advocacy estimate
    out["method_label"] = out["measure_label"]
    out["interval"] = "none"
    out["rate_low_pct"] = pd.NA
    out["rate_high_pct"] = pd.NA
    return out


def _band(age_min: object, age_max: object) -> tuple[int, int | None]:
    """An age band as (from, to): an empty age_min means from birth, an empty age_max means no upper age."""
    return (0 if pd.isna(age_min) else int(age_min), None if pd.isna(age_max) else int(age_max))


def with_per_100k(rows: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    """Adds per_100k (derived) = value ÷ the population the count covers × 100,000, and its basis.

    The population must be of the same country, year and age band (an all-ages count over all residents, an
    under-25 count over residents under 25); otherwise the rate is left empty and the basis says why.
    """
    residents = population[population["scope"] == "residents"]
    lookup = {
        (r["country"], int(r["year"]), _band(r["age_min"], r["age_max"])): r for r in residents.to_dict("records")
    }
    rates, bases = [], []
    for row in rows.to_dict("records"):
        if pd.isna(row["value"]):
            rates.append(pd.NA)
            bases.append("")
            continue
        band = _band(row["age_min"], row["age_max"])
        ages = "of all ages" if band == (0, None) else f"aged {age_band(row['age_min'], row['age_max'])}"
        pop = lookup.get((row["country"], int(row["year"]), band))
        if pop is None:
            rates.append(pd.NA)
            bases.append(
                f"not computed: population.csv has no population of {row['country_name']} {ages} in {row['year']}, "
                "and a rate must divide by the population the count covers (same ages, same year)"
            )
            continue
        rate = per_100k(row["value"], pop["value"])
        rates.append(round(rate, 1))
        bases.append(
            f"{count(row['value'])} ÷ {count(pop['value'])} residents {ages} ({pop['series']}, {pop['reference_date']}) × 100,000"
            f" = {fmt_per_100k(rate)} (derived here)"
        )
    return rows.assign(per_100k=pd.array(rates, dtype="Float64"), per_100k_basis=bases)


def street_counts(rows: pd.DataFrame) -> pd.DataFrame:
    """National point-in-time counts: HUD's one-night count of unaccompanied youth and Japan's daytime street count of all ages."""
    return rows[rows["measure"].isin(STREET_COUNTS) & (rows["area"] == "national")].sort_values(["country", "year"])


def latest_pair(rows: pd.DataFrame) -> pd.DataFrame:
    """The latest year with a national count in both countries: US youth under 25 and Japan's all-ages street count."""
    counts = street_counts(rows)
    counts = counts[~counts["population_group"].str.contains("children")]
    years = set(counts[counts["country"] == "USA"]["year"]) & set(counts[counts["country"] == "JPN"]["year"])
    if not years:
        return counts.iloc[0:0]
    return counts[counts["year"] == max(years)]


def what_is_counted(row: pd.Series) -> str:
    """Who a street count counts, and how: the words a journalist needs before setting two counts side by side."""
    ages = (
        "of all ages"
        if row["ages"] == "all ages"
        else (row["ages"] if row["ages"].startswith("under") else f"aged {row['ages']}")
    )
    if row["measure"] == ONE_NIGHT:
        return f"{row['population_group']} {ages} counted in shelters and on the street on one night"
    return f"homeless people {ages} seen in parks, riverbanks, roads and stations by a daytime patrol"


def pair_sentence(pair: pd.DataFrame) -> str:
    """What each country's count of the same year counts, with any rate over the population it covers."""
    parts = []
    for _, row in pair.iterrows():
        rate = (
            f" ({fmt_per_100k(row['per_100k'])} per 100,000 residents of the same ages, derived here)"
            if pd.notna(row.get("per_100k"))
            else ""
        )
        parts.append(f"{row['country_name']}: {count(row['value'])} {what_is_counted(row)}{rate}")
    if not parts:
        return "No year has a count in both countries."
    year = int(pair["year"].iloc[0])
    return (
        f"January {year}. "
        + "; ".join(parts)
        + ". They count different people in different ways (youth against all ages, "
        "shelters and streets against streets only), so neither is a rate of the other."
    )


def describe(row: pd.Series) -> str:
    """'3.5 million young adults aged 18–25 (2016)', 'at least 3.3% of adolescent minors aged 13–17 (2016)'."""
    from shaping.numbers import pct, qualified

    ages = (
        "of all ages"
        if row["ages"] == "all ages"
        else (row["ages"] if row["ages"].startswith("under") else f"aged {row['ages']}")
    )
    if pd.notna(row["value"]):
        figure = qualified(count(row["value"]), row["qualifier"])
        return f"{figure} {row['population_group']} {ages} ({row['year']})"
    return f"{qualified(pct(row['rate_pct']), row['qualifier'])} of {row['population_group']} {ages} ({row['year']})"
