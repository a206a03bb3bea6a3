"""The figures a change to one table affects, for the Check new data page's before-and-after view.

Not in the catalog: it previews an upload against the current data rather than showing a published figure. Each
preview draws what its published chart draws (national estimates, point-in-time counts, ratios) and every row the
upload touches besides (a ward's estimate, a whole-year count, a percentage), so no changed row goes unseen.
"""

from dataclasses import replace

import pandas as pd

import settings
from core.package_check import PackageCheck
from figures.figure import Figure
from figures.health import percent as health_percent
from figures.homelessness import homeless_rows, net_cafe_figure, whole_year_figure
from figures.params import points
from shaping.charts import count_series, dot_plot, forest_plot, spans_a_decade
from shaping.diff import TableDiff
from shaping.estimates import annotate as annotate_estimates
from shaping.estimates import point_descriptions
from shaping.health import forest_rows
from shaping.homelessness import STREET_COUNTS, WHOLE_YEAR
from shaping.vocabulary import Vocabulary
from shaping.words import figure_words, page, phrase_n

# The preview a change to each table redraws: a change to sources and one to the estimates redraw the same chart.
PREVIEW_OF = {
    "recluse_estimates": "estimates",
    "sources": "estimates",
    "youth_homelessness": "counts",
    "population": "per_100k",
    "isolation_health_risks": "ratios",
}
# Homelessness rows that no point-in-time chart draws: the measures of each, and the published figure that draws them.
OTHER_MEASURES = {
    "whole_year": (WHOLE_YEAR, whole_year_figure),
    "net_cafe": (("net_cafe_count",), net_cafe_figure),
}
# The table whose rows each preview draws, and the column that keys them.
ROWS_OF = {
    "estimates": ("recluse_estimates", "estimate_id"),
    "counts": ("youth_homelessness", "row_id"),
    "per_100k": ("youth_homelessness", "row_id"),
    "ratios": ("isolation_health_risks", "row_id"),
}


def _say(name: str, **values: object) -> str:
    return page("check_data").say(name, **values)


def _drawn(rows: pd.DataFrame, shown: pd.Series, touched: pd.Series) -> pd.DataFrame:
    """The rows a preview draws: those its published chart shows and every touched one; touched rows first when there
    are more than a chart draws (shaping.charts.first_rows), so none of them is the one left out."""
    rows = rows[shown | touched]
    if len(rows) > settings.CHART_ROWS_AT_MOST:
        rows = pd.concat([rows[touched[rows.index]], rows[~touched[rows.index]]])
    return rows


def _preview(published: Figure, key: str, when: str) -> Figure:
    """A published figure drawn from one version of the data, titled as that version's."""
    return replace(published, key=key, title=_say("preview", title=published.title, when=when))


def _summary(rows: pd.DataFrame) -> str:
    return phrase_n("diff.drawn", len(rows), count=len(rows))


def affected_figure(
    table: str, check: PackageCheck, when: str, measure: str = "count", touched: frozenset[str] = frozenset()
) -> Figure | None:
    """The figure a change to this table affects, drawn from one version of the data ('current' or 'candidate') with
    the rows whose keys are `touched` among its rows; None when no chart is drawn from the table alone. The
    estimates are drawn as counts or as rates (measure); homelessness rows that are not point-in-time counts on their
    published figure (measure 'whole_year' or 'net_cafe'), health percentages on theirs (measure 'percent')."""
    label = _say(when)
    if table in ("recluse_estimates", "sources"):
        rows = annotate_estimates(check.table("recluse_estimates"), Vocabulary.of(check))
        rows = _drawn(rows, rows["area"] == "national", rows["estimate_id"].isin(touched))
        rows = rows.sort_values(["country", "year"]) if len(rows) <= settings.CHART_ROWS_AT_MOST else rows
        rate = measure == "rate"
        return Figure(
            key=f"check-estimates-{measure}-{when}",
            title=_say("estimates_rate" if rate else "estimates_count", when=label),
            summary=_summary(rows),
            chart=dot_plot(rows, measure, spans_a_decade(rows["rate_pct"].astype("float64")) if rate else True),
            rows=rows,
            table_columns={"label": "Estimate", "as_published": "As published", "source_id": "Source"},
            points=point_descriptions(rows, measure),
        )
    if table in ("youth_homelessness", "population"):
        rows = homeless_rows(check)
        if measure in OTHER_MEASURES:  # a whole-year or internet-café row: its published figure, redrawn
            return _preview(OTHER_MEASURES[measure][1](rows), f"check-{table}-{measure}-{when}", label)
        column = "per_100k" if table == "population" else "value"
        street = rows["measure"].isin(STREET_COUNTS)
        rows = _drawn(rows, street & (rows["area"] == "national"), street & rows["row_id"].isin(touched))
        rows = rows[rows[column].notna()].sort_values(["country", "year"])
        words = figure_words("homeless-one-night")  # the published chart's axes: the preview draws the same counts
        return Figure(
            key=f"check-{table}-{when}",
            title=_say("counts_per_100k" if column == "per_100k" else "counts", when=label),
            summary=_summary(rows),
            chart=count_series(rows, True, column, words.text("axis.x"), words.text(f"axis.y_{column}")),
            rows=rows,
            table_columns={
                "label": "Row",
                "value": "Count",
                "per_100k": "Per 100,000 (derived)",
                "source_id": "Source",
            },
            points=points(rows, column),
        )
    if table == "isolation_health_risks":
        if measure == "percent":  # a percentage increase: the published bars, redrawn
            return _preview(health_percent(check), f"check-{table}-percent-{when}", label)
        rows = forest_rows(check.table(table), Vocabulary.of(check))
        return Figure(
            key=f"check-{table}-{when}",
            title=_say("ratios", when=label),
            summary=_summary(rows),
            chart=forest_plot(rows),
            rows=rows,
            table_columns={"label": "Row", "estimate_text": "Estimate", "source_id": "Source"},
            points=points(rows, "estimate_text"),
        )
    return None


