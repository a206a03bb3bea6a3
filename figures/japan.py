"""The Japan page's figures: the Cabinet Office rounds, broad split into narrow and quasi, every other estimate."""

from core.package_check import PackageCheck
from figures.figure import Figure
from shaping.charts import dot_plot, japan_series, split_bars
from shaping.estimates import cabinet_office_rounds, other_japanese_estimates, point_descriptions, population_for
from shaping.sentences import how_made, quote_sentence, summary_sentence
from shaping.vocabulary import Vocabulary

TABLE_COLUMNS = {
    "label": "Estimate",
    "as_published": "As published",
    "value": "Count",
    "value_low": "Low",
    "value_high": "High",
    "rate_pct": "Rate %",
    "rate_low_pct": "Rate low %",
    "rate_high_pct": "Rate high %",
    "interval": "Interval",
    "method_label": "Evidence",
    "sample_size": "Valid respondents",
    "cases": "Cases",
    "source_id": "Source",
}


def rounds_title(measure: str) -> str:
    return "Hikikomori in Japan, Cabinet Office surveys 2010–2022, by age group" + (" (% of the age group)" if measure == "rate" else " (people)")


def rounds(check: PackageCheck, measure: str = "rate") -> Figure:
    """The four Cabinet Office rounds as a series by age group, as rates or counts."""
    estimates, population = check.table("recluse_estimates"), check.table("population")
    indexed_sources = check.table("sources").set_index("source_id", drop=False)
    vocab = Vocabulary.of(check)
    rows = cabinet_office_rounds(estimates, vocab)
    shown = rows[rows["rate_pct" if measure == "rate" else "value"].notna()]
    return Figure(
        key="japan-rounds",
        title=rounds_title(measure),
        summary=summary_sentence(shown, "Japan"),
        chart=japan_series(shown, measure),
        rows=shown,
        table_columns=TABLE_COLUMNS,
        points=point_descriptions(shown, measure),
        concepts=["hikikomori_broad"],
        caveats=["few_cases", "non_response", "mode_change"],
        quotes=lambda: [quote_sentence(r, indexed_sources.loc[r["source_id"]], vocab) for _, r in shown.iterrows()],
        how_made=lambda: [(r["label"], how_made(r, *population_for(population, r))) for _, r in shown.iterrows() if how_made(r)],
        extra_notes=[
            "The 2022 survey published rates for 15–39 and 40–64 and one count (about 1.46 million) for 15–64; "
            "counts by age group for 2022 circulate but could not be traced to a page and are not shown.",
            "Grey bars are 95% intervals derived here from cases and respondents (Wilson method); the Cabinet Office published none.",
        ],
    )


SPLIT_TITLE = "Broad hikikomori split into narrow and quasi, by survey round (people)"


def split(check: PackageCheck) -> Figure:
    """Each round's broad figure as the sum of its narrow and quasi groups."""
    rows = cabinet_office_rounds(check.table("recluse_estimates"), Vocabulary.of(check), ("hikikomori_narrow", "hikikomori_quasi"))
    return Figure(
        key="japan-split",
        title=SPLIT_TITLE,
        summary=f"In each round the broad figure is the sum of a narrow group (rarely leaves room or house) and a quasi group "
        f"(goes out for hobby errands); {int(rows['derived_fields'].notna().sum())} of the {len(rows)} parts shown were derived here.",
        chart=split_bars(rows),
        rows=rows,
        table_columns=TABLE_COLUMNS,
        points=point_descriptions(rows, "count"),
        concepts=["hikikomori_narrow", "hikikomori_quasi"],
        caveats=["few_cases"],
        how_made=lambda: [(r["label"], how_made(r)) for _, r in rows.iterrows() if how_made(r)],
    )


OTHER_TITLE = "Other Japanese estimates: lifetime survey, households, cities, an expert and a sum (counts)"


def other(check: PackageCheck, log: bool = True) -> Figure:
    """Every other Japanese estimate with a count; rate-only rows named in the notes."""
    indexed_sources = check.table("sources").set_index("source_id", drop=False)
    vocab = Vocabulary.of(check)
    others = other_japanese_estimates(check.table("recluse_estimates"), vocab)
    drawn = others[others["value"].notna() | others["value_low"].notna()]
    rate_only = others[others["value"].isna() & others["value_low"].isna()]
    return Figure(
        key="japan-other",
        title=OTHER_TITLE,
        summary=f"{len(drawn)} other estimates range from {drawn['value'].min():,} to {drawn['value'].max():,}, "
        "but they count different things (people or households, cities or the nation, surveys or an expert's view).",
        chart=dot_plot(drawn, "count", log, color_by="method_label"),
        rows=others,
        table_columns=TABLE_COLUMNS,
        points=point_descriptions(drawn, "count"),
        concepts=list(others["concept"]),
        caveats=["definitions", "non_response", "not_surveys"],
        quotes=lambda: [quote_sentence(r, indexed_sources.loc[r["source_id"]], vocab) for _, r in drawn.iterrows()],
        how_made=lambda: [(r["label"], how_made(r)) for _, r in others.iterrows() if how_made(r)],
        extra_notes=[f"Not drawn (a rate with no count): {r['label']}: {r['as_published']}." for _, r in rate_only.iterrows()],
    )
