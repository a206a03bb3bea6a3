"""Health risks of social isolation and loneliness: a forest plot of published associations, survival kept apart."""

import streamlit as st

from i18n import current, punctuation
from shaping.health import counterpoints
from shaping.text import markdown_plain
from shaping.words import page
from ui.card import data_text
from ui.page import load_tables
from ui.render import render_page


def _counterpoints(forest) -> None:
    """Below the forest plot: the rows that argue against reading it as risk."""
    st.subheader(markdown_plain(page("health").say("counterpoints")))
    for _, row in counterpoints(forest.figure.rows).iterrows():
        note, has_html = data_text(row["note"])
        st.markdown(
            f"- **{markdown_plain(row['label'])}**{punctuation(current())['colon']}"
            f"{markdown_plain(row['estimate_text'])}. {note}",
            unsafe_allow_html=has_html,
        )


render_page("health", lambda: load_tables("isolation_health_risks", "sources"), after={"health-forest": _counterpoints})
