"""The health page's figures: a forest plot of published associations, and the headline percentages."""

from core.package_check import PackageCheck
from figures.figure import Figure, declare
from figures.params import points
from shaping.charts import forest_plot, percent_bars
from shaping.health import SURVIVAL_GROUP, forest_rows, percent_rows
from shaping.vocabulary import Vocabulary
from shaping.words import figure_words

TABLE_COLUMNS = {
    "group": "Group",
    "label": "Study · exposure → outcome",
    "estimate_text": "Estimate (95% CI)",
    "significance": "Significance",
    "comparison": "Compared",
    "population": "Population",
    "studies": "Studies",
    "participants": "Participants",
    "source_id": "Source",
}


@declare("health-forest", "health", placeholders={"summary": ("significant", "risks", "unclear")})
def forest(check: PackageCheck) -> Figure:
    """Every published ratio (OR, RR, HR) with its interval, survival odds in a group of their own."""
    words = figure_words("health-forest")
    risks = check.table("isolation_health_risks")
    rows = forest_rows(risks, Vocabulary.of(check))
    significant = rows[(rows["significance"] == "significant") & (rows["group"] != SURVIVAL_GROUP)]
    unclear = rows[rows["significance"] != "significant"]
    return Figure(
        key="health-forest",
        title=words.text("title"),
        subtitle=words.text("subtitle"),
        summary=words.text(
            "summary",
            significant=len(significant),
            risks=len(rows[rows["group"] != SURVIVAL_GROUP]),
            unclear=len(unclear),
        ),
        chart=forest_plot(rows),
        rows=rows,
        table_columns=TABLE_COLUMNS,
        points=points(rows, "estimate_text"),
        caveats=words.caveats(),
        extra_notes=words.notes(),
    )


@declare(
    "health-percent",
    "health",
    placeholders={
        "summary": ("increases",),
        "labels.increase": ("value", "outcome"),
        "labels.point": ("label", "value"),
        "labels.note": ("comparison", "value", "population"),
    },
)
def percent(check: PackageCheck) -> Figure:
    """The rounded percentage increases of the National Academies and the Surgeon General."""
    words = figure_words("health-percent")
    risks = check.table("isolation_health_risks")
    percents = percent_rows(risks, Vocabulary.of(check))
    return Figure(
        key="health-percent",
        title=words.text("title"),
        subtitle=words.text("subtitle"),
        summary=words.text(
            "summary",
            increases="; ".join(
                words.text("labels.increase", value=f"{r['value']:g}", outcome=r["label"].split("→")[-1].strip())
                for _, r in percents.drop_duplicates("outcome").iterrows()
            ),
        ),
        chart=percent_bars(percents),
        rows=percents,
        table_columns={
            "label": "Source · exposure → outcome",
            "value": "Increase (%)",
            "population": "Population",
            "source_id": "Source",
        },
        points=[words.text("labels.point", label=r["label"], value=f"{r['value']:g}") for _, r in percents.iterrows()],
        caveats=words.caveats(),
        extra_notes=[
            words.text("labels.note", comparison=r["comparison"], value=f"{r['value']:g}", population=r["population"])
            for _, r in risks[risks["measure"] == "percent"].iterrows()
        ],
    )
