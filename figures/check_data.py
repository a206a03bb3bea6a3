"""The figure a change to one table affects, for the Check new data page's before-and-after view.

Not in the catalog: it previews an upload against the current data rather than showing a published figure.
"""

import pandas as pd

from core.package_check import PackageCheck
from figures.figure import Figure
from figures.params import points
from shaping.charts import count_series, dot_plot, forest_plot, spans_a_decade
from shaping.diff import TableDiff
from shaping.estimates import annotate as annotate_estimates
from shaping.estimates import point_descriptions
from shaping.health import forest_rows
from shaping.homelessness import annotate as annotate_homelessness
from shaping.homelessness import street_counts, with_per_100k
from shaping.vocabulary import Vocabulary
from shaping.words import figure_words

# The preview a change to each table redraws: a change to sources and one to the estimates redraw the same chart.
PREVIEW_OF = {
    "recluse_estimates": "estimates",
    "sources": "estimates",
    "youth_homelessness": "counts",
    "population": "per_100k",
    "isolation_health_risks": "ratios",
}


def affected_figure(table: str, check: PackageCheck, when: str, measure: str = "count") -> Figure | None:
    """The figure a change to this table affects, drawn from one version of the data ('current' or 'candidate');
    None when no chart is drawn from the table alone. The estimates are drawn as counts or as rates (measure)."""
    if table in ("recluse_estimates", "sources"):
        rows = annotate_estimates(check.table("recluse_estimates"), Vocabulary.of(check))
        rows = rows[rows["area"] == "national"].sort_values(["country", "year"])
        rate = measure == "rate"
        return Figure(
            key=f"check-estimates-{measure}-{when}",
            title=f"National estimates, all concepts{', % of the age band' if rate else ''} ({when})",
            summary=f"{len(rows)} national estimates.",
            chart=dot_plot(rows, measure, spans_a_decade(rows["rate_pct"].astype("float64")) if rate else True),
            rows=rows,
            table_columns={"label": "Estimate", "as_published": "As published", "source_id": "Source"},
            points=point_descriptions(rows, measure),
        )
    if table in ("youth_homelessness", "population"):
        rows = street_counts(
            with_per_100k(
                annotate_homelessness(check.table("youth_homelessness"), Vocabulary.of(check)),
                check.table("population"),
            )
        )
        column = "per_100k" if table == "population" else "value"
        words = figure_words("homeless-one-night")  # the published chart's axes: the preview draws the same counts
        rows = rows[rows[column].notna()]
        per = " per 100,000 residents of the same ages" if column == "per_100k" else ""
        return Figure(
            key=f"check-{table}-{when}",
            title=f"Point-in-time counts{per} ({when})",
            summary=f"{len(rows)} point-in-time counts.",
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
        rows = forest_rows(check.table("isolation_health_risks"), Vocabulary.of(check))
        return Figure(
            key=f"check-{table}-{when}",
            title=f"Forest plot of health risks ({when})",
            summary=f"{len(rows)} ratios.",
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
    """The rows a diff touches, as typed rows: added and changed ones as the candidate has them, removed ones as they were."""
    keys = set(diff.added[diff.key]) | set(diff.changed[diff.key])
    return pd.concat(
        [candidate[candidate[diff.key].isin(keys)], current[current[diff.key].isin(set(diff.removed[diff.key]))]]
    )


def before_and_after(
    diffs: dict[str, TableDiff], current: PackageCheck, candidate: PackageCheck
) -> list[tuple[Figure, Figure]]:
    """(before, after) for each preview the changed tables redraw, each drawn once however many of its tables an upload
    (a zip) changes, and in every measure its changed rows need (a row with only a rate is drawn on a chart of rates)."""
    changed = [table for table, diff in diffs.items() if not diff.empty and table in PREVIEW_OF]
    pairs = []
    for preview in dict.fromkeys(PREVIEW_OF[table] for table in changed):
        table = next(t for t in changed if PREVIEW_OF[t] == preview)
        measures = ["count"]
        if "recluse_estimates" in diffs and preview == "estimates":
            name = "recluse_estimates"
            rows = changed_rows(diffs[name], current.table(name), candidate.table(name))
            measures = estimate_measures(rows[rows["area"] == "national"])  # the rows the preview draws
        for measure in measures:
            pairs.append(
                (
                    affected_figure(table, current, "current", measure),
                    affected_figure(table, candidate, "candidate", measure),
                )
            )
    return pairs
