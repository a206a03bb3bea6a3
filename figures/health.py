"""The health page's figures: a forest plot of published associations, and the headline percentages."""

from core.package_check import PackageCheck
from figures.figure import Figure, declare
from figures.params import points
from shaping.charts import forest_plot, percent_bars
from shaping.health import forest_rows, percent_rows, survival_group
from shaping.numbers import clauses
from shaping.vocabulary import Vocabulary
from shaping.words import data_english, figure_words, headings

# The tables' columns and their headings' word keys (words/phrases.toml [columns]).
TABLE_COLUMNS = {
    "group": "group",
    "label": "study",
    "estimate_text": "estimate_ci",
    "significance_text": "significance",
    "comparison": "compared",
    "population": "population",
    "studies": "studies",
    "participants": "participants",
    "source_id": "source",
}
PERCENT_COLUMNS = {"label": "source_study", "value": "increase", "population": "population", "source_id": "source"}


@declare("health-forest", "health", placeholders={"summary": ("significant", "risks", "unclear")})
def forest(check: PackageCheck) -> Figure:
    """Every published ratio (OR, RR, HR) with its interval, survival odds in a group of their own."""
    words = figure_words("health-forest")
    risks = check.table("isolation_health_risks")
    rows = forest_rows(risks, Vocabulary.of(check))
    # The three counts cover the same rows, the risk estimates: survival odds are a group of their own (the summary
    # says so), so none of them is counted, and significant + unclear == risks.
    risk_rows = rows[rows["group"] != survival_group()]
    significant = risk_rows[risk_rows["significance"] == "significant"]
    unclear = risk_rows[risk_rows["significance"] != "significant"]
    return Figure(
        key="health-forest",
        title=words.text("title"),
        subtitle=words.text("subtitle"),
        summary=words.text(
            "summary",
            significant=len(significant),
            risks=len(risk_rows),
            unclear=len(unclear),
        ),
        chart=forest_plot(rows),
        rows=rows,
        table_columns=headings(TABLE_COLUMNS),
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
            increases=clauses(
                words.text("labels.increase", value=f"{r['value']:g}", outcome=r["label"].split("→")[-1].strip())
                for _, r in percents.drop_duplicates("outcome").iterrows()
            ),
        ),
        chart=percent_bars(percents),
        rows=percents,
        table_columns=headings(PERCENT_COLUMNS),
        points=[words.text("labels.point", label=r["label"], value=f"{r['value']:g}") for _, r in percents.iterrows()],
        caveats=words.caveats(),
        # a share of people (not a risk) the bars leave out, said in its row's own words: a note built from its
        # comparison and population read "share of people 65+ who are socially isolated: 24% (US community-…)"
        extra_notes=[data_english(r["note"]) for _, r in risks[risks["measure"] == "percent"].iterrows()],
    )
