"""The reader's language for a script run: chosen from ?lang=, the switch, or the browser, and the switch itself."""

import functools
from collections.abc import Callable, Iterable

import streamlit as st

from figures.params import SHOWN_AS
from i18n import (
    DEFAULT,
    LANGUAGES,
    NAMES,
    current,
    document_lang_script,
    language,
    negotiate,
    set_language,
    supported,
    translate,
)
from shaping.words import say

KEY = "lang"  # the link parameter: ?lang=ja
SWITCH = "language-switch"  # the switch's widget key (not bound to the URL: a bound widget would write ?lang=日本語)
CHOSEN = "language-chosen"  # the last language the reader asked for, by link or switch, in this session
RUN_LANGUAGE = "language-of-run"  # the language start_language set for the last full run: its fragments' too
# The link parameters of widgets whose choices are shown translated (format_func=translate): Streamlit writes the
# label shown into the URL, so a link carries ?countries=Japan in English and ?countries=日本 in Japanese.
TRANSLATED_PARAMS = ("countries", "evidence", "measure", "scale", "view")


# Korean is broken between words, not inside them (히키코\n모리 in a phone's title): the press's and browsers' own
# rule for Korean, which a page must ask for; a word longer than the line may still break.
KOREAN_LINES = "html:lang(ko) .stApp * { word-break: keep-all; overflow-wrap: anywhere; }"
# Japanese headings break between phrases (Chromium's auto-phrase), not inside a word (数字で見るひきこ|もり).
JAPANESE_HEADINGS = "html:lang(ja) .stApp :is(h1, h2, h3, h4) { word-break: auto-phrase; }"
# A link to another page keeps its name on one line and cuts what a phone cannot show ("Verifica delle affermazioni: i
# numeri dell'articolo del 20"): its name wraps instead, in every language.
PAGE_LINKS = (
    '[data-testid="stPageLink-NavLink"] span:has(> [data-testid="stMarkdownContainer"]) { white-space: normal; }'
)


def browser_language() -> str | None:
    """What the browser says it reads: its locale as Streamlit reports it, else the Accept-Language header."""
    locale = getattr(st.context, "locale", None)
    if locale:
        return locale
    return st.context.headers.get("Accept-Language")


def start_language() -> str:
    """Set this run's language (i18n.set_language) before anything is drawn: ?lang=, else the language the reader
    chose earlier in this session (a page change drops the query string), else the browser's, else English. A chosen
    language is put back into the URL, so a reload or a copied address keeps it."""
    asked = supported(st.query_params.get(KEY))
    if asked:
        st.session_state[CHOSEN] = asked
    chosen = asked or st.session_state.get(CHOSEN)
    lang = set_language(negotiate(browser_language(), chosen))
    st.session_state[RUN_LANGUAGE] = lang
    if chosen and st.query_params.get(KEY) != lang:
        st.query_params[KEY] = lang
    link_choices_in_language(TRANSLATED_PARAMS)
    return lang


def reader_fragment(draw: Callable[..., None]) -> Callable[..., None]:
    """st.fragment that reruns in the reader's language: a fragment's rerun (a control or an expander inside it) runs
    neither app.py nor start_language, and its words came out in English (the Compare card after 'Quote and cite')."""

    @st.fragment
    @functools.wraps(draw)
    def run(*args: object, **kwargs: object) -> None:
        set_language(st.session_state.get(RUN_LANGUAGE, DEFAULT))
        draw(*args, **kwargs)

    return run


def shown_as(choice: str) -> str:
    """A control's choice in this run's words: its label translated, or, for a label too long for a phone's widget
    (figures.params.SHOWN_AS), its shorter words. Streamlit writes these words into the link."""
    return say(SHOWN_AS[choice]) if choice in SHOWN_AS else translate(choice)


def choice_words(choice: str) -> list[str]:
    """Every value a link may carry for a choice: its label (links made before shorter words), and the words it is
    shown in, in this run's language and in English (a link made in English)."""
    with language(DEFAULT):
        english = shown_as(choice)
    return list(dict.fromkeys([choice, translate(choice), shown_as(choice), english]))


def link_choices_in_language(params: Iterable[str]) -> None:
    """A link's choices in the language of this run: ?countries=Japan opened in Japanese selects 日本 (the widgets
    read the label shown). Only the link's first load reads these values; later runs read the widgets' own state.

    Relies on Streamlit's internal store of the URL's first values (tests/pages/test_streamlit_internals.py checks it):
    without it, a link made in another language falls back to the defaults, with a notice."""
    from streamlit.runtime.state.session_state_proxy import get_session_state

    with get_session_state().query_params() as query:
        initial = getattr(query, "_initial_query_params", None)
        if not isinstance(initial, dict):
            return
        for name in params:
            if name in initial:
                initial[name] = [shown_as(value) for value in initial[name]]


def link_values_in_language(name: str, shown: dict[str, str]) -> None:
    """A link's values of one parameter in this run's words, for choices whose labels are data words, not catalog
    ones (concepts): `shown` maps a label in any language to the one this run shows. Same store as above."""
    from streamlit.runtime.state.session_state_proxy import get_session_state

    with get_session_state().query_params() as query:
        initial = getattr(query, "_initial_query_params", None)
        if isinstance(initial, dict) and name in initial:
            initial[name] = [shown.get(value, value) for value in initial[name]]


def _switched() -> None:
    st.session_state[CHOSEN] = st.session_state[SWITCH]
    st.query_params[KEY] = st.session_state[SWITCH]


def language_switch() -> str:
    """English · 日本語 · 한국어 · Italiano, each in itself, at the top right of every page, kept in the URL (?lang=ja).

    Also sets the document's lang attribute when the reader switches without reloading (asgi.py sets it on load)."""
    lang = current()
    st.session_state[SWITCH] = lang  # the switch shows this run's language, however it was chosen
    with st.container(horizontal=True, horizontal_alignment="right", key="language-bar"):
        st.selectbox(
            say("controls.language"),
            LANGUAGES,
            format_func=NAMES.__getitem__,
            key=SWITCH,
            on_change=_switched,
            label_visibility="collapsed",
            icon=":material/translate:",
            width=170,
        )
    st.html(f"<script>{document_lang_script(lang)}</script>", unsafe_allow_javascript=True)
    st.html(f"<style>{KOREAN_LINES} {JAPANESE_HEADINGS} {PAGE_LINKS}</style>")
    return lang
