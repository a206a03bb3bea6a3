"""Health risks of social isolation and loneliness: a forest plot of published associations, survival kept apart."""
import streamlit as st

from settings import COUNTERPOINT_SOURCES
from shaping.charts import forest_plot, percent_bars
from shaping.health import SURVIVAL_GROUP, forest_rows, percent_rows
from shaping.text import markdown_plain
from ui.card import Figure, figure_card
from ui.page import load_tables

TABLE_COLUMNS = {"group": "Group", "label": "Study · exposure → outcome", "estimate_text": "Estimate (95% CI)",
                 "significance": "Significance", "comparison": "Compared", "population": "Population",
                 "studies": "Studies", "participants": "Participants", "source_id": "Source"}

st.title("Health risks of social isolation and loneliness")
st.caption("These are associations from observational studies, mostly of older adults. They do not show that isolation causes illness, "
           "and odds ratios (OR), relative risks (RR) and hazard ratios (HR) are not interchangeable.")
check = load_tables("isolation_health_risks", "sources")
if check is not None:
    risks, sources = check.table("isolation_health_risks"), check.table("sources")
    forest = forest_rows(risks, sources)
    significant = forest[(forest["significance"] == "significant") & (forest["group"] != SURVIVAL_GROUP)]
    unclear = forest[forest["significance"] != "significant"]
    figure_card(Figure(
        key="health-forest",
        title="Published associations between social isolation or loneliness and health (ratio, 95% CI)",
        summary=f"{len(significant)} of the {len(forest[forest['group'] != SURVIVAL_GROUP])} risk estimates shown have 95% intervals "
                f"above 1; {len(unclear)} cross 1 or have no published interval. Survival odds (Holt-Lunstad 2010) are a separate "
                "group: above 1 there means better survival with stronger relationships, not higher risk.",
        chart=forest_plot(forest), rows=forest, table_columns=TABLE_COLUMNS,
        points=[f"{r['label']}: {r['estimate_text']}" for _, r in forest.iterrows()],
        caveats=["associations"],
        extra_notes=["Rows marked 'not significant' have a 95% interval that includes 1 (no difference).",
                     "Holt-Lunstad 2015's odds ratios are drawn without intervals: the register found no reliable page giving them.",
                     "Smoking 15 cigarettes a day (relative risk about 2.77 in the same UK analysis) is shown for comparison only."],
    ), check)

    counter = forest[forest["source_id"].isin(COUNTERPOINT_SOURCES)]
    st.subheader("Counterpoints")
    for _, row in counter.iterrows():
        st.markdown(f"- **{markdown_plain(row['label'])}**: {markdown_plain(row['estimate_text'])}. {markdown_plain(row['note'])}")

    percents = percent_rows(risks, sources)
    figure_card(Figure(
        key="health-percent",
        title="Headline percentages from a consensus review and an advisory (no intervals published)",
        summary="The National Academies and the US Surgeon General give rounded increases in risk for older adults: "
                + "; ".join(f"+{r['value']:g}% {r['label'].split('→')[-1].strip()}" for _, r in percents.drop_duplicates("outcome").iterrows())
                + ". They summarise the studies above; they are not new estimates.",
        chart=percent_bars(percents), rows=percents,
        table_columns={"label": "Source · exposure → outcome", "value": "Increase (%)", "population": "Population", "source_id": "Source"},
        points=[f"{r['label']}: about +{r['value']:g}%" for _, r in percents.iterrows()], caveats=["associations"],
        extra_notes=[f"{r['comparison']}: {r['value']:g}% ({r['population']})." for _, r in risks[risks["measure"] == "percent"].iterrows()],
    ), check)
