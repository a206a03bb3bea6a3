"""Youth homelessness, US and Japan: point-in-time counts that say what each counts, whole-year estimates kept apart."""

import streamlit as st

from figures import homelessness
from figures.params import HOMELESS_VIEWS, SCALES
from shaping.text import markdown_plain
from ui.card import figure_card
from ui.page import load_tables, url_notices
from ui.shared import shared_figure

st.title("Youth homelessness: United States and Japan")
st.caption(
    "Point-in-time counts (the US on one night, Japan by a daytime patrol) and whole-year estimates measure different "
    "things and differ by orders of magnitude: they are never drawn on the same axis here."
)
url_notices({"scale": SCALES, "view": HOMELESS_VIEWS})
check = load_tables("youth_homelessness", "population", "sources")
if check is not None:
    left, right = st.columns(2)
    view = HOMELESS_VIEWS[left.segmented_control("Show", list(HOMELESS_VIEWS), default="Count", key="view", bind="query-params", required=True)]
    log = SCALES[right.segmented_control("Scale", list(SCALES), default="Logarithmic", key="scale", bind="query-params", required=True)]
    figure_card(shared_figure(check, homelessness.one_night, view=view, log=log), check)
    figure_card(shared_figure(check, homelessness.whole_year, log=log), check)
    figure_card(shared_figure(check, homelessness.net_cafe), check)

    st.subheader("The article's claim: “1.6 million vs 10,000”")
    st.markdown(
        markdown_plain(
            "The 2020 article compared 1.6 million homeless young adults in the US with 10,000 in Japan. "
            "The 1.6 million is a 1990s 12-month estimate for minors aged 12–17 (Ringwalt et al., converted by HHS in 2007) "
            "or NISMART's 1999 count of runaway episodes; no source was found for 10,000."
        )
    )
    st.page_link("views/claims.py", label="See the claim check", icon=":material/fact_check:")
