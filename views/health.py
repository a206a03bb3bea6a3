"""Health risks of social isolation and loneliness: a forest plot of published associations, survival kept apart."""

import streamlit as st

from figures import health
from shaping.health import counterpoints
from shaping.text import markdown_plain
from ui.card import figure_card
from ui.page import load_tables
from ui.shared import shared_figure

st.title("Health risks of social isolation and loneliness")
st.caption(
    "These are associations from observational studies, mostly of older adults. They do not show that isolation causes illness, "
    "and odds ratios (OR), relative risks (RR) and hazard ratios (HR) are not interchangeable."
)
check = load_tables("isolation_health_risks", "sources")
if check is not None:
    forest = shared_figure(check, health.forest)
    figure_card(forest, check)

    st.subheader("Counterpoints")
    for _, row in counterpoints(forest.figure.rows).iterrows():
        st.markdown(f"- **{markdown_plain(row['label'])}**: {markdown_plain(row['estimate_text'])}. {markdown_plain(row['note'])}")

    figure_card(shared_figure(check, health.percent), check)
