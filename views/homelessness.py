"""Youth homelessness, US and Japan: one-night counts paired like with like, whole-year estimates kept apart."""
import streamlit as st

from shaping.charts import count_series, dot_plot
from shaping.homelessness import WHOLE_YEAR, annotate, describe, latest_pair, one_night, pair_sentence, with_per_100k
from shaping.text import markdown_plain
from ui.card import Figure, figure_card
from ui.page import load_tables, url_notices

SCALES = {"Linear": False, "Logarithmic": True}
VIEWS = {"Count": "value", "Per 100,000 residents (derived)": "per_100k"}
TABLE_COLUMNS = {"label": "Row", "measure_label": "Measure", "as_published": "As published", "value": "Count", "rate_pct": "Rate %",
                 "per_100k": "Per 100,000 residents (derived)", "reference_date": "Date", "source_id": "Source"}

st.title("Youth homelessness: United States and Japan")
st.caption("One-night counts and whole-year estimates measure different things and differ by orders of magnitude: "
           "they are never drawn on the same axis here.")
url_notices({"scale": SCALES, "view": VIEWS})
check = load_tables("youth_homelessness", "population", "sources")
if check is not None:
    rows = with_per_100k(annotate(check.table("youth_homelessness")), check.table("population"))
    nights = one_night(rows)
    pair = latest_pair(rows)
    shares = rows[rows["measure"] == "age_share"]
    left, right = st.columns(2)
    view = VIEWS[left.segmented_control("Show", list(VIEWS), default="Count", key="view", bind="query-params", required=True)]
    log = SCALES[right.segmented_control("Scale", list(SCALES), default="Logarithmic", key="scale", bind="query-params", required=True)]
    drawn = nights[nights[view].notna()]
    figure_card(Figure(
        key="homeless-one-night",
        title="One night: US unaccompanied youth and Japan's street count" + (" (per 100,000 residents, derived)" if view == "per_100k" else ""),
        summary=pair_sentence(pair) + " The US counts youth under 25 in shelters and on the street; "
                "Japan counts people of all ages seen in parks, riverbanks, roads and stations by daytime patrol.",
        chart=count_series(drawn, log, view, "People counted on one night" if view == "value" else "Per 100,000 residents (derived here)"),
        rows=drawn, table_columns=TABLE_COLUMNS, row_label_column="label",
        points=[f"{r['label']}: {r[view]}" for _, r in drawn.iterrows()],
        caveats=["one_night"],
        how_made=[(r["label"], [r["per_100k_basis"]]) for _, r in drawn.iterrows() if r["per_100k_basis"]],
        extra_notes=["Japan publishes no count of homeless youth: "
                     + "; ".join(f"{r['as_published']} of interviewed street homeless were aged {r['ages']} ({r['year']})" for _, r in shares.iterrows())
                     + ".", "Per-100,000 rates divide by the whole population of that year (population.csv), so the US youth rate is "
                     "per 100,000 residents of all ages, like Japan's; years without a population figure are not drawn in that view."],
    ), check)

    year_rows = rows[rows["measure"].isin(WHOLE_YEAR) & rows["value"].notna()].sort_values("value", ascending=False)
    year_rates = rows[rows["measure"].isin(WHOLE_YEAR) & rows["value"].isna()]
    figure_card(Figure(
        key="homeless-whole-year",
        title="Over a whole year: US estimates of youth who experienced homelessness (counts)",
        summary="Counted over 12 months rather than one night, US estimates run into millions: "
                + "; ".join(describe(r) for _, r in year_rows.head(3).iterrows())
                + ". They include couch-surfing and are not comparable with one-night counts.",
        chart=dot_plot(year_rows, "count", log), rows=year_rows, table_columns=TABLE_COLUMNS,
        points=[f"{r['label']}: {r['as_published']}" for _, r in year_rows.iterrows()], caveats=["one_night"],
        extra_notes=["Published as rates only (not drawn): " + "; ".join(describe(r) for _, r in year_rates.iterrows()) + "."],
    ), check)

    cafes = rows[rows["measure"] == "net_cafe_count"]
    figure_card(Figure(
        key="homeless-net-cafe",
        title="Japan: people without housing sleeping in internet cafés (counts)",
        summary="Japan's street count misses people who sleep in all-night internet cafés: "
                + "; ".join(f"{r['as_published']} ({r['area']}, {r['year']})" for _, r in cafes.iterrows()) + ".",
        chart=dot_plot(cafes, "count", False), rows=cafes, table_columns=TABLE_COLUMNS,
        points=[f"{r['label']}: {r['as_published']}" for _, r in cafes.iterrows()], caveats=["one_night"],
    ), check)

    st.subheader("The article's claim: “1.6 million vs 10,000”")
    st.markdown(markdown_plain("The 2020 article compared 1.6 million homeless young adults in the US with 10,000 in Japan. "
                               "The 1.6 million is a 1990s 12-month estimate for minors aged 12–17 (Ringwalt et al., converted by HHS in 2007) "
                               "or NISMART's 1999 count of runaway episodes; no source was found for 10,000."))
    st.page_link("views/claims.py", label="See the claim check", icon=":material/fact_check:")
