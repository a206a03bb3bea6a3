"""Youth homelessness, US and Japan: point-in-time counts that say what each counts, whole-year estimates kept apart."""

import streamlit as st

from shaping.text import markdown_plain
from ui.page import load_tables
from ui.render import render_page

words, check = render_page("homelessness", lambda: load_tables("youth_homelessness", "population", "sources"))
if check is not None:
    st.subheader(markdown_plain(words.say("claim_heading")))
    st.markdown(markdown_plain(words.say("claim")))
    st.page_link("views/claims.py", label=words.say("claim_link"), icon=":material/fact_check:")
