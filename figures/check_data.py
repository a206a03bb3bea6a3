"""The figure a change to one table affects, for the Check new data page's before-and-after view.

Not in the catalog: it previews an upload against the current data rather than showing a published figure.
"""

from core.package_check import PackageCheck
from figures.figure import Figure
from figures.params import points
from shaping.charts import count_series, dot_plot, forest_plot
from shaping.estimates import annotate as annotate_estimates
from shaping.estimates import point_descriptions
from shaping.health import forest_rows
from shaping.homelessness import annotate as annotate_homelessness
from shaping.homelessness import street_counts, with_per_100k
from shaping.vocabulary import Vocabulary
from shaping.words import figure_words


def affected_figure(table: str, check: PackageCheck, when: str) -> Figure | None:
    """The figure a change to this table affects, drawn from one version of the data ('current' or 'candidate');
    None when no chart is drawn from the table alone."""
    if table in ("recluse_estimates", "sources"):
        rows = annotate_estimates(check.table("recluse_estimates"), Vocabulary.of(check))
        rows = rows[rows["area"] == "national"].sort_values(["country", "year"])
        return Figure(
            key=f"check-{table}-{when}",
            title=f"National estimates, all concepts ({when})",
            summary=f"{len(rows)} national estimates.",
            chart=dot_plot(rows, "count", True),
            rows=rows,
            table_columns={"label": "Estimate", "as_published": "As published", "source_id": "Source"},
            points=point_descriptions(rows, "count"),
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
