"""Shaping homelessness rows: labels, derived per-100,000 rates, and the like-with-like pairing."""
import pandas as pd

from loaders.derive import per_100k
from settings import COUNTRY_NAMES
from shaping.numbers import age_band, count
from shaping.numbers import per_100k as fmt_per_100k

ONE_NIGHT = "one_night_count"
WHOLE_YEAR = ("twelve_month_prevalence", "runaway_episodes", "school_year_count")
MEASURE_LABELS = {"one_night_count": "one-night count", "twelve_month_prevalence": "12-month prevalence",
                  "runaway_episodes": "runaway/thrownaway episodes in a year", "school_year_count": "school-year count",
                  "net_cafe_count": "internet-café count", "age_share": "share of interviewed street homeless"}


def annotate(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows with the display columns the charts and cards use (label, country_name, survey, interval, …)."""
    out = rows.copy()
    out["country_name"] = out["country"].map(COUNTRY_NAMES).fillna(out["country"])
    out["ages"] = [age_band(a, b) for a, b in zip(out["age_min"], out["age_max"], strict=True)]
    out["measure_label"] = out["measure"].map(MEASURE_LABELS).fillna(out["measure"])
    place = out["area"].where(out["area"] != "national", out["country_name"])
    out["label"] = place + " · " + out["population_group"] + " · " + out["ages"] + " · " + out["year"].astype("string")
    repeated = out["label"].duplicated(keep=False)
    out.loc[repeated, "label"] = out.loc[repeated, "label"] + " · " + out.loc[repeated, "row_id"]
    out["survey"] = True  # official counts and surveys: nothing here is an advocacy estimate
    out["method_label"] = out["measure_label"]
    out["interval"] = "none"
    out["rate_low_pct"] = pd.NA
    out["rate_high_pct"] = pd.NA
    return out


def with_per_100k(rows: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    """Adds per_100k (derived) = value ÷ total population of the same country and year × 100,000, and its basis.

    Only a population for the same year is used; otherwise the rate is left empty and the basis says why.
    """
    totals = population[population["age_min"].isna() & population["age_max"].isna() & (population["scope"] == "residents")]
    lookup = {(r["country"], int(r["year"])): r for _, r in totals.iterrows()}
    rates, bases = [], []
    for _, row in rows.iterrows():
        pop = lookup.get((row["country"], int(row["year"])))
        if pop is None or pd.isna(row["value"]):
            rates.append(pd.NA)
            bases.append(f"not computed: no total population for {row['country_name']} in {row['year']}" if pd.notna(row["value"]) else "")
        else:
            rates.append(round(per_100k(row["value"], pop["value"]), 1))
            bases.append(f"{count(row['value'])} ÷ {count(pop['value'])} residents ({pop['series']}, {pop['reference_date']}) × 100,000"
                         f" = {fmt_per_100k(per_100k(row['value'], pop['value']))} (derived here)")
    return rows.assign(per_100k=pd.array(rates, dtype="Float64"), per_100k_basis=bases)


def one_night(rows: pd.DataFrame) -> pd.DataFrame:
    """National one-night counts: HUD's unaccompanied youth and Japan's all-ages street count."""
    return rows[(rows["measure"] == ONE_NIGHT) & (rows["area"] == "national")].sort_values(["country", "year"])


def latest_pair(rows: pd.DataFrame) -> pd.DataFrame:
    """The latest year with a national one-night count in both countries (like with like, same year)."""
    nights = one_night(rows)
    nights = nights[~nights["row_id"].str.contains("children")]
    years = set(nights[nights["country"] == "USA"]["year"]) & set(nights[nights["country"] == "JPN"]["year"])
    if not years:
        return nights.iloc[0:0]
    return nights[nights["year"] == max(years)]


def pair_sentence(pair: pd.DataFrame) -> str:
    """'On one night in January 2023, HUD counted …; Japan's street count found …' from the paired rows."""
    parts = []
    for _, row in pair.iterrows():
        rate = f" ({fmt_per_100k(row['per_100k'])} per 100,000 residents, derived here)" if pd.notna(row.get("per_100k")) else ""
        who = "unaccompanied youth " + ("under 25" if row["ages"] == "under 25" else f"aged {row['ages']}") \
            if row["country"] == "USA" else "homeless people of all ages on its daytime street count"
        parts.append(f"{row['country_name']}: {count(row['value'])} {who}{rate}")
    year = int(pair["year"].iloc[0]) if not pair.empty else ""
    return f"One night in January {year}. " + "; ".join(parts) + "." if parts else "No year has a count in both countries."


def describe(row: pd.Series) -> str:
    """'3.5 million young adults aged 18–25 (2016)', 'at least 3.3% of adolescent minors aged 13–17 (2016)'."""
    from shaping.numbers import pct, qualified

    ages = "of all ages" if row["ages"] == "all ages" else (row["ages"] if row["ages"].startswith("under") else f"aged {row['ages']}")
    if pd.notna(row["value"]):
        figure = qualified(count(row["value"]), row["qualifier"])
        return f"{figure} {row['population_group']} {ages} ({row['year']})"
    return f"{qualified(pct(row['rate_pct']), row['qualifier'])} of {row['population_group']} {ages} ({row['year']})"
