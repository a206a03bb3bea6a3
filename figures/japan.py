"""The Japan page's figures: the Cabinet Office rounds, broad split into narrow and quasi, every other estimate."""

import i18n
from core.package_check import PackageCheck
from figures.figure import Figure, declare
from figures.params import JAPAN_MEASURE, SCALE
from shaping.charts import dot_plot, japan_series, split_bars
from shaping.estimates import cabinet_office_rounds, other_japanese_estimates, point_descriptions, population_for
from shaping.sentences import how_made, quote_sentence, summary_sentence
from shaping.vocabulary import Vocabulary
from shaping.words import country_name, figure_words, headings, say

# The table's columns and their headings' word keys (words/phrases.toml [columns]).
TABLE_COLUMNS = {
    "label": "estimate",
    "as_published": "as_published",
    "value": "count",
    "value_low": "low",
    "value_high": "high",
    "rate_pct": "rate",
    "rate_low_pct": "rate_low",
    "rate_high_pct": "rate_high",
    "interval": "interval",
    "method_label": "evidence",
    "sample_size": "respondents",
    "cases": "cases",
    "source_id": "source",
}


@declare("japan-rounds", "japan", controls=(JAPAN_MEASURE,))
def rounds(check: PackageCheck, measure: str = "rate") -> Figure:
    """The four Cabinet Office rounds as a series by age group, as rates or counts."""
    words = figure_words("japan-rounds")
    estimates, population = check.table("recluse_estimates"), check.table("population")
    indexed_sources = check.table("sources").set_index("source_id", drop=False)
    vocab = Vocabulary.of(check)
    rows = cabinet_office_rounds(estimates, vocab)
    shown = rows[rows["rate_pct" if measure == "rate" else "value"].notna()]
    return Figure(
        key="japan-rounds",
        title=words.text("title", measure),
        subtitle=words.text("subtitle", measure),
        summary=summary_sentence(shown, country_name("JPN")),
        chart=japan_series(
            shown,
            measure,
            words.annotations(),
            words.ticks(),
            words.text("axis.x"),
            words.text(f"axis.y_{measure}"),
            say("chart.derived_interval"),
        ),
        rows=shown,
        table_columns=headings(TABLE_COLUMNS),
        points=point_descriptions(shown, measure),
        concepts=["hikikomori_broad"],
        caveats=words.caveats(),
        quotes=lambda: [quote_sentence(r, indexed_sources.loc[r["source_id"]], vocab) for _, r in shown.iterrows()],
        how_made=lambda: [
            (r["label"], how_made(r, *population_for(population, r))) for _, r in shown.iterrows() if how_made(r)
        ],
        extra_notes=words.notes(),
    )


@declare(
    "japan-split",
    "japan",
    placeholders={
        "summary": ("derived", "parts"),
        "labels.derived_value": ("value",),
        "labels.round": ("year", "ages"),
    },
)
def split(check: PackageCheck) -> Figure:
    """Each round's broad figure as the sum of its narrow and quasi groups."""
    words = figure_words("japan-split")
    rows = cabinet_office_rounds(
        check.table("recluse_estimates"), Vocabulary.of(check), ("hikikomori_narrow", "hikikomori_quasi")
    )
    return Figure(
        key="japan-split",
        title=words.text("title"),
        subtitle=words.text("subtitle"),
        summary=words.text("summary", derived=int(rows["derived_fields"].notna().sum()), parts=len(rows)),
        chart=split_bars(rows, words),
        rows=rows,
        table_columns=headings(TABLE_COLUMNS),
        points=point_descriptions(rows, "count"),
        concepts=["hikikomori_narrow", "hikikomori_quasi"],
        caveats=words.caveats(),
        how_made=lambda: [(r["label"], how_made(r)) for _, r in rows.iterrows() if how_made(r)],
    )


@declare(
    "japan-other",
    "japan",
    controls=(SCALE,),
    placeholders={"summary": ("drawn", "low", "high"), "labels.not_drawn": ("label", "published")},
)
def other(check: PackageCheck, log: bool = True) -> Figure:
    """Every other Japanese estimate with a count; rate-only rows named in the notes."""
    words = figure_words("japan-other")
    indexed_sources = check.table("sources").set_index("source_id", drop=False)
    vocab = Vocabulary.of(check)
    others = other_japanese_estimates(check.table("recluse_estimates"), vocab)
    drawn = others[others["value"].notna() | others["value_low"].notna()]
    rate_only = others[others["value"].isna() & others["value_low"].isna()]
    return Figure(
        key="japan-other",
        title=words.text("title"),
        subtitle=words.text("subtitle"),
        summary=words.text(
            "summary",
            drawn=len(drawn),
            # 7,919 (en), 7.919 (it), 115万4000 (ja): no unit, as people and households are both drawn
            low=i18n.count(drawn["value"].min(), i18n.current(), unit=None),
            high=i18n.count(drawn["value"].max(), i18n.current(), unit=None),
        ),
        chart=dot_plot(drawn, "count", log, color_by="method_label"),
        rows=others,
        table_columns=headings(TABLE_COLUMNS),
        points=point_descriptions(drawn, "count"),
        concepts=list(others["concept"]),
        caveats=words.caveats(),
        quotes=lambda: [quote_sentence(r, indexed_sources.loc[r["source_id"]], vocab) for _, r in drawn.iterrows()],
        how_made=lambda: [(r["label"], how_made(r)) for _, r in others.iterrows() if how_made(r)],
        extra_notes=[
            words.text("labels.not_drawn", label=r["label"], published=r["as_published"])
            for _, r in rate_only.iterrows()
        ],
    )
