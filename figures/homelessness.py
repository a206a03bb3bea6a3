"""The homelessness page's figures: point-in-time counts that say what each counts, whole-year estimates,
internet cafés."""

import pandas as pd

from core.package_check import PackageCheck
from figures.figure import Figure, declare
from figures.params import HOMELESS_VIEW, SCALE, points
from shaping.charts import count_series, dot_plot
from shaping.homelessness import (
    WHOLE_YEAR,
    annotate,
    describe,
    latest_pair,
    pair_sentence,
    published_figure,
    street_counts,
    with_per_100k,
)
from shaping.numbers import clauses
from shaping.vocabulary import Vocabulary
from shaping.words import figure_words, headings, phrase

# The table's columns and their headings' word keys (words/phrases.toml [columns]).
TABLE_COLUMNS = {
    "label": "row",
    "measure_label": "measure",
    "as_published": "as_published",
    "value": "count",
    "rate_pct": "rate",
    "per_100k": "per_100k",
    "reference_date": "date",
    "source_id": "source",
}


def homeless_rows(check: PackageCheck) -> pd.DataFrame:
    """Every homelessness row, annotated, with its derived rate per 100,000 residents: what the three builders take."""
    return with_per_100k(annotate(check.table("youth_homelessness"), Vocabulary.of(check)), check.table("population"))


def shown_once(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows whose labels drop the 'as published 3.5 million' that told them apart from rows of the whole table where
    no other row shown with them shares the label: the figure beside the label already says it, once
    ('… · 2016: 3.5 million', not '… · 2016 · as published 3.5 million: 3.5 million')."""
    bare = []
    for _, row in rows.iterrows():
        label = str(row["label"])
        if pd.notna(row.get("as_published")):
            label = label.removesuffix(" · " + phrase("homelessness.as_published", figure=published_figure(row)))
        bare.append(label)
    bare_labels = pd.Series(bare, index=rows.index, dtype="object")
    return rows.assign(label=bare_labels.where(~bare_labels.duplicated(keep=False), rows["label"]))


def street_count_figure(rows: pd.DataFrame, view: str = "value", log: bool = True) -> Figure:
    """Point-in-time counts ('value') or derived rates over the population of the same ages ('per_100k'),
    US and Japan."""
    words = figure_words("homeless-one-night")
    nights = street_counts(rows)
    shares = rows[rows["measure"] == "age_share"]
    drawn = shown_once(nights[nights[view].notna()])
    return Figure(
        key="homeless-one-night",
        title=words.text("title", view),
        subtitle=words.text("subtitle", view),
        summary=pair_sentence(latest_pair(rows)),
        chart=count_series(drawn, log, view, words.text("axis.x"), words.text(f"axis.y_{view}"), words.annotations()),
        rows=drawn,
        table_columns=headings(TABLE_COLUMNS),
        row_label_column="label",
        points=points(drawn, view),
        caveats=words.caveats(),
        how_made=[(r["label"], [r["per_100k_basis"]]) for _, r in nights.iterrows() if r["per_100k_basis"]],
        extra_notes=[
            words.text(
                "labels.no_youth_count",
                shares=clauses(
                    words.text("labels.share", published=published_figure(r), ages=r["ages"], year=r["year"])
                    for _, r in shares.iterrows()
                ),
            ),
            *words.notes(),
        ],
    )


def whole_year_figure(rows: pd.DataFrame, log: bool = True) -> Figure:
    """Twelve-month estimates with a count, largest first; rate-only ones named in the notes."""
    words = figure_words("homeless-whole-year")
    year_rows = shown_once(
        rows[rows["measure"].isin(WHOLE_YEAR) & rows["value"].notna()].sort_values("value", ascending=False)
    )
    year_rates = rows[rows["measure"].isin(WHOLE_YEAR) & rows["value"].isna()]
    return Figure(
        key="homeless-whole-year",
        title=words.text("title"),
        subtitle=words.text("subtitle"),
        summary=words.text("summary", largest=clauses(describe(r) for _, r in year_rows.head(3).iterrows())),
        chart=dot_plot(year_rows, "count", log),
        rows=year_rows,
        table_columns=headings(TABLE_COLUMNS),
        points=points(year_rows),
        caveats=words.caveats(),
        extra_notes=[words.text("labels.rates_only", rates=clauses(describe(r) for _, r in year_rates.iterrows()))],
    )


def net_cafe_figure(rows: pd.DataFrame) -> Figure:
    """Japan's internet-café counts, which the street count misses."""
    words = figure_words("homeless-net-cafe")
    cafes = shown_once(rows[rows["measure"] == "net_cafe_count"])
    return Figure(
        key="homeless-net-cafe",
        title=words.text("title"),
        subtitle=words.text("subtitle"),
        summary=words.text(
            "summary",
            counts=clauses(
                words.text("labels.count", published=published_figure(r), area=r["area_label"], year=r["year"])
                for _, r in cafes.iterrows()
            ),
        ),
        chart=dot_plot(cafes, "count", False),
        rows=cafes,
        table_columns=headings(TABLE_COLUMNS),
        points=points(cafes),
        caveats=words.caveats(),
    )


@declare(
    "homeless-one-night",
    "homelessness",
    controls=(HOMELESS_VIEW, SCALE),
    placeholders={"labels.no_youth_count": ("shares",), "labels.share": ("published", "ages", "year")},
)
def one_night(check: PackageCheck, view: str = "value", log: bool = True) -> Figure:
    """The point-in-time counts figure, from the package alone."""
    return street_count_figure(homeless_rows(check), view, log)


@declare(
    "homeless-whole-year",
    "homelessness",
    controls=(SCALE,),
    placeholders={"summary": ("largest",), "labels.rates_only": ("rates",)},
)
def whole_year(check: PackageCheck, log: bool = True) -> Figure:
    """The whole-year estimates figure, from the package alone."""
    return whole_year_figure(homeless_rows(check), log)


@declare(
    "homeless-net-cafe",
    "homelessness",
    placeholders={"summary": ("counts",), "labels.count": ("published", "area", "year")},
)
def net_cafe(check: PackageCheck) -> Figure:
    """The internet-café dwellers figure, from the package alone."""
    return net_cafe_figure(homeless_rows(check))