def estimate_measures(rows: pd.DataFrame) -> list[str]:
    """The measures that draw every one of these estimate rows: counts, unless a row has only a rate (a count chart
    cannot draw it), then rates, and both when some rows have only a count and others only a rate."""
    has_count = rows["value"].notna() | rows["value_low"].notna()
    has_rate = rows["rate_pct"].notna() | (rows["rate_low_pct"].notna() & rows["rate_high_pct"].notna())
    needs_rate, needs_count = (has_rate & ~has_count).any(), (has_count & ~has_rate).any()
    return ["count", "rate"] if needs_rate and needs_count else ["rate"] if needs_rate else ["count"]


def changed_rows(diff: TableDiff, current: pd.DataFrame, candidate: pd.DataFrame) -> pd.DataFrame:
    """The rows a diff touches, as typed rows: added and changed ones as the candidate has them,
    removed ones as they were."""
    keys = set(diff.added[diff.key]) | set(diff.changed[diff.key])
    return pd.concat(
        [candidate[candidate[diff.key].isin(keys)], current[current[diff.key].isin(set(diff.removed[diff.key]))]]
    )


def touched_keys(diff: TableDiff) -> frozenset[str]:
    """The keys of every row a diff adds, removes or changes."""
    return frozenset(diff.added[diff.key]) | frozenset(diff.removed[diff.key]) | frozenset(diff.changed[diff.key])


def _measures(preview: str, rows: pd.DataFrame) -> list[str]:
    """The measures a preview is drawn in so that each of these touched rows is on one of its charts."""
    if preview == "estimates":
        return estimate_measures(rows) if len(rows) else ["count"]
    if preview == "counts":
        others = [name for name, (measures, _) in OTHER_MEASURES.items() if rows["measure"].isin(measures).any()]
        return (["count"] if rows["measure"].isin(STREET_COUNTS).any() or not others else []) + others
    if preview == "ratios":
        percent = rows["measure"].eq("percent_increase").any()
        ratio = (~rows["measure"].eq("percent_increase")).any()
        return ["count", "percent"] if percent and ratio else ["percent"] if percent else ["count"]
    return ["count"]


def before_and_after(
    diffs: dict[str, TableDiff], current: PackageCheck, candidate: PackageCheck
) -> list[tuple[Figure, Figure]]:
    """(before, after) for each preview the changed tables redraw, each drawn once however many of its tables an upload
    (a zip) changes, and on as many charts as its changed rows need: a ward's estimate beside the national ones, a
    row with only a rate on a chart of rates, a whole-year count or a percentage on a chart of its own measure."""
    changed = [table for table, diff in diffs.items() if not diff.empty and table in PREVIEW_OF]
    pairs = []
    for preview in dict.fromkeys(PREVIEW_OF[table] for table in changed):
        table = next(t for t in changed if PREVIEW_OF[t] == preview)
        name, _ = ROWS_OF[preview]
        touched: frozenset[str] = frozenset()
        measures = ["count"]
        if name in diffs and not diffs[name].empty:
            touched = touched_keys(diffs[name])
            measures = _measures(preview, changed_rows(diffs[name], current.table(name), candidate.table(name)))
        for measure in measures:
            pairs.append(
                (
                    affected_figure(table, current, "current", measure, touched),
                    affected_figure(table, candidate, "candidate", measure, touched),
                )
            )
    return pairs
