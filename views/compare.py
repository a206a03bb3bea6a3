"""Compare countries: Japan, South Korea and Italy side by side, with what differs stated for the rows on screen."""
import streamlit as st

from settings import COMPARE_DEFAULT_CONCEPTS, CONCEPTS, COUNTRY_NAMES, EVIDENCE_TYPES
from shaping.charts import dot_plot
from shaping.estimates import annotate, comparability_warnings, headline_rows, point_descriptions
from shaping.selection import int_between
from shaping.sentences import quote_sentence, summary_sentence
from shaping.text import markdown_plain
from ui.card import Figure, figure_card
from ui.page import load_tables, url_notices

MEASURES = {"Rate (% of age band)": "rate", "Count": "count"}
SCALES = {"Linear": False, "Logarithmic": True}
COUNTRIES = {COUNTRY_NAMES[c]: c for c in ("JPN", "KOR", "ITA")}
CONCEPT_LABELS = {label: key for key, (label, _) in CONCEPTS.items()}
EVIDENCE = {label: key for key, label in EVIDENCE_TYPES.items()}
TABLE_COLUMNS = {"label": "Estimate", "as_published": "As published", "rate_pct": "Rate %", "rate_low_pct": "Rate low %",
                 "rate_high_pct": "Rate high %", "value": "Count", "interval": "Interval", "six_month_rule": "Six-month rule",
                 "scope": "Who", "method_label": "Evidence", "source_id": "Source"}

st.title("Compare countries")
st.caption("Rates are shares of each survey's own age band. Read the comparability panel before setting numbers side by side.")
url_notices({"countries": COUNTRIES, "concepts": CONCEPT_LABELS, "evidence": EVIDENCE, "years": int_between(1990, 2100),
             "measure": MEASURES, "scale": SCALES, "cities": ["true", "false"]})
check = load_tables("recluse_estimates", "sources")
if check is not None:
    estimates = annotate(check.table("recluse_estimates"))
    estimates = estimates[estimates["country"].isin(COUNTRIES.values())]
    indexed_sources = check.table("sources").set_index("source_id", drop=False)
    first, last = int(estimates["year"].min()), int(estimates["year"].max())
    with st.container(border=True):
        left, middle, right = st.columns(3)
        countries = left.multiselect("Countries", list(COUNTRIES), default=list(COUNTRIES), key="countries", bind="query-params")
        present = [label for label, key in CONCEPT_LABELS.items() if key in set(estimates["concept"])]
        defaults = [CONCEPTS[c][0] for c in COMPARE_DEFAULT_CONCEPTS if CONCEPTS[c][0] in present]
        concepts = middle.multiselect("Concepts", present, default=defaults, key="concepts", bind="query-params")
        evidence = right.multiselect("Evidence type", list(EVIDENCE), default=[EVIDENCE_TYPES["survey"]], key="evidence", bind="query-params")
        left, middle, right = st.columns(3)
        years = left.slider("Years", first, last, (first, last), key="years", bind="query-params")
        measure = MEASURES[middle.segmented_control("Show", list(MEASURES), default=list(MEASURES)[0], key="measure",
                                                    bind="query-params", required=True)]
        log = SCALES[right.segmented_control("Scale", list(SCALES), default="Linear", key="scale", bind="query-params", required=True)]
        cities = st.toggle("Include city-level surveys", value=False, key="cities", bind="query-params")
    chosen = estimates[estimates["country"].isin([COUNTRIES[c] for c in countries])
                       & estimates["concept"].isin([CONCEPT_LABELS[c] for c in concepts])
                       & estimates["survey"].isin([EVIDENCE[e] == "survey" for e in evidence])
                       & estimates["year"].between(*years) & (cities | (estimates["area"] == "national"))]
    column = "rate_pct" if measure == "rate" else "value"
    shown = chosen[chosen[column].notna() | ((measure == "count") & chosen["value_low"].notna())]
    shown = shown.sort_values(["country", "year"], key=lambda s: s.map(list(COUNTRY_NAMES).index) if s.name == "country" else -s)
    missing = len(chosen) - len(shown)

    st.subheader("Comparability")
    warnings = comparability_warnings(shown)
    if warnings:
        st.warning("**Not like-for-like.** " + " ".join(markdown_plain(w) for w in warnings) +
                   " The chart does not rank countries.", icon=":material/warning:")
    elif len(shown) > 1:
        st.success("These rows share concept, six-month rule, age band, scope, method and period.", icon=":material/check_circle:")
    if missing:
        st.caption(f"{missing} selected estimate(s) have no {'rate' if measure == 'rate' else 'count'} and are not drawn; "
                   f"switch 'Show' to see them.")
    if shown.empty:
        st.info("No estimates match these filters. Widen the years or add countries, concepts or evidence types.")
    else:
        heads = headline_rows(shown)
        figure_card(Figure(
            key="compare",
            title="Estimates of withdrawn, reclusive and isolated people" + (" (% of each age band)" if measure == "rate" else " (counts)"),
            summary=" ".join(summary_sentence(shown[shown["country"] == c]) for c in heads["country"]) if not heads.empty
            else summary_sentence(shown),
            chart=dot_plot(shown, measure, log), rows=shown, table_columns=TABLE_COLUMNS, points=point_descriptions(shown, measure),
            concepts=list(shown["concept"]), caveats=["definitions", "students_only", "not_surveys", "few_cases"],
            quotes=lambda: [quote_sentence(r, indexed_sources.loc[r["source_id"]]) for _, r in heads.iterrows()],
        ), check)
