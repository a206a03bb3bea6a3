"""The homelessness page's figures: point-in-time counts that say what each counts, whole-year estimates, internet cafés."""

import pandas as pd

from core.package_check import PackageCheck
from figures.figure import Figure
from figures.params import points
from shaping.charts import count_series, dot_plot
from shaping.homelessness import WHOLE_YEAR, annotate, describe, latest_pair, pair_sentence, street_counts, with_per_100k
from shaping.vocabulary import Vocabulary

TABLE_COLUMNS = {
    "label": "Row",
    "measure_label": "Measure",
    "as_published": "As published",
    "value": "Count",
    "rate_pct": "Rate %",
    "per_100k": "Per 100,000 residents of the same ages (derived)",
    "reference_date": "Date",
    "source_id": "Source",
}


def homeless_rows(check: PackageCheck) -> pd.DataFrame:
    """Every homelessness row, annotated, with its derived rate per 100,000 residents: what the three builders take."""
    return with_per_100k(annotate(check.table("youth_homelessness"), Vocabulary.of(check)), check.table("population"))


def street_count_title(view: str) -> str:
    return "Point-in-time counts: US unaccompanied youth under 25 (one night) and Japan's street count of all ages (daytime)" + (
        ", per 100,000 residents of the same ages (derived)" if view == "per_100k" else ""
    )


def street_count_figure(rows: pd.DataFrame, view: str = "value", log: bool = True) -> Figure:
    """Point-in-time counts ('value') or derived rates over the population of the same ages ('per_100k'), US and Japan."""
    nights = street_counts(rows)
    shares = rows[rows["measure"] == "age_share"]
    drawn = nights[nights[view].notna()]
    return Figure(
        key="homeless-one-night",
        title=street_count_title(view),
        summary=pair_sentence(latest_pair(rows)),
        chart=count_series(drawn, log, view, "People counted" if view == "value" else "Per 100,000 residents of the same ages (derived here)"),
        rows=drawn,
        table_columns=TABLE_COLUMNS,
        row_label_column="label",
        points=points(drawn, view),
        caveats=["one_night"],
        how_made=[(r["label"], [r["per_100k_basis"]]) for _, r in nights.iterrows() if r["per_100k_basis"]],
        extra_notes=[
            "Japan publishes no count of homeless youth: "
            + "; ".join(f"{r['as_published']} of interviewed street homeless were aged {r['ages']} ({r['year']})" for _, r in shares.iterrows())
            + ".",
            "Per-100,000 rates divide a count by the population it covers, of the same ages and year (population.csv): "
            "the US youth count by residents under 25, Japan's all-ages count by all residents. Neither is a youth rate for Japan, "
            "and counts without such a population are not drawn in that view (the steps of how the numbers were made say which).",
        ],
    )


WHOLE_YEAR_TITLE = "Over a whole year: US estimates of youth who experienced homelessness (counts)"


def whole_year_figure(rows: pd.DataFrame, log: bool = True) -> Figure:
    """Twelve-month estimates with a count, largest first; rate-only ones named in the notes."""
    year_rows = rows[rows["measure"].isin(WHOLE_YEAR) & rows["value"].notna()].sort_values("value", ascending=False)
    year_rates = rows[rows["measure"].isin(WHOLE_YEAR) & rows["value"].isna()]
    return Figure(
        key="homeless-whole-year",
        title=WHOLE_YEAR_TITLE,
        summary="Counted over 12 months rather than one night, US estimates run into millions: "
        + "; ".join(describe(r) for _, r in year_rows.head(3).iterrows())
        + ". They include couch-surfing and are not comparable with one-night counts.",
        chart=dot_plot(year_rows, "count", log),
        rows=year_rows,
        table_columns=TABLE_COLUMNS,
        points=points(year_rows),
        caveats=["one_night"],
        extra_notes=["Published as rates only (not drawn): " + "; ".join(describe(r) for _, r in year_rates.iterrows()) + "."],
    )


NET_CAFE_TITLE = "Japan: people without housing sleeping in internet cafés (counts)"


def net_cafe_figure(rows: pd.DataFrame) -> Figure:
    """Japan's internet-café counts, which the street count misses."""
    cafes = rows[rows["measure"] == "net_cafe_count"]
    return Figure(
        key="homeless-net-cafe",
        title=NET_CAFE_TITLE,
        summary="Japan's street count misses people who sleep in all-night internet cafés: "
        + "; ".join(f"{r['as_published']} ({r['area']}, {r['year']})" for _, r in cafes.iterrows())
        + ".",
        chart=dot_plot(cafes, "count", False),
        rows=cafes,
        table_columns=TABLE_COLUMNS,
        points=points(cafes),
        caveats=["one_night"],
    )


def one_night(check: PackageCheck, view: str = "value", log: bool = True) -> Figure:
    """The point-in-time counts figure, from the package alone."""
    return street_count_figure(homeless_rows(check), view, log)


def whole_year(check: PackageCheck, log: bool = True) -> Figure:
    """The whole-year estimates figure, from the package alone."""
    return whole_year_figure(homeless_rows(check), log)


def net_cafe(check: PackageCheck) -> Figure:
    """The internet-café dwellers figure, from the package alone."""
    return net_cafe_figure(homeless_rows(check))
