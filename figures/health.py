"""The health page's figures: a forest plot of published associations, and the headline percentages."""

from core.package_check import PackageCheck
from figures.figure import Figure
from figures.params import points
from shaping.charts import forest_plot, percent_bars
from shaping.health import SURVIVAL_GROUP, forest_rows, percent_rows
from shaping.vocabulary import Vocabulary

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
FOREST_TITLE = "Published associations between social isolation or loneliness and health (ratio, 95% CI)"
PERCENT_TITLE = "Headline percentages from a consensus review and an advisory (no intervals published)"


def forest(check: PackageCheck) -> Figure:
    """Every published ratio (OR, RR, HR) with its interval, survival odds in a group of their own."""
    risks = check.table("isolation_health_risks")
    rows = forest_rows(risks, Vocabulary.of(check))
    significant = rows[(rows["significance"] == "significant") & (rows["group"] != SURVIVAL_GROUP)]
    unclear = rows[rows["significance"] != "significant"]
    return Figure(
        key="health-forest",
        title=FOREST_TITLE,
        summary=f"{len(significant)} of the {len(rows[rows['group'] != SURVIVAL_GROUP])} risk estimates shown have 95% intervals "
        f"above 1; {len(unclear)} cross 1 or have no published interval. Survival odds (Holt-Lunstad 2010) are a separate "
        "group: above 1 there means better survival with stronger relationships, not higher risk.",
        chart=forest_plot(rows),
        rows=rows,
        table_columns=TABLE_COLUMNS,
        points=points(rows, "estimate_text"),
        caveats=["associations"],
        extra_notes=[
            "Rows marked 'not significant' have a 95% interval that includes 1 (no difference).",
            "Holt-Lunstad 2015's odds ratios are drawn without intervals: the register found no reliable page giving them.",
            "Smoking 15 cigarettes a day (relative risk about 2.77 in the same UK analysis) is shown for comparison only.",
        ],
    )


def percent(check: PackageCheck) -> Figure:
    """The rounded percentage increases of the National Academies and the Surgeon General."""
    risks = check.table("isolation_health_risks")
    percents = percent_rows(risks, Vocabulary.of(check))
    return Figure(
        key="health-percent",
        title=PERCENT_TITLE,
        summary="The National Academies and the US Surgeon General give rounded increases in risk for older adults: "
        + "; ".join(f"+{r['value']:g}% {r['label'].split('→')[-1].strip()}" for _, r in percents.drop_duplicates("outcome").iterrows())
        + ". They summarise the studies above; they are not new estimates.",
        chart=percent_bars(percents),
        rows=percents,
        table_columns={"label": "Source · exposure → outcome", "value": "Increase (%)", "population": "Population", "source_id": "Source"},
        points=[f"{r['label']}: about +{r['value']:g}%" for _, r in percents.iterrows()],
        caveats=["associations"],
        extra_notes=[f"{r['comparison']}: {r['value']:g}% ({r['population']})." for _, r in risks[risks["measure"] == "percent"].iterrows()],
    )
