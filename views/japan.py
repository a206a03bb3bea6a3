"""Japan: the Cabinet Office rounds as a series, broad split into narrow and quasi, and every other Japanese estimate."""
import streamlit as st

from shaping.charts import dot_plot, japan_series, split_bars
from shaping.estimates import cabinet_office_rounds, other_japanese_estimates, point_descriptions, population_for
from shaping.sentences import how_made, quote_sentence, summary_sentence
from ui.card import Figure, figure_card
from ui.page import load_tables, url_notices

MEASURES = {"Rate (% of age group)": "rate", "Count (people)": "count"}
SCALES = {"Linear": False, "Logarithmic": True}
TABLE_COLUMNS = {"label": "Estimate", "as_published": "As published", "value": "Count", "value_low": "Low", "value_high": "High",
                 "rate_pct": "Rate %", "rate_low_pct": "Rate low %", "rate_high_pct": "Rate high %", "interval": "Interval",
                 "method_label": "Evidence", "sample_size": "Valid respondents", "cases": "Cases", "source_id": "Source"}

st.title("Japan")
st.caption("Japan's Cabinet Office has surveyed hikikomori four times. Each round is scaled up from a few dozen to a few hundred respondents.")
url_notices({"measure": MEASURES, "scale": SCALES})
check = load_tables("recluse_estimates", "sources", "population")
if check is not None:
    estimates, sources, population = check.table("recluse_estimates"), check.table("sources"), check.table("population")
    indexed_sources = sources.set_index("source_id", drop=False)
    measure = MEASURES[st.segmented_control("Show", list(MEASURES), default=list(MEASURES)[0], key="measure",
                                            bind="query-params", required=True)]
    rounds = cabinet_office_rounds(estimates)
    shown = rounds[rounds["rate_pct" if measure == "rate" else "value"].notna()]
    figure_card(Figure(
        key="japan-rounds",
        title="Hikikomori in Japan, Cabinet Office surveys 2010–2022, by age group" + (" (% of the age group)" if measure == "rate" else " (people)"),
        summary=summary_sentence(shown, "Japan"),
        chart=japan_series(shown, measure),
        rows=shown, table_columns=TABLE_COLUMNS, points=point_descriptions(shown, measure),
        concepts=["hikikomori_broad"], caveats=["few_cases", "non_response", "mode_change"],
        quotes=lambda: [quote_sentence(r, indexed_sources.loc[r["source_id"]]) for _, r in shown.iterrows()],
        how_made=lambda: [(r["label"], how_made(r, *population_for(population, r))) for _, r in shown.iterrows() if how_made(r)],
        extra_notes=["The 2022 survey published rates for 15–39 and 40–64 and one count (about 1.46 million) for 15–64; "
                     "counts by age group for 2022 circulate but could not be traced to a page and are not shown.",
                     "Grey bars are 95% intervals derived here from cases and respondents (Wilson method); the Cabinet Office published none."],
    ), check)

    split = cabinet_office_rounds(estimates, ("hikikomori_narrow", "hikikomori_quasi"))
    figure_card(Figure(
        key="japan-split",
        title="Broad hikikomori split into narrow and quasi, by survey round (people)",
        summary=f"In each round the broad figure is the sum of a narrow group (rarely leaves room or house) and a quasi group "
                f"(goes out for hobby errands); {int(split['derived_fields'].notna().sum())} of the {len(split)} parts shown were derived here.",
        chart=split_bars(split), rows=split, table_columns=TABLE_COLUMNS, points=point_descriptions(split, "count"),
        concepts=["hikikomori_narrow", "hikikomori_quasi"], caveats=["few_cases"],
        how_made=lambda: [(r["label"], how_made(r)) for _, r in split.iterrows() if how_made(r)],
    ), check)

    log = SCALES[st.segmented_control("Scale", list(SCALES), default="Logarithmic", key="scale", bind="query-params", required=True)]
    others = other_japanese_estimates(estimates)
    drawn = others[others["value"].notna() | others["value_low"].notna()]
    rate_only = others[others["value"].isna() & others["value_low"].isna()]
    figure_card(Figure(
        key="japan-other",
        title="Other Japanese estimates: lifetime survey, households, cities, an expert and a sum (counts)",
        summary=f"{len(drawn)} other estimates range from {drawn['value'].min():,} to {drawn['value'].max():,}, "
                "but they count different things (people or households, cities or the nation, surveys or an expert's view).",
        chart=dot_plot(drawn, "count", log, color_by="method_label"), rows=others, table_columns=TABLE_COLUMNS,
        points=point_descriptions(drawn, "count"), concepts=list(others["concept"]),
        caveats=["definitions", "non_response", "not_surveys"],
        quotes=lambda: [quote_sentence(r, indexed_sources.loc[r["source_id"]]) for _, r in drawn.iterrows()],
        how_made=lambda: [(r["label"], how_made(r)) for _, r in others.iterrows() if how_made(r)],
        extra_notes=[f"Not drawn (a rate with no count): {r['label']}: {r['as_published']}." for _, r in rate_only.iterrows()],
    ), check)
