"""The reader's language for a script run: chosen from ?lang=, the switch, or the browser, and the switch itself."""

import json

import streamlit as st

from i18n import LANGUAGES, NAMES, current, negotiate, set_language
from shaping.words import say

# The link parameter and the switch's widget key (the same name: the widget is bound to the query parameter).
KEY = "lang"


def browser_language() -> str | None:
    """What the browser says it reads: its locale as Streamlit reports it, else the Accept-Language header."""
    locale = getattr(st.context, "locale", None)
    if locale:
        return locale
    return st.context.headers.get("Accept-Language")


def start_language() -> str:
    """Set this run's language (i18n.set_language) before anything is drawn: ?lang=, else the switch's last choice in
    this session (a page change may drop the query string for one run), else the browser's language, else English."""
    asked = st.query_params.get(KEY) or st.session_state.get(KEY)
    return set_language(negotiate(browser_language(), asked))


def language_switch() -> str:
    """English · 日本語 · 한국어 · Italiano, each in itself, at the top right of every page, kept in the URL (?lang=ja).

    Also sets the document's lang attribute when the reader switches without reloading (asgi.py sets it on load)."""
    lang = current()
    default = negotiate(browser_language(), None)  # the browser's language: the same all session, so the widget keeps
    with st.container(horizontal=True, horizontal_alignment="right", key="language-switch"):
        st.selectbox(
            say("controls.language"),
            LANGUAGES,
            index=LANGUAGES.index(default),
            format_func=NAMES.__getitem__,
            key=KEY,
            bind="query-params",
            label_visibility="collapsed",
            icon=":material/translate:",
            width=170,
        )
    st.html(f"<script>document.documentElement.lang = {json.dumps(lang)};</script>", unsafe_allow_javascript=True)
    return lang
