"""Japan: the Cabinet Office rounds as a series, broad split into narrow and quasi, and every other Japanese estimate."""

import streamlit as st

from figures import japan
from figures.params import JAPAN_MEASURES, SCALES
from ui.card import figure_card
from ui.page import load_tables, url_notices
from ui.shared import shared_figure

st.title("Japan")
st.caption("Japan's Cabinet Office has surveyed hikikomori four times. Each round is scaled up from a few dozen to a few hundred respondents.")
url_notices({"measure": JAPAN_MEASURES, "scale": SCALES})
check = load_tables("recluse_estimates", "sources", "population")
if check is not None:
    measure = JAPAN_MEASURES[
        st.segmented_control("Show", list(JAPAN_MEASURES), default=list(JAPAN_MEASURES)[0], key="measure", bind="query-params", required=True)
    ]
    figure_card(shared_figure(check, japan.rounds, measure=measure), check)
    figure_card(shared_figure(check, japan.split), check)
    log = SCALES[st.segmented_control("Scale", list(SCALES), default="Logarithmic", key="scale", bind="query-params", required=True)]
    figure_card(shared_figure(check, japan.other, log=log), check)
